import { createHandlers } from '@/lib/background/handlers';
import { PageReader } from '@/lib/background/page-reader';
import { TabRecords } from '@/lib/background/tab-records';
import { TOGGLE_COMMAND, TOGGLE_MESSAGE } from '@/lib/content/layout';
import { getDb } from '@/lib/db/database';
import { listen } from '@/lib/messaging/server';
import { platformForUrl } from '@/lib/platforms';
import { loadRateCard } from '@/lib/settings/rate-card';

export default defineBackground(() => {
  const tabs = new TabRecords(browser.storage.session);
  const rateCard = async () => (await loadRateCard()).card;
  const reader = new PageReader(platformForUrl);
  listen(createHandlers({ db: getDb(), tabs, now: Date.now, rateCard, reader }), {
    id: browser.runtime.id,
    origin: self.location.origin,
    ownsUrl: (url) => platformForUrl(url) !== null,
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    reader.forget(tabId);
    void tabs.remove(tabId);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND || tab?.id == null) return;
    // A tab without Scout's content script has nobody to answer: nothing to toggle there.
    browser.tabs.sendMessage(tab.id, { type: TOGGLE_MESSAGE }).catch(() => {});
  });
});
