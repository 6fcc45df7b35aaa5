import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import {
  loadRateCard,
  rateCardItem,
  readRateCard,
  resetRateCard,
  saveRateCard,
} from '@/lib/settings/rate-card';

describe('the rate card in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the default card until the user saves one', async () => {
    expect(await loadRateCard()).toEqual({ card: DEFAULT_RATE_CARD, source: 'default' });
  });

  it('keeps a saved card and goes back to the defaults on reset', async () => {
    const card = {
      ...DEFAULT_RATE_CARD,
      currency: 'EUR',
      exchange: { rate: 0.92, date: '2026-11-01' },
    };
    expect(await saveRateCard(card)).toBeNull();
    expect(await loadRateCard()).toEqual({ card, source: 'saved' });
    await resetRateCard();
    expect((await loadRateCard()).source).toBe('default');
  });

  it('refuses to save a card that fails its schema, saying which field', async () => {
    const error = await saveRateCard({ ...DEFAULT_RATE_CARD, currency: 'EUR' });
    expect(error).toMatch(/exchange/);
    expect((await loadRateCard()).source).toBe('default');
  });

  it('loads a version 1 card as stored, number for number', async () => {
    // The stored format as the options page has written it since version 1.
    const stored = {
      version: 1,
      currency: 'EUR',
      exchange: { rate: 0.92, date: '2026-11-01' },
      base: {
        instagram: { per1kFollowers: 12, post: 1, carousel: 1.3, reel: 1.6, story: 0.4 },
        tiktok: { per1kFollowers: 7, video: 1 },
        linkedin: { per1kFollowers: 9, post: 1 },
      },
      addOns: { 'usage-rights': 60, exclusivity: 35, whitelisting: 20, rush: 30 },
    };
    await rateCardItem.setValue(stored);
    expect(await loadRateCard()).toEqual({ card: stored, source: 'saved' });
  });

  it("fills in a platform added after the card was saved with that platform's defaults", async () => {
    const { linkedin: _added, ...older } = DEFAULT_RATE_CARD.base;
    const card = {
      ...DEFAULT_RATE_CARD,
      base: { ...older, tiktok: { per1kFollowers: 7, video: 1 } },
    };
    await rateCardItem.setValue(card);
    const loaded = await loadRateCard();
    expect(loaded.source).toBe('saved');
    expect(loaded.card.base.tiktok.per1kFollowers).toBe(7);
    expect(loaded.card.base.linkedin).toEqual(DEFAULT_RATE_CARD.base.linkedin);
  });

  it('falls back to the defaults, and says so, when the stored card is broken', async () => {
    await rateCardItem.setValue({ version: 1, currency: 'USD', base: 'garbage' });
    expect(await loadRateCard()).toEqual({ card: DEFAULT_RATE_CARD, source: 'invalid' });
    expect(readRateCard('not even an object').source).toBe('invalid');
  });
});
