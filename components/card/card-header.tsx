import type { ReactNode } from 'react';
import { displayHandle, PLATFORM_NAMES } from '@/lib/format';
import { Avatar } from './avatar';
import { moneyRange, percent } from './format';
import type { CardSummary } from './summary';

/**
 * The card's top row, the same element collapsed and expanded: the toggle keeps its place (and the
 * keyboard focus) when the card collapses into a slim row and back.
 */
export function CardTop({
  collapsed,
  onToggle,
  children,
}: {
  collapsed: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <header className={collapsed ? 'card-top slim' : 'card-top'}>
      <div className="identity">{children}</div>
      <button
        type="button"
        className="icon-button"
        aria-label={collapsed ? 'Expand card' : 'Collapse card'}
        title={collapsed ? 'Expand card' : 'Collapse card'}
        onClick={onToggle}
      >
        <Chevron up={!collapsed} />
      </button>
    </header>
  );
}

function Chevron({ up }: { up: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M3.5 10 8 5.5 12.5 10' : 'M3.5 6 8 10.5 12.5 6'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const nameOf = ({ snapshot }: CardSummary) =>
  snapshot.displayName ?? displayHandle(snapshot.platform, snapshot.handle);

/** Who the creator is: initials, name, handle, platform and tier. */
export function CreatorIdentity({ summary }: { summary: CardSummary }) {
  const { snapshot, tier } = summary;
  const handle = displayHandle(snapshot.platform, snapshot.handle);
  return (
    <>
      <Avatar name={snapshot.displayName ?? snapshot.handle} seed={summary.key} />
      <div className="who">
        <h1 className="name">{nameOf(summary)}</h1>
        <p className="handle-line">
          {/* The name is the handle when the page gave no display name: said once. */}
          {snapshot.displayName ? (
            <span className="handle" title={handle}>
              {handle}
            </span>
          ) : null}
          <span className="chip">{PLATFORM_NAMES[snapshot.platform]}</span>
          <span className={tier ? 'chip tier' : 'chip tier unknown'}>{tier ?? 'tier unknown'}</span>
        </p>
      </div>
    </>
  );
}

/** The collapsed card: name, ER and the main price in one row. */
export function CreatorSlim({ summary }: { summary: CardSummary }) {
  const { engagement, main, snapshot } = summary;
  const rate = engagement?.rate;
  return (
    <>
      <Avatar name={snapshot.displayName ?? snapshot.handle} seed={summary.key} small />
      <h1 className="name slim-name">{nameOf(summary)}</h1>
      <span className="slim-figure" title="Engagement rate">
        <span className="visually-hidden">ER </span>
        {rate == null ? 'ER unknown' : percent(rate)}
      </span>
      <span className="slim-figure" title={`Price per ${main.label}`}>
        <span className="visually-hidden">{main.label} </span>
        {main.rate ? moneyRange(main.rate, main.rate.currency) : 'price unknown'}
      </span>
    </>
  );
}

/** Scout's own mark, where there is no creator to name (reading, errors, pages without one). */
export function BrandIdentity({ title, slim }: { title?: string; slim?: boolean }) {
  return (
    <>
      <span className={slim ? 'avatar avatar-small brand' : 'avatar brand'} aria-hidden="true">
        S
      </span>
      <p className="brand-name">Scout{title ? <span className="muted"> · {title}</span> : null}</p>
    </>
  );
}
