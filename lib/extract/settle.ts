import type { ProfileCountField } from '../model/snapshot';
import type { ExtractResult, PageProblem } from '../platforms/types';
import { mergeReadings, readingsAbout, type MergeTarget } from './merge';
import type { Reading, ReadingProblem } from './reading';

/** The reason texts a user (and the CLI) sees for each problem. */
export const PROBLEM_REASONS: Readonly<Record<PageProblem, string>> = {
  'not-creator': 'not a creator page',
  'sign-in-required': 'sign-in required',
  private: 'private account',
  'not-found': 'account not found',
  'no-data': 'no profile data found',
};

/** What the platform expects of a page, and the clock override. */
export interface SettleOptions {
  /** Counts the platform normally shows: the ones absent are listed in `missing`. */
  expected: readonly ProfileCountField[];
  /** A fixed capture time (the CLI's `--at`) that overrides the payloads' own clocks. */
  capturedAt?: number;
}

/** When several payloads state a problem, the most definite one is reported. */
const PROBLEM_ORDER: readonly ReadingProblem[] = ['not-found', 'private', 'sign-in-required'];

/**
 * The page's answer from its readings: a snapshot when any reading is about the target (data beats
 * a problem statement: a login modal over a profile that rendered is no wall), else the problem a
 * payload states (not found, private, sign-in), else 'no-data'. Problems from readings about
 * another account are ignored; a problem without a handle is taken as the page's own.
 */
export function settleReadings(
  target: MergeTarget,
  readings: readonly Reading[],
  now: number,
  options: SettleOptions,
): ExtractResult {
  const merged = mergeReadings(
    target,
    readings,
    now,
    options.capturedAt === undefined ? {} : { capturedAt: options.capturedAt },
  );
  if (merged) {
    const { snapshot } = merged;
    const missing: string[] = options.expected.filter((field) => snapshot[field] === undefined);
    if (snapshot.recentPosts.length === 0) missing.push('recentPosts');
    return { ok: true, snapshot, missing };
  }
  const stated = new Set<ReadingProblem>();
  const own = [...readingsAbout(target.handle, readings), ...readings.filter((r) => !r.handle)];
  for (const r of own) if (r.problem) stated.add(r.problem);
  const problem = PROBLEM_ORDER.find((p) => stated.has(p)) ?? 'no-data';
  return { ok: false, problem, reason: PROBLEM_REASONS[problem] };
}
