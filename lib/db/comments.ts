import { joinByPost, joinComments, type CommentList, type CommentText } from '../extract/comments';
import type { CommentRow, CreatorKey } from '../model';
import type { ScoutDb } from './database';

/** Posts whose comments are kept per creator: the most recently read. */
export const COMMENT_POSTS_PER_CREATOR = 12;
/** Comments kept per post. */
export const COMMENTS_PER_POST = 200;
/** Posts with comments kept in all: the least recently read go first. */
export const MAX_COMMENT_POSTS = 5_000;

/** The comments read on one of a creator's posts, as the checks take them. */
export interface PostCommentsRow {
  postId: string;
  comments: CommentText[];
}

/**
 * Files comment lists read on a creator's own posts (the caller has matched each list's post to
 * that creator), merged into what is held for each post. Call inside a transaction that includes
 * `comments`. Returns whether anything new was kept.
 */
export async function addComments(
  db: ScoutDb,
  key: CreatorKey,
  lists: readonly CommentList[],
  now: number,
): Promise<boolean> {
  const byPost = joinByPost(lists);
  if (!byPost.length) return false;
  const held = await db.comments.bulkGet(byPost.map(({ postId }) => [key, postId]));
  let changed = false;
  const rows: CommentRow[] = [];
  let i = 0;
  for (const { postId, comments: read } of byPost) {
    const before = held[i++];
    const comments = joinComments(before?.comments ?? [], read).slice(0, COMMENTS_PER_POST);
    if (!before || comments.length !== before.comments.length) changed = true;
    rows.push({
      creatorKey: key,
      postId,
      comments,
      seenAt: now,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    });
  }
  await db.comments.bulkPut(rows);
  await pruneComments(db, key);
  return changed;
}

/** The comments held for a creator, one entry per post, most recently read first. */
export async function commentsOf(db: ScoutDb, key: string): Promise<PostCommentsRow[]> {
  const rows = await db.comments.where('creatorKey').equals(key).toArray();
  return rows
    .sort((a, b) => b.seenAt - a.seenAt)
    .map(({ postId, comments }) => ({ postId, comments }));
}

/** Keeps a creator's most recently read posts, then the newest posts of all creators, within the caps. */
async function pruneComments(db: ScoutDb, key: CreatorKey): Promise<void> {
  const mine = await db.comments.where('creatorKey').equals(key).toArray();
  if (mine.length > COMMENT_POSTS_PER_CREATOR) {
    const old = mine
      .sort((a, b) => b.seenAt - a.seenAt)
      .slice(COMMENT_POSTS_PER_CREATOR)
      .map((r): [string, string] => [r.creatorKey, r.postId]);
    await db.comments.bulkDelete(old);
  }
  const over = (await db.comments.count()) - MAX_COMMENT_POSTS;
  if (over > 0) {
    const oldest = await db.comments.orderBy('seenAt').limit(over).primaryKeys();
    await db.comments.bulkDelete(oldest);
  }
}
