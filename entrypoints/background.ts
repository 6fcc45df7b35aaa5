import { createHandlers } from '@/lib/background/handlers';
import { TabRecords } from '@/lib/background/tab-records';
import { getDb } from '@/lib/db/database';
import { listen } from '@/lib/messaging/server';
import { platformForUrl } from '@/lib/platforms';
import { loadRateCard } from '@/lib/settings/rate-card';

export default defineBackground(() => {
  const tabs = new TabRecords(browser.storage.session);
  const rateCard = async () => (await loadRateCard()).card;
  listen(createHandlers({ db: getDb(), tabs, now: Date.now, rateCard }), {
    id: browser.runtime.id,
    origin: self.location.origin,
    ownsUrl: (url) => platformForUrl(url) !== null,
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));
});
