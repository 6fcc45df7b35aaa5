import type { Precision, ProfileSnapshot } from '../model';
import { DAY_MS, fmtInt, fmtNum, fmtPct, isCount, isPositive, roundTo } from './numbers';

/** One follower count Scout saw, with when and how exactly. */
export interface FollowerPoint {
  followers: number;
  capturedAt: number;
  precision: Precision | undefined;
}

/**
 * The follower counts of one creator over Scout's own snapshots, oldest first: only snapshots of
 * the same creator, taken no later than `snapshot`, with a follower count, one per capture time.
 */
export function followerSeries(
  snapshot: ProfileSnapshot,
  history: readonly ProfileSnapshot[],
): FollowerPoint[] {
  const byTime = new Map<number, FollowerPoint>();
  for (const s of [...history, snapshot]) {
    if (s.platform !== snapshot.platform || s.handle !== snapshot.handle) continue;
    if (s.capturedAt > snapshot.capturedAt || !isCount(s.followers)) continue;
    byTime.set(s.capturedAt, {
      followers: s.followers,
      capturedAt: s.capturedAt,
      precision: s.precision.followers,
    });
  }
  // The snapshot being vetted wins over a history row with the same capture time.
  if (isCount(snapshot.followers)) {
    byTime.set(snapshot.capturedAt, {
      followers: snapshot.followers,
      capturedAt: snapshot.capturedAt,
      precision: snapshot.precision.followers,
    });
  }
  return [...byTime.values()].sort((a, b) => a.capturedAt - b.capturedAt);
}

/**
 * How far a count can be off. Exact: 0. Rounded: half the unit its trailing zeros suggest, at most
 * two significant digits ("1.2M" ±50K as DESIGN.md says, "38.2K" ±50). A floor ("500+"): no bound.
 */
export function countError(value: number, precision: Precision | undefined): number {
  if (precision === 'lower-bound') return Number.POSITIVE_INFINITY;
  if (precision !== 'rounded' || value < 10) return 0;
  const maxExp = Math.floor(Math.log10(value)) - 1;
  let unit = 1;
  for (let exp = 1; exp <= maxExp; exp += 1) {
    if (value % 10 ** exp !== 0) break;
    unit = 10 ** exp;
  }
  return unit / 2;
}

/** Growth between two follower counts, plus the smallest growth the rounding allows. */
export interface GrowthStep {
  from: FollowerPoint;
  to: FollowerPoint;
  change: number;
  /** Percent of the earlier count; null when it was 0. */
  percent: number | null;
  days: number;
  /** Percent per 30 days; null when the snapshots are less than a day apart or the base is 0. */
  per30Days: number | null;
  /** The lowest per-30-day growth consistent with rounded counts (equals per30Days when exact). */
  minPer30Days: number | null;
}

/** Growth from one follower count to a later one, normalised to 30 days when a day or more apart. */
export function growthBetween(from: FollowerPoint, to: FollowerPoint): GrowthStep {
  const change = to.followers - from.followers;
  const days = (to.capturedAt - from.capturedAt) / DAY_MS;
  const percent = isPositive(from.followers) ? (change / from.followers) * 100 : null;
  const per30 = (p: number | null) => (p === null || days < 1 ? null : roundTo((p * 30) / days, 2));
  const slack = countError(from.followers, from.precision) + countError(to.followers, to.precision);
  const minChange = change - slack;
  const minPercent =
    isPositive(from.followers) && Number.isFinite(minChange)
      ? (minChange / (from.followers + countError(from.followers, from.precision))) * 100
      : null;
  return {
    from,
    to,
    change,
    percent: percent === null ? null : roundTo(percent, 2),
    days: roundTo(days, 2),
    per30Days: per30(percent),
    minPer30Days: per30(minPercent),
  };
}

export interface GrowthResult {
  /** The latest earlier snapshot with a follower count; null on a first visit. */
  previous: { followers: number; capturedAt: number } | null;
  change: number | null;
  percent: number | null;
  days: number | null;
  per30Days: number | null;
  /** Some counts are rounded: the change may partly be rounding. */
  rounded: boolean;
  formula: string;
}

/** Follower growth since the previous snapshot Scout took of this creator, and per 30 days. */
export function computeGrowth(
  snapshot: ProfileSnapshot,
  history: readonly ProfileSnapshot[],
): GrowthResult {
  const unknown = (formula: string): GrowthResult => ({
    previous: null,
    change: null,
    percent: null,
    days: null,
    per30Days: null,
    rounded: false,
    formula,
  });
  if (!isCount(snapshot.followers)) return unknown('unknown: followers not on the page');
  const series = followerSeries(snapshot, history);
  const to = series[series.length - 1];
  const from = series[series.length - 2];
  if (!to || !from || to.capturedAt !== snapshot.capturedAt) {
    return unknown('unknown: no earlier snapshot of this creator');
  }
  const step = growthBetween(from, to);
  const rounded =
    countError(from.followers, from.precision) + countError(to.followers, to.precision) > 0;
  const sign = step.change >= 0 ? '+' : '−';
  const per30 =
    step.per30Days === null
      ? step.days < 1
        ? ' (less than a day apart: not normalised)'
        : ''
      : `, ${fmtPct(step.per30Days)} per 30 days`;
  return {
    previous: { followers: from.followers, capturedAt: from.capturedAt },
    change: step.change,
    percent: step.percent,
    days: step.days,
    per30Days: step.per30Days,
    rounded,
    formula:
      `${sign}${fmtInt(Math.abs(step.change))} followers (${fmtInt(from.followers)} → ` +
      `${fmtInt(to.followers)}) in ${fmtNum(step.days)} days` +
      (step.percent === null ? '' : `: ${fmtPct(step.percent)}`) +
      per30 +
      (rounded ? '; counts rounded' : ''),
  };
}
