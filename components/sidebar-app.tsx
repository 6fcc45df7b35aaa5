import { useEffect, useState } from 'react';
import { createStore, useStore } from 'zustand';
import type { Reply, ResponseOf } from '@/lib/messaging/protocol';
import { CreatorSummary } from './creator-summary';
import { PageStateView } from './page-state';

type TabView = ResponseOf<'creator/for-tab'>;

/** What the sidebar needs from the background: injected so component tests can play the background. */
export interface SidebarApi {
  creatorForTab(): Promise<Reply<TabView>>;
  save(creatorKey: string): Promise<Reply<ResponseOf<'shortlist/save'>>>;
  /** Calls back whenever the background's record of this tab may have changed. */
  onTabChanged(tabId: number, callback: () => void): () => void;
}

interface SidebarState {
  view: TabView | null;
  error: string | null;
  saveError: string | null;
  saving: boolean;
  savedTo: string | null;
  set(partial: Partial<Omit<SidebarState, 'set'>>): void;
}

/** UI state only, one store per React root. */
const createSidebarStore = () =>
  createStore<SidebarState>((set) => ({
    view: null,
    error: null,
    saveError: null,
    saving: false,
    savedTo: null,
    set: (partial) => set(partial),
  }));

/** The sidebar card: the creator the background knows for this tab, never data from the host page. */
export function SidebarApp({ api }: { api: SidebarApi }) {
  const [store] = useState(createSidebarStore);
  const { view, error, saveError, saving, savedTo, set } = useStore(store);
  const tabId = view?.tabId ?? null;

  useEffect(() => {
    let live = true;
    const load = async () => {
      const reply = await api.creatorForTab();
      if (!live) return;
      if (reply.ok) set({ view: reply.data, error: null });
      else set({ error: reply.error.message });
    };
    void load();
    return () => {
      live = false;
    };
  }, [api, set]);

  useEffect(() => {
    if (tabId == null) return;
    const refresh = () =>
      void api.creatorForTab().then((reply) => {
        if (reply.ok) set({ view: reply.data, error: null, savedTo: null });
      });
    const stop = api.onTabChanged(tabId, refresh);
    // The tab's record may have changed between the first answer and this subscription: ask again.
    refresh();
    return stop;
  }, [api, tabId, set]);

  if (error) {
    return (
      <main className="sidebar">
        <section role="alert">
          <h2>Scout could not load this creator</h2>
          <p className="error">{error}</p>
        </section>
      </main>
    );
  }
  if (!view)
    return (
      <main className="sidebar">
        <PageStateView state="reading" />
      </main>
    );

  const { page, creator, lists } = view;
  // Never a stale creator: only the creator the background filed for this tab's current page.
  if (!creator || !page || page.state !== 'ready') {
    const state = page && page.state !== 'ready' ? page.state : 'reading';
    return (
      <main className="sidebar">
        <PageStateView state={state} {...(page?.reason ? { reason: page.reason } : {})} />
      </main>
    );
  }

  const onSave = async () => {
    set({ saving: true, saveError: null });
    const reply = await api.save(creator.key);
    if (reply.ok) set({ saving: false, savedTo: reply.data.listName });
    else set({ saving: false, saveError: reply.error.message });
  };
  const onLists = savedTo
    ? [...new Set([...lists.map((l) => l.name), savedTo])]
    : lists.map((l) => l.name);

  return (
    <main className="sidebar">
      <CreatorSummary snapshot={creator.snapshot} />
      <div className="row">
        <button type="button" onClick={onSave} disabled={saving}>
          {onLists.length ? 'Save again' : 'Save to shortlist'}
        </button>
        {onLists.length > 0 && <span role="status">On {onLists.join(', ')}</span>}
      </div>
      {saveError && (
        <p role="alert" className="error">
          Not saved: {saveError}
        </p>
      )}
    </main>
  );
}
