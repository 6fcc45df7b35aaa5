import type { PlatformBenchmarks, PlatformFacts } from '../facts';
import { TIKTOK_BENCHMARKS } from '../tiktok/facts';

/**
 * Instagram, engagement ÷ followers (likes + comments), percent.
 * Source: Modash Instagram engagement-rate calculator, 72M profiles. DESIGN.md gives no date for
 * it; it was read together with the Nov 2025 TikTok calculator, so 2025 is recorded.
 */
export const INSTAGRAM_BENCHMARKS: PlatformBenchmarks = {
  platform: 'instagram',
  basis: 'followers',
  lowConfidence: false,
  sources: [
    {
      name: 'Modash Instagram engagement rate calculator (72M profiles)',
      year: 2025,
      note: 'date not stated in DESIGN.md; read with the Nov 2025 TikTok calculator',
    },
    {
      name: 'HypeAuditor State of Influencer Marketing 2026',
      year: 2026,
      note: 'medians, lower than these averages: nano 1.78%, micro 0.54%, 1M+ 0.33%',
    },
  ],
  bands: {
    '1k-5k': { avg: [3.4, 4.4], low: 1.72, high: 7.97 },
    '5k-10k': { avg: [1.25, 1.62], low: 0.62, high: 3.54 },
    '10k-50k': { avg: [0.84, 1.11], low: 0.39, high: 2.61 },
    '50k-100k': { avg: [0.75, 1.01], low: 0.32, high: 2.47 },
    '100k-500k': { avg: [0.87, 1.14], low: 0.41, high: 2.63 },
    '500k-1m': { avg: [0.88, 1.13], low: 0.46, high: 2.46 },
    '1m+': { avg: [1.02, 1.27], low: 0.57, high: 2.6 },
  },
};

/**
 * Instagram: a grid of images, carousels and reels, and no share counts anywhere (fixtures NOTES
 * 2.1). Follower-based engagement covers every usable post, as the Instagram bands (Modash,
 * HypeAuditor) are measured; reels by views lead when they are most of the sample, graded against
 * TikTok's by-views bands until better data exists (DESIGN.md). Rate card: static post $10 per 1K
 * followers (the seed's "$100 per 10K followers"), carousel +25%, reel / video +50%, story 50% of a
 * post (DESIGN.md, 2026).
 */
export const instagramFacts = {
  name: 'Instagram',
  handlePrefix: '@',
  nouns: { post: ['post', 'posts'], likes: 'likes', shares: 'shares', audience: 'followers' },
  showsShares: false,
  countsOnEveryPost: ['likes', 'comments'],
  postKindsVary: true,
  engagement: {
    strategy: { by: 'views-or-followers', viewsNoun: ['reel', 'reels'] },
    sharesCounted: { views: true, followers: false },
    lowConfidence: [],
  },
  benchmarks: [
    { table: INSTAGRAM_BENCHMARKS },
    {
      table: TIKTOK_BENCHMARKS,
      borrowed:
        'Instagram reels graded by views against the TikTok by-views bands until better data exists',
    },
  ],
  rates: {
    per1kFollowers: 10,
    source: {
      name: 'Scout DESIGN.md rate model',
      year: 2026,
      note: 'seed: $100 per 10K Instagram followers; carousel +25%, reel / video +50%, story 50%',
    },
    deliverables: [
      { id: 'post', label: 'post', multiple: 1 },
      { id: 'carousel', label: 'carousel', multiple: 1.25 },
      { id: 'reel', label: 'reel / video', formLabel: 'Reel or video', multiple: 1.5 },
      { id: 'story', label: 'story', multiple: 0.5 },
    ],
    main: 'post',
    lowConfidence: false,
    typicalCpm: true,
  },
} as const satisfies PlatformFacts;
