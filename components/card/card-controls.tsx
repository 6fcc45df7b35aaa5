import type { Side } from '@/lib/settings/layout';

/** Out of the way: move the card to the other side of the page, or stop showing it on this site. */
export function CardControls({
  side,
  site,
  error,
  onMove,
  onHide,
}: {
  side: Side;
  /** The site this tab shows, as its domain; null when the background has not said. */
  site: string | null;
  error: string | null;
  onMove: () => void;
  onHide: () => void;
}) {
  const other = side === 'right' ? 'left' : 'right';
  return (
    <footer className="card-controls">
      {error ? (
        <p role="alert" className="error small">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="link-button" onClick={onMove}>
          Move to the {other}
        </button>
        {site ? (
          <button type="button" className="link-button" onClick={onHide}>
            Hide on {site}
          </button>
        ) : null}
      </div>
    </footer>
  );
}
