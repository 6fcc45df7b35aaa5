import {
  bool,
  either,
  isRecord,
  list,
  num,
  obj,
  str,
  type Infer,
  type Lenient,
} from '../../extract/lenient';

/**
 * Lenient schemas for the Instagram payloads Scout reads (NOTES-tiktok-instagram.md §2.1). Two key
 * families exist: the graphql one (`_sharedData`, `?__a=1`, `web_profile_info`: `edge_*` counts,
 * `shortcode`, `taken_at_timestamp`) and the private-API one (`feed/user`, the xdt GraphQL
 * connections, media info: `like_count`, `code`, `taken_at`). A user or a post is read with one
 * schema holding both families' keys, so one mapper serves every vintage. A mistyped field drops
 * only itself; only the keys Scout uses are declared.
 */

/** A count as sent: a JSON number (every capture), or digits in a string; mappers keep safe ints. */
const Num = either(num, str);
/**
 * Ids: strings in the graphql family and the xdt capture (`"pk":"3215769692664507668"`); the
 * private API sends numbers, kept only while exact (mappers drop anything beyond 2^53).
 */
const Id = either(str, num);
/** `{ "count": n }`, the graphql family's counters (`edge_followed_by`, `edge_liked_by`, …). */
const Count = obj({ count: Num });
/** Anything: only presence or length is read (sponsor tags, pinned-for users). */
const Any: Lenient<unknown> = (v) => v;

/** Who an account is, plus its counts in both families (flat ones: the crawlinsta capture). */
const account = {
  id: Id,
  pk: Id,
  pk_id: str,
  username: str,
  full_name: str,
  biography: str,
  is_verified: bool,
  is_private: bool,
  edge_followed_by: Count,
  edge_follow: Count,
  follower_count: Num,
  following_count: Num,
  media_count: Num,
  /**
   * The follower count as search results print it, when they give no number ("12.3M followers",
   * in the UI language): `search_social_context` (web), `social_context` (mobile). The same keys
   * hold other texts ("Followed by …"), which read as no count.
   */
  search_social_context: str,
  social_context: str,
} as const;

/** A post's author (`owner`, `user`): identity and, on post pages, the author's counts. */
export const OwnerSchema = obj({ ...account, edge_owner_to_timeline_media: Count });

/** One post, graphql node or private-API media dict. */
export const MediaSchema = obj({
  shortcode: str,
  code: str,
  __typename: str,
  is_video: bool,
  media_type: Num,
  product_type: str,
  taken_at_timestamp: Num,
  taken_at: Num,
  edge_liked_by: Count,
  edge_media_preview_like: Count,
  like_count: Num,
  edge_media_to_comment: Count,
  edge_media_to_parent_comment: Count,
  comment_count: Num,
  video_view_count: Num,
  video_play_count: Num,
  ig_play_count: Num,
  play_count: Num,
  view_count: Num,
  caption: obj({ text: str }),
  edge_media_to_caption: obj({ edges: list(obj({ node: obj({ text: str }) }), 1) }),
  owner: OwnerSchema,
  user: OwnerSchema,
  pinned_for_users: list(either(Id, obj({ id: Id })), 10),
  timeline_pinned_user_ids: list(Id, 10),
  like_and_view_counts_disabled: bool,
  is_paid_partnership: bool,
  sponsor_tags: list(Any, 10),
  edge_media_to_sponsor_user: obj({ edges: list(Any, 10) }),
  /** Grids send some photos and carousels before their counts (no count keys): unknown. */
  has_delayed_metadata: bool,
  /** A collab's other accounts; the media's `user` is its owner. */
  coauthor_producers: list(OwnerSchema, 10),
  invited_coauthor_producers: list(OwnerSchema, 10),
});

/**
 * A node or item: the media itself, or `{ media }` (the reels lists, grids, the home feed), or
 * `{ explore_story: { media } }` (suggested posts in the home feed).
 */
export const NodeSchema: Lenient<InstagramMedia> = (v) => {
  if (!isRecord(v)) return undefined;
  if (isRecord(v['media'])) return MediaSchema(v['media']);
  const story = v['explore_story'];
  if (isRecord(story) && isRecord(story['media'])) return MediaSchema(story['media']);
  return MediaSchema(v);
};

/** Edges as the graphql family and the xdt connections send them. */
const Edges = list(obj({ node: NodeSchema }), 200);

/** A profile's timeline: its post count and (on profile pages) the newest posts. */
const Timeline = obj({ count: Num, edges: Edges });

/** A profile: graphql `user` (edge counts) or the flat variant, with its timelines. */
export const UserSchema = obj({
  ...account,
  edge_owner_to_timeline_media: Timeline,
  edge_felix_video_timeline: Timeline,
  /** The flattened web_profile_info keeps its posts here (crawlinsta capture). */
  edges: Edges,
  hide_like_and_view_counts: bool,
});

/** A connection or a media list: `{ edges }` (xdt GraphQL) or `{ items }` (private API). */
export const ConnectionSchema = obj({ edges: Edges, items: list(NodeSchema, 200) });

/** An entry of a search list, `{ position, user }`; hashtags and places carry no `user`. */
const SearchEntry = obj({ user: OwnerSchema });

/** A grid cell's media, `{ media }`; a grid section holds a few (Explore: about six). */
const Cells = list(NodeSchema, 32);

/**
 * One section of an Explore-style grid: its medias, the fill items beside a tall cell, and the
 * tall cell's reels (`one_by_two_item.clips.items`).
 */
const GridSection = obj({
  layout_content: obj({
    medias: Cells,
    fill_items: Cells,
    one_by_two_item: obj({ clips: obj({ items: Cells }) }),
  }),
});
const Sections = list(GridSection, 64);

/**
 * The lists of accounts and media that search and Explore send: top search `list[]` (mobile
 * `fbsearch/topsearch`, web `web/search/topsearch/`) or `users[]` (the GraphQL search box, older
 * web bodies), and grids, `media_grid.sections[]` (search) or `sectional_items[]` (Explore).
 */
export const ListsSchema = obj({
  list: list(SearchEntry, 100),
  users: list(SearchEntry, 100),
  media_grid: obj({ sections: Sections }),
  sectional_items: Sections,
});

export type InstagramGridSection = NonNullable<Infer<typeof GridSection>>;
export type InstagramOwner = NonNullable<Infer<typeof OwnerSchema>>;
export type InstagramUser = NonNullable<Infer<typeof UserSchema>>;
export type InstagramMedia = NonNullable<Infer<typeof MediaSchema>>;
