// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HiddenSites, type LayoutApi } from '@/components/hidden-sites';
import { DEFAULT_LAYOUT, withShownSite, type Layout } from '@/lib/settings/layout';

afterEach(cleanup);

function fakeLayout(initial: Layout): LayoutApi {
  let layout = initial;
  const listeners = new Set<(l: Layout) => void>();
  return {
    load: async () => layout,
    async showOn(site) {
      layout = withShownSite(layout, site);
      listeners.forEach((l) => l(layout));
    },
    onChanged(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
}

describe('sites where the card is hidden', () => {
  it('lists them and shows the card again on one', async () => {
    render(
      <HiddenSites
        api={fakeLayout({ ...DEFAULT_LAYOUT, hiddenHosts: ['tiktok.com', 'linkedin.com'] })}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show the card on tiktok.com' }),
    );
    expect(screen.queryByRole('button', { name: 'Show the card on tiktok.com' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show the card on linkedin.com' })).toBeTruthy();
  });

  it('says when there are none', async () => {
    render(<HiddenSites api={fakeLayout(DEFAULT_LAYOUT)} />);
    expect((await screen.findByText(/shows on every creator page/)).textContent).toContain('None');
  });
});
