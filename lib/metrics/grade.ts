import type { ErBasis, Grade, Platform } from '../model';
import { isCount } from './numbers';
import { bandFor, type Band } from './tier';

/**
 * The five-step grade of an ER (percent) against a band: below `low` → 'low'; `low` up to the avg
 * start → 'below average'; inside avg (both ends included) → 'average'; past the avg end up to
 * `high` (included) → 'above average'; above `high` → 'high'. Unknown rate → null.
 */
export function computeGrade(
  rate: number | null | undefined,
  band: Pick<Band, 'avg' | 'low' | 'high'> | null | undefined,
): Grade | null {
  if (!isCount(rate) || !band) return null;
  if (rate < band.low) return 'low';
  if (rate < band.avg.from) return 'below average';
  if (rate <= band.avg.to) return 'average';
  if (rate <= band.high) return 'above average';
  return 'high';
}

export interface GradeResult {
  grade: Grade | null;
  /** The band the rate is compared with; null when there is no comparable benchmark. */
  band: Band | null;
  /** What a marketer should know about the comparison (borrowed table, no benchmark...). */
  note: string | null;
  lowConfidence: boolean;
}

/**
 * Picks the benchmark table that matches the ER's basis and grades against it. Instagram reels
 * graded by views use the TikTok by-views bands (DESIGN.md: until better data exists). TikTok has
 * by-views bands only, so follower-based and lifetime TikTok rates are shown but not graded.
 */
export function gradeEngagement(
  platform: Platform,
  basis: ErBasis | null,
  rate: number | null,
  followers: number | null | undefined,
): GradeResult {
  const none = (note: string | null): GradeResult => ({
    grade: null,
    band: null,
    note,
    lowConfidence: false,
  });
  if (basis === null) return none(null);
  if (!isCount(followers)) return none('followers unknown: no benchmark band');

  let band: Band | null = null;
  let note: string | null = null;
  if (platform === 'tiktok' && basis === 'views') band = bandFor('tiktok', followers);
  else if (platform === 'tiktok')
    return none(
      basis === 'lifetime'
        ? 'not graded: TikTok benchmarks are by views, a lifetime rate is not comparable'
        : 'not graded: TikTok benchmarks are by views, not by followers',
    );
  else if (platform === 'instagram' && basis === 'views') {
    band = bandFor('tiktok', followers);
    note =
      'Instagram reels graded by views against the TikTok by-views bands until better data exists';
  } else if (basis === 'followers') band = bandFor(platform, followers);
  else return none(`not graded: no ${basis}-based benchmark for this platform`);

  if (!band) return none('followers unknown: no benchmark band');
  const notes = [note, ...band.notes].filter((n): n is string => n !== null);
  return {
    grade: computeGrade(rate, band),
    band,
    note: notes.length > 0 ? notes.join('; ') : null,
    lowConfidence: band.lowConfidence,
  };
}
