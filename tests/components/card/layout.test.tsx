// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '@/components/sidebar-app';
import {
  DEFAULT_LAYOUT,
  isHiddenOn,
  readLayout,
  siteOf,
  withHiddenSite,
} from '@/lib/settings/layout';
import { fakeApi, maraBakes, ok, vetView } from './fixtures';

afterEach(cleanup);

describe('collapsing the card', () => {
  it('collapses to a slim row with name, ER and price, stores it, and keeps the focus', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });

    const toggle = screen.getByRole('button', { name: 'Collapse card' });
    await user.click(toggle);
    expect(api.setLayout).toHaveBeenCalledWith({ collapsed: true, side: 'right' });
    const row = screen.getByRole('banner');
    expect(row.textContent).toBe('MBMara BakesER 9.4%video $180–$300');
    expect(screen.queryByText('Engagement rate')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Details' })).toBeNull();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    // The same button, now "Expand card", still has the focus.
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-label')).toBe('Expand card');

    await user.keyboard('{Enter}');
    expect(api.setLayout).toHaveBeenLastCalledWith({ collapsed: false, side: 'right' });
    expect(screen.getByText('Engagement rate')).toBeTruthy();
  });

  it('starts collapsed when the stored layout says so', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} layout={{ ...DEFAULT_LAYOUT, collapsed: true }} />);
    expect(await screen.findByRole('heading', { name: 'Mara Bakes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Expand card' })).toBeTruthy();
    expect(screen.queryByText('Engagement rate')).toBeNull();
  });

  it('follows the stored layout when another tab changes it', async () => {
    const fake = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={fake.api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    await fake.layoutChanged({ ...DEFAULT_LAYOUT, collapsed: true, side: 'left' });
    expect(screen.getByRole('button', { name: 'Expand card' })).toBeTruthy();
    await fake.layoutChanged({ ...DEFAULT_LAYOUT, side: 'left' });
    expect(screen.getByRole('button', { name: 'Move to the right' })).toBeTruthy();
  });

  it('stays open and says so when the layout cannot be stored', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(maraBakes())));
    api.setLayout.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    await user.click(screen.getByRole('button', { name: 'Collapse card' }));
    expect((await screen.findByRole('alert')).textContent).toContain('QUOTA_BYTES quota exceeded');
    expect(screen.getByRole('button', { name: 'Collapse card' })).toBeTruthy();
    expect(screen.getByText('Engagement rate')).toBeTruthy();
  });
});

describe('out of the way', () => {
  it('moves the card to the other side', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Move to the left' }));
    expect(api.setLayout).toHaveBeenCalledWith({ collapsed: false, side: 'left' });
    await user.click(screen.getByRole('button', { name: 'Move to the right' }));
    expect(api.setLayout).toHaveBeenLastCalledWith({ collapsed: false, side: 'right' });
  });

  it("hides Scout on the tab's site, named from the background's record of the page", async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Hide on tiktok.com' }));
    expect(api.hideOnSite).toHaveBeenCalledWith('tiktok.com');
    expect((await screen.findByRole('status')).textContent).toContain('Hidden on tiktok.com');
    expect(screen.queryByRole('heading', { name: 'Mara Bakes' })).toBeNull();
  });

  it('can be worked with the keyboard alone, in reading order', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    const order: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      await user.tab();
      const el = document.activeElement as HTMLElement;
      order.push(el.getAttribute('aria-label') ?? el.textContent ?? '');
    }
    expect(order).toEqual([
      'Collapse card',
      'Save to shortlist',
      'Save to…',
      expect.stringMatching(/^Details/),
      'Move to the left',
      'Hide on tiktok.com',
    ]);
  });
});

describe('the stored layout', () => {
  it('falls back field by field on whatever storage holds', () => {
    expect(readLayout(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(readLayout('collapsed')).toEqual(DEFAULT_LAYOUT);
    expect(
      readLayout({ collapsed: 'yes', side: 'left', hiddenHosts: ['tiktok.com', 'tiktok.com'] }),
    ).toEqual({ collapsed: false, side: 'left', hiddenHosts: ['tiktok.com'] });
    expect(readLayout({ collapsed: true, side: 'top', hiddenHosts: ['<script>'] })).toEqual({
      collapsed: true,
      side: 'right',
      hiddenHosts: [],
    });
  });

  it('hides a whole site, country subdomains included', () => {
    expect(siteOf('https://cz.linkedin.com/in/jonas-weber-b2b/')).toBe('linkedin.com');
    expect(siteOf('https://www.tiktok.com/@mara.bakes')).toBe('tiktok.com');
    expect(siteOf('not a url')).toBeNull();
    const layout = withHiddenSite(withHiddenSite(DEFAULT_LAYOUT, 'linkedin.com'), 'linkedin.com');
    expect(layout.hiddenHosts).toEqual(['linkedin.com']);
    expect(isHiddenOn(layout, 'www.linkedin.com')).toBe(true);
    expect(isHiddenOn(layout, 'linkedin.com')).toBe(true);
    expect(isHiddenOn(layout, 'notlinkedin.com')).toBe(false);
    expect(isHiddenOn(layout, 'www.tiktok.com')).toBe(false);
  });
});
