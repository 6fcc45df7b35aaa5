import type { ErBasis, Grade, Platform } from '../model';
import type { PlatformFacts } from '../platforms/facts';
import { platformFacts } from '../platforms';
import { isCount } from './numbers';
import { bandIn, type Band } from './tier';

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
 * Picks the benchmark table of the platform's facts that matches the ER's basis and grades against
 * it; a table borrowed from another platform adds its note saying why it stands in. A basis with no
 * table is shown but not graded.
 */
export function gradeEngagement(
  platform: Platform,
  basis: ErBasis | null,
  rate: number | null,
  followers: number | null | undefined,
): GradeResult {
  return gradeWith(platformFacts(platform), basis, rate, followers);
}

/** `gradeEngagement` with the platform's facts at hand. */
export function gradeWith(
  facts: PlatformFacts,
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

  const use = facts.benchmarks.find((b) => b.table.basis === basis);
  if (!use) return none(notGraded(facts, basis));
  const band = bandIn(use.table, followers);
  if (!band) return none('followers unknown: no benchmark band');
  const notes = [use.borrowed ?? null, ...band.notes].filter((n): n is string => n !== null);
  return {
    grade: computeGrade(rate, band),
    band,
    note: notes.length > 0 ? notes.join('; ') : null,
    lowConfidence: band.lowConfidence,
  };
}

/** "not graded: <name> benchmarks are by views, not by followers", in the platform's words. */
function notGraded(facts: PlatformFacts, basis: ErBasis): string {
  const word = (b: ErBasis) => (b === 'followers' ? facts.nouns.audience : b);
  const bases = [...new Set(facts.benchmarks.map((b) => word(b.table.basis)))];
  if (bases.length === 0) return `not graded: no benchmark for ${facts.name}`;
  const by = `${facts.name} benchmarks are by ${bases.join(' and ')}`;
  return basis === 'lifetime'
    ? `not graded: ${by}, a lifetime rate is not comparable`
    : `not graded: ${by}, not by ${word(basis)}`;
}
