import { isSponsoredPost, MIN_POST_AGE_HOURS } from '@/lib/metrics';
import type { Platform, Post, PostCountField, ProfileSnapshot } from '@/lib/model';
import { count, date, shortDate } from './format';

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

/** The counts worth a column: likes and comments always; shares and views where the page has them. */
function columnsFor(platform: Platform, posts: readonly Post[]): Column[] {
  const linkedin = platform === 'linkedin';
  const columns: Column[] = [
    { field: 'likes', label: linkedin ? 'Reactions' : 'Likes' },
    { field: 'comments', label: 'Comments' },
  ];
  if (platform === 'tiktok' || posts.some((p) => p.shares !== undefined)) {
    columns.push({ field: 'shares', label: linkedin ? 'Reposts' : 'Shares' });
  }
  if (platform === 'tiktok' || posts.some((p) => p.views !== undefined)) {
    columns.push({ field: 'views', label: 'Views' });
  }
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
  const columns = columnsFor(snapshot.platform, posts);
  const shown = posts.slice(0, POSTS_SHOWN);
  const minAge = MIN_POST_AGE_HOURS * 60 * 60 * 1000;
  // Every TikTok post is a video: the kind is worth saying only where kinds differ.
  const showKind = snapshot.platform !== 'tiktok';
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
