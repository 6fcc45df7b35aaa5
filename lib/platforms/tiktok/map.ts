import { idString, toCount } from '../../extract/values';
import {
  newReading,
  normalizeHandle,
  type CountReading,
  type Identity,
  type PostReading,
  type Reading,
  type ReadingProblem,
} from '../../extract/reading';
import type { PostCountField, ProfileCountField } from '../../model/snapshot';
import type {
  TiktokItem,
  TiktokSearchUser,
  TiktokStats,
  TiktokStatsV2,
  TiktokUser,
  TiktokViewer,
} from './schemas';
import { timeFromId } from './sources';

export { timeFromId } from './sources';

/**
 * Mapping TikTok's raw objects (already through the lenient schemas) to readings. Precision rules
 * (DESIGN "Precision", NOTES §1.1):
 * - numeric `stats` are rounded by TikTok from 10,000 up, to one decimal of the compact unit
 *   (32700000 = 32.7M, 427700 = 427.7K, 84900 = 84.9K in the captures); below 10,000 they are exact
 *   (496, 118, 673 in tiktok-profile-next-data-tiktok-2021-01.html);
 * - `statsV2` strings are the exact source, except when a value sits on that same rounding grid:
 *   in tiktok-api-post-item_list-rapidapi45-zg.520-2025-10.json `authorStatsV2` says
 *   followerCount "427700" and heartCount "6800000", and `statsV2` diggCount "68300" and
 *   playCount "1900000" — the rounded numbers again, as strings. An exact count lands on the grid
 *   by chance once in 100 (K range) to once in 100,000 (M range), so a value on the grid is marked
 *   'rounded': the number is the same, and a round number never poses as an exact one (which would
 *   make round-jump warnings fire on TikTok's rounding).
 */

const ROUNDING_FLOOR = 10_000;

/** True when `n` is what TikTok's compact rounding would print (one decimal of K, M or B). */
export function onRoundingGrid(n: number): boolean {
  const step = n < 1_000_000 ? 100 : n < 1_000_000_000 ? 100_000 : 100_000_000;
  return n % step === 0;
}

/** A numeric `stats` value with its precision. */
export function numericStat(raw: number | string | undefined): CountReading | undefined {
  const value = toCount(raw);
  if (value === undefined) return undefined;
  return { value, precision: value >= ROUNDING_FLOOR ? 'rounded' : 'exact' };
}

/** A `statsV2` string with its precision (only strings: the V2 format is strings throughout). */
export function v2Stat(raw: string | undefined): CountReading | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = toCount(raw);
  if (value === undefined) return undefined;
  const rounded = value >= ROUNDING_FLOOR && onRoundingGrid(value);
  return { value, precision: rounded ? 'rounded' : 'exact' };
}

/**
 * A count that carries no rounded twin (a search user card's `follower_count`): exact unless it
 * sits on the rounding grid from 10,000 up, the same test as a `statsV2` string. An off-grid
 * number cannot be TikTok's rounding; a grid value is taken as one.
 */
export function gridStat(raw: number | string | undefined): CountReading | undefined {
  const value = toCount(raw);
  if (value === undefined) return undefined;
  const rounded = value >= ROUNDING_FLOOR && onRoundingGrid(value);
  return { value, precision: rounded ? 'rounded' : 'exact' };
}

/**
 * A count from its two forms. The statsV2 string wins: exact off the grid, rounded on it, even
 * where the numeric one differs (search bodies repeat rounded values there, NOTES §1, and a round
 * number never poses as an exact one). A zero beside a non-zero twin is a placeholder, not a
 * count: the other form is taken.
 */
function stat(
  v2: string | undefined,
  numeric: number | string | undefined,
): CountReading | undefined {
  const fromV2 = v2Stat(v2);
  const fromNumeric = numericStat(numeric);
  if (!fromV2 || !fromNumeric) return fromV2 ?? fromNumeric;
  if (fromV2.value === 0 && fromNumeric.value !== 0) return fromNumeric;
  return fromV2;
}

/** Profile counts from `stats` and `statsV2` (either may be missing). */
export function mapStats(
  stats: TiktokStats | undefined,
  v2: TiktokStatsV2 | undefined,
): Partial<Record<ProfileCountField, CountReading>> {
  const counts: Partial<Record<ProfileCountField, CountReading>> = {};
  const put = (field: ProfileCountField, c: CountReading | undefined) => {
    if (c) counts[field] = c;
  };
  put('followers', stat(v2?.followerCount, stats?.followerCount));
  put('following', stat(v2?.followingCount, stats?.followingCount));
  // `heartCount` is the 64-bit total; `heart` is kept for vintages that only have it.
  put('likes', stat(v2?.heartCount ?? v2?.heart, stats?.heartCount ?? stats?.heart));
  put('posts', stat(v2?.videoCount, stats?.videoCount));
  return counts;
}

/** Who a user object is: handle, id, secUid. */
export function identify(user: TiktokUser | undefined): Identity {
  const who: Identity = {};
  const handle = normalizeHandle(user?.uniqueId);
  if (handle) who.handle = handle;
  const id = idString(user?.id);
  if (id) who.platformId = id;
  if (user?.secUid) who.altIds = [user.secUid];
  return who;
}

/** A profile reading from a user object and its stats. */
export function mapProfile(
  source: string,
  user: TiktokUser | undefined,
  stats: TiktokStats | undefined,
  v2: TiktokStatsV2 | undefined,
): Reading {
  return fillProfile(newReading(source, identify(user)), user, stats, v2);
}

/** Adds a user object's profile fields and its stats to a reading. */
function fillProfile(
  reading: Reading,
  user: TiktokUser | undefined,
  stats: TiktokStats | undefined,
  v2: TiktokStatsV2 | undefined,
): Reading {
  if (user?.nickname) reading.displayName = user.nickname;
  if (typeof user?.signature === 'string') reading.bio = user.signature;
  if (user?.verified !== undefined) reading.verified = user.verified;
  const isPrivate = user?.privateAccount ?? user?.secret;
  if (isPrivate !== undefined) reading.isPrivate = isPrivate;
  reading.counts = mapStats(stats, v2);
  return reading;
}

/**
 * The signed-in viewer's own account, marked so (never a sighting, never a chip): who it is and
 * nothing else, so that it adds nothing to any snapshot. Undefined when the object names no one.
 */
export function mapViewer(source: string, user: TiktokViewer | undefined): Reading | undefined {
  const who: Identity = {};
  const handle = normalizeHandle(user?.uniqueId);
  if (handle) who.handle = handle;
  const id = idString(user?.uid);
  if (id) who.platformId = id;
  if (user?.secUid) who.altIds = [user.secUid];
  if (!who.handle && !who.platformId && !who.altIds) return undefined;
  const reading = newReading(source, who);
  reading.viewer = true;
  return reading;
}

/**
 * A search user card's account (snake_case `user_info`): its own counts, each with the grid test
 * (`gridStat`). Undefined when the card names no one.
 */
export function mapSearchUser(source: string, user: TiktokSearchUser): Reading | undefined {
  const who: Identity = {};
  const handle = normalizeHandle(user.unique_id);
  if (handle) who.handle = handle;
  const id = idString(user.uid) ?? idString(user.user_id);
  if (id) who.platformId = id;
  if (user.sec_uid) who.altIds = [user.sec_uid];
  if (!who.handle && !who.platformId && !who.altIds) return undefined;
  const reading = newReading(source, who);
  if (user.nickname) reading.displayName = user.nickname;
  if (typeof user.signature === 'string') reading.bio = user.signature;
  const put = (field: ProfileCountField, c: CountReading | undefined) => {
    if (c) reading.counts[field] = c;
  };
  put('followers', gridStat(user.follower_count));
  put('following', gridStat(user.following_count));
  put('likes', gridStat(user.total_favorited));
  put('posts', gridStat(user.aweme_count));
  return reading;
}

/** Who posted an item: the author object (UNIVERSAL, NEXT, API) or SIGI's uniqueId string. */
export function itemAuthor(item: TiktokItem): Identity {
  if (typeof item.author === 'object' && item.author) return identify(item.author);
  const who: Identity = {};
  const handle = normalizeHandle(item.author);
  if (handle) who.handle = handle;
  const id = idString(item.authorId);
  if (id) who.platformId = id;
  if (item.authorSecId) who.altIds = [item.authorSecId];
  return who;
}

/**
 * One post from an item. The date is `createTime` (seconds); without it, the id's timestamp, which
 * agrees to a second (7513039993741397256 >> 32 = 1749265943, createTime 1749265942 in the
 * item_list capture). `isAd` / `adAuthorization` true mark a sponsored post; `isAd` false alone
 * says not an ad.
 */
export function mapItem(item: TiktokItem, handle: string | undefined): PostReading | undefined {
  const id = idString(item.id);
  if (!id) return undefined;
  const post: PostReading = { id, counts: {} };
  const created = toCount(item.createTime) ?? timeFromId(id);
  if (created !== undefined) post.postedAt = created * 1000;
  const images = item.imagePost?.images;
  post.kind = item.imagePost ? ((images?.length ?? 0) > 1 ? 'carousel' : 'image') : 'video';
  if (handle) {
    post.url = `https://www.tiktok.com/@${handle}/${item.imagePost ? 'photo' : 'video'}/${id}`;
  }
  const put = (field: PostCountField, c: CountReading | undefined) => {
    if (c) post.counts[field] = c;
  };
  const s = item.stats;
  const v2 = item.statsV2;
  put('likes', stat(v2?.diggCount, s?.diggCount));
  put('comments', stat(v2?.commentCount, s?.commentCount));
  put('shares', stat(v2?.shareCount, s?.shareCount));
  put('views', stat(v2?.playCount, s?.playCount));
  put('saves', stat(v2?.collectCount, s?.collectCount));
  if (item.isPinnedItem !== undefined) post.pinned = item.isPinnedItem;
  if (item.isAd === true || item.adAuthorization === true) post.sponsored = true;
  else if (item.isAd === false) post.sponsored = false;
  if (typeof item.desc === 'string') post.caption = item.desc;
  return post;
}

/**
 * Readings from a list of items, one per author: the author's posts plus their `authorStats`
 * (from the first item that has them, a more precise count from a later item). An author is only
 * ever the item's own `author`: a duet's, stitch's or mention's other account gets nothing.
 * Items whose author the payload does not name go to `fallback` (the account the list is known to
 * be about, e.g. the secUid the page asked item_list for), or are dropped.
 */
export function mapItems(
  source: string,
  items: readonly (TiktokItem | undefined)[] | undefined,
  fallback?: Identity,
): Reading[] {
  const byAuthor = new Map<string, Reading>();
  for (const item of items ?? []) {
    if (!item) continue;
    let who = itemAuthor(item);
    if (!who.handle && !who.platformId && !who.altIds) who = fallback ?? {};
    const key = who.handle ?? who.platformId ?? who.altIds?.[0];
    if (key === undefined) continue;
    let reading = byAuthor.get(key);
    if (!reading) {
      const author = typeof item.author === 'object' ? item.author : undefined;
      reading = fillProfile(newReading(source, who), author, item.authorStats, item.authorStatsV2);
      byAuthor.set(key, reading);
    } else if (item.authorStats || item.authorStatsV2) {
      addCounts(reading, mapStats(item.authorStats, item.authorStatsV2));
    }
    const post = mapItem(item, who.handle);
    if (post) reading.posts.push(post);
  }
  return [...byAuthor.values()];
}

const RANK = { 'lower-bound': 0, rounded: 1, exact: 2 } as const;

/** Adds counts a reading lacks, and replaces one with a more precise one. */
function addCounts(
  reading: Reading,
  counts: Partial<Record<ProfileCountField, CountReading>>,
): void {
  for (const [field, c] of Object.entries(counts) as [ProfileCountField, CountReading][]) {
    const had = reading.counts[field];
    if (!had || RANK[c.precision] > RANK[had.precision]) reading.counts[field] = c;
  }
}

/**
 * What a TikTok status code says about the page's account. 10202 is "page not found" and 10221 a
 * banned or invalid profile; 10222 a private account and 10216 a private video; 10102 "not login"
 * (davidteather/TikTok-Api issue #403, codes collected by its users; no capture here has a non-zero
 * code, so [unverified]).
 */
export function statusProblem(raw: number | string | undefined): ReadingProblem | undefined {
  const code = toCount(raw);
  if (code === 10202 || code === 10221 || code === 10223) return 'not-found';
  if (code === 10222 || code === 10216) return 'private';
  if (code === 10102) return 'sign-in-required';
  return undefined;
}
