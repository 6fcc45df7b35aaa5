import { createHandlers } from '@/lib/background/handlers';
import { PageReader } from '@/lib/background/page-reader';
import { TabRecords } from '@/lib/background/tab-records';
import { TOGGLE_COMMAND, TOGGLE_MESSAGE } from '@/lib/content/layout';
import { getDb } from '@/lib/db/database';
import { listen } from '@/lib/messaging/server';
import { loadWorkers, platformForUrl } from '@/lib/platforms';
import { loadRateCard } from '@/lib/settings/rate-card';

export default defineBackground(() => {
  const tabs = new TabRecords(browser.storage.session);
  const rateCard = async () => (await loadRateCard()).card;
  // Every platform's readers, loaded once. The listeners are registered now, as MV3 requires, and
  // the ones that read pages wait for them.
  const reader = loadWorkers().then((workers) => new PageReader(workers));
  listen(createHandlers({ db: getDb(), tabs, now: Date.now, rateCard, reader }), {
    id: browser.runtime.id,
    origin: self.location.origin,
    ownsUrl: (url) => platformForUrl(url) !== null,
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void reader.then((loaded) => loaded.forget(tabId));
    void tabs.remove(tabId);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND || tab?.id == null) return;
    // A tab without Scout's content script has nobody to answer: nothing to toggle there.
    browser.tabs.sendMessage(tab.id, { type: TOGGLE_MESSAGE }).catch(() => {});
  });
});
