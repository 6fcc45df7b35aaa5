import type { Flag } from '@/lib/model';

/** Severity in words: color is only a second cue. */
export const SEVERITY_LABELS: Record<Flag['severity'], string> = {
  risk: 'Risk',
  warn: 'Warning',
  info: 'Info',
};

/** Every authenticity warning with its evidence; no opaque score. */
export function WarningsSection({ flags }: { flags: readonly Flag[] | null }) {
  return (
    <section className="detail-section" aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">Warnings</h2>
      {flags === null ? (
        <p className="muted small">Not checked yet: Scout has not vetted this snapshot.</p>
      ) : flags.length === 0 ? (
        <p className="muted small">
          No warnings on the numbers this page shows (follow ratio, likes vs views, growth,
          activity, sponsored share).
        </p>
      ) : (
        <ul className="plain flags">
          {flags.map((flag) => (
            <li key={flag.code} className={`flag flag-${flag.severity}`}>
              <p className="flag-head">
                <span className="severity">{SEVERITY_LABELS[flag.severity]}</span>{' '}
                <strong>{flag.message}</strong>
              </p>
              <p className="evidence">{flag.evidence}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
