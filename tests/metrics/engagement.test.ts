import { describe, expect, it } from 'vitest';
import { computeEngagement } from '@/lib/metrics';
import { EngagementSchema } from '@/lib/model';
import type { PlatformFacts } from '@/lib/platforms/facts';
import { platformFacts } from '@/lib/platforms';
import { CAPTURED, DAY, HOUR, feedAtRates, post, posts, snapshot, videosAtRates } from './builders';

describe('TikTok: (likes + comments + shares) / views, median over the videos', () => {
  it('a 38.2K creator with 18 exact videos at 9.1% reads "ER 9.1% by views, median of 18 videos", high confidence', () => {
    const result = computeEngagement(
      snapshot({ recentPosts: videosAtRates(Array.from({ length: 18 }, () => 9.1)) }),
    );
    expect(result.engagement).toEqual({
      rate: 9.1,
      basis: 'views',
      sampleSize: 18,
      band: '10K–50K',
      grade: 'average',
      formula: 'median of (likes + comments + shares) / views over 18 videos',
      confidence: 'high',
    });
    expect(EngagementSchema.safeParse(result.engagement).success).toBe(true);
  });

  it.each([
    [[2, 9, 4], 4],
    [[2, 9, 4, 6], 5],
    [[30, 1, 8.4, 8.6, 9, 9], 8.8],
  ])(
    'the median of per-video rates %j is %f (one viral video does not move it)',
    (rates, expected) => {
      expect(
        computeEngagement(snapshot({ recentPosts: videosAtRates(rates) })).engagement.rate,
      ).toBe(expected);
    },
  );

  it('the follower-based rate is shown beside it, ungraded (TikTok benchmarks are by views)', () => {
    const result = computeEngagement(snapshot({ recentPosts: videosAtRates([9, 9, 9], 38_200) }));
    expect(result.secondary).toMatchObject({
      basis: 'followers',
      rate: 9,
      grade: null,
      band: null,
    });
    expect(result.secondary?.formula).toMatch(/38,200 followers over 3 videos/);
  });

  it('median views are returned for CPM and campaign planning', () => {
    const recentPosts = [1_000, 5_000, 9_000].map((views) => post({ views, likes: 50 }));
    expect(computeEngagement(snapshot({ recentPosts })).medianViews).toBe(5_000);
  });
});

describe('what is left out of the sample, and why', () => {
  const base = videosAtRates([9, 9, 9, 9]);
  it.each([
    ['pinned', post({ pinned: true, likes: 40_000 }), 'pinned', '1 pinned'],
    [
      'younger than 72 hours',
      post({ postedAt: CAPTURED - 71 * HOUR, likes: 40_000 }),
      'young',
      '1 under 72 h old',
    ],
    [
      'posted in the future (clock skew)',
      post({ postedAt: CAPTURED + HOUR }),
      'young',
      'under 72 h',
    ],
    ['with hidden likes', post({ likesHidden: true, likes: 0 }), 'hiddenLikes', 'hidden likes'],
    ['with no like count', post({ likes: undefined }), 'hiddenLikes', 'hidden likes'],
    [
      'with no comment count',
      post({ comments: undefined }),
      'missingCounts',
      'without a comment count',
    ],
    ['with zero views', post({ views: 0, likes: 10 }), 'noViews', '1 without views'],
    ['with no view count', post({ views: undefined }), 'noViews', '1 without views'],
  ] as const)('a video %s is left out and the formula says so', (_what, extra, key, words) => {
    const result = computeEngagement(snapshot({ recentPosts: [extra, ...base] }));
    expect(result.engagement.sampleSize).toBe(4);
    expect(result.engagement.rate).toBe(9);
    expect(result.excluded[key]).toBe(1);
    expect(result.engagement.formula).toMatch(/; left out /);
    expect(result.engagement.formula).toContain(words);
  });

  it('a video exactly 72 hours old counts', () => {
    const result = computeEngagement(
      snapshot({ recentPosts: [post({ postedAt: CAPTURED - 72 * HOUR }), ...base] }),
    );
    expect(result.engagement.sampleSize).toBe(5);
  });

  it('a post without a date or a pinned field cannot be shown to be young or pinned: it counts', () => {
    const result = computeEngagement(
      snapshot({ recentPosts: [post({ postedAt: undefined, pinned: undefined }), ...base] }),
    );
    expect(result.engagement.sampleSize).toBe(5);
  });
});

describe('Instagram', () => {
  const ig = (over: Parameters<typeof snapshot>[0]) =>
    snapshot({ platform: 'instagram', followers: 38_000, ...over });

  it('a feed of images and carousels: (likes + comments) / followers, graded on Instagram bands', () => {
    const result = computeEngagement(ig({ recentPosts: feedAtRates(Array(12).fill(1), 38_000) }));
    expect(result.engagement).toMatchObject({
      rate: 1,
      basis: 'followers',
      sampleSize: 12,
      band: '10K–50K',
      grade: 'average',
      formula: 'median of (likes + comments) / 38,000 followers over 12 posts',
      confidence: 'high',
    });
  });

  it('a reel-heavy grid is measured by views against the TikTok bands, followers beside it', () => {
    const reels = videosAtRates(Array(8).fill(9)).map((p) => ({ ...p, shares: undefined }));
    const feed = feedAtRates([1, 1, 1], 38_000);
    const result = computeEngagement(ig({ recentPosts: [...reels, ...feed] }));
    expect(result.engagement).toMatchObject({
      basis: 'views',
      sampleSize: 8,
      grade: 'average',
      confidence: 'medium',
    });
    expect(result.engagement.formula).toMatch(
      /^median of \(likes \+ comments\) \/ views over 8 reels; left out 3 images and carousels/,
    );
    expect(result.gradeNote).toMatch(/TikTok by-views bands/);
    expect(result.engagement.formula).toMatch(
      /; Instagram reels graded by views against the TikTok/,
    );
    expect(result.excluded.otherKind).toBe(3);
    expect(result.secondary).toMatchObject({ basis: 'followers', sampleSize: 11 });
    expect(result.secondary?.band).toBe('10K–50K');
  });

  it('reels without views in a feed-heavy grid simply count by followers', () => {
    const result = computeEngagement(
      ig({ recentPosts: [post({ views: undefined }), ...feedAtRates([1, 1, 1], 38_000)] }),
    );
    expect(result.engagement).toMatchObject({ basis: 'followers', sampleSize: 4 });
    expect(result.secondary).toBeNull();
  });

  it('with followers unknown, reels with views still give a views-based rate', () => {
    const result = computeEngagement(
      ig({ followers: undefined, recentPosts: [...videosAtRates([9]), ...feedAtRates([1, 1], 1)] }),
    );
    expect(result.engagement.basis).toBe('views');
    expect(result.engagement.band).toBeNull();
  });

  it('a profile with every like count hidden has no ER, and says why', () => {
    const recentPosts = posts(6, () => ({ likesHidden: true, likes: undefined }));
    const { engagement } = computeEngagement(ig({ recentPosts }));
    expect(engagement).toMatchObject({ rate: null, basis: null, grade: null, confidence: null });
    expect(engagement.formula).toBe('unknown: no usable posts (left out 6 with hidden likes)');
  });

  it('no posts on the page: unknown, never 0', () => {
    const { engagement } = computeEngagement(ig({}));
    expect(engagement.rate).toBeNull();
    expect(engagement.formula).toBe('unknown: no per-post data on the page');
  });
});

describe('LinkedIn', () => {
  it('(reactions + comments + reposts) / followers is always low confidence', () => {
    const recentPosts = posts(12, () => ({
      kind: 'text',
      views: undefined,
      likes: 40,
      comments: 5,
      shares: 3,
    }));
    const result = computeEngagement(
      snapshot({ platform: 'linkedin', followers: 5_740, recentPosts }),
    );
    expect(result.engagement).toMatchObject({
      rate: 0.84,
      basis: 'followers',
      band: '5K–10K',
      grade: 'average',
      confidence: 'low',
      formula:
        'median of (reactions + comments + reposts) / 5,740 followers over 12 posts; ' +
        'LinkedIn bands are an estimate (low confidence)',
    });
  });
});

describe('TikTok without per-post data: lifetime hearts / videos / followers', () => {
  it('1.2M hearts over 187 videos and 38.2K followers is 16.8%, low confidence, not graded', () => {
    const result = computeEngagement(snapshot({ likes: 1_200_000 }));
    expect(result.engagement).toMatchObject({
      rate: 16.8,
      basis: 'lifetime',
      sampleSize: 187,
      grade: null,
      band: null,
      confidence: 'low',
      formula:
        'lifetime hearts 1,200,000 / 187 videos / 38,200 followers; ' +
        'not graded: TikTok benchmarks are by views, a lifetime rate is not comparable',
    });
    expect(result.gradeNote).toMatch(/not comparable/);
  });

  it.each([
    ['hearts unknown', { likes: undefined }],
    ['0 videos', { likes: 100, posts: 0 }],
    ['0 followers', { likes: 100, followers: 0 }],
  ])('with %s there is no rate, and the formula says what is missing', (_what, over) => {
    const { engagement } = computeEngagement(snapshot(over));
    expect(engagement.rate).toBeNull();
    expect(engagement.formula).toMatch(/no per-post data .* no lifetime totals/);
  });
});

describe('confidence', () => {
  it.each([
    ['10 exact videos', videosAtRates(Array(10).fill(9)), 'high'],
    ['9 exact videos', videosAtRates(Array(9).fill(9)), 'medium'],
    ['3 exact videos', videosAtRates(Array(3).fill(9)), 'medium'],
    ['2 exact videos', videosAtRates(Array(2).fill(9)), 'low'],
    [
      '12 videos, one with rounded views',
      videosAtRates(Array(12).fill(9)).map((p, i) =>
        i === 0 ? { ...p, precision: { views: 'rounded' as const } } : p,
      ),
      'medium',
    ],
    [
      '12 videos without share counts',
      videosAtRates(Array(12).fill(9)).map((p) => ({ ...p, shares: undefined })),
      'medium',
    ],
  ])('%s → %s', (_what, recentPosts, confidence) => {
    expect(computeEngagement(snapshot({ recentPosts })).engagement.confidence).toBe(confidence);
  });

  it('a rounded follower count caps a follower-based rate at medium', () => {
    const result = computeEngagement(
      snapshot({
        platform: 'instagram',
        followers: 38_000,
        precision: { followers: 'rounded' },
        recentPosts: feedAtRates(Array(12).fill(1), 38_000),
      }),
    );
    expect(result.engagement.confidence).toBe('medium');
  });

  it('an emerging creator graded on the borrowed 1K–5K band is low confidence', () => {
    const result = computeEngagement(
      snapshot({ followers: 640, recentPosts: videosAtRates(Array(12).fill(13)) }),
    );
    expect(result.engagement).toMatchObject({ band: '1K–5K', grade: 'average', confidence: 'low' });
  });

  it('missing shares on TikTok are said in the formula', () => {
    const recentPosts = videosAtRates([9, 9, 9, 9]).map((p, i) =>
      i < 2 ? { ...p, shares: undefined } : p,
    );
    expect(computeEngagement(snapshot({ recentPosts })).engagement.formula).toMatch(
      /shares where shown, 2 of 4/,
    );
  });
});

describe('never NaN or Infinity', () => {
  it('zero views, zero followers and zero videos give unknowns, not NaN', () => {
    const result = computeEngagement(
      snapshot({
        followers: 0,
        posts: 0,
        likes: 0,
        recentPosts: [post({ views: 0, likes: 0, comments: 0, shares: 0 })],
      }),
    );
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|null,"basis":"views"/);
    expect(result.engagement.rate).toBeNull();
  });

  it('the answer depends on capturedAt, not on when it is computed', () => {
    const s = snapshot({ recentPosts: posts(5, () => ({ postedAt: CAPTURED - 10 * DAY })) });
    expect(computeEngagement(s)).toEqual(computeEngagement(structuredClone(s)));
  });
});

describe('a platform known only by its facts', () => {
  // A by-views video platform with subscribers, no share counts and a low-confidence fallback by
  // subscribers: its facts alone say how it is measured, with no branch of its own in lib/metrics.
  const videoSite: PlatformFacts = {
    ...platformFacts('tiktok'),
    name: 'VideoSite',
    nouns: { post: ['video', 'videos'], likes: 'likes', shares: 'shares', audience: 'subscribers' },
    showsShares: false,
    engagement: {
      strategy: { by: 'views', fallback: { by: 'followers' }, followersBeside: false },
      sharesCounted: { views: false, followers: false },
      lowConfidence: ['followers'],
    },
  };
  const videos = (n: number, views: number | undefined) =>
    posts(n, () => ({ views, likes: 880, comments: 20, shares: undefined }));

  it('(likes + comments) / views per video, graded on its by-views bands', () => {
    const result = computeEngagement(snapshot({ recentPosts: videos(12, 10_000) }), videoSite);
    expect(result.engagement).toMatchObject({
      rate: 9,
      basis: 'views',
      band: '10K–50K',
      grade: 'average',
      confidence: 'high',
      formula: 'median of (likes + comments) / views over 12 videos',
    });
    expect(result.secondary).toBeNull();
  });

  it('without views: by subscribers, low confidence and not graded', () => {
    const result = computeEngagement(snapshot({ recentPosts: videos(12, undefined) }), videoSite);
    expect(result.engagement).toMatchObject({
      basis: 'followers',
      grade: null,
      confidence: 'low',
      formula:
        'median of (likes + comments) / 38,200 subscribers over 12 videos; ' +
        'not graded: VideoSite benchmarks are by views, not by subscribers',
    });
  });
});
