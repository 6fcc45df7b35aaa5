import { useState } from 'react';
import type { Failure, PageState } from '@/lib/messaging/protocol';
import { FAILURE_MESSAGES, PAGE_STATE_MESSAGES, PageStateView } from '../page-state';
import { AvatarPlaceholder } from './avatar';
import type { CardSummary } from './summary';

/**
 * The headline's shape with no numbers in it, hidden from screen readers (the status says what is
 * happening): when the creator arrives, the numbers fill these slots and nothing moves.
 */
export function HeadlineSkeleton() {
  const slot = (label: string, wide = false) => (
    <div className={wide ? 'stat wide' : 'stat'}>
      <dt>{label}</dt>
      <dd>
        <span className="value">…</span>
        {/* The engagement rate has its grade on a line of its own. */}
        {wide ? <span className="sub grade-slot"> </span> : null}
        <span className="sub"> </span>
      </dd>
    </div>
  );
  return (
    <dl className="stats skeleton" aria-hidden="true">
      {slot('Followers')}
      {slot('Price')}
      {slot('Engagement rate', true)}
      <div className="stat wide warnings-stat">
        <dt>Warnings</dt>
        <dd>
          <span className="value">…</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The header while the page is being read: where the name and handle will be, the status says so
 * (same two lines, same height).
 */
export function ReadingIdentity({ slim }: { slim?: boolean }) {
  const { title, detail } = PAGE_STATE_MESSAGES.reading;
  return (
    <>
      <AvatarPlaceholder small={slim} />
      <section role="status" aria-live="polite" className="who">
        <h2 className="name">{title}</h2>
        {slim ? null : (
          <p className="handle-line muted">
            <span className="handle">{detail}</span>
          </p>
        )}
      </section>
    </>
  );
}

/** The body while the page is being read: the headline's empty slots. */
export function ReadingBody() {
  return (
    <div className="card-body">
      <HeadlineSkeleton />
    </div>
  );
}

/** A page with no creator to show: the state said plainly. */
export function StateBody({
  state,
  reason,
}: {
  state: Exclude<PageState, 'ready' | 'reading' | 'failed'>;
  reason?: string;
}) {
  return (
    <div className="card-body">
      <PageStateView state={state} {...(reason ? { reason } : {})} />
    </div>
  );
}

/** The background could not answer: what it said, and a way to ask again. */
export function ErrorBody({
  message,
  retrying,
  onRetry,
}: {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <div className="card-body">
      <section role="alert" className="state">
        <h2>Scout could not load this creator</h2>
        <p className="error">{message}</p>
        <button type="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </section>
    </div>
  );
}

/**
 * What the page read could not be saved: why, in plain words, and a Retry that has the page
 * sent and filed again. `retryError` says why the last Retry did not start.
 */
export function FailedBody({
  failure = 'internal',
  reason,
  retrying,
  retryError,
  onRetry,
}: {
  failure?: Failure;
  reason?: string;
  retrying: boolean;
  retryError?: string | null;
  onRetry: () => void;
}) {
  const { cause, advice } = FAILURE_MESSAGES[failure];
  return (
    <div className="card-body">
      <section role="alert" className="state">
        <h2>{PAGE_STATE_MESSAGES.failed.title}</h2>
        <p className="error">{cause}</p>
        <p className="muted">{advice}</p>
        {/* The technical detail helps a bug report; the storage case has said all there is. */}
        {failure === 'internal' && reason ? <p className="muted">{reason}</p> : null}
        {retryError ? <p className="error">{retryError}</p> : null}
        <button type="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </section>
    </div>
  );
}

/**
 * What the card cannot show yet and why: posts not visible, followers unknown, hidden likes.
 * Placed below the headline so the numbers above never move when it appears or goes.
 */
export function DataNotice({ summary }: { summary: CardSummary }) {
  const { postsVisible, gaps, snapshot } = summary;
  const noPosts = !postsVisible && snapshot.isPrivate !== true;
  if (!noPosts && gaps.length === 0) return null;
  return (
    <section className="notice" aria-label="Missing data">
      {noPosts ? (
        <p>
          <strong>Posts aren’t visible yet.</strong> This is what the profile shows; per-post
          numbers fill in when the page loads posts.
        </p>
      ) : null}
      {gaps.length > 0 ? (
        <p>
          <strong>Partial data:</strong> {gaps.join(' · ')}
        </p>
      ) : null}
    </section>
  );
}

/** Said once the user hid Scout on this site; the content script takes the frame away. */
export function HiddenBody({ site }: { site: string }) {
  return (
    <div className="card-body">
      <section role="status" className="state">
        <h2>Hidden on {site}</h2>
        <p className="muted">Scout will not show its card on {site} pages.</p>
      </section>
    </div>
  );
}

/** How old a time is, in the words the card uses ("today", "3 days ago"). */
function ageOf(at: number, now: number): string {
  const days = Math.floor(Math.max(0, now - at) / 86_400_000);
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * Above the card of a creator whose chip was activated in a feed: where the numbers come from
 * (what feeds and search showed, or Scout's last read of the profile) and the way to the full read.
 */
export function FeedNote({
  seenAt,
  visited,
  profileUrl,
}: {
  seenAt: number | null;
  visited: boolean;
  profileUrl: string;
}) {
  // The clock as the note first showed: ages in days do not need to tick.
  const [now] = useState(() => Date.now());
  const seen = seenAt === null ? null : `last seen in a feed ${ageOf(seenAt, now)}`;
  const what = visited
    ? `From the feed: Scout's last read of this profile${seen ? `; ${seen}` : ''}.`
    : `From the feed: only what feeds and search showed${seen ? `, ${seen}` : ''}.`;
  return (
    <p className="feed-note" role="note">
      {what}{' '}
      <a href={profileUrl} target="_blank" rel="noreferrer">
        Open the profile for the full read
      </a>
    </p>
  );
}
