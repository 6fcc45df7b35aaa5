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
  jsonLd: 'instagram/json-ld',
  meta: 'instagram/meta',
  dom: 'dom',
} as const;
