/**
 * Source ids: which payload a reading came from (they end up in snapshot.sources). A module of its
 * own so that the page-side readers (meta description, header, login wall) can name their source
 * without importing the JSON readers.
 */
export const INSTAGRAM_SOURCES = {
  sharedData: 'instagram/shared-data',
  pageData: 'instagram/page-data',
  legacy: 'instagram/graphql-page',
  profileInfo: 'instagram/web-profile-info',
  timeline: 'instagram/timeline',
  feed: 'instagram/feed-user',
  post: 'instagram/post',
  jsonLd: 'instagram/json-ld',
  meta: 'instagram/meta',
  dom: 'dom',
} as const;
