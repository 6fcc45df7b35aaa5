/**
 * Every constant the metrics use that holds for all platforms, with its source and year beside it
 * (DESIGN.md, "Metrics"): tiers, band bounds, sampling rules, growth norms, warning thresholds,
 * price steps and add-ons. What differs by platform (benchmark bands, rate-card base prices) is in
 * that platform's facts (lib/platforms/<id>/facts.ts). Change a number in one place only;
 * tests/metrics/benchmarks.test.ts pins them to DESIGN.md.
 */
import type { Platform, Tier } from '../model';
import { FACTS_IN_ORDER } from '../platforms';
import { BAND_IDS, type BandId, type PlatformBenchmarks, type Source } from '../platforms/facts';

export { BAND_IDS };
export type {
  BandId,
  BandRates,
  BenchmarkUse,
  PlatformBenchmarks,
  Source,
} from '../platforms/facts';

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

/**
 * Each platform's own table: the first of its facts' tables that measures its own creators, by
 * views or by followers. lib/platforms/<id>/facts.ts holds them with their sources; the registry
 * test checks that every platform has one.
 */
export const ER_BENCHMARKS: Readonly<Record<Platform, PlatformBenchmarks>> = Object.fromEntries(
  FACTS_IN_ORDER.flatMap(([id, facts]) => {
    const own = facts.benchmarks.find((b) => b.table.platform === id);
    return own ? [[id, own.table]] : [];
  }),
) as Record<Platform, PlatformBenchmarks>;

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
  /** `follow-for-follow`: following at or above this (the most accounts a platform lets one follow). */
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
  /**
   * `generic-comments`: this share or more of the comments emoji-only, mention-only, one word or
   * stock praise (DESIGN.md, 2026: 1–3 generic comments of 20 is normal, half of them alarming).
   */
  genericCommentShare: 0.5,
  /**
   * `generic-comments` needs at least this many comments read (Scout's choice: the 20 DESIGN.md's
   * normal is stated for; at 15% generic, the top of normal, 10 or more of 20 happen by chance
   * about once in 4,000 samples, 3 or more of 5 once in 40).
   */
  genericMinComments: 20,
  /** `repeated-comments` needs at least this many comments read (Scout's choice, as above). */
  repeatedMinComments: 20,
  /**
   * `repeated-comments`: a comment written word for word on at least this many different posts
   * (Scout's choice: on two, it can be one fan pasting the same words twice).
   */
  repeatedCommentPosts: 3,
  /**
   * `repeated-comments` compares comments of at least this many words (Scout's choice: "wow",
   * "love this" or "🔥" on several posts are what different people write independently).
   */
  repeatedMinWords: 3,
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

/**
 * Typical CPM, USD, that each quote's CPM is set against on the platforms whose facts say the
 * comparison applies (DESIGN.md, 2026).
 */
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
 * Where the rate model comes from: each platform's base price per 1K followers and its
 * deliverables' multiples are in its facts, with their source; add-ons: usage rights +50% per 30 days (market range
 * 50–200%), exclusivity +30% per 30 days (20–50%), whitelisting / Spark Ads +30%, rush +25%
 * (DESIGN.md, 2026).
 */
export const RATE_CARD_SOURCE: Source = {
  name: 'Scout DESIGN.md rate model (seed: $100–500 per micro post)',
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
