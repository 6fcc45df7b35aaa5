import { MIN_POST_AGE_HOURS, type Band, type EngagementResult } from '@/lib/metrics';
import type { Engagement, ErBasis, Platform } from '@/lib/model';
import { platformFacts } from '@/lib/platforms';
import { num, percent, percentRange, plural } from './format';
import { sampleNoun } from './summary';

/** What a rate on this basis is divided by, in the platform's words. */
function basisWords(platform: Platform, basis: ErBasis): string {
  const { nouns, engagement } = platformFacts(platform);
  if (basis === 'views') return 'views of each post';
  if (basis === 'followers') return nouns.audience;
  const { strategy } = engagement;
  const likes =
    strategy.by === 'views' && strategy.fallback?.by === 'lifetime'
      ? strategy.fallback.likes
      : nouns.likes;
  return `lifetime totals (${likes}, ${nouns.post[1]}, ${nouns.audience})`;
}

/** Each reason a post was left out of the sample, in words, with how many. */
export function exclusions(result: EngagementResult, platform: Platform): string[] {
  const x = result.excluded;
  const { likes } = platformFacts(platform).nouns;
  return [
    x.pinned > 0 && `${num(x.pinned)} pinned: chosen by the creator, not a recent sample`,
    x.young > 0 &&
      `${num(x.young)} younger than ${MIN_POST_AGE_HOURS} h: still gathering engagement`,
    x.hiddenLikes > 0 &&
      `${num(x.hiddenLikes)} with hidden ${likes}, or no ${likes} count on the page`,
    x.missingCounts > 0 && `${num(x.missingCounts)} without a comment count`,
    x.noViews > 0 && `${num(x.noViews)} without views`,
    x.otherKind > 0 &&
      `${plural(x.otherKind, 'image or carousel', 'images and carousels')}: measured by followers instead`,
  ].filter((line): line is string => typeof line === 'string');
}

function Measure({
  title,
  engagement,
  platform,
}: {
  title: string;
  engagement: Engagement;
  platform: Platform;
}) {
  const by = engagement.basis ? ` by ${engagement.basis}` : '';
  return (
    <div className="measure">
      <h3>
        {title}
        {by}: {engagement.rate === null ? 'unknown' : percent(engagement.rate, 2)}
        {engagement.grade ? <span className="muted"> · {engagement.grade}</span> : null}
      </h3>
      <p className="formula">{engagement.formula}</p>
      <dl className="facts">
        <dt>Sample</dt>
        <dd>{plural(engagement.sampleSize, ...sampleNoun(platform, engagement.basis))}</dd>
        <dt>Basis</dt>
        <dd>{engagement.basis ? basisWords(platform, engagement.basis) : 'unknown'}</dd>
        <dt>Confidence</dt>
        <dd>{engagement.confidence ?? 'unknown'}</dd>
      </dl>
    </div>
  );
}

function BandFacts({ band }: { band: Band }) {
  return (
    <div className="measure">
      <h3>
        Benchmark: {platformFacts(band.platform).name} {band.label}, by {band.basis}
      </h3>
      <dl className="facts">
        <dt>Typical</dt>
        <dd>{percentRange(band.avg.from, band.avg.to)}</dd>
        <dt>Low mark</dt>
        <dd>below {percent(band.low, 2)}</dd>
        <dt>High mark</dt>
        <dd>above {percent(band.high, 2)}</dd>
        <dt>Confidence</dt>
        <dd>{band.lowConfidence ? 'low' : 'as published'}</dd>
      </dl>
      {band.notes.length > 0 ? <p className="muted small">{band.notes.join('; ')}</p> : null}
      <p className="muted small">
        Source:{' '}
        {band.sources
          .map((s) => `${s.name}${s.year ? `, ${s.year}` : ''}${s.note ? ` (${s.note})` : ''}`)
          .join('; ')}
      </p>
    </div>
  );
}

/** How the engagement rate was computed: formula, sample, basis, confidence, exclusions, band. */
export function EngagementSection({
  result,
  platform,
}: {
  result: EngagementResult;
  platform: Platform;
}) {
  const left = exclusions(result, platform);
  return (
    <section className="detail-section" aria-labelledby="engagement-heading">
      <h2 id="engagement-heading">Engagement</h2>
      <Measure title="ER" engagement={result.engagement} platform={platform} />
      <h3>Left out of the sample</h3>
      {left.length > 0 ? (
        <ul className="plain">
          {left.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">Nothing: every post on the page counts.</p>
      )}
      {result.secondary ? (
        <Measure title="Also" engagement={result.secondary} platform={platform} />
      ) : null}
      {result.band ? <BandFacts band={result.band} /> : null}
      {result.gradeNote ? <p className="muted small">{result.gradeNote}</p> : null}
    </section>
  );
}
