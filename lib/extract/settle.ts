import type { Platform, ProfileCountField } from '../model/snapshot';
import type { ExtractResult, PageMatch, PageProblem } from '../platforms/types';
import { pageCreator, type AuthorshipOptions, type NamedBy } from './authorship';
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
  /** Who named the target (lib/extract/authorship.ts): passed on with the snapshot. */
  namedBy?: NamedBy;
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
    return options.namedBy === undefined
      ? { ok: true, snapshot, missing }
      : { ok: true, snapshot, missing, namedBy: options.namedBy };
  }
  const stated = new Set<ReadingProblem>();
  const own = [...readingsAbout(target.handle, readings), ...readings.filter((r) => !r.handle)];
  for (const r of own) if (r.problem) stated.add(r.problem);
  const problem = PROBLEM_ORDER.find((p) => stated.has(p)) ?? 'no-data';
  return { ok: false, problem, reason: PROBLEM_REASONS[problem] };
}

/** How a platform settles a page: its profile URLs, and what the authorship rule may ask of it. */
export interface PageSettleOptions extends SettleOptions, AuthorshipOptions {
  platform: Platform;
  profileUrl(handle: string): string;
  /**
   * Readings to add once the creator is known (a platform's author-less post counts, which join
   * the posts other payloads gave the creator).
   */
  adopt?(handle: string, readings: readonly Reading[]): Reading[];
}

/**
 * The page's answer under the one authorship rule (lib/extract/authorship.ts): the readings about
 * the creator the URL or the document names (or every reading agrees on), merged, with who named
 * them; without such a creator, the problem a payload states about the page (a handle-less one),
 * else 'no-data' — never a snapshot of someone else.
 */
export function settlePage(
  page: PageMatch,
  readings: readonly Reading[],
  now: number,
  options: PageSettleOptions,
): ExtractResult {
  const { platform, profileUrl, adopt, isPagePost, ...settle } = options;
  const creator = pageCreator(page, readings, isPagePost ? { isPagePost } : {});
  if (!creator) return settleReadings(NOBODY(platform), readings, now, settle);
  const target = { platform, handle: creator.handle, url: profileUrl(creator.handle) };
  const all = adopt ? [...readings, ...adopt(creator.handle, readings)] : readings;
  return settleReadings(target, all, now, { ...settle, namedBy: creator.namedBy });
}

/** A target no reading is about: only the page's own (handle-less) problems can answer. */
const NOBODY = (platform: Platform): MergeTarget => ({ platform, handle: '', url: '' });
