// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import type { SidebarApi } from '@/components/sidebar-app';
import type { PageState, Reply, ResponseOf, TabRecord } from '@/lib/messaging/protocol';
import type { CreatorRow, ProfileSnapshot } from '@/lib/model';

type TabView = ResponseOf<'creator/for-tab'>;
type SaveReply = Reply<ResponseOf<'shortlist/save'>>;

const NOW = Date.UTC(2026, 0, 15, 12);

const snapshot = (handle: string, over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle,
  url: `https://www.tiktok.com/@${handle}`,
  precision: {},
  recentPosts: [],
  capturedAt: NOW,
  sources: ['tiktok/universal-data'],
  ...over,
});

const creatorRow = (snap: ProfileSnapshot): CreatorRow => ({
  key: `${snap.platform}:${snap.handle}`,
  snapshot: snap,
  createdAt: NOW,
  updatedAt: NOW,
});

const page = (state: PageState, creatorKey?: string): TabRecord => ({
  url: 'https://www.tiktok.com/@jane',
  state,
  ...(creatorKey ? { creatorKey } : {}),
  updatedAt: NOW,
});

/** What the background answers for tab 7 when it shows this creator. */
const readyView = (snap: ProfileSnapshot, lists: TabView['lists'] = []): TabView => {
  const row = creatorRow(snap);
  return {
    tabId: 7,
    page: page('ready', row.key),
    creator: row,
    lists,
    detail: null,
    rateCard: DEFAULT_RATE_CARD,
  };
};

const ok = <T,>(data: T): Reply<T> => ({ ok: true, data });

/** Plays the background: answers come from a queue (the last one repeats); tab changes fire on demand. */
function fakeApi(...answers: Reply<TabView>[]) {
  const queue = [...answers];
  const listeners = new Map<number, () => void>();
  const api = {
    creatorForTab: vi.fn(async () => (queue.length > 1 ? queue.shift()! : queue[0]!)),
    save: vi.fn(async (): Promise<SaveReply> =>
      ok({
        listId: 'default',
        listName: 'Shortlist',
        entryId: 'default|tiktok:jane',
        created: true,
      }),
    ),
    onTabChanged: vi.fn((tabId: number, callback: () => void) => {
      listeners.set(tabId, callback);
      return () => listeners.delete(tabId);
    }),
  } satisfies SidebarApi;
  return {
    api,
    /** The background changed its record of `tabId`; the next creatorForTab answer is `next`. */
    async tabChanged(tabId: number, next: Reply<TabView>) {
      queue.splice(0, queue.length, next);
      await act(async () => listeners.get(tabId)?.());
    },
  };
}

// The sidebar's zustand store lives at module level: a fresh module per test gives a fresh store.
let SidebarApp: typeof import('@/components/sidebar-app').SidebarApp;
beforeEach(async () => {
  vi.resetModules();
  ({ SidebarApp } = await import('@/components/sidebar-app'));
});
afterEach(cleanup);

/** The value shown under a stat's label in the creator card. */
const stat = (label: string) => {
  const term = within(screen.getByRole('region', { name: 'Creator' })).getByText(label);
  return term.nextElementSibling?.textContent;
};

describe('the sidebar', () => {
  it('says it is reading the page before the background answers', () => {
    const api: SidebarApi = {
      creatorForTab: () => new Promise(() => {}),
      save: vi.fn(),
      onTabChanged: () => () => {},
    };
    render(<SidebarApp api={api} />);
    expect(screen.getByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
  });

  it("shows the creator's name, handle and exact followers", async () => {
    const { api } = fakeApi(
      ok(
        readyView(
          snapshot('jane', {
            displayName: 'Jane Doe',
            followers: 38_200,
            precision: { followers: 'exact' },
          }),
        ),
      ),
    );
    render(<SidebarApp api={api} />);
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(screen.getByText('@jane')).toBeTruthy();
    expect(stat('Followers')).toBe((38_200).toLocaleString());
  });

  it('marks rounded followers with ≈', async () => {
    const { api } = fakeApi(
      ok(readyView(snapshot('jane', { followers: 38_200, precision: { followers: 'rounded' } }))),
    );
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: '@jane' });
    expect(stat('Followers')).toMatch(/^≈38[.,]2\s?K$/);
  });

  it('says unknown, never 0, when the page showed no followers', async () => {
    const { api } = fakeApi(ok(readyView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    expect(stat('Followers')).toBe('unknown');
    expect(stat('Videos')).toBe('unknown');
  });

  it('shows a LinkedIn member without followers by connections, as a floor', async () => {
    const snap = snapshot('jane-doe', {
      platform: 'linkedin',
      url: 'https://www.linkedin.com/in/jane-doe/',
      displayName: 'Jane Doe',
      connections: 500,
      precision: { connections: 'lower-bound' },
    });
    const { api } = fakeApi(ok(readyView(snap)));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    expect(screen.getByText('jane-doe')).toBeTruthy();
    expect(stat('Connections')).toBe('500+');
  });

  const STATES: [Exclude<PageState, 'ready'>, string][] = [
    ['reading', 'Reading this page…'],
    ['not-creator', 'Not a creator page'],
    ['sign-in-required', 'Sign-in required'],
    ['private', 'Private account'],
    ['not-found', 'Account not found'],
    ['no-data', 'No profile data found'],
  ];

  it.each(STATES)('shows the %s state as "%s"', async (state, title) => {
    const { api } = fakeApi(
      ok({
        tabId: 7,
        page: page(state),
        creator: null,
        lists: [],
        detail: null,
        rateCard: DEFAULT_RATE_CARD,
      }),
    );
    render(<SidebarApp api={api} />);
    expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
  });

  it('shows the reason the content script gave', async () => {
    const { api } = fakeApi(
      ok({
        tabId: 7,
        page: { ...page('private'), reason: 'Only followers see this account' },
        creator: null,
        lists: [],
        detail: null,
        rateCard: DEFAULT_RATE_CARD,
      }),
    );
    render(<SidebarApp api={api} />);
    expect(await screen.findByText('Only followers see this account')).toBeTruthy();
  });

  it('never shows a creator the background holds while the tab is reading another page', async () => {
    const row = creatorRow(snapshot('jane', { displayName: 'Jane Doe' }));
    const { api } = fakeApi(
      ok({
        tabId: 7,
        page: page('reading'),
        creator: row,
        lists: [],
        detail: null,
        rateCard: DEFAULT_RATE_CARD,
      }),
    );
    render(<SidebarApp api={api} />);
    expect(await screen.findByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it('shows an alert when the background answers with an error', async () => {
    const { api } = fakeApi({
      ok: false,
      error: { code: 'unreachable', message: 'Scout did not answer' },
    });
    render(<SidebarApp api={api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Scout did not answer');
  });

  it('saves the creator by key and says which list it is on', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(readyView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:jane');
    expect((await screen.findByText('On Shortlist')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Save again' })).toBeTruthy();
  });

  it('says which lists a creator is already on', async () => {
    const { api } = fakeApi(ok(readyView(snapshot('jane'), [{ id: 'l1', name: 'Spring launch' }])));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: '@jane' });
    expect(screen.getByRole('status').textContent).toBe('On Spring launch');
    expect(screen.getByRole('button', { name: 'Save again' })).toBeTruthy();
  });

  it('keeps the creator on screen and shows an alert when saving fails', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(readyView(snapshot('jane', { displayName: 'Jane Doe' }))));
    api.save.mockResolvedValueOnce({
      ok: false,
      error: { code: 'storage', message: 'The browser is out of storage space for Scout' },
    });
    render(<SidebarApp api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect((await screen.findByRole('alert')).textContent).toContain('out of storage space');
    expect(screen.getByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
  });

  it('listens to changes of its own tab only', async () => {
    const { api } = fakeApi(ok(readyView(snapshot('jane'))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: '@jane' });
    expect(api.onTabChanged).toHaveBeenCalledWith(7, expect.any(Function));
  });

  it('replaces the old creator when the tab moves on to another creator', async () => {
    const fake = fakeApi(ok(readyView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={fake.api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await fake.tabChanged(7, ok(readyView(snapshot('john', { displayName: 'John Roe' }))));
    expect(await screen.findByRole('heading', { name: 'John Roe' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it('drops the old creator when the tab starts reading a new page', async () => {
    const fake = fakeApi(ok(readyView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={fake.api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await fake.tabChanged(
      7,
      ok({
        tabId: 7,
        page: page('reading'),
        creator: null,
        lists: [],
        detail: null,
        rateCard: DEFAULT_RATE_CARD,
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });
});
