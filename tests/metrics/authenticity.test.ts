import { describe, expect, it } from 'vitest';
import {
  computeCadence,
  computeFlags,
  FLAG_THRESHOLDS,
  isSponsoredPost,
  type FlagOptions,
  type PostComments,
} from '@/lib/metrics';
import { FlagSchema, type FlagCode, type ProfileSnapshot } from '@/lib/model';
import { CAPTURED, DAY, HOUR, feedAtRates, post, posts, snapshot, videosAtRates } from './builders';

/** A clean TikTok micro creator: 12 exact videos at the band median, one a day until 4 days ago. */
const clean = (over: Partial<ProfileSnapshot> = {}) =>
  snapshot({ recentPosts: videosAtRates(Array(12).fill(8.9)), ...over });

const earlier = (followers: number, daysBefore: number, precision: 'exact' | 'rounded' = 'exact') =>
  clean({
    followers,
    capturedAt: CAPTURED - daysBefore * DAY,
    precision: { followers: precision },
  });

const codes = (s: ProfileSnapshot, o?: FlagOptions) => computeFlags(s, o).map((f) => f.code);
const only = (code: FlagCode, s: ProfileSnapshot, o?: FlagOptions) =>
  computeFlags(s, o).find((f) => f.code === code);

const GENERIC = ['🔥🔥🔥', 'wow', 'nice pic!', '@bob @amy', 'Love it ❤️', 'great'];
const REAL = [
  'Which serum is that in the second shot?',
  'I tried this routine for a week and my skin is calmer',
  'Where did you get the mirror from?',
  'Could you do one for oily skin please',
];
/** `generic` of each 10 comments on `n` posts generic, the rest real questions about the post. */
const onPosts = (n: number, generic: number): PostComments[] =>
  Array.from({ length: n }, (_, p) => ({
    postId: `v${p}`,
    comments: Array.from({ length: 10 }, (_, i) => ({
      text: i < generic ? (GENERIC[i % GENERIC.length] as string) : `${REAL[i % 4]} (${p}.${i})`,
    })),
  }));
const PASTED = 'Great content, keep it up 🔥';
/** 10 real comments on each of 5 posts, and PASTED on the first `pasted` of them. */
const pastedOn = (pasted: number): PostComments[] =>
  onPosts(5, 0).map((p, i) =>
    i < pasted ? { ...p, comments: [...p.comments, { text: PASTED }] } : p,
  );

describe('a clean creator raises no warnings', () => {
  it('12 videos at the median, 412 following, posting daily: no flags', () => {
    expect(computeFlags(clean(), { comments: onPosts(5, 1) })).toEqual([]);
  });
});

/** [code, what a marketer would see, snapshot, options] — each code once positive, once negative. */
const cases: [FlagCode, string, ProfileSnapshot, FlagOptions, boolean][] = [
  [
    'follow-ratio',
    'following 52,300 with 38,200 followers',
    clean({ following: 52_300 }),
    {},
    true,
  ],
  [
    'follow-ratio',
    'following more than followers under 10K',
    clean({ followers: 9_000, following: 9_100, recentPosts: videosAtRates(Array(12).fill(11)) }),
    {},
    false,
  ],
  [
    'follow-ratio',
    'a rounded "10K" following vs 10,020 followers',
    clean({
      followers: 10_020,
      following: 10_000,
      precision: { followers: 'exact', following: 'rounded' },
    }),
    {},
    false,
  ],
  ['follow-for-follow', 'following 7,500 accounts', clean({ following: 7_500 }), {}, true],
  ['follow-for-follow', 'following 7,499 accounts', clean({ following: 7_499 }), {}, false],
  [
    'er-low',
    'ER 5% by views at 38.2K (low mark 6.28%)',
    clean({ recentPosts: videosAtRates(Array(12).fill(5)) }),
    {},
    true,
  ],
  [
    'er-low',
    'ER 6.3% by views at 38.2K',
    clean({ recentPosts: videosAtRates(Array(12).fill(6.3)) }),
    {},
    false,
  ],
  ['er-low', 'a lifetime ER (not graded)', clean({ recentPosts: [], likes: 10_000 }), {}, false],
  [
    'er-high',
    'ER 35% by views at 38.2K (3 × 11.38% = 34.14%)',
    clean({ recentPosts: videosAtRates(Array(12).fill(35)) }),
    {},
    true,
  ],
  [
    'er-high',
    'ER 34% by views at 38.2K',
    clean({ recentPosts: videosAtRates(Array(12).fill(34)) }),
    {},
    false,
  ],
  [
    'likes-over-views',
    'a video with 5,100 likes on 4,900 views',
    clean({
      recentPosts: [post({ likes: 5_100, views: 4_900 }), ...videosAtRates(Array(11).fill(8.9))],
    }),
    {},
    true,
  ],
  [
    'likes-over-views',
    'rounded "5K" likes on 4,990 views',
    clean({ recentPosts: [post({ likes: 5_000, views: 4_990, precision: { likes: 'rounded' } })] }),
    {},
    false,
  ],
  [
    'likes-over-views',
    'hidden likes',
    clean({ recentPosts: [post({ likes: undefined, likesHidden: true, views: 10 })] }),
    {},
    false,
  ],
  [
    'likes-over-followers',
    'an image liked by 37% of 38,000 followers',
    snapshot({
      platform: 'instagram',
      followers: 38_000,
      recentPosts: [...feedAtRates([37], 38_000), ...feedAtRates(Array(9).fill(1), 38_000)],
    }),
    {},
    true,
  ],
  [
    'likes-over-followers',
    'an image liked by 29% of followers',
    snapshot({
      platform: 'instagram',
      followers: 38_000,
      recentPosts: [...feedAtRates([29], 38_000), ...feedAtRates(Array(9).fill(1), 38_000)],
    }),
    {},
    false,
  ],
  [
    'likes-over-followers',
    'a TikTok photo post with views, liked by 37% of followers',
    clean({ recentPosts: [post({ kind: 'carousel', likes: 14_200, views: 200_000 })] }),
    {},
    false,
  ],
  [
    'likes-over-followers',
    'a video (views-based) liked by 37% of followers',
    clean({ recentPosts: [post({ likes: 14_200, views: 200_000 })] }),
    {},
    false,
  ],
  [
    'growth-spike',
    'micro +10% in 10 days (30% a month; normal 1–3%)',
    clean({ followers: 42_000 }),
    { history: [earlier(38_200, 10)] },
    true,
  ],
  [
    'growth-spike',
    'micro +2% in 30 days',
    clean({ followers: 38_964 }),
    { history: [earlier(38_200, 30)] },
    false,
  ],
  [
    'growth-spike',
    'rounded 38.2K → 38.3K in 2 days (within rounding)',
    clean({ followers: 38_300, precision: { followers: 'rounded' } }),
    { history: [earlier(38_200, 2, 'rounded')] },
    false,
  ],
  [
    'growth-spike',
    'two snapshots an hour apart',
    clean({ followers: 39_000 }),
    { history: [clean({ followers: 38_200, capturedAt: CAPTURED - HOUR })] },
    false,
  ],
  [
    'growth-spike',
    "another creator's history",
    clean({ followers: 42_000 }),
    { history: [{ ...earlier(38_200, 10), handle: 'someone.else' }] },
    false,
  ],
  [
    'round-jump',
    'exact 38,214 → 39,214 in 3 days',
    clean({ followers: 39_214 }),
    { history: [earlier(38_214, 3)] },
    true,
  ],
  [
    'round-jump',
    'exact 38,214 → 43,240 in 2 days (≈5K)',
    clean({ followers: 43_240 }),
    { history: [earlier(38_214, 2)] },
    true,
  ],
  [
    'round-jump',
    'exact 38,214 → 38,914 in 3 days',
    clean({ followers: 38_914 }),
    { history: [earlier(38_214, 3)] },
    false,
  ],
  [
    'round-jump',
    'rounded 38K → 39K',
    clean({ followers: 39_000, precision: { followers: 'rounded' } }),
    { history: [earlier(38_000, 3, 'rounded')] },
    false,
  ],
  [
    'round-jump',
    'exact +1,000 over 40 days (organic)',
    clean({ followers: 39_214 }),
    { history: [earlier(38_214, 40)] },
    false,
  ],
  [
    'inactive',
    'last post 61 days before the capture',
    clean({
      recentPosts: videosAtRates(Array(12).fill(8.9)).map((p, i) => ({
        ...p,
        postedAt: CAPTURED - (61 + i) * DAY,
      })),
    }),
    {},
    true,
  ],
  ['inactive', 'a profile with 0 posts', clean({ posts: 0, recentPosts: [] }), {}, true],
  [
    'inactive',
    'last post 59 days ago',
    clean({
      recentPosts: videosAtRates(Array(12).fill(8.9)).map((p, i) => ({
        ...p,
        postedAt: CAPTURED - (59 + i) * DAY,
      })),
    }),
    {},
    false,
  ],
  [
    'inactive',
    'no dated posts (unknown, not inactive)',
    clean({ recentPosts: [post({ postedAt: undefined })] }),
    {},
    false,
  ],
  [
    'sponsored-share',
    '4 of 12 posts marked #ad (33%)',
    clean({ recentPosts: posts(12, (i) => ({ caption: i < 4 ? 'Glow serum #ad' : 'morning' })) }),
    {},
    true,
  ],
  [
    'sponsored-share',
    '3 of 12 marked as paid partnership (25%)',
    clean({ recentPosts: posts(12, (i) => ({ sponsored: i < 3, caption: 'x' })) }),
    {},
    false,
  ],
  [
    'sponsored-share',
    '2 of 4 posts (too few to say)',
    clean({ recentPosts: posts(4, (i) => ({ sponsored: i < 2 })) }),
    {},
    false,
  ],
  [
    'generic-comments',
    '18 of 30 comments on 3 posts emoji, one word or mentions',
    clean(),
    { comments: onPosts(3, 6) },
    true,
  ],
  ['generic-comments', '12 of 30 generic', clean(), { comments: onPosts(3, 4) }, false],
  [
    'generic-comments',
    `${FLAG_THRESHOLDS.genericMinComments - 1} comments, all generic (too few to say)`,
    clean(),
    {
      comments: [
        {
          postId: 'v1',
          comments: Array(FLAG_THRESHOLDS.genericMinComments - 1).fill({ text: 'wow' }),
        },
      ],
    },
    false,
  ],
  ['generic-comments', 'no comment text on the page', clean(), {}, false],
  [
    'repeated-comments',
    'the same comment on 3 of 5 posts',
    clean(),
    { comments: pastedOn(3) },
    true,
  ],
  [
    'repeated-comments',
    'the same comment on 2 of 5 posts',
    clean(),
    { comments: pastedOn(2) },
    false,
  ],
];

describe.each(cases)('%s', (code, what, s, options, raised) => {
  it(`${raised ? 'warns' : 'stays quiet'} for ${what}`, () => {
    const flag = only(code, s, options);
    if (!raised) return expect(flag).toBeUndefined();
    expect(flag).toBeDefined();
    expect(FlagSchema.safeParse(flag).success).toBe(true);
    expect(flag!.evidence).toMatch(/\d/);
    expect(flag!.evidence).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('evidence in words', () => {
  it('follow-ratio states both counts and the ratio', () => {
    expect(only('follow-ratio', clean({ following: 52_300 }))?.evidence).toBe(
      'follows 52,300 accounts and has 38,200 followers (1.37 followed per follower)',
    );
  });

  it('growth-spike states the counts, dates, days and the tier norm', () => {
    const flag = only('growth-spike', clean({ followers: 42_000 }), {
      history: [earlier(38_200, 10)],
    });
    expect(flag).toMatchObject({ severity: 'risk' });
    expect(flag?.evidence).toBe(
      '+3,800 followers (38,200 on 2026-01-05 → 42,000 on 2026-01-15) in 10 days: 9.95%, ' +
        '29.84% per 30 days; normal for micro is 1–3% per month',
    );
  });

  it('er-high cites the band and its high mark', () => {
    expect(
      only('er-high', clean({ recentPosts: videosAtRates(Array(12).fill(35)) }))?.evidence,
    ).toBe(
      'ER 35% by views is more than 3× 11.38% (34.14%), the high mark of the TikTok 10K–50K band',
    );
  });

  it('a LinkedIn er-low is only "info": the LinkedIn bands are an estimate', () => {
    const s = snapshot({
      platform: 'linkedin',
      followers: 5_740,
      recentPosts: posts(12, () => ({
        kind: 'text',
        views: undefined,
        likes: 10,
        comments: 1,
        shares: 0,
      })),
    });
    expect(only('er-low', s)?.severity).toBe('info');
  });

  it('flags come in FLAG_CODES order', () => {
    const s = clean({ following: 52_300, recentPosts: videosAtRates(Array(12).fill(5)) });
    expect(codes(s)).toEqual(['follow-ratio', 'follow-for-follow', 'er-low']);
  });
});

describe('ads', () => {
  it.each([
    [{ sponsored: true }, true],
    [{ caption: 'New drop #ad' }, true],
    [{ caption: '#Sponsored by Glow' }, true],
    [{ caption: 'Paid partnership with Glow' }, true],
    [{ caption: 'my #adventure in Rome' }, false],
    [{ caption: 'my #ads' }, false],
    [{ sponsored: false }, false],
    [{}, null],
  ])('post %j is sponsored: %s', (over, expected) => {
    expect(isSponsoredPost({ id: 'x', ...over })).toBe(expected);
  });
});

describe('computeCadence', () => {
  it('12 posts over the 15 days up to the capture is 5.6 per week', () => {
    const cadence = computeCadence(clean());
    expect(cadence).toMatchObject({
      postsPerWeek: 5.6,
      sampleSize: 12,
      spanDays: 15,
      daysSinceLastPost: 4,
      lastPostAt: CAPTURED - 4 * DAY,
    });
    expect(cadence.formula).toBe('12 posts in 15 days up to the capture = 5.6 per week');
  });

  it('an old pinned post does not stretch the span', () => {
    const pinned = post({ pinned: true, postedAt: CAPTURED - 400 * DAY });
    expect(
      computeCadence(clean({ recentPosts: [pinned, ...clean().recentPosts] })).postsPerWeek,
    ).toBe(5.6);
  });

  it.each([
    ['no posts', []],
    ['one dated post', [post()]],
    ['undated posts', [post({ postedAt: undefined }), post({ postedAt: undefined })]],
  ])('with %s the cadence is unknown, not 0', (_what, recentPosts) => {
    const cadence = computeCadence(snapshot({ recentPosts }));
    expect(cadence.postsPerWeek).toBeNull();
    expect(cadence.formula).toMatch(/^unknown/);
  });
});

describe('never NaN or Infinity', () => {
  it('zero followers, zero views and zero likes raise nothing absurd', () => {
    const s = snapshot({
      followers: 0,
      following: 0,
      posts: 0,
      likes: 0,
      recentPosts: [post({ views: 0, likes: 0, comments: 0, shares: 0, kind: 'image' })],
    });
    const flags = computeFlags(s, { history: [{ ...s, capturedAt: CAPTURED - 5 * DAY }] });
    expect(JSON.stringify(flags)).not.toMatch(/NaN|Infinity/);
  });
});
