// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarApp, type SidebarApi } from '@/components/sidebar-app';
import type { PageState } from '@/lib/messaging/protocol';
import { DEFAULT_LAYOUT } from '@/lib/settings/layout';
import type { ProfileSnapshot } from '@/lib/model';
import { CAPTURED, fakeApi, ok, stateView, vetView } from './card/fixtures';

afterEach(cleanup);

const snapshot = (handle: string, over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle,
  url: `https://www.tiktok.com/@${handle}`,
  precision: {},
  recentPosts: [],
  capturedAt: CAPTURED,
  sources: ['tiktok/universal-data'],
  ...over,
});

/** The headline value shown under a stat's label in the card. */
const stat = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling?.querySelector('.value')
    ?.textContent;

describe('the sidebar', () => {
  it('says it is reading the page before the background answers', () => {
    const api: SidebarApi = {
      ...fakeApi().api,
      creatorForTab: () => new Promise(() => {}),
    };
    render(<SidebarApp api={api} />);
    expect(screen.getByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
  });

  it("shows the creator's name, handle and exact followers", async () => {
    const { api } = fakeApi(
      ok(
        vetView(
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

  it('shows a creator from a chip with where they were seen; Escape asks to close that card', async () => {
    const jane = snapshot('jane', { displayName: 'Jane Doe', followers: 38_200 });
    const view = {
      ...vetView(jane, {
        page: {
          url: 'https://www.tiktok.com/foryou',
          state: 'not-creator',
          creatorKey: undefined,
          feed: { creatorKey: 'tiktok:jane', at: CAPTURED },
        },
      }),
      feed: { seenAt: CAPTURED, visited: false, profileUrl: jane.url },
    };
    const { api } = fakeApi(ok(view));
    render(<SidebarApp api={api} />);
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(document.body.textContent).toMatch(/from the feed/i);
    await userEvent.setup().keyboard('{Escape}');
    expect(api.closeFeedCard).toHaveBeenCalledWith(7);
  });

  it('leaves Escape alone on a creator page’s own card', async () => {
    const { api } = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await userEvent.setup().keyboard('{Escape}');
    expect(api.closeFeedCard).not.toHaveBeenCalled();
  });

  it('marks rounded followers with ≈', async () => {
    const { api } = fakeApi(
      ok(vetView(snapshot('jane', { followers: 38_200, precision: { followers: 'rounded' } }))),
    );
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: '@jane' });
    expect(stat('Followers')).toMatch(/^≈38[.,]2\s?K$/);
  });

  it('says unknown, never 0, when the page showed no followers', async () => {
    const { api } = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    expect(stat('Followers')).toBe('unknown');
    expect(screen.getByText('videos unknown')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b0 followers|\$0\b/);
  });

  it('shows a LinkedIn member without followers by connections, as a floor', async () => {
    const snap = snapshot('jane-doe', {
      platform: 'linkedin',
      url: 'https://www.linkedin.com/in/jane-doe/',
      displayName: 'Jane Doe',
      connections: 500,
      precision: { connections: 'lower-bound' },
    });
    const { api } = fakeApi(ok(vetView(snap)));
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
    const { api } = fakeApi(ok(stateView(state)));
    render(<SidebarApp api={api} />);
    expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
  });

  it('shows the reason the content script gave', async () => {
    const { api } = fakeApi(
      ok(stateView('private', { reason: 'Only followers see this account' })),
    );
    render(<SidebarApp api={api} />);
    expect(await screen.findByText('Only followers see this account')).toBeTruthy();
  });

  it('never shows a creator the background holds while the tab is reading another page', async () => {
    const view = vetView(snapshot('jane', { displayName: 'Jane Doe' }), {
      page: { state: 'reading', creatorKey: undefined },
    });
    const { api } = fakeApi(ok(view));
    render(<SidebarApp api={api} />);
    expect(await screen.findByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it("never shows a creator that is not the one filed for the tab's page", async () => {
    const view = vetView(snapshot('jane', { displayName: 'Jane Doe' }), {
      page: { creatorKey: 'tiktok:john' },
    });
    const { api } = fakeApi(ok(view));
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
    const { api } = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:jane', undefined);
    expect((await screen.findByText('On Shortlist')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Save again' })).toBeTruthy();
  });

  it('says which lists a creator is already on', async () => {
    const { api } = fakeApi(
      ok(vetView(snapshot('jane'), { lists: [{ id: 'l1', name: 'Spring launch' }] })),
    );
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: '@jane' });
    expect(screen.getByText('On Spring launch').getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Save again' })).toBeTruthy();
  });

  it('keeps the creator on screen and shows an alert when saving fails', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
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
    const { api } = fakeApi(ok(vetView(snapshot('jane'))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: '@jane' });
    expect(api.onTabChanged).toHaveBeenCalledWith(7, expect.any(Function));
  });

  it('replaces the old creator when the tab moves on to another creator', async () => {
    const fake = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={fake.api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await fake.tabChanged(7, ok(vetView(snapshot('john', { displayName: 'John Roe' }))));
    expect(await screen.findByRole('heading', { name: 'John Roe' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it('drops the old creator when the tab starts reading a new page', async () => {
    const fake = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={fake.api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await fake.tabChanged(7, ok(stateView('reading')));
    expect(await screen.findByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it('drops the creator when the background stops answering for the tab', async () => {
    const fake = fakeApi(ok(vetView(snapshot('jane', { displayName: 'Jane Doe' }))));
    render(<SidebarApp api={fake.api} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await fake.tabChanged(7, {
      ok: false,
      error: { code: 'unreachable', message: 'Scout did not answer' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Scout did not answer');
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it('says, folded, that the page could not be saved, and shows why with Retry when opened', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(stateView('failed', { failure: 'storage' })));
    render(<SidebarApp api={api} layout={{ ...DEFAULT_LAYOUT, collapsed: true }} />);
    expect(await screen.findByText('· could not save')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Expand card' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The browser’s storage for Scout is full.',
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
