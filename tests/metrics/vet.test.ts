import { describe, expect, it } from 'vitest';
import { computeVetting, DEFAULT_RATE_CARD, toVetOutput, type RateCard } from '@/lib/metrics';
import {
  MAX_AUDIENCE,
  MAX_COUNT,
  ProfileSnapshotSchema,
  VettingSchema,
  type Post,
  type ProfileSnapshot,
} from '@/lib/model';
import { CAPTURED, DAY, HOUR, snapshot, videosAtRates } from './builders';

const NOW = CAPTURED + 5 * 60 * 1000;
/** Ten comments that say nothing. */
const GENERIC = [
  '🔥',
  'wow',
  'nice pic!',
  '@a @b',
  'great',
  '😍😍',
  'top',
  'so cute',
  'lindo',
  'keren',
];

/** The DESIGN card: a 38.2K TikTok creator at 9.1% by views over 18 videos. */
const jane = snapshot({
  followers: 38_200,
  precision: { followers: 'rounded', following: 'exact', posts: 'exact' },
  recentPosts: videosAtRates(Array(18).fill(9.1), 40_000),
});

describe('computeVetting', () => {
  const result = computeVetting(jane, { now: NOW });

  it('the DESIGN card: micro · ER 9.1% by views (median of 18 videos) · average for 10K–50K · video $180–$290 · no warnings', () => {
    expect(result.vetting).toEqual({
      tier: 'micro',
      engagement: {
        rate: 9.1,
        basis: 'views',
        sampleSize: 18,
        band: '10K–50K',
        grade: 'average',
        formula: 'median of (likes + comments + shares) / views over 18 videos',
        confidence: 'high',
      },
      rates: [{ deliverable: 'video', low: 180, mid: 230, high: 290, currency: 'USD' }],
      addOns: [
        { id: 'usage-rights', percent: 50 },
        { id: 'exclusivity', percent: 30 },
        { id: 'whitelisting', percent: 30 },
        { id: 'rush', percent: 25 },
      ],
      flags: [],
      computedAt: NOW,
    });
    expect(VettingSchema.safeParse(result.vetting).success).toBe(true);
  });

  it('the detail carries the math the expanded card shows', () => {
    expect(result.detail.engagement.band?.avg).toEqual({ from: 8.4, to: 9.4 });
    expect(result.detail.rates.rates[0]?.cpm?.mid).toBe(5.75);
    expect(result.detail.rates.adjustment.note).toBe('ER 9.1% ÷ 10K–50K band median 8.9% = ×1.02');
    expect(result.detail.cadence.postsPerWeek).not.toBeNull();
    expect(result.detail.growth.formula).toMatch(/no earlier snapshot/);
  });

  it('without comments read, the card has no comment sample to show (not "0 comments")', () => {
    expect(result.detail.comments).toBeNull();
    expect(computeVetting(jane, { now: NOW, comments: [] }).detail.comments).toBeNull();
    const blank = [{ postId: 'v1', comments: [{ text: ' ' }] }];
    expect(computeVetting(jane, { now: NOW, comments: blank }).detail.comments).toBeNull();
  });

  it('history and comments feed the growth and comment warnings', () => {
    const earlier = { ...jane, followers: 30_000, capturedAt: CAPTURED - 10 * DAY };
    const { vetting, detail } = computeVetting(jane, {
      now: NOW,
      history: [earlier],
      comments: [
        { postId: 'v1', comments: GENERIC.map((text) => ({ text })) },
        {
          postId: 'v2',
          comments: [...GENERIC, 'Where is the lamp from?'].map((text) => ({ text })),
        },
      ],
    });
    expect(vetting.flags.map((f) => f.code)).toEqual(['growth-spike', 'generic-comments']);
    expect(detail.growth.change).toBe(8_200);
    expect(detail.comments?.formula).toBe('21 comments on 2 posts read, 95% generic');
  });

  it('a EUR rate card quotes in EUR', () => {
    const card: RateCard = {
      ...DEFAULT_RATE_CARD,
      currency: 'EUR',
      exchange: { rate: 0.9, date: '2026-01-10' },
    };
    expect(computeVetting(jane, { now: NOW, rateCard: card }).vetting.rates[0]).toMatchObject({
      currency: 'EUR',
      mid: 210,
    });
  });

  it('an invalid saved rate card falls back to the default and says so', () => {
    const broken = { ...DEFAULT_RATE_CARD, currency: 'EUR' } as RateCard;
    const { vetting, detail } = computeVetting(jane, { now: NOW, rateCard: broken });
    expect(vetting.rates[0]?.currency).toBe('USD');
    expect(detail.notes[0]).toMatch(/rate card is invalid/);
  });
});

describe('toVetOutput (what `scout vet` prints)', () => {
  it('prints snapshot, tier, engagement, rates, addOns and flags in that order', () => {
    const out = toVetOutput(jane, computeVetting(jane, { now: NOW }));
    expect(Object.keys(out)).toEqual([
      'snapshot',
      'tier',
      'engagement',
      'rates',
      'addOns',
      'flags',
    ]);
    expect(Object.keys(out.engagement)).toEqual([
      'rate',
      'basis',
      'sampleSize',
      'band',
      'grade',
      'formula',
      'confidence',
    ]);
    expect(out.snapshot).toBe(jane);
    expect(out.rates).toEqual([
      { deliverable: 'video', low: 180, mid: 230, high: 290, currency: 'USD' },
    ]);
  });

  it('a private profile with no counts: unknown parts are null, never 0', () => {
    const bare = snapshot({
      followers: undefined,
      following: undefined,
      posts: undefined,
      isPrivate: true,
      precision: {},
    });
    const out = toVetOutput(bare, computeVetting(bare, { now: NOW }));
    expect(out).toMatchObject({
      tier: null,
      engagement: { rate: null, basis: null, band: null, grade: null, confidence: null },
      rates: null,
      flags: [],
    });
    expect(out.engagement.formula).toMatch(/^unknown/);
    expect(out.addOns).toHaveLength(4);
  });
});

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

/** A small deterministic generator: the same odd snapshots on every run. */
function* oddSnapshots(n: number): Generator<ProfileSnapshot> {
  let seed = 42;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const count = (max: number) =>
    pick([undefined, 0, 1, 7, 999, 10_000, 38_200, Math.floor(rnd() * max), max]);
  const precision = () => pick([undefined, 'exact', 'rounded', 'lower-bound'] as const);
  for (let i = 0; i < n; i += 1) {
    const platform = pick(['tiktok', 'instagram', 'linkedin'] as const);
    const recentPosts: Post[] = Array.from({ length: Math.floor(rnd() * 14) }, (_, j) => ({
      id: `odd${i}-${j}`,
      postedAt: pick([
        undefined,
        CAPTURED,
        CAPTURED - HOUR,
        CAPTURED - 80 * HOUR,
        CAPTURED - 400 * DAY,
      ]),
      kind: pick([undefined, 'video', 'image', 'carousel', 'text'] as const),
      likes: count(MAX_COUNT),
      comments: count(MAX_COUNT),
      shares: count(MAX_COUNT),
      views: count(MAX_COUNT),
      pinned: pick([undefined, true, false]),
      likesHidden: pick([undefined, true, false]),
      sponsored: pick([undefined, true, false]),
      precision: defined({ likes: precision(), views: precision() }),
    }));
    yield snapshot({
      platform,
      followers: count(MAX_AUDIENCE),
      following: count(MAX_AUDIENCE),
      posts: count(MAX_COUNT),
      likes: count(MAX_COUNT),
      precision: defined({ followers: precision(), following: precision() }),
      recentPosts,
      capturedAt: CAPTURED - Math.floor(rnd() * 3) * DAY,
    });
  }
}

function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  }
  return [];
}

describe('never NaN or Infinity', () => {
  const snapshots = [...oddSnapshots(300)];

  it('300 odd but valid snapshots (zeros, floors, hidden likes, huge counts) all vet cleanly', () => {
    const bases = new Set<string | null>();
    for (const s of snapshots) {
      expect(ProfileSnapshotSchema.safeParse(s).error?.issues ?? []).toEqual([]);
      const result = computeVetting(s, {
        now: NOW,
        history: snapshots.slice(0, 5),
        comments: [{ postId: 'v1', comments: [{ text: '🔥' }] }],
      });
      expect(nonFinite(result.vetting)).toEqual([]);
      expect(nonFinite(toVetOutput(s, result))).toEqual([]);
      expect(nonFinite(result.detail)).toEqual([]);
      expect(VettingSchema.safeParse(result.vetting).success).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|undefined/);
      bases.add(result.vetting.engagement.basis);
    }
    // The generator reaches every branch: known rates on each basis, and unknown ones.
    expect([...bases].sort()).toEqual(['followers', 'lifetime', 'views', null].sort());
  });
});
