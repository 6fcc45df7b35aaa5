import type { Failure, PageState } from '@/lib/messaging/protocol';

/** What each state without a creator is called, and what it means for the user. */
export const PAGE_STATE_MESSAGES: Record<
  Exclude<PageState, 'ready'>,
  { title: string; detail: string }
> = {
  reading: {
    title: 'Reading this page…',
    detail: 'Numbers appear as soon as the page has loaded them.',
  },
  'not-creator': {
    title: 'Not a creator page',
    detail: 'Open a profile, video or post to see a creator.',
  },
  'sign-in-required': {
    title: 'Sign-in required',
    detail: 'This page hides the profile until you sign in to the site.',
  },
  private: { title: 'Private account', detail: 'Only followers can see this account’s posts.' },
  'not-found': { title: 'Account not found', detail: 'This page does not exist or was removed.' },
  'no-data': {
    title: 'No profile data found',
    detail: 'The page has not shown this creator’s numbers.',
  },
  failed: {
    title: 'Scout could not save this page',
    detail: 'Something went wrong inside Scout.',
  },
};

/** Why a page could not be saved, in plain words, and what the user can do about it. */
export const FAILURE_MESSAGES: Record<Failure, { cause: string; advice: string }> = {
  storage: {
    cause: 'The browser’s storage for Scout is full.',
    advice:
      'Export your lists, then forget creators you no longer need (or free disk space), and retry.',
  },
  internal: {
    cause: 'Something went wrong inside Scout.',
    advice: 'Retry; if it keeps failing, reload the page.',
  },
};

/** A page that has no creator to show, said plainly. */
export function PageStateView({
  state,
  reason,
}: {
  state: Exclude<PageState, 'ready'>;
  reason?: string;
}) {
  const { title, detail } = PAGE_STATE_MESSAGES[state];
  return (
    <section role="status" aria-live="polite">
      <h2>{title}</h2>
      <p className="muted">{reason && state !== 'reading' ? reason : detail}</p>
    </section>
  );
}
