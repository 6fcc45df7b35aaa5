import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_CARD,
  RateCardSchema,
  SEED_MICRO_POST_USD,
  applyAddOns,
  bandFor,
  computeRates,
  erAdjustment,
  roundPrice,
  type RateCard,
  type RateInput,
} from '@/lib/metrics';
import { RateSchema, type Rate } from '@/lib/model';

const instagram = (followers: number, er: number | null = null): RateInput => {
  const band = bandFor('instagram', followers);
  return {
    platform: 'instagram',
    followers,
    er: er ?? band?.median ?? null,
    basis: 'followers',
    band,
    medianViews: null,
  };
};

const quote = (input: RateInput, deliverable: string, card?: RateCard) =>
  computeRates(input, card).rates.find((r) => r.deliverable === deliverable);

describe('the rate model', () => {
  it('a 38K Instagram creator at the median ER is quoted $290–$480 for a static post, inside the seed’s $100–500', () => {
    const post = quote(instagram(38_000), 'post');
    expect(post).toMatchObject({ low: 290, mid: 380, high: 480, currency: 'USD' });
    expect(post!.low).toBeGreaterThanOrEqual(SEED_MICRO_POST_USD.from);
    expect(post!.high).toBeLessThanOrEqual(SEED_MICRO_POST_USD.to);
  });

  it('a 38.2K TikTok creator at the band median is quoted $170–$290 for a video (the DESIGN card)', () => {
    const band = bandFor('tiktok', 38_200);
    const video = quote(
      { platform: 'tiktok', followers: 38_200, er: 8.9, basis: 'views', band, medianViews: 40_000 },
      'video',
    );
    expect(video).toMatchObject({ low: 170, mid: 230, high: 290 });
  });

  it.each([
    ['static post', 'post', 380],
    ['carousel (+25%)', 'carousel', 480],
    ['reel (+50%)', 'reel', 570],
    ['story (50% of a post)', 'story', 190],
  ])('Instagram %s at 38K followers has a mid of %i USD', (_what, deliverable, mid) => {
    expect(quote(instagram(38_000), deliverable)?.mid).toBe(mid);
  });

  it.each([
    ['TikTok', 'tiktok', ['video']],
    ['Instagram', 'instagram', ['post', 'carousel', 'reel', 'story']],
    ['LinkedIn', 'linkedin', ['post']],
  ] as const)('%s quotes %j', (_name, platform, deliverables) => {
    const rates = computeRates({
      platform,
      followers: 20_000,
      er: null,
      basis: null,
      band: null,
      medianViews: null,
    }).rates;
    expect(rates.map((r) => r.deliverable)).toEqual(deliverables);
  });

  it('a LinkedIn quote is low confidence', () => {
    const band = bandFor('linkedin', 5_740);
    expect(
      computeRates({
        platform: 'linkedin',
        followers: 5_740,
        er: 0.85,
        basis: 'followers',
        band,
        medianViews: null,
      }).confidence,
    ).toBe('low');
  });
});

describe('engagement adjustment × clamp(ER / band median, 0.5, 2.0)', () => {
  const band = bandFor('instagram', 38_000);
  it.each([
    ['at the median', 0.975, 1],
    ['twice the median', 1.95, 2],
    ['five times the median (clamped)', 4.875, 2],
    ['half the median', 0.4875, 0.5],
    ['a tenth of the median (clamped)', 0.0975, 0.5],
  ])('an ER %s gives ×%f', (_what, er, factor) => {
    expect(erAdjustment({ er, band }).factor).toBe(factor);
  });

  it('an unknown ER gives ×1.0 and says so', () => {
    const adj = erAdjustment({ er: null, band });
    expect(adj).toMatchObject({ factor: 1, applied: false });
    expect(adj.note).toMatch(/ER unknown/);
    expect(computeRates(instagram(38_000, Number.NaN)).adjustment.applied).toBe(false);
  });

  it('a lifetime ER has no comparable band: ×1.0', () => {
    expect(erAdjustment({ er: 16.8, band: null })).toMatchObject({ factor: 1, applied: false });
  });

  it('a creator with twice the median ER is quoted twice the price', () => {
    expect(quote(instagram(38_000, 1.95), 'post')?.mid).toBe(760);
  });
});

describe('rounding to sensible steps', () => {
  it.each([
    [3, 5],
    [42, 40],
    [97.4, 95],
    [99, 100],
    [234, 230],
    [236, 240],
    [999, 1_000],
    [1_234, 1_250],
    [9_870, 9_850],
    [12_345, 12_300],
    [0, 0],
    [Number.NaN, 0],
  ])('%f is shown as %i', (value, shown) => {
    expect(roundPrice(value)).toBe(shown);
  });
});

describe('CPE and CPM beside each price', () => {
  it('a TikTok video: CPE = price / (median views × ER), CPM = price / median views × 1000', () => {
    const band = bandFor('tiktok', 38_200);
    const video = quote(
      { platform: 'tiktok', followers: 38_200, er: 8.9, basis: 'views', band, medianViews: 40_000 },
      'video',
    )!;
    // 230 / (40,000 × 8.9%) = 0.0646; 230 / 40,000 × 1000 = 5.75
    expect(video.cpe?.mid).toBe(0.065);
    expect(video.cpm).toMatchObject({ mid: 5.75 });
    expect(video.cpmBasis).toBe('views');
    expect(video.cpmVsTypical).toBe('within');
  });

  it('an Instagram post: CPM by followers; above the typical $5–15 is said', () => {
    const post = quote(instagram(38_000), 'post')!;
    expect(post.cpmBasis).toBe('followers');
    expect(post.cpm?.mid).toBe(10);
    expect(post.cpmVsTypical).toBe('within');
    // 2× the median ER: a reel at $1,140 on 38K followers is a $30 CPM.
    expect(quote(instagram(38_000, 1.95), 'reel')!.cpmVsTypical).toBe('above');
    // Half the median ER: a story at $95 is a $2.50 CPM.
    expect(quote(instagram(38_000, 0.4875), 'story')!.cpmVsTypical).toBe('below');
  });

  it('an unknown ER gives no CPE but still a CPM', () => {
    const post = quote({ ...instagram(38_000), er: null }, 'post')!;
    expect(post.cpe).toBeNull();
    expect(post.cpm).not.toBeNull();
  });
});

describe('add-ons: itemised, never folded in', () => {
  const base: Rate = { deliverable: 'post', low: 290, mid: 380, high: 480, currency: 'USD' };

  it('quotes come with the four add-ons listed separately and prices untouched', () => {
    const estimate = computeRates(instagram(38_000));
    expect(estimate.addOns.map(({ id, percent }) => ({ id, percent }))).toEqual([
      { id: 'usage-rights', percent: 50 },
      { id: 'exclusivity', percent: 30 },
      { id: 'whitelisting', percent: 30 },
      { id: 'rush', percent: 25 },
    ]);
    expect(estimate.addOns[0]).toMatchObject({
      per30Days: true,
      marketRange: { from: 50, to: 200 },
    });
  });

  it.each([
    ['no add-ons', [], 0, { low: 290, mid: 380, high: 480 }],
    ['rush (+25%)', ['rush'], 25, { low: 365, mid: 475, high: 600 }],
    ['30 days of usage rights (+50%)', ['usage-rights'], 50, { low: 440, mid: 570, high: 720 }],
    [
      '90 days of usage rights (+150%)',
      [{ id: 'usage-rights', days: 90 }],
      150,
      { low: 730, mid: 950, high: 1_200 },
    ],
    [
      '45 days of exclusivity (two started periods, +60%) and whitelisting (+30%)',
      [{ id: 'exclusivity', days: 45 }, 'whitelisting'],
      90,
      { low: 545, mid: 720, high: 910 },
    ],
  ] as const)('a post quoted 290–480 USD with %s', (_what, selected, percent, total) => {
    const priced = applyAddOns(base, selected);
    expect(priced).toMatchObject({ percent, ...total, base: { low: 290, mid: 380, high: 480 } });
    const sum = priced.items.reduce((t, i) => t + i.mid, priced.base.mid);
    expect(priced.mid).toBe(sum);
  });

  it('a nonsense duration counts as one 30-day period', () => {
    expect(applyAddOns(base, [{ id: 'usage-rights', days: Number.NaN }]).percent).toBe(50);
    expect(applyAddOns(base, [{ id: 'usage-rights', days: -10 }]).percent).toBe(50);
  });
});

describe('currency', () => {
  const eur: RateCard = {
    ...DEFAULT_RATE_CARD,
    currency: 'EUR',
    exchange: { rate: 0.9, date: '2026-01-10' },
  };

  it('a EUR rate card converts with the rate the user entered: 38K Instagram post €260–€430', () => {
    const estimate = computeRates(instagram(38_000), eur);
    expect(estimate.rates[0]).toMatchObject({
      currency: 'EUR',
      low: 260,
      mid: 340,
      high: 430,
    });
    expect(estimate.exchange).toEqual({ rate: 0.9, date: '2026-01-10' });
    expect(estimate.typicalCpm).toEqual({ from: 4.5, to: 13.5, currency: 'EUR' });
    for (const r of estimate.rates) expect(RateSchema.safeParse(r).success).toBe(true);
  });

  it.each([
    ['the default card', true, DEFAULT_RATE_CARD],
    ['a EUR card with its rate and date', true, eur],
    ['a EUR card with no exchange rate', false, { ...DEFAULT_RATE_CARD, currency: 'EUR' }],
    ['a zero exchange rate', false, { ...eur, exchange: { rate: 0, date: '2026-01-10' } }],
    ['an undated exchange rate', false, { ...eur, exchange: { rate: 0.9, date: 'yesterday' } }],
    ['a lower-case currency', false, { ...DEFAULT_RATE_CARD, currency: 'usd' }],
    [
      'a negative base',
      false,
      {
        ...DEFAULT_RATE_CARD,
        base: { ...DEFAULT_RATE_CARD.base, tiktok: { per1kFollowers: -6, video: 1 } },
      },
    ],
    [
      'NaN in an add-on',
      false,
      { ...DEFAULT_RATE_CARD, addOns: { ...DEFAULT_RATE_CARD.addOns, rush: Number.NaN } },
    ],
  ])('RateCardSchema: %s → valid: %s', (_what, valid, card) => {
    expect(RateCardSchema.safeParse(card).success).toBe(valid);
  });
});

describe('unknown followers', () => {
  it('give no prices at all, and a reason', () => {
    const estimate = computeRates({ ...instagram(38_000), followers: undefined });
    expect(estimate.rates).toEqual([]);
    expect(estimate.reason).toMatch(/followers unknown/);
  });
});
