/**
 * What the metrics and the card need to know about a platform: its name and words, how its
 * engagement is measured, its benchmark bands with their sources, and its rate-card rows. Each
 * platform's folder holds its own in facts.ts (pure data, no DOM); the registry hands them out
 * (`platformFacts` in lib/platforms/index.ts), so nothing else branches on a platform's id.
 */
import type { Platform, PostCountField } from '../model/snapshot';

/** A word in the singular and the plural: ["video", "videos"]. */
export type Noun = readonly [one: string, many: string];

/** Where a number comes from: shown in the card's "how is this computed" and kept in exports. */
export interface Source {
  name: string;
  /** Year of the data; null where the source gives none. */
  year: number | null;
  note?: string;
}

/** The seven follower bands every benchmark table fills (bounds: lib/metrics/benchmarks.ts). */
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

/** One band of one platform: "avg" is the typical range, `low` / `high` the outer marks (percent). */
export interface BandRates {
  avg: readonly [from: number, to: number];
  low: number;
  high: number;
}

/** One published table of engagement-rate bands. */
export interface PlatformBenchmarks {
  /** Whose creators the table measures (a platform may borrow another's table). */
  platform: Platform;
  /** What the rates are divided by. */
  basis: 'views' | 'followers';
  /** Every grade against this table is low confidence (sources that disagree, say). */
  lowConfidence: boolean;
  sources: readonly Source[];
  bands: Readonly<Record<BandId, BandRates>>;
}

/** A table a platform grades against; one of another platform's says why it stands in. */
export interface BenchmarkUse {
  table: PlatformBenchmarks;
  /** Required when `table.platform` is another platform: why its table is used, in words. */
  borrowed?: string;
}

/**
 * How a platform's engagement rate is measured, as one of a few strategies:
 * - `views`: every usable post with views, by views; `fallback` when none has views (lifetime
 *   totals, or the posts by followers); `followersBeside` shows the same posts by followers.
 * - `views-or-followers`: posts with views by views and every usable post by followers; the larger
 *   part of the sample leads, the other is shown beside it.
 * - `followers`: every usable post by followers.
 */
export type EngagementStrategy =
  | {
      by: 'views';
      fallback: { by: 'lifetime'; likes: string } | { by: 'followers' } | null;
      followersBeside: boolean;
    }
  | { by: 'views-or-followers'; viewsNoun: Noun }
  | { by: 'followers' };

export interface EngagementFacts {
  strategy: EngagementStrategy;
  /** Whether shares count in the numerator, by basis (as the benchmark tables count them). */
  sharesCounted: { views: boolean; followers: boolean };
  /** Rates on these bases are always low confidence (impressions not public, say). */
  lowConfidence: readonly ('views' | 'followers')[];
}

/** One thing a brand buys, as a multiple of the platform's base price. */
export interface DeliverableFacts {
  id: string;
  /** As the card and exports write it ("reel / video"). */
  label: string;
  /** The options page's label, where it differs from `label` capitalised. */
  formLabel?: string;
  /** Default multiple of the base price (the main deliverable is 1). */
  multiple: number;
}

export interface RateFacts {
  /** Default base price, USD per 1K followers, of the main deliverable. */
  per1kFollowers: number;
  /** Where the base price and multiples come from. */
  source: Source;
  deliverables: readonly DeliverableFacts[];
  /** The deliverable the platform is usually bought by (campaign planning, the card's headline). */
  main: string;
  /** Every price is low confidence (too little market data). */
  lowConfidence: boolean;
  /** Whether quotes are set against the typical CPM range (lib/metrics/benchmarks.ts). */
  typicalCpm: boolean;
}

export interface PlatformFacts {
  /** As marketers write it: "TikTok". */
  name: string;
  /** Put before a handle: "@" where the platform uses at-handles, "" for bare slugs. */
  handlePrefix: '@' | '';
  nouns: {
    /** What one post is called: ["video", "videos"]. */
    post: Noun;
    /** The likes count's word ("likes", "reactions"). */
    likes: string;
    /** The shares count's word ("shares", "reposts"). */
    shares: string;
    /** What the audience count is called, plural ("followers", "subscribers"). */
    audience: string;
  };
  /** When followers are not shown: another audience count that stands in on the card. */
  audienceFallback?: { field: 'connections'; word: string };
  /** False where the platform shows no share counts anywhere: their absence is no gap. */
  showsShares: boolean;
  /** The counts every post shows (their columns always appear in the posts table). */
  countsOnEveryPost: readonly PostCountField[];
  /** False where every post is one kind (all videos): the kind is then not worth saying. */
  postKindsVary: boolean;
  engagement: EngagementFacts;
  /** The tables rates are graded against, at most one per basis; the first own table leads. */
  benchmarks: readonly BenchmarkUse[];
  rates: RateFacts;
}
