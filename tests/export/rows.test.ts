import { describe, expect, it } from 'vitest';
import {
  currentNumbers,
  EXPORT_COLUMNS,
  formatRateRange,
  toExportRows as toRows,
} from '@/lib/export/rows';
import { computeVetting, DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics';
import type { CreatorRow, ShortlistEntry } from '@/lib/model';
import { creatorOf, entryOf, listOf, PRICIER, snapshotOf, T0, vettingOf } from './fixtures';

const list = listOf('l1');
const byKey = (...rows: ReturnType<typeof creatorOf>[]) => new Map(rows.map((r) => [r.key, r]));
const toExportRows = (
  l: typeof list,
  entries: ShortlistEntry[],
  creators: Map<string, CreatorRow>,
  card: RateCard = DEFAULT_RATE_CARD,
) => toRows(l, entries, creators, card);

describe('toExportRows', () => {
  it('has the columns DESIGN.md names, with rate low and high after the rate range and the precision after followers', () => {
    expect(EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      'platform',
      'handle',
      'URL',
      'name',
      'tier',
      'followers',
      'followers precision',
      'ER',
      'ER basis',
      'grade',
      'rate range',
      'rate low',
      'rate high',
      'warning codes',
      'status',
      'note',
      'tags',
      'UTM link',
      'discount code',
      'captured date',
    ]);
  });

  it("gives one row per entry with the card's numbers", () => {
    const jane = creatorOf('jane', {
      vetting: vettingOf({
        flags: [
          { code: 'er-low', severity: 'warn', message: 'm', evidence: 'e' },
          { code: 'inactive', severity: 'info', message: 'm', evidence: 'e' },
        ],
      }),
    });
    const entry = entryOf('l1', jane.key, {
      status: 'contacted',
      note: 'great hooks',
      tags: ['skincare', 'spring'],
      utmLink: 'https://shop.example/?utm_source=jane',
      discountCode: 'JANE10',
    });
    expect(toExportRows(list, [entry], byKey(jane))).toEqual([
      {
        platform: 'tiktok',
        handle: 'jane',
        url: 'https://www.tiktok.com/@jane',
        name: 'Jane Doe',
        tier: 'micro',
        followers: 38_200,
        followersPrecision: 'rounded',
        er: 9.1,
        erBasis: 'views',
        grade: 'average',
        rateRange: '$180–$290',
        rateLow: 180,
        rateHigh: 290,
        warningCodes: 'er-low, inactive',
        status: 'contacted',
        note: 'great hooks',
        tags: 'skincare, spring',
        utmLink: 'https://shop.example/?utm_source=jane',
        discountCode: 'JANE10',
        capturedDate: '2026-01-15',
      },
    ]);
  });

  it('leaves unknown values empty, never 0', () => {
    const bare = creatorOf('bare', {
      snapshot: { displayName: undefined, followers: undefined, precision: {}, recentPosts: [] },
      vetting: null,
    });
    const [row] = toExportRows(list, [entryOf('l1', bare.key)], byKey(bare));
    expect(row).toMatchObject({
      name: null,
      tier: null,
      followers: null,
      followersPrecision: null,
      er: null,
      erBasis: null,
      grade: null,
      rateRange: null,
      rateLow: null,
      rateHigh: null,
      warningCodes: null,
      note: null,
      tags: null,
      utmLink: null,
      discountCode: null,
    });
  });

  it('keeps an unknown ER empty, whatever the stored vetting said', () => {
    // No posts and no lifetime totals: the ER is unknown now; the old vetting's 9.1 is not shown.
    const quiet = creatorOf('quiet', { snapshot: { recentPosts: [] } });
    const [row] = toExportRows(list, [entryOf('l1', quiet.key)], byKey(quiet));
    expect(row).toMatchObject({ er: null, erBasis: null, grade: null });
  });

  it('prices with the rate card in force, never the price stored at capture time', () => {
    const jane = creatorOf('jane');
    expect(jane.vetting?.rates[0]).toMatchObject({ low: 180, high: 300 });
    const [now] = toExportRows(list, [entryOf('l1', jane.key)], byKey(jane));
    expect(now).toMatchObject({ rateRange: '$180–$290', rateLow: 180, rateHigh: 290 });
    const expected = computeVetting(jane.snapshot, { now: T0, rateCard: PRICIER }).vetting
      .rates[0]!;
    const [pricier] = toExportRows(list, [entryOf('l1', jane.key)], byKey(jane), PRICIER);
    expect(pricier).toMatchObject({ rateLow: expected.low, rateHigh: expected.high });
    expect(pricier?.rateLow).toBeGreaterThan(now!.rateLow!);
  });

  it('prices in the currency of the rate card in force', () => {
    const jane = creatorOf('jane');
    const euros: RateCard = {
      ...DEFAULT_RATE_CARD,
      currency: 'EUR',
      exchange: { rate: 0.5, date: '2026-01-01' },
    };
    const [row] = toExportRows(list, [entryOf('l1', jane.key)], byKey(jane), euros);
    expect(row?.rateRange).toMatch(/^\d+ EUR–\d+ EUR$/);
    expect(row?.rateHigh).toBeLessThan(290);
  });

  it.each([
    ['exact', 'exact'],
    ['rounded', 'rounded'],
    ['lower-bound', 'lower-bound'],
    [undefined, 'unknown'],
  ] as const)('says the followers count is %s in its own column', (precision, shown) => {
    const jane = creatorOf('jane', {
      snapshot: { followers: 1_200_000, precision: precision ? { followers: precision } : {} },
    });
    const [row] = toExportRows(list, [entryOf('l1', jane.key)], byKey(jane));
    expect(row).toMatchObject({ followers: 1_200_000, followersPrecision: shown });
  });

  it('takes the rate of the main deliverable (an Instagram post, not the reel)', () => {
    const snapshot = snapshotOf('ana', {
      platform: 'instagram',
      url: 'https://www.instagram.com/ana/',
      followers: 38_000,
      precision: { followers: 'exact' },
      recentPosts: [],
    });
    const { vetting } = computeVetting(snapshot, { now: T0 });
    const ana = { key: 'instagram:ana', snapshot, vetting, createdAt: T0, updatedAt: T0 };
    const post = vetting.rates.find((r) => r.deliverable === 'post');
    expect(post).toBeDefined();
    const [row] = toExportRows(list, [entryOf('l1', ana.key)], byKey(ana));
    expect(row).toMatchObject({
      platform: 'instagram',
      rateLow: post?.low,
      rateHigh: post?.high,
      rateRange: `$${post?.low}–$${post?.high}`,
    });
  });

  it('still exports an entry whose creator is missing, from its key', () => {
    const [row] = toExportRows(list, [entryOf('l1', 'linkedin:company/acme')], new Map());
    expect(row).toMatchObject({
      platform: 'linkedin',
      handle: 'company/acme',
      url: null,
      followers: null,
      status: 'new',
    });
  });

  it('skips entries of other lists and keeps the given order', () => {
    const a = creatorOf('a');
    const b = creatorOf('b');
    const rows = toExportRows(
      list,
      [entryOf('l1', b.key), entryOf('other', a.key), entryOf('l1', a.key)],
      byKey(a, b),
    );
    expect(rows.map((r) => r.handle)).toEqual(['b', 'a']);
  });
});

describe('currentNumbers', () => {
  it("is the card's own calculation, and follows a change of rate card", () => {
    const jane = creatorOf('jane');
    const card = computeVetting(jane.snapshot, { now: T0 }).vetting;
    expect(currentNumbers(jane, DEFAULT_RATE_CARD)).toEqual({
      tier: card.tier,
      engagement: card.engagement,
      rate: card.rates[0],
    });
    expect(currentNumbers(jane, PRICIER).rate?.mid).toBeGreaterThan(card.rates[0]!.mid);
  });

  it('follows a new capture of the same creator', () => {
    const before = creatorOf('jane');
    const after = creatorOf('jane', {
      snapshot: { followers: 80_000, capturedAt: T0 + 1 },
      updatedAt: T0 + 1,
    });
    expect(currentNumbers(before, DEFAULT_RATE_CARD).rate?.mid).toBe(230);
    expect(currentNumbers(after, DEFAULT_RATE_CARD).rate?.mid).toBeGreaterThan(230);
  });
});

describe('formatRateRange', () => {
  it('writes dollars, another currency after the number, one price when equal', () => {
    expect(formatRateRange({ low: 1_200, high: 1_800, currency: 'USD' })).toBe('$1,200–$1,800');
    expect(formatRateRange({ low: 170, high: 290, currency: 'EUR' })).toBe('170 EUR–290 EUR');
    expect(formatRateRange({ low: 50, high: 50, currency: 'USD' })).toBe('$50');
  });
});
