import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, formatRateRange, toExportRows } from '@/lib/export/rows';
import { computeVetting } from '@/lib/metrics';
import { creatorOf, entryOf, listOf, snapshotOf, T0, vettingOf } from './fixtures';

const list = listOf('l1');
const byKey = (...rows: ReturnType<typeof creatorOf>[]) => new Map(rows.map((r) => [r.key, r]));

describe('toExportRows', () => {
  it('has the columns DESIGN.md names, with rate low and high after the rate range', () => {
    expect(EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      'platform',
      'handle',
      'URL',
      'name',
      'tier',
      'followers',
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
        er: 9.1,
        erBasis: 'views',
        grade: 'average',
        rateRange: '$180–$300',
        rateLow: 180,
        rateHigh: 300,
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
      snapshot: { displayName: undefined, followers: undefined, precision: {} },
      vetting: null,
    });
    const [row] = toExportRows(list, [entryOf('l1', bare.key)], byKey(bare));
    expect(row).toMatchObject({
      name: null,
      tier: null,
      followers: null,
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

  it('keeps an unknown ER empty when the vetting has no rate', () => {
    const quiet = creatorOf('quiet', {
      vetting: vettingOf({
        engagement: { ...vettingOf().engagement, rate: null, basis: null, grade: null },
        rates: [],
      }),
    });
    const [row] = toExportRows(list, [entryOf('l1', quiet.key)], byKey(quiet));
    expect(row).toMatchObject({ er: null, erBasis: null, grade: null, rateRange: null });
  });

  it('takes the rate of the main deliverable (an Instagram post, not the reel)', () => {
    const snapshot = snapshotOf('ana', {
      platform: 'instagram',
      url: 'https://www.instagram.com/ana/',
      followers: 38_000,
      precision: { followers: 'exact' },
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

describe('formatRateRange', () => {
  it('writes dollars, another currency after the number, one price when equal', () => {
    expect(formatRateRange({ low: 1_200, high: 1_800, currency: 'USD' })).toBe('$1,200–$1,800');
    expect(formatRateRange({ low: 170, high: 290, currency: 'EUR' })).toBe('170 EUR–290 EUR');
    expect(formatRateRange({ low: 50, high: 50, currency: 'USD' })).toBe('$50');
  });
});
