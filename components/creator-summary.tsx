import { useMemo } from 'react';
import { currentNumbers } from '@/lib/export/rows';
import { displayHandle, formatCount, PLATFORM_NAMES } from '@/lib/format';
import { platformFacts } from '@/lib/platforms';
import { capitalize, moneyRange } from './card/format';
import { DELIVERABLE_LABELS, MAIN_DELIVERABLE, type RateCard } from '@/lib/metrics/rates';
import type { CreatorRow } from '@/lib/model';

/**
 * Who the creator is, their headline counts and their main price, computed with `rateCard` (the
 * card in force; null while it loads). Unknown counts say so, never 0.
 */
export function CreatorSummary({
  creator,
  rateCard,
}: {
  creator: CreatorRow;
  rateCard: RateCard | null;
}) {
  const { snapshot } = creator;
  const { platform, handle, displayName, precision } = snapshot;
  const { nouns, audienceFallback: fallback } = platformFacts(platform);
  // Where the platform's audience count is missing, the count its facts name stands in.
  const audience =
    fallback && snapshot.followers === undefined && snapshot[fallback.field] !== undefined
      ? {
          label: capitalize(fallback.word),
          value: snapshot[fallback.field],
          precision: precision[fallback.field],
        }
      : {
          label: capitalize(nouns.audience),
          value: snapshot.followers,
          precision: precision.followers,
        };
  const rate = useMemo(
    () => (rateCard ? currentNumbers(creator, rateCard).rate : null),
    [creator, rateCard],
  );
  return (
    <section aria-label="Creator">
      <h1>{displayName ?? displayHandle(platform, handle)}</h1>
      <p className="row muted">
        <span>{displayHandle(platform, handle)}</span>
        <span className="chip">{PLATFORM_NAMES[platform]}</span>
      </p>
      <dl className="stats">
        <div className="stat">
          <dt>{audience.label}</dt>
          <dd>{formatCount(audience.value, audience.precision)}</dd>
        </div>
        <div className="stat">
          <dt>{capitalize(nouns.post[1])}</dt>
          <dd>{formatCount(snapshot.posts, precision.posts)}</dd>
        </div>
        <div className="stat">
          <dt>{capitalize(DELIVERABLE_LABELS[MAIN_DELIVERABLE[platform]])}</dt>
          <dd>{rateCard === null ? '…' : rate ? moneyRange(rate, rate.currency) : 'unknown'}</dd>
        </div>
        <div className="stat">
          <dt>Recent posts read</dt>
          <dd>{snapshot.recentPosts.length}</dd>
        </div>
      </dl>
    </section>
  );
}
