import type { Cadence, GrowthResult } from '@/lib/metrics';
import { date, num, percent, plural, signed } from './format';

function growthText(growth: GrowthResult): string | null {
  const { previous, change, percent: pct, per30Days } = growth;
  if (previous === null || change === null) return null;
  const parts = [`${signed(change)} followers since ${date(previous.capturedAt)}`];
  const rates = [
    pct === null ? null : `${pct < 0 ? '−' : '+'}${percent(Math.abs(pct), 2)}`,
    per30Days === null ? null : `${percent(per30Days, 2)} per 30 days`,
  ].filter((p): p is string => p !== null);
  if (rates.length > 0) parts.push(`(${rates.join(', ')})`);
  return parts.join(' ');
}

function cadenceText(cadence: Cadence): string | null {
  if (cadence.postsPerWeek === null) return null;
  const span = cadence.spanDays === null ? '' : ` in ${num(cadence.spanDays, 1)} days`;
  return `${num(cadence.postsPerWeek, 1)} posts per week (${plural(cadence.sampleSize, 'post', 'posts')}${span})`;
}

/** Growth since Scout's last visit and the posting cadence, each with its formula. */
export function ActivitySection({ growth, cadence }: { growth: GrowthResult; cadence: Cadence }) {
  const grown = growthText(growth);
  const pace = cadenceText(cadence);
  return (
    <section className="detail-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <h3>Growth since the last visit</h3>
      {grown ? (
        <>
          <p>{grown}</p>
          <p className="formula">{growth.formula}</p>
          {growth.rounded ? (
            <p className="muted small">Counts are rounded: part of the change may be rounding.</p>
          ) : null}
        </>
      ) : (
        <p className="muted small">
          {growth.previous === null && growth.formula.includes('no earlier snapshot')
            ? 'First visit: Scout compares followers from your next visit on.'
            : growth.formula}
        </p>
      )}
      <h3>Posting cadence</h3>
      {pace ? <p>{pace}</p> : <p className="muted small">{cadence.formula}</p>}
      {cadence.lastPostAt !== null ? (
        <p className="muted small">
          Last post {date(cadence.lastPostAt)}
          {cadence.daysSinceLastPost !== null
            ? `, ${num(cadence.daysSinceLastPost, 1)} ${cadence.daysSinceLastPost === 1 ? 'day' : 'days'} before this capture`
            : ''}
        </p>
      ) : null}
    </section>
  );
}
