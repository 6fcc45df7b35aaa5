import { createRoot } from 'react-dom/client';
import { PopupApp, type PopupApi } from '@/components/popup-app';
import { getDb } from '@/lib/db/database';
import { ask } from '@/lib/messaging/client';
import '@/components/scout.css';

const api: PopupApi = {
  db: getDb(),
  creatorForTab: (tabId) => ask('creator/for-tab', tabId === undefined ? {} : { tabId }),
  save: (request) => ask('shortlist/save', request),
  openShortlists: () =>
    void browser.tabs.create({ url: browser.runtime.getURL('/shortlists.html') }),
};

/** The tab to describe: `?tab=<id>` when opened as a page, else the active tab of this window. */
async function targetTab(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

void targetTab().then((tabId) => {
  createRoot(document.getElementById('root')!).render(<PopupApp api={api} tabId={tabId} />);
});
