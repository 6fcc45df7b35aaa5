import type { Platform, Tier } from '../model';
import { platformFacts } from '../platforms';
import {
  BAND_BOUNDS,
  BAND_IDS,
  ER_BENCHMARKS,
  TIER_BOUNDS,
  type BandId,
  type PlatformBenchmarks,
  type Source,
} from './benchmarks';
import { isCount, roundTo } from './numbers';

/** The tier for a follower count (lower bound inclusive); null when followers are unknown. */
export function computeTier(followers: number | null | undefined): Tier | null {
  if (!isCount(followers)) return null;
  for (const { tier, max } of TIER_BOUNDS) if (max === null || followers < max) return tier;
  return null;
}

/** The benchmark band of one platform for one follower count, ready to grade against. */
export interface Band {
  id: BandId;
  /** "10K–50K" (en dash), "1M+". */
  label: string;
  /** Whose table the numbers come from. */
  platform: Platform;
  basis: 'views' | 'followers';
  avg: { from: number; to: number };
  low: number;
  high: number;
  /** Midpoint of `avg`: the band median the rate model divides by. */
  median: number;
  /** Emerging creators (borrowing 1K–5K) and every band of a low-confidence table. */
  lowConfidence: boolean;
  /** Why the band is what it is, in words (empty when nothing needs saying). */
  notes: string[];
  sources: readonly Source[];
}

/** Which of the seven bands a follower count falls in; under 1K borrows 1K–5K. */
export function bandIdFor(followers: number | null | undefined): BandId | null {
  if (!isCount(followers)) return null;
  for (const id of BAND_IDS) {
    const max = BAND_BOUNDS[id].max;
    if (max === null || followers < max) return id;
  }
  return null;
}

/** The platform's own benchmark band for a follower count; null when followers are unknown. */
export function bandFor(platform: Platform, followers: number | null | undefined): Band | null {
  const table = ER_BENCHMARKS[platform] as PlatformBenchmarks | undefined;
  return table ? bandIn(table, followers) : null;
}

/** The band of one benchmark table for a follower count; null when followers are unknown. */
export function bandIn(
  table: PlatformBenchmarks,
  followers: number | null | undefined,
): Band | null {
  const id = bandIdFor(followers);
  if (id === null || !isCount(followers)) return null;
  const rates = table.bands[id];
  const [from, to] = rates.avg;
  const notes: string[] = [];
  const emerging = followers < BAND_BOUNDS['1k-5k'].min;
  if (emerging) notes.push('under 1K followers: the 1K–5K band stands in (low confidence)');
  if (table.lowConfidence)
    notes.push(`${platformFacts(table.platform).name} bands are an estimate (low confidence)`);
  return {
    id,
    label: BAND_BOUNDS[id].label,
    platform: table.platform,
    basis: table.basis,
    avg: { from, to },
    low: rates.low,
    high: rates.high,
    median: roundTo((from + to) / 2, 4),
    lowConfidence: emerging || table.lowConfidence,
    notes,
    sources: table.sources,
  };
}
