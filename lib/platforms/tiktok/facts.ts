import type { PlatformBenchmarks, PlatformFacts } from '../facts';

/**
 * TikTok, engagement ÷ views (likes + comments + shares), percent.
 * Source: Modash TikTok engagement-rate calculator, Nov 2025, by views. Instagram reels graded by
 * views use this table too, until better data exists (lib/platforms/instagram/facts.ts).
 */
export const TIKTOK_BENCHMARKS: PlatformBenchmarks = {
  platform: 'tiktok',
  basis: 'views',
  lowConfidence: false,
  sources: [
    { name: 'Modash TikTok engagement rate calculator (by views)', year: 2025, note: 'Nov 2025' },
  ],
  bands: {
    '1k-5k': { avg: [12.1, 14.0], low: 9.49, high: 18.51 },
    '5k-10k': { avg: [10.5, 11.8], low: 7.79, high: 14.59 },
    '10k-50k': { avg: [8.4, 9.4], low: 6.28, high: 11.38 },
    '50k-100k': { avg: [7.2, 8.0], low: 5.47, high: 10.45 },
    '100k-500k': { avg: [6.7, 7.4], low: 5.07, high: 9.56 },
    '500k-1m': { avg: [6.2, 6.9], low: 4.73, high: 8.12 },
    '1m+': { avg: [6.2, 6.8], low: 4.75, high: 8.69 },
  },
};

/**
 * TikTok: every post is a video with likes, comments, shares and views on it. Engagement is by
 * views; without per-video numbers, lifetime hearts / videos / followers stand in (low confidence).
 * The follower-based rate is shown beside, ungraded: the bands are by views only. Rate card: $6 per
 * 1K followers a video (DESIGN.md, 2026).
 */
export const tiktokFacts = {
  name: 'TikTok',
  handlePrefix: '@',
  nouns: { post: ['video', 'videos'], likes: 'likes', shares: 'shares', audience: 'followers' },
  showsShares: true,
  countsOnEveryPost: ['likes', 'comments', 'shares', 'views'],
  postKindsVary: false,
  engagement: {
    strategy: {
      by: 'views',
      fallback: { by: 'lifetime', likes: 'hearts' },
      followersBeside: true,
    },
    sharesCounted: { views: true, followers: true },
    lowConfidence: [],
  },
  benchmarks: [{ table: TIKTOK_BENCHMARKS }],
  rates: {
    per1kFollowers: 6,
    source: { name: 'Scout DESIGN.md rate model', year: 2026, note: 'video $6 per 1K followers' },
    deliverables: [{ id: 'video', label: 'video', multiple: 1 }],
    main: 'video',
    lowConfidence: false,
    typicalCpm: true,
  },
} as const satisfies PlatformFacts;
