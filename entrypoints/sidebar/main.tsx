import { createRoot } from 'react-dom/client';
import { SidebarApp, type SidebarApi } from '@/components/sidebar-app';
import {
  DEFAULT_LAYOUT,
  LAYOUT_KEY,
  readLayout,
  withHiddenSite,
  type Layout,
} from '@/lib/settings/layout';
import { ask } from '@/lib/messaging/client';
import { LISTS_CHANGED_KEY, tabKey } from '@/lib/background/tab-records';
import { CLOSE_FEED_MESSAGE } from '@/lib/content/layout';
import '@/components/scout.css';

/** The stored layout, validated field by field (storage.local is shared with content scripts). */
async function loadLayout(): Promise<Layout> {
  const stored = await browser.storage.local.get(LAYOUT_KEY);
  return readLayout(stored[LAYOUT_KEY]);
}

// Read-modify-write of one key: the sidebar of another tab may have hidden a site meanwhile, so
// each write starts from what is stored now, not from what this page read at load.
async function writeLayout(change: (current: Layout) => Layout): Promise<void> {
  const next = change(await loadLayout());
  await browser.storage.local.set({ [LAYOUT_KEY]: next });
}

const api: SidebarApi = {
  creatorForTab: () => ask('creator/for-tab', {}),
  save: (creatorKey, options) => ask('shortlist/save', { creatorKey, ...options }),
  retryPage: () => ask('page/retry', {}),
  closeFeedCard(tabId) {
    // To this tab's content script only, which owns the card (a page cannot send it this).
    void browser.tabs.sendMessage(tabId, { type: CLOSE_FEED_MESSAGE }).catch(() => {});
  },
  onTabChanged(tabId, callback) {
    // storage.session is written only by the background (host pages and content scripts cannot).
    const listener = (changes: Record<string, unknown>) => {
      if (tabKey(tabId) in changes || LISTS_CHANGED_KEY in changes) callback();
    };
    browser.storage.session.onChanged.addListener(listener);
    return () => browser.storage.session.onChanged.removeListener(listener);
  },
  setLayout: ({ collapsed, side }) => writeLayout((current) => ({ ...current, collapsed, side })),
  hideOnSite: (site) => writeLayout((current) => withHiddenSite(current, site)),
  onLayoutChanged(callback) {
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      const change = changes[LAYOUT_KEY];
      if (change) callback(readLayout(change.newValue));
    };
    browser.storage.local.onChanged.addListener(listener);
    return () => browser.storage.local.onChanged.removeListener(listener);
  },
};

// The layout is read before the first render, so a collapsed card does not flash open.
void loadLayout()
  .catch(() => DEFAULT_LAYOUT)
  .then((layout) => {
    createRoot(document.getElementById('root')!).render(<SidebarApp api={api} layout={layout} />);
  });
