import { isSponsoredPost, MIN_POST_AGE_HOURS } from '@/lib/metrics';
import type { Post, PostCountField, ProfileSnapshot } from '@/lib/model';
import type { PlatformFacts } from '@/lib/platforms/facts';
import { platformFacts } from '@/lib/platforms';
import { capitalize, count, date, shortDate } from './format';

/** How many posts the card lists; the rest are counted, not shown (the iframe is small). */
export const POSTS_SHOWN = 24;

/** Newest first; undated posts last, in the page's order. */
export function newestFirst(posts: readonly Post[]): Post[] {
  return posts
    .map((post, index) => ({ post, index }))
    .sort((a, b) => {
      const at = a.post.postedAt;
      const bt = b.post.postedAt;
      if (at === undefined || bt === undefined) {
        return at === bt ? a.index - b.index : at === undefined ? 1 : -1;
      }
      return bt - at || a.index - b.index;
    })
    .map(({ post }) => post);
}

interface Column {
  field: PostCountField;
  label: string;
}

/**
 * The counts worth a column: likes and comments always; shares and views where every post of the
 * platform shows them or the page has them. Headed in the platform's words ("Reactions").
 */
function columnsFor(facts: PlatformFacts, posts: readonly Post[]): Column[] {
  const columns: Column[] = [
    { field: 'likes', label: capitalize(facts.nouns.likes) },
    { field: 'comments', label: 'Comments' },
  ];
  const shown = (field: PostCountField) =>
    facts.countsOnEveryPost.includes(field) || posts.some((p) => p[field] !== undefined);
  if (shown('shares')) columns.push({ field: 'shares', label: capitalize(facts.nouns.shares) });
  if (shown('views')) columns.push({ field: 'views', label: 'Views' });
  return columns;
}

function figure(post: Post, field: PostCountField): string {
  if (field === 'likes' && post.likesHidden === true) return 'hidden';
  return count(post[field], post.precision?.[field]);
}

/**
 * The recent posts the numbers come from, newest first, with pinned / sponsored / too-new marks.
 * A table: each number is read with its column's name.
 */
export function PostsSection({ snapshot }: { snapshot: ProfileSnapshot }) {
  const posts = newestFirst(snapshot.recentPosts);
  const facts = platformFacts(snapshot.platform);
  const columns = columnsFor(facts, posts);
  const shown = posts.slice(0, POSTS_SHOWN);
  const minAge = MIN_POST_AGE_HOURS * 60 * 60 * 1000;
  // The kind is worth saying only where kinds differ, not where every post is a video.
  const showKind = facts.postKindsVary;
  return (
    <section className="detail-section" aria-labelledby="posts-heading">
      <h2 id="posts-heading">Recent posts</h2>
      {posts.length === 0 ? (
        <p className="muted small">No posts visible on the page yet.</p>
      ) : (
        <table className="posts">
          <thead>
            <tr>
              <th scope="col">Posted</th>
              {columns.map((c) => (
                <th key={c.field} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((post) => {
              const marks = [
                showKind && post.kind,
                post.pinned === true && 'pinned',
                isSponsoredPost(post) === true && 'sponsored',
                post.postedAt !== undefined &&
                  snapshot.capturedAt - post.postedAt < minAge &&
                  `under ${MIN_POST_AGE_HOURS} h`,
              ].filter((m): m is string => typeof m === 'string');
              return (
                <tr key={post.id}>
                  <th scope="row">
                    {post.postedAt === undefined ? (
                      'date unknown'
                    ) : (
                      <time
                        dateTime={new Date(post.postedAt).toISOString()}
                        title={date(post.postedAt)}
                      >
                        {shortDate(post.postedAt, snapshot.capturedAt)}
                      </time>
                    )}
                    {marks.map((m) => (
                      <span key={m} className="chip mark">
                        {m}
                      </span>
                    ))}
                  </th>
                  {columns.map((c) => (
                    <td key={c.field}>{figure(post, c.field)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {posts.length > shown.length ? (
        <p className="muted small">and {posts.length - shown.length} older posts</p>
      ) : null}
    </section>
  );
}
