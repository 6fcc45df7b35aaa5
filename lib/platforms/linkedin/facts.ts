import type { PlatformBenchmarks, PlatformFacts } from '../facts';

/**
 * LinkedIn, engagement ÷ followers (reactions + comments + reposts), percent.
 * Source: LinkedIn creator studies 2026 (follower-based 0.5–1% typical). Sources disagree ~10x, so
 * these bands are an estimate and every LinkedIn grade is low confidence.
 */
export const LINKEDIN_BENCHMARKS: PlatformBenchmarks = {
  platform: 'linkedin',
  basis: 'followers',
  lowConfidence: true,
  sources: [
    {
      name: 'LinkedIn creator studies',
      year: 2026,
      note: 'follower-based 0.5–1% typical; sources disagree ~10x, so an estimate',
    },
  ],
  bands: {
    '1k-5k': { avg: [0.8, 1.2], low: 0.4, high: 2.4 },
    '5k-10k': { avg: [0.7, 1.0], low: 0.35, high: 2.0 },
    '10k-50k': { avg: [0.6, 0.9], low: 0.3, high: 1.8 },
    '50k-100k': { avg: [0.5, 0.8], low: 0.25, high: 1.6 },
    '100k-500k': { avg: [0.4, 0.7], low: 0.2, high: 1.4 },
    '500k-1m': { avg: [0.3, 0.6], low: 0.15, high: 1.2 },
    '1m+': { avg: [0.3, 0.5], low: 0.15, high: 1.0 },
  },
};

/**
 * LinkedIn: members and companies, bare slugs (no "@"), reactions and reposts. Impressions are not
 * public, so engagement is by followers and always low confidence; a member who shows no followers
 * shows connections instead. Rate card: $8 per 1K followers a post, low confidence, no typical-CPM
 * comparison (DESIGN.md, 2026).
 */
export const linkedinFacts = {
  name: 'LinkedIn',
  handlePrefix: '',
  nouns: { post: ['post', 'posts'], likes: 'reactions', shares: 'reposts', audience: 'followers' },
  audienceFallback: { field: 'connections', word: 'connections' },
  showsShares: true,
  countsOnEveryPost: ['likes', 'comments'],
  postKindsVary: true,
  engagement: {
    strategy: { by: 'followers' },
    sharesCounted: { views: true, followers: true },
    lowConfidence: ['followers'],
  },
  benchmarks: [{ table: LINKEDIN_BENCHMARKS }],
  rates: {
    per1kFollowers: 8,
    source: {
      name: 'Scout DESIGN.md rate model',
      year: 2026,
      note: 'post $8 per 1K followers, low confidence',
    },
    deliverables: [{ id: 'post', label: 'post', multiple: 1 }],
    main: 'post',
    lowConfidence: true,
    typicalCpm: false,
  },
} as const satisfies PlatformFacts;
