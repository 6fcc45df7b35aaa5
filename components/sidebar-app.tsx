import { describeSaveConflicts, type SaveOptions } from './card/save-menu';
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Reply, ResponseOf } from '@/lib/messaging/protocol';
import { PAGE_STATE_MESSAGES } from './page-state';
import { BrandIdentity, CardTop, CreatorIdentity, CreatorSlim } from './card/card-header';
import { CardControls } from './card/card-controls';
import {
  ErrorBody,
  FailedBody,
  FeedNote,
  HiddenBody,
  ReadingBody,
  ReadingIdentity,
  StateBody,
} from './card/card-states';
import { CreatorCard } from './card/creator-card';
import { DEFAULT_LAYOUT, siteOf, type Layout } from '@/lib/settings/layout';
import { createSidebarStore, SidebarStoreContext, type TabView } from './card/store';
import { summarize } from './card/summary';

/** What the sidebar needs from its host: injected so component tests can play the background. */
export interface SidebarApi {
  creatorForTab(): Promise<Reply<TabView>>;
  /** Saves to the default list, or where `options` say (another or a new list, a note, tags). */
  save(creatorKey: string, options?: SaveOptions): Promise<Reply<ResponseOf<'shortlist/save'>>>;
  /**
   * Asks the background to have this tab's page sent and filed again (after a failed filing); the
   * outcome arrives as a change of the tab's record.
   */
  retryPage(): Promise<Reply<unknown>>;
  /** Closes the card opened from a feed's chip in this tab (Escape), back to the page's own. */
  closeFeedCard(tabId: number): void;
  /** Calls back whenever the background's record of this tab may have changed. */
  onTabChanged(tabId: number, callback: () => void): () => void;
  /**
   * Stores how the sidebar is shown (storage.local `layout`, keeping `hiddenHosts`): the content
   * script, which owns the iframe, shrinks it to the slim row when collapsed and docks it to `side`.
   */
  setLayout(layout: Pick<Layout, 'collapsed' | 'side'>): Promise<void>;
  /** Adds `site` ("example.com") to `layout.hiddenHosts`: the content script stops showing Scout there. */
  hideOnSite(site: string): Promise<void>;
  /** Calls back with the stored layout when it changes (another tab collapsed or moved the card). */
  onLayoutChanged(callback: (layout: Layout) => void): () => void;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The sidebar card: the creator the background knows for this tab, never data from the host page.
 * `layout` is the stored layout read before the first render, so a collapsed card starts collapsed.
 */
export function SidebarApp({ api, layout = DEFAULT_LAYOUT }: { api: SidebarApi; layout?: Layout }) {
  const [store] = useState(() => createSidebarStore(layout));
  const state = useStore(store);
  const { view, error, retrying, retryError, savedTo, hiddenOn, set } = state;
  const tabId = view?.tabId ?? null;

  useEffect(() => {
    let live = true;
    void api.creatorForTab().then((reply) => {
      if (!live) return;
      if (reply.ok) set({ view: reply.data, error: null });
      else set({ error: reply.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, set]);

  useEffect(() => {
    if (tabId == null) return;
    const refresh = () =>
      void api.creatorForTab().then((reply) => {
        // A failed re-ask cannot vouch for the creator on screen any more: say so, offer Retry.
        if (reply.ok) set({ view: reply.data, error: null, savedTo: null });
        else set({ error: reply.error.message });
      });
    const stop = api.onTabChanged(tabId, refresh);
    // The tab's record may have changed between the first answer and this subscription: ask again.
    refresh();
    return stop;
  }, [api, tabId, set]);

  useEffect(() => api.onLayoutChanged((next) => set({ layout: next })), [api, set]);

  const retry = async () => {
    set({ retrying: true });
    const reply = await api.creatorForTab();
    if (reply.ok) set({ view: reply.data, error: null, retrying: false, savedTo: null });
    else set({ error: reply.error.message, retrying: false });
  };

  const retryPage = async () => {
    set({ retrying: true, retryError: null });
    const reply = await api.retryPage();
    set({ retrying: false, retryError: reply.ok ? null : reply.error.message });
  };

  const changeLayout = async (next: Partial<Pick<Layout, 'collapsed' | 'side'>>) => {
    const before = store.getState().layout;
    const after = { ...before, ...next };
    set({ layout: after, layoutError: null });
    try {
      await api.setLayout({ collapsed: after.collapsed, side: after.side });
    } catch (e) {
      set({ layout: before, layoutError: `Scout could not save the layout: ${reason(e)}` });
    }
  };

  const site = view?.page ? siteOf(view.page.url) : null;
  const hide = async () => {
    if (!site) return;
    try {
      await api.hideOnSite(site);
      set({ hiddenOn: site, layoutError: null });
    } catch (e) {
      set({ layoutError: `Scout could not hide itself on ${site}: ${reason(e)}` });
    }
  };

  const { collapsed, side } = state.layout;
  const page = view?.page ?? null;
  const row = view?.creator ?? null;
  // Never a stale creator: only the creator whose chip was activated in this tab, or the one the
  // background filed for this tab's current page.
  const fromFeed = view?.feed && row && page?.feed?.creatorKey === row.key ? view.feed : null;
  const creator =
    !hiddenOn &&
    !error &&
    row &&
    (fromFeed || (page?.state === 'ready' && page.creatorKey === row.key))
      ? row
      : null;

  // Escape in a card opened from a chip closes it, as Escape on the chip does.
  const feedOpen = !!fromFeed && tabId != null;
  useEffect(() => {
    if (!feedOpen || tabId == null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') api.closeFeedCard(tabId);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, feedOpen, tabId]);

  let identity: ReactNode;
  let body: ReactNode;
  if (hiddenOn) {
    identity = <BrandIdentity slim={collapsed} title={collapsed ? 'hidden' : undefined} />;
    body = <HiddenBody site={hiddenOn} />;
  } else if (error) {
    identity = <BrandIdentity slim={collapsed} title={collapsed ? 'could not load' : undefined} />;
    body = <ErrorBody message={error} retrying={retrying} onRetry={() => void retry()} />;
  } else if (creator && view) {
    const summary = summarize(creator, view.detail);
    const lists = savedTo
      ? [...new Set([...view.lists.map((l) => l.name), savedTo])]
      : view.lists.map((l) => l.name);
    const onSave = async (options?: SaveOptions) => {
      set({ saving: true, saveError: null });
      const reply = await api.save(creator.key, options);
      // A field changed elsewhere since the form showed it stays as stored, and is said.
      if (reply.ok) {
        const saveError = describeSaveConflicts(reply.data.conflicts);
        set({ saving: false, savedTo: reply.data.listName, saveError });
      } else set({ saving: false, saveError: reply.error.message });
    };
    identity = collapsed ? (
      <CreatorSlim summary={summary} />
    ) : (
      <CreatorIdentity summary={summary} />
    );
    body = (
      <CreatorCard
        {...(fromFeed ? { note: <FeedNote {...fromFeed} /> } : {})}
        summary={summary}
        detail={view.detail}
        rateCard={view.rateCard}
        lists={lists}
        allLists={view.allLists ?? []}
        onSave={(options) => void onSave(options)}
      />
    );
  } else if (page?.state === 'failed') {
    identity = <BrandIdentity slim={collapsed} title={collapsed ? 'could not save' : undefined} />;
    body = (
      <FailedBody
        {...(page.failure ? { failure: page.failure } : {})}
        {...(page.reason ? { reason: page.reason } : {})}
        retrying={retrying}
        retryError={retryError}
        onRetry={() => void retryPage()}
      />
    );
  } else if (!page || page.state === 'reading' || page.state === 'ready') {
    // 'ready' without the creator it names: the background is still filing it.
    identity = <ReadingIdentity slim={collapsed} />;
    body = <ReadingBody />;
  } else {
    identity = (
      <BrandIdentity
        slim={collapsed}
        title={collapsed ? PAGE_STATE_MESSAGES[page.state].title : undefined}
      />
    );
    body = <StateBody state={page.state} {...(page.reason ? { reason: page.reason } : {})} />;
  }

  return (
    <SidebarStoreContext.Provider value={store}>
      <main className={collapsed ? 'sidebar collapsed' : 'sidebar'}>
        <CardTop
          collapsed={collapsed}
          onToggle={() => void changeLayout({ collapsed: !collapsed })}
        >
          {identity}
        </CardTop>
        {collapsed ? null : body}
        {collapsed ? null : (
          <CardControls
            side={side}
            site={hiddenOn ? null : site}
            error={state.layoutError}
            onMove={() => void changeLayout({ side: side === 'right' ? 'left' : 'right' })}
            onHide={() => void hide()}
          />
        )}
      </main>
    </SidebarStoreContext.Provider>
  );
}
