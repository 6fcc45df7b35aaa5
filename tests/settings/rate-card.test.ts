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

  it('falls back to the defaults, and says so, when the stored card is broken', async () => {
    await rateCardItem.setValue({ version: 1, currency: 'USD', base: 'garbage' });
    expect(await loadRateCard()).toEqual({ card: DEFAULT_RATE_CARD, source: 'invalid' });
    expect(readRateCard('not even an object').source).toBe('invalid');
  });
});
