/** Source ids: which payload a reading came from (they end up in snapshot.sources). */
export const TIKTOK_SOURCES = {
  universal: 'tiktok/universal-data',
  sigi: 'tiktok/sigi-state',
  next: 'tiktok/next-data',
  userDetail: 'tiktok/user-detail',
  itemDetail: 'tiktok/item-detail',
  itemList: 'tiktok/item-list',
  search: 'tiktok/search',
  userList: 'tiktok/user-list',
  /** A video's comments (`/api/comment/list/`): texts and likes only (lib/extract/comments.ts). */
  commentList: 'tiktok/comment-list',
  /** The replies under one comment (`/api/comment/list/reply/`). */
  commentReplies: 'tiktok/comment-replies',
  shareMeta: 'tiktok/share-meta',
  meta: 'tiktok/meta',
  dom: 'dom',
} as const;

/** Seconds since 1970 encoded in a TikTok post id's top 32 bits (NOTES §1.1: "id >> 32"). */
export function timeFromId(id: string): number | undefined {
  if (id.length < 18) return undefined;
  try {
    return Number(BigInt(id) >> 32n);
  } catch {
    return undefined;
  }
}
