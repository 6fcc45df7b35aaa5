// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '@/components/sidebar-app';
import type { PageState } from '@/lib/messaging/protocol';
import { failure, fakeApi, lenaTrails, maraBakes, ok, stateView, vetView } from './fixtures';

afterEach(cleanup);

const value = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling?.querySelector('.value')
    ?.textContent;

describe('honest states', () => {
  it('says it is reading, as a live status, with the card controls at hand', async () => {
    const { api } = fakeApi(ok(stateView('reading')));
    render(<SidebarApp api={api} />);
    // The site is known once the background has answered.
    await screen.findByRole('button', { name: 'Hide on tiktok.com' });
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('Reading this page…');
    expect(screen.getByRole('button', { name: 'Collapse card' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide on tiktok.com' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });

  const PLAIN: [PageState, string, string][] = [
    ['not-creator', 'Not a creator page', 'Open a profile, video or post to see a creator.'],
    [
      'sign-in-required',
      'Sign-in required',
      'This page hides the profile until you sign in to the site.',
    ],
    ['private', 'Private account', 'Only followers can see this account’s posts.'],
  ];

  it.each(PLAIN)('says "%s" plainly, with no numbers', async (state, title, detail) => {
    const { api } = fakeApi(ok(stateView(state)));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: title });
    expect(screen.getByRole('status').textContent).toBe(`${title}${detail}`);
    expect(screen.queryByText('Engagement rate')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Details' })).toBeNull();
  });

  it('shows what the profile says when no posts are visible yet, and says so', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes({ recentPosts: [] }))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    expect(value('Followers')).toBe('38,214');
    expect(value('Engagement rate')).toBe('17.5% · not graded');
    const missing = screen.getByRole('region', { name: 'Missing data' });
    expect(missing.textContent).toContain('Posts aren’t visible yet.');
    expect(missing.textContent).toContain(
      'no per-post numbers: ER from lifetime totals, low confidence',
    );
  });

  it('says the ER is unknown, and why, when neither posts nor totals are on the page', async () => {
    const { api } = fakeApi(ok(vetView(lenaTrails({ recentPosts: [] }))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Lena Trails' });
    expect(value('Followers')).toBe('≈38K');
    expect(value('Engagement rate')).toBe('unknown');
    expect(screen.getByText('no per-post data on the page')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Missing data' }).textContent).toContain(
      'Posts aren’t visible yet.',
    );
  });

  it('names a private account among what is missing when its profile numbers are shown', async () => {
    const { api } = fakeApi(ok(vetView(lenaTrails({ isPrivate: true, recentPosts: [] }))));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Lena Trails' });
    const missing = screen.getByRole('region', { name: 'Missing data' });
    expect(missing.textContent).toContain('private account: posts are hidden');
    expect(missing.textContent).not.toContain('Posts aren’t visible yet');
  });

  it('shows no notice when nothing is missing', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    expect(screen.queryByRole('region', { name: 'Missing data' })).toBeNull();
  });

  it('shows an error with Retry, which asks the background again', async () => {
    const user = userEvent.setup();
    const fake = fakeApi(failure('Scout did not answer'));
    render(<SidebarApp api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Scout could not load this creator');
    expect(alert.textContent).toContain('Scout did not answer');
    const asked = fake.api.creatorForTab.mock.calls.length;

    fake.answer(failure('Still no answer'));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.api.creatorForTab.mock.calls.length).toBe(asked + 1);
    expect((await screen.findByText('Still no answer')).closest('[role="alert"]')).toBeTruthy();

    fake.answer(ok(vetView(maraBakes())));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Mara Bakes' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    // Once it has the tab, it listens for the tab's changes again.
    expect(fake.api.onTabChanged).toHaveBeenCalledWith(7, expect.any(Function));
  });

  it('says a page could not be saved because the storage is full, and Retry has it read again', async () => {
    const user = userEvent.setup();
    const fake = fakeApi(ok(stateView('failed', { failure: 'storage', reason: 'full' })));
    render(<SidebarApp api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Scout could not save this page');
    expect(alert.textContent).toContain('The browser’s storage for Scout is full.');
    expect(screen.queryByText('Engagement rate')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.api.retryPage).toHaveBeenCalledTimes(1);
    // The background re-reads the page: the card follows the tab's record.
    await fake.tabChanged(7, ok(stateView('reading')));
    expect(await screen.findByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
    await fake.tabChanged(7, ok(vetView(maraBakes())));
    expect(await screen.findByRole('heading', { name: 'Mara Bakes' })).toBeTruthy();
    expect(value('Followers')).toBe('38,214');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows what went wrong inside Scout with the failure', async () => {
    const { api } = fakeApi(
      ok(stateView('failed', { failure: 'internal', reason: 'page/read failed: disk I/O error' })),
    );
    render(<SidebarApp api={api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong inside Scout.');
    expect(alert.textContent).toContain('disk I/O error');
  });

  it('says so when a Retry cannot reach the page, and lets the user retry again', async () => {
    const user = userEvent.setup();
    const fake = fakeApi(ok(stateView('failed', { failure: 'storage' })));
    fake.api.retryPage.mockResolvedValueOnce(
      failure('The page did not answer. Reload it to read it again.'),
    );
    render(<SidebarApp api={fake.api} />);
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Reload it to read it again');
    const retry = screen.getByRole('button', { name: 'Retry' }) as HTMLButtonElement;
    expect(retry.disabled).toBe(false);
    await user.click(retry);
    expect(fake.api.retryPage).toHaveBeenCalledTimes(2);
    await fake.tabChanged(7, ok(stateView('reading')));
    expect(await screen.findByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
  });
});
