import { createRoot } from 'react-dom/client';
import { SidebarApp, type SidebarApi } from '@/components/sidebar-app';
import { ask } from '@/lib/messaging/client';
import { LISTS_CHANGED_KEY, tabKey } from '@/lib/background/tab-records';
import '@/components/scout.css';

const api: SidebarApi = {
  creatorForTab: () => ask('creator/for-tab', {}),
  save: (creatorKey) => ask('shortlist/save', { creatorKey }),
  onTabChanged(tabId, callback) {
    // storage.session is written only by the background (host pages and content scripts cannot).
    const listener = (changes: Record<string, unknown>) => {
      if (tabKey(tabId) in changes || LISTS_CHANGED_KEY in changes) callback();
    };
    browser.storage.session.onChanged.addListener(listener);
    return () => browser.storage.session.onChanged.removeListener(listener);
  },
};

createRoot(document.getElementById('root')!).render(<SidebarApp api={api} />);
