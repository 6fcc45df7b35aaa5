/**
 * Comments as the pages load them: the words of each comment and its likes, on one post. Nothing
 * about who wrote a comment is read or kept (no handle, name, id or avatar): the generic-comment
 * checks need the text alone (lib/metrics/comments.ts).
 */

/** One comment: its text as shown, and its likes where the payload gives them. */
export interface CommentText {
  text: string;
  likes?: number;
}

/** The comments one payload shows on one post. */
export interface CommentList {
  /** Which payload this came from: `<platform>/<payload>` (each platform's sources.ts), or 'dom'. */
  source: string;
  /**
   * The post the comments are on, in the platform's post-id terms (`PostReading.id`: TikTok's video
   * id, Instagram's shortcode, LinkedIn's activity id), so they join that post's author only.
   */
  postId: string;
  comments: CommentText[];
}

/** Longest comment text kept; a longer one is cut (no check needs more of it). */
export const COMMENT_MAX_CHARS = 500;
/** Comments kept per list; a longer page of comments keeps its first ones. */
export const COMMENTS_PER_LIST = 200;

/**
 * A comment's text as kept: trimmed, whitespace runs made one space, cut at COMMENT_MAX_CHARS
 * (and trimmed again); null for anything that is not a non-empty string.
 */
export function commentText(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > COMMENT_MAX_CHARS ? text.slice(0, COMMENT_MAX_CHARS).trimEnd() : text;
}

/** A like count as kept: a finite whole number ≥ 0, else unknown (never zero for unknown). */
export function commentLikes(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * One list from a payload's raw comments (`text` and `likes` picked by the caller), bounded; null
 * when the post id is missing or no comment has text.
 */
export function commentList(
  source: string,
  postId: string | null | undefined,
  raw: readonly { text: unknown; likes?: unknown }[],
): CommentList | null {
  if (!postId) return null;
  const comments: CommentText[] = [];
  for (const item of raw) {
    if (comments.length >= COMMENTS_PER_LIST) break;
    const text = commentText(item.text);
    if (text === null) continue;
    const likes = commentLikes(item.likes);
    comments.push(likes === undefined ? { text } : { text, likes });
  }
  return comments.length ? { source, postId, comments } : null;
}

/**
 * The comments of a post as held and as read again, without counting one twice: no comment id is
 * kept (nothing that leads to its writer), so a text counts as many times as the larger of the two
 * readings shows it. A page of comments read twice adds nothing; a next page adds its comments.
 * The same short text from two writers on two different pages is undercounted, never overcounted.
 */
export function joinComments(
  held: readonly CommentText[],
  read: readonly CommentText[],
): CommentText[] {
  const heldCount = new Map<string, number>();
  for (const c of held) heldCount.set(c.text, (heldCount.get(c.text) ?? 0) + 1);
  const readCount = new Map<string, number>();
  const merged = [...held];
  for (const c of read) {
    const n = (readCount.get(c.text) ?? 0) + 1;
    readCount.set(c.text, n);
    if (n > (heldCount.get(c.text) ?? 0)) merged.push(c);
  }
  return merged;
}

/** Lists of the same posts (pages of one post's comments, files of one capture) joined per post. */
export function joinByPost(
  lists: readonly CommentList[],
): { postId: string; comments: CommentText[] }[] {
  const byPost = new Map<string, CommentText[]>();
  for (const list of lists)
    byPost.set(list.postId, joinComments(byPost.get(list.postId) ?? [], list.comments));
  return [...byPost].map(([postId, comments]) => ({ postId, comments }));
}
