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
  /** Top search: web `web/search/topsearch/`, mobile `fbsearch/topsearch`, the GraphQL search box. */
  search: 'instagram/search',
  /** Explore-style grids: `media_grid.sections[]` (search) and `sectional_items[]` (Explore). */
  grid: 'instagram/grid',
  /** A profile's reels (`xdt_user_clips_graphql`), streamed in deferred parts. */
  reels: 'instagram/reels',
  /** The signed-in viewer's own account (`config.viewer`, `xdt_viewer`): never a sighting. */
  viewer: 'instagram/viewer',
  /** A post's comments from the private API (`media/<pk>/comments/`): texts and likes only. */
  comments: 'instagram/comments',
  /** The replies under one comment (`media/<pk>/comments/<comment pk>/child_comments/`). */
  childComments: 'instagram/child-comments',
  /** The web GraphQL comment connections (`xdt_api__v1__media__media_id__…comments__connection`). */
  commentsGraphql: 'instagram/comments-graphql',
  /** The comments of a 2019–21 `shortcode_media` (`edge_media_to_parent_comment`, replies inline). */
  commentsLegacy: 'instagram/comments-legacy',
  jsonLd: 'instagram/json-ld',
  meta: 'instagram/meta',
  dom: 'dom',
} as const;
