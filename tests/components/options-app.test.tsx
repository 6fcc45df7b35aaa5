// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChipSettingsApi } from '@/components/chip-settings';
import type { LayoutApi } from '@/components/hidden-sites';
import type { ChipSettings } from '@/lib/settings/chips';
import { OptionsApp } from '@/components/options-app';
import type { RateCardApi } from '@/components/rate-card-form';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import { DEFAULT_LAYOUT } from '@/lib/settings/layout';
import { creator, NOW, seedList } from './shortlists/fixtures';

let db: ScoutDb;

beforeEach(async () => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  const jane = creator('jane', 'Jane Doe', 38_000);
  const john = creator('john', 'John Roe', 8_000);
  await seedList(db, 'Spring', [jane, john]);
  await seedList(db, 'Autumn', [jane]);
  // Two captures of Jane, hours apart: two history rows.
  await recordSnapshot(db, jane.snapshot, NOW);
  await recordSnapshot(db, { ...jane.snapshot, capturedAt: NOW + 3 * 3_600_000 }, NOW);
  await recordSnapshot(db, john.snapshot, NOW);
});

afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderOptions() {
  const rateCard: RateCardApi = {
    load: async () => ({ card: DEFAULT_RATE_CARD, source: 'default' }),
    save: async () => null,
    reset: async () => {},
  };
  const layout: LayoutApi = {
    load: async () => DEFAULT_LAYOUT,
    showOn: async () => {},
    onChanged: () => () => {},
  };
  let stored: ChipSettings = { instagram: false };
  const chips: ChipSettingsApi = {
    load: async () => stored,
    save: async (next) => {
      stored = next;
    },
    onChanged: () => () => {},
  };
  const onDataRemoved = vi.fn();
  render(
    <OptionsApp
      db={db}
      rateCard={rateCard}
      layout={layout}
      chips={chips}
      onDataRemoved={onDataRemoved}
    />,
  );
  return { user: userEvent.setup(), onDataRemoved, chips: () => stored };
}

/** Every row of every table that mentions `key`, anywhere in it. */
async function rowsMentioning(key: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      if (JSON.stringify(row).includes(key)) found.push(table.name);
    }
  }
  return found;
}

describe('the options page', () => {
  it('turns chips on and off per platform, on unless the user turned them off', async () => {
    const { user, chips } = renderOptions();
    const tiktok = await screen.findByRole('checkbox', { name: 'Chips on TikTok' });
    const instagram = screen.getByRole('checkbox', { name: 'Chips on Instagram' });
    expect((tiktok as HTMLInputElement).checked).toBe(true);
    expect((instagram as HTMLInputElement).checked).toBe(false);
    await user.click(tiktok);
    await user.click(instagram);
    expect(chips()).toEqual({ tiktok: false, instagram: true });
  });

  it('forgets a creator everywhere, after asking, and says what was removed', async () => {
    const { user, onDataRemoved } = renderOptions();
    expect((await rowsMentioning('instagram:jane')).length).toBeGreaterThan(0);
    const picker = await screen.findByRole('combobox', { name: 'Creator' });
    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Jane Doe (@jane, Instagram)', 'John Roe (@john, Instagram)']),
    );
    await user.selectOptions(picker, 'Jane Doe (@jane, Instagram)');

    await user.click(screen.getByRole('button', { name: 'Forget…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Forget Jane Doe?' });
    expect(dialog.textContent).toContain('2 snapshots');
    expect(dialog.textContent).toContain('2 entries');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await db.creators.get('instagram:jane')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Forget…' }));
    await user.click(await screen.findByRole('button', { name: 'Forget' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Forgot Jane Doe: removed their profile, 2 snapshots of their history and 2 list entries.',
    );
    expect(await rowsMentioning('instagram:jane')).toEqual([]);
    expect(await db.creators.get('instagram:john')).toBeTruthy();
    expect(onDataRemoved).toHaveBeenCalledWith({ creatorKey: 'instagram:jane' });
    await waitFor(() =>
      expect(
        within(screen.getByRole('combobox', { name: 'Creator' }))
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['John Roe (@john, Instagram)']),
    );
  });

  it('wipes every table after a dialog naming what goes, then shows the empty state', async () => {
    const { user, onDataRemoved } = renderOptions();
    await user.click(await screen.findByRole('button', { name: 'Wipe all Scout data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Wipe all Scout data?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(dialog.textContent).toContain('2 creators');
    expect(dialog.textContent).toContain('3 snapshots');
    expect(dialog.textContent).toContain('2 shortlists with 3 entries');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await db.creators.count()).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Wipe all Scout data…' }));
    await user.click(await screen.findByRole('button', { name: 'Wipe everything' }));
    expect(await screen.findByText('All Scout data in this browser was wiped.')).toBeTruthy();
    for (const table of db.tables) expect(await table.count()).toBe(0);
    expect(await screen.findByText('Scout has no data in this browser.')).toBeTruthy();
    expect(onDataRemoved).toHaveBeenCalledWith({ all: true });
  });
});
