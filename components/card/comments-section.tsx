import type { CommentSummary } from '@/lib/metrics/comments';
import type { Platform } from '@/lib/model';
import { platformFacts } from '@/lib/platforms';
import { percent, plural } from './format';

/** "30 comments on 1 video read · 60% generic"; null before any comment was read. */
export function commentSampleText(
  comments: CommentSummary | null,
  platform: Platform,
): string | null {
  if (!comments || comments.comments === 0) return null;
  const { post } = platformFacts(platform).nouns;
  const sample = `${plural(comments.comments, 'comment', 'comments')} on ${plural(comments.posts, ...post)} read`;
  return `${sample} · ${percent(Math.round(comments.genericShare * 100), 0)} generic`;
}

/**
 * The comments Scout read on the creator's own posts: the sample, the share of generic ones with
 * examples, and the comments seen word for word on several posts. The warnings above say when
 * these cross a threshold; this says what was counted either way.
 */
export function CommentsSection({
  comments,
  platform,
}: {
  comments: CommentSummary | null;
  platform: Platform;
}) {
  const sample = commentSampleText(comments, platform);
  const { post } = platformFacts(platform).nouns;
  return (
    <section className="detail-section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {!comments || !sample ? (
        <p className="muted small">
          None read yet: open one of the creator’s {post[1]} and its comments; Scout reads the
          comments the page loads (their words only, never who wrote them).
        </p>
      ) : (
        <>
          <p>{sample}</p>
          <p className="muted small">
            Generic: emoji or symbols only, only mentions, one word or stock praise.
            {comments.genericExamples.length > 0
              ? ` For example ${comments.genericExamples.map((c) => `“${c}”`).join(', ')}.`
              : ''}
          </p>
          {comments.repeated.length > 0 ? (
            <>
              <p>
                Seen word for word on more than one {post[0]}:{' '}
                {plural(comments.repeatedTotal, 'comment', 'comments')}
              </p>
              <ul className="plain">
                {comments.repeated.map((r) => (
                  <li key={r.text}>
                    “{r.text}” on {plural(r.posts, ...post)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
