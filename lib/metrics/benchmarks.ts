/**
 * Every constant the metrics use, with its source and year beside it (DESIGN.md, "Metrics").
 * Change a number here and nowhere else; tests/metrics/benchmarks.test.ts pins them to DESIGN.md.
 */
import type { Platform, Tier } from '../model';

/** Where a number comes from: shown in the card's "how is this computed" and kept in exports. */
export interface Source {
  name: string;
  /** Year of the data; null where the source gives none. */
  year: number | null;
  note?: string;
}

// ─── Tiers ────────────────────────────────────────────────────────────────────────────────────────

/** Tier bounds by followers, lower bound inclusive (DESIGN.md; industry-standard tier names). */
export const TIER_BOUNDS: readonly { tier: Tier; min: number; max: number | null }[] = [
  { tier: 'emerging', min: 0, max: 1_000 },
  { tier: 'nano', min: 1_000, max: 10_000 },
  { tier: 'micro', min: 10_000, max: 100_000 },
  { tier: 'macro', min: 100_000, max: 1_000_000 },
  { tier: 'mega', min: 1_000_000, max: null },
];

// ─── Engagement-rate benchmark bands ──────────────────────────────────────────────────────────────

export const BAND_IDS = [
  '1k-5k',
  '5k-10k',
  '10k-50k',
  '50k-100k',
  '100k-500k',
  '500k-1m',
  '1m+',
] as const;
export type BandId = (typeof BAND_IDS)[number];

/** The seven follower bands, lower bound inclusive; "emerging" (< 1K) borrows 1K–5K. */
export const BAND_BOUNDS: Readonly<
  Record<BandId, { label: string; min: number; max: number | null }>
> = {
  '1k-5k': { label: '1K–5K', min: 1_000, max: 5_000 },
  '5k-10k': { label: '5K–10K', min: 5_000, max: 10_000 },
  '10k-50k': { label: '10K–50K', min: 10_000, max: 50_000 },
  '50k-100k': { label: '50K–100K', min: 50_000, max: 100_000 },
  '100k-500k': { label: '100K–500K', min: 100_000, max: 500_000 },
  '500k-1m': { label: '500K–1M', min: 500_000, max: 1_000_000 },
  '1m+': { label: '1M+', min: 1_000_000, max: null },
};

/** One band of one platform: "avg" is the typical range, `low` / `high` the outer marks (percent). */
export interface BandRates {
  avg: readonly [from: number, to: number];
  low: number;
  high: number;
}

export interface PlatformBenchmarks {
  /** What the rates are divided by. */
  basis: 'views' | 'followers';
  /** Every grade against this table is low confidence (LinkedIn: sources disagree ~10x). */
  lowConfidence: boolean;
  sources: readonly Source[];
  bands: Readonly<Record<BandId, BandRates>>;
}

/**
 * Instagram, engagement ÷ followers (likes + comments), percent.
 * Source: Modash Instagram engagement-rate calculator, 72M profiles. DESIGN.md gives no date for
 * it; it was read together with the Nov 2025 TikTok calculator, so 2025 is recorded.
 */
export const INSTAGRAM_BENCHMARKS: PlatformBenchmarks = {
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
 * TikTok, engagement ÷ views (likes + comments + shares), percent.
 * Source: Modash TikTok engagement-rate calculator, Nov 2025, by views. Instagram reels graded by
 * views use this table too, until better data exists.
 */
export const TIKTOK_BENCHMARKS: PlatformBenchmarks = {
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
 * LinkedIn, engagement ÷ followers (reactions + comments + reposts), percent.
 * Source: LinkedIn creator studies 2026 (follower-based 0.5–1% typical). Sources disagree ~10x, so
 * these bands are an estimate and every LinkedIn grade is low confidence.
 */
export const LINKEDIN_BENCHMARKS: PlatformBenchmarks = {
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

export const ER_BENCHMARKS: Readonly<Record<Platform, PlatformBenchmarks>> = {
  instagram: INSTAGRAM_BENCHMARKS,
  tiktok: TIKTOK_BENCHMARKS,
  linkedin: LINKEDIN_BENCHMARKS,
};

// ─── Engagement-rate sampling rules ───────────────────────────────────────────────────────────────

/** Posts younger than this (relative to capturedAt) are still gathering likes (DESIGN.md, 2026). */
export const MIN_POST_AGE_HOURS = 72;
/** Confidence of a measured ER by sample size (DESIGN.md, 2026): high ≥ 10, medium ≥ 3. */
export const SAMPLE_HIGH = 10;
export const SAMPLE_MEDIUM = 3;

// ─── Growth ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Normal monthly follower growth per tier, percent (DESIGN.md, 2026, Scout defaults): 2–5% under
 * 10K, 1–3% 10K–100K, 0.5–1.5% above. Growth faster than `to` is a `growth-spike`.
 */
export const MONTHLY_GROWTH_NORMS: Readonly<Record<Tier, { from: number; to: number }>> = {
  emerging: { from: 2, to: 5 },
  nano: { from: 2, to: 5 },
  micro: { from: 1, to: 3 },
  macro: { from: 0.5, to: 1.5 },
  mega: { from: 0.5, to: 1.5 },
};
export const GROWTH_NORMS_SOURCE: Source = { name: 'Scout DESIGN.md defaults', year: 2026 };

// ─── Authenticity thresholds (DESIGN.md, 2026) ────────────────────────────────────────────────────

export const FLAG_THRESHOLDS = {
  /** `follow-ratio`: following > followers, only from this many followers. */
  followRatioMinFollowers: 10_000,
  /** `follow-for-follow`: following at or above this (Instagram's own following cap). */
  followForFollowFollowing: 7_500,
  /** `er-high`: ER above this multiple of the band's `high`. */
  erHighMultiple: 3,
  /** `likes-over-followers`: an image post's likes above this share of followers. */
  likesOverFollowersShare: 0.3,
  /** `inactive`: no post for this many days. */
  inactiveDays: 60,
  /** `sponsored-share`: more than this share of recent posts marked as ads. */
  sponsoredShare: 0.3,
  /** `sponsored-share` needs at least this many recent posts (Scout's choice: 1 of 2 says little). */
  sponsoredMinPosts: 5,
  /** `generic-comments`: this share or more of the comments emoji-only, one-word or mention-only. */
  genericCommentShare: 0.5,
  /** `generic-comments` needs at least this many comments (Scout's choice). */
  genericMinComments: 5,
  /** `growth-spike`: snapshots closer than this are not compared (hourly noise). */
  growthMinGapDays: 1,
  /** `round-jump`: the round jumps bought followers come in. */
  roundJumps: [1_000, 5_000, 10_000],
  /** `round-jump`: how close to round counts as round (±1%, Scout's choice). */
  roundJumpTolerance: 0.01,
  /** `round-jump`: only between snapshots at most this many days apart (packages land in days). */
  roundJumpMaxDays: 7,
} as const;

// ─── Rates ────────────────────────────────────────────────────────────────────────────────────────

/** Typical CPM, USD (Instagram, TikTok) that each quote's CPM is set against (DESIGN.md, 2026). */
export const TYPICAL_CPM_USD = { from: 5, to: 15 } as const;

/** Engagement adjustment of the rate model: × clamp(ER / band median, 0.5, 2.0) (DESIGN.md, 2026). */
export const ER_ADJUSTMENT_BOUNDS = { min: 0.5, max: 2.0 } as const;

/** Quote range around the mid estimate: −25% / +25% (DESIGN.md, 2026). */
export const RATE_RANGE = { below: 0.25, above: 0.25 } as const;

/**
 * Price rounding steps ("sensible steps", Scout's choice, in the quote's currency): $5 under $100,
 * $10 under $1,000, $50 under $10,000, $100 above.
 */
export const PRICE_STEPS: readonly { below: number; step: number }[] = [
  { below: 100, step: 5 },
  { below: 1_000, step: 10 },
  { below: 10_000, step: 50 },
  { below: Number.POSITIVE_INFINITY, step: 100 },
];

/**
 * Rate-card defaults, USD per 1K followers: Instagram static post $10 (the seed's "$100 per 10K
 * followers"), carousel +25%, reel / video +50%, story 50% of a post; TikTok video $6; LinkedIn post
 * $8 (low confidence). Add-ons: usage rights +50% per 30 days (market range 50–200%), exclusivity +30%
 * per 30 days (20–50%), whitelisting / Spark Ads +30%, rush +25% (DESIGN.md, 2026).
 */
export const RATE_CARD_SOURCE: Source = {
  name: 'Scout DESIGN.md rate model (seed: $100 per 10K Instagram followers, $100–500 per micro post)',
  year: 2026,
};

/** Market ranges of the add-ons, percent, shown beside the card's own choice (DESIGN.md, 2026). */
export const ADD_ON_MARKET_RANGES = {
  'usage-rights': { from: 50, to: 200 },
  exclusivity: { from: 20, to: 50 },
  whitelisting: null,
  rush: null,
} as const;

/** The seed's micro-post range, USD: the sanity anchor of the rate model (DESIGN.md, 2026). */
export const SEED_MICRO_POST_USD = { from: 100, to: 500 } as const;
