import { bool, dict, either, list, num, obj, str, type Infer } from '../../extract/lenient';

/**
 * Lenient schemas for every TikTok payload Scout reads (NOTES-tiktok-instagram.md §1.1). Every field
 * has its own fallback: a wrong type drops that one field, never the payload, so a renamed or
 * retyped key costs one number, not the card. Only the fields Scout uses are declared; the rest is
 * never touched. The same key names hold in every vintage; only the containers move.
 */

/**
 * A number as TikTok sends it: usually a JSON number, sometimes a string of digits (`createTime`
 * in some vintages, NOTES §1.1); mappers turn it into a safe integer or drop it.
 */
const Num = either(num, str);
/** Ids: strings in every capture (`"id":"107955"`); a number id is kept only when it is exact. */
const Id = either(str, num);

/** Profile counts as numbers: rounded for large accounts (32700000 in the taylorswift capture). */
export const StatsSchema = obj({
  followerCount: Num,
  followingCount: Num,
  heart: Num,
  heartCount: Num,
  videoCount: Num,
});

/** Profile counts as strings (2025 captures): exact, unless they sit on the rounding grid. */
export const StatsV2Schema = obj({
  followerCount: str,
  followingCount: str,
  heart: str,
  heartCount: str,
  videoCount: str,
});

/** `userInfo.user`, an item's `author` object, SIGI's `UserModule.users[h]`. */
export const UserSchema = obj({
  id: Id,
  uniqueId: str,
  nickname: str,
  signature: str,
  verified: bool,
  privateAccount: bool,
  secret: bool,
  secUid: str,
});

/**
 * The signed-in viewer as the documents carry it (`webapp.app-context.user`, SIGI's
 * `AppContext.appContext.user`, NEXT's `$user`): only who it is, so that it is never a sighting.
 */
export const ViewerSchema = obj({ uid: Id, uniqueId: str, secUid: str });

/**
 * A search user card's `user_info` (NOTES-feeds-youtube.md §1): snake_case, its counts on the
 * card itself (no authorStats beside it). Some clients name the id `user_id`.
 */
export const SearchUserSchema = obj({
  uid: Id,
  user_id: Id,
  unique_id: str,
  nickname: str,
  signature: str,
  sec_uid: str,
  follower_count: Num,
  following_count: Num,
  total_favorited: Num,
  aweme_count: Num,
});

/** One entry of a search `user_list`. */
const SearchUserCardSchema = obj({ user_info: SearchUserSchema });

const ItemStatsSchema = obj({
  diggCount: Num,
  commentCount: Num,
  shareCount: Num,
  playCount: Num,
  collectCount: Num,
});

const ItemStatsV2Schema = obj({
  diggCount: str,
  commentCount: str,
  shareCount: str,
  playCount: str,
  collectCount: str,
});

/** One video or photo post: `itemList[]`, `pageProps.items[]`, SIGI `ItemModule[id]`, `itemStruct`. */
export const ItemSchema = obj({
  id: Id,
  desc: str,
  createTime: Num,
  /** An object in UNIVERSAL/NEXT/API bodies; the author's uniqueId as a string in SIGI_STATE. */
  author: either(str, UserSchema),
  authorId: Id,
  authorSecId: str,
  stats: ItemStatsSchema,
  statsV2: ItemStatsV2Schema,
  authorStats: StatsSchema,
  authorStatsV2: StatsV2Schema,
  isPinnedItem: bool,
  isAd: bool,
  adAuthorization: bool,
  /** Present on photo-mode posts (slideshows); its images decide image vs carousel. */
  imagePost: obj({ images: list((v) => v, 100) }),
});

/** A list of items where one malformed entry is dropped on its own. */
const Items = list(ItemSchema);

const ShareMetaSchema = obj({ desc: str, title: str });

/** The API's own clock: `extra.now` in epoch ms (1703592081000 in the kelly_bove capture). */
const ExtraSchema = obj({ now: Num });

const UserInfoSchema = obj({
  user: UserSchema,
  stats: StatsSchema,
  statsV2: StatsV2Schema,
  itemList: Items,
});

/**
 * `/api/user/detail/` bodies and the `webapp.user-detail` scope of UNIVERSAL_DATA: same shape
 * (tiktok-api-user-detail-kelly_bove-2023-12.json, tiktok-webapp-user-detail-taylorswift-2025-03.json).
 */
export const UserDetailSchema = obj({
  statusCode: Num,
  status_code: Num,
  userInfo: UserInfoSchema,
  shareMeta: ShareMetaSchema,
  extra: ExtraSchema,
});

/** `/api/post/item_list/` bodies (tiktok-api-post-item_list-rapidapi45-zg.520-2025-10.json). */
export const ItemListSchema = obj({
  statusCode: Num,
  status_code: Num,
  itemList: Items,
  extra: ExtraSchema,
});

/**
 * The search answers (NOTES-feeds-youtube.md §1): `/api/search/general/full/` (`data[]` of typed
 * cards: 1 a video `{item}`, 4 users `{user_list}`), `/api/search/user/full/` (`user_list`) and
 * `/api/search/item/full/` (`item_list`). One schema: each body has only its own key.
 */
export const SearchSchema = obj({
  data: list(obj({ type: Num, item: ItemSchema, user_list: list(SearchUserCardSchema, 100) })),
  user_list: list(SearchUserCardSchema),
  item_list: Items,
  extra: ExtraSchema,
});

/**
 * Lists of accounts (`/api/user/list/`: a profile's following, followers and suggested tabs):
 * `userList[]` of `{user, stats}` like a user detail's `userInfo` [unverified: no capture of it
 * is here; tested on own fixtures].
 */
export const UserListSchema = obj({
  userList: list(obj({ user: UserSchema, stats: StatsSchema, statsV2: StatsV2Schema })),
  extra: ExtraSchema,
});

const ItemInfoSchema = obj({ itemStruct: ItemSchema });

/** A video page's `webapp.video-detail` scope, NEXT's `pageProps.itemInfo`, `/api/item/detail/`. */
export const ItemDetailSchema = obj({
  statusCode: Num,
  status_code: Num,
  itemInfo: ItemInfoSchema,
  extra: ExtraSchema,
});

/**
 * `__UNIVERSAL_DATA_FOR_REHYDRATION__` (late 2023 → now): the creator scopes, and the app context's
 * user (the viewer) only to know who it is.
 */
export const UniversalDataSchema = obj({
  __DEFAULT_SCOPE__: obj({
    'webapp.app-context': obj({ user: ViewerSchema }),
    'webapp.user-detail': UserDetailSchema,
    'webapp.video-detail': ItemDetailSchema,
  }),
});

/**
 * `SIGI_STATE` / `sigi-persisted-data` (≈2021–2023): users and stats keyed by uniqueId, items by id,
 * the page's own status in `UserPage` / `VideoPage` (NOTES §1.1; keys [unverified]: the 2022
 * capture's SIGI block was not copied, so this reads tolerantly and is tested on own fixtures).
 */
export const SigiStateSchema = obj({
  AppContext: obj({ appContext: obj({ user: ViewerSchema }) }),
  UserModule: obj({ users: dict(UserSchema), stats: dict(StatsSchema) }),
  ItemModule: dict(ItemSchema),
  UserPage: obj({ uniqueId: str, statusCode: Num }),
  VideoPage: obj({ statusCode: Num }),
});

/** `__NEXT_DATA__` (2020 → early 2021, tiktok-profile-next-data-tiktok-2021-01.html). */
export const NextDataSchema = obj({
  props: obj({
    initialProps: obj({ $user: ViewerSchema }),
    pageProps: obj({
      statusCode: Num,
      userInfo: UserInfoSchema,
      items: Items,
      itemInfo: ItemInfoSchema,
    }),
  }),
});

/** The payload objects as the schemas read them. */
export type TiktokUser = NonNullable<Infer<typeof UserSchema>>;
export type TiktokStats = NonNullable<Infer<typeof StatsSchema>>;
export type TiktokStatsV2 = NonNullable<Infer<typeof StatsV2Schema>>;
export type TiktokItem = NonNullable<Infer<typeof ItemSchema>>;
export type TiktokUserDetail = NonNullable<Infer<typeof UserDetailSchema>>;
export type TiktokItemDetail = NonNullable<Infer<typeof ItemDetailSchema>>;
export type TiktokViewer = NonNullable<Infer<typeof ViewerSchema>>;
export type TiktokSearchUser = NonNullable<Infer<typeof SearchUserSchema>>;
