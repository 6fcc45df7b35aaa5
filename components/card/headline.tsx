import type { Band, RateEstimate } from '@/lib/metrics';
import type { CommentSummary } from '@/lib/metrics/comments';
import type { Engagement, Platform } from '@/lib/model';
import { platformFacts } from '@/lib/platforms';
import { capitalize, count, money, moneyRange, percent, percentRange, plural } from './format';
import { commentSampleText } from './comments-section';
import { sampleNoun, type CardSummary } from './summary';

/** "by views · median of 17 videos", with the confidence unless it is high. */
export function basisLine(engagement: Engagement, platform: Platform): string {
  const { basis, sampleSize, confidence } = engagement;
  const noun = sampleNoun(platform, basis);
  const parts =
    basis === 'lifetime'
      ? [`from lifetime totals over ${plural(sampleSize, ...noun)}`]
      : [`by ${basis ?? 'unknown basis'}`, `median of ${plural(sampleSize, ...noun)}`];
  // High confidence goes without saying on the headline (the details always say it).
  if (confidence && confidence !== 'high') parts.push(`${confidence} confidence`);
  return parts.join(' · ');
}

/** "average" for "10K–50K" with its typical range "8.4–9.4%", or why the rate is not graded. */
export function gradeLine(
  engagement: Engagement,
  band: Band | null,
  gradeNote: string | null,
): { grade: string; band: string | null; range: string | null } | null {
  if (engagement.rate === null) return null;
  if (engagement.grade && engagement.band) {
    return {
      grade: engagement.grade,
      band: engagement.band,
      range: band ? percentRange(band.avg.from, band.avg.to) : null,
    };
  }
  // The headline says only that it is not graded; the details give the whole note.
  return { grade: gradeNote?.split(':')[0] ?? 'not graded', band: null, range: null };
}

/** Why an unknown rate is unknown, in a few words (the details give the whole formula). */
function unknownReason(engagement: Engagement, followersKnown: boolean, audience: string): string {
  if (!followersKnown && engagement.formula.startsWith(`${audience} unknown`)) {
    return `${audience} unknown`;
  }
  return engagement.formula.replace(/^unknown:\s*/, '').split(';')[0]!;
}

/**
 * The numbers a marketer reads first, without a click: followers, the main price, the engagement
 * rate with its grade and band, and the warning count. Fixed slots: nothing moves when numbers
 * arrive or change.
 */
export function HeadlineStats({
  summary,
  band,
  gradeNote,
  rates,
  comments = null,
}: {
  summary: CardSummary;
  band: Band | null;
  gradeNote: string | null;
  rates: RateEstimate | null;
  /** The comments read on the creator's posts, when any were. */
  comments?: CommentSummary | null;
}) {
  const { snapshot, audience, engagement, main, flags } = summary;
  const grade = engagement ? gradeLine(engagement, band, gradeNote) : null;
  const { nouns } = platformFacts(snapshot.platform);
  const postsLabel = nouns.post;
  const sample = commentSampleText(comments, snapshot.platform);
  return (
    <dl className="stats" aria-label="Headline numbers">
      <div className="stat">
        <dt>{audience.label}</dt>
        <dd>
          <span className="value">{count(audience.value, audience.precision)}</span>
          <span className="sub">
            {snapshot.posts === undefined
              ? `${postsLabel[1]} unknown`
              : `${count(snapshot.posts, snapshot.precision.posts)} ${
                  snapshot.posts === 1 ? postsLabel[0] : postsLabel[1]
                }`}
          </span>
        </dd>
      </div>
      <div className="stat">
        <dt>{capitalize(main.label)}</dt>
        <dd>
          <span className="value">
            {main.rate ? moneyRange(main.rate, main.rate.currency) : 'unknown'}
          </span>
          <span className="sub">
            {main.rate
              ? `mid ${money(main.rate.mid, main.rate.currency)}${
                  rates?.confidence === 'low' ? ' · low confidence' : ''
                }`
              : (rates?.reason ?? 'no estimate yet')}
          </span>
        </dd>
      </div>
      <div className="stat wide">
        <dt>Engagement rate</dt>
        <dd>
          <span className="value">
            {engagement?.rate == null ? 'unknown' : percent(engagement.rate)}
            {grade ? (
              <span className="grade">
                {/* Its own line on screen; one phrase for copy and screen readers. */}
                <span className="separator"> · </span>
                {grade.grade}
                {grade.band ? <span className="nowrap"> for {grade.band}</span> : null}
                {grade.range ? <span className="nowrap"> ({grade.range})</span> : null}
              </span>
            ) : null}
          </span>
          <span className="sub">
            {engagement === null
              ? 'not vetted yet'
              : engagement.rate === null
                ? unknownReason(engagement, snapshot.followers !== undefined, nouns.audience)
                : basisLine(engagement, snapshot.platform)}
          </span>
        </dd>
      </div>
      <div className="stat wide warnings-stat">
        <dt>Warnings</dt>
        <dd>
          <span className={flags?.some((f) => f.severity === 'risk') ? 'value risk' : 'value'}>
            {warningsText(flags)}
          </span>
          {sample ? <span className="sub">{sample}</span> : null}
        </dd>
      </div>
    </dl>
  );
}

/** "no warnings", "1 warning", "3 warnings · 1 risk"; "not checked yet" without a vetting. */
export function warningsText(flags: CardSummary['flags']): string {
  if (flags === null) return 'not checked yet';
  if (flags.length === 0) return 'no warnings';
  const risks = flags.filter((f) => f.severity === 'risk').length;
  const total = plural(flags.length, 'warning', 'warnings');
  return risks > 0 ? `${total} · ${plural(risks, 'risk', 'risks')}` : total;
}
