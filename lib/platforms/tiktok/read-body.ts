import { isRecord } from '../../extract/lenient';
import { newReading, withOrigin, type Reading } from '../../extract/reading';
import { readCountText } from './meta';
import { toCount } from '../../extract/values';
import { mapItems, mapProfile, mapSearchUser, mapViewer, statusProblem } from './map';
import { TIKTOK_SOURCES } from './sources';
import { FEED_ITEM_LISTS } from './tap';
import {
  ItemDetailSchema,
  ItemListSchema,
  NextDataSchema,
  SearchSchema,
  SigiStateSchema,
  UniversalDataSchema,
  UserDetailSchema,
  UserListSchema,
  type TiktokItemDetail,
  type TiktokSearchUser,
  type TiktokUserDetail,
  type TiktokViewer,
} from './schemas';

export { TIKTOK_SOURCES } from './sources';

/** The path of an account's own post list, the only list whose author-less items are its. */
const POSTS_LIST = /^\/api\/post\/item_list\/?$/;

/**
 * What a TikTok JSON payload says, recognised by shape: the UNIVERSAL_DATA root, SIGI_STATE,
 * NEXT_DATA, a `/api/user/detail/` body (or the `webapp.user-detail` scope, same shape), an
 * item-detail body or scope, an item list (a profile's `/api/post/item_list/`, and the feeds that
 * share its shape: For You, Explore, related, hashtag, sound and following lists), the search
 * answers and lists of accounts. One reading per account object, each with its own counts and
 * posts; the viewer's own account marked `viewer`. `url` is where the body came from: for a
 * profile's item_list request it names the account (`secUid=`), which attributes author-less
 * items. Unknown shapes give []. Pure; never throws.
 */
export function readTiktokBody(json: unknown, url: URL): Reading[] {
  try {
    return withOrigin(readTiktokJson(json, url, undefined, 'en'), 'body');
  } catch {
    // The schemas never throw on data; this guards the host page against a bug, not the input.
    return [];
  }
}

/**
 * The same, with the source id of the carrier when the caller knows it (an island's name) and the
 * page's locale for the summary texts.
 */
export function readTiktokJson(
  json: unknown,
  url: URL,
  source: string | undefined,
  locale: string,
): Reading[] {
  if (!isRecord(json)) return [];
  if ('__DEFAULT_SCOPE__' in json)
    return readUniversal(json, source ?? TIKTOK_SOURCES.universal, locale);
  if ('UserModule' in json || 'ItemModule' in json || 'UserPage' in json) {
    return readSigi(json, source ?? TIKTOK_SOURCES.sigi);
  }
  if (isRecord(json['props']) && 'pageProps' in json['props']) {
    return readNext(json, source ?? TIKTOK_SOURCES.next, locale);
  }
  if ('userInfo' in json) {
    const body = UserDetailSchema(json);
    return body ? readUserDetail(body, source ?? TIKTOK_SOURCES.userDetail, locale) : [];
  }
  if ('itemInfo' in json) {
    const body = ItemDetailSchema(json);
    return body ? readItemDetail(body, source ?? TIKTOK_SOURCES.itemDetail) : [];
  }
  if ('itemList' in json) return readItemList(json, url, source ?? TIKTOK_SOURCES.itemList);
  if ('item_list' in json || 'user_list' in json || Array.isArray(json['data'])) {
    return readSearch(json, source ?? TIKTOK_SOURCES.search);
  }
  if ('userList' in json) return readUserList(json, source ?? TIKTOK_SOURCES.userList);
  return [];
}

/** The viewer's reading, when the payload names the signed-in user. */
function viewerReadings(source: string, user: TiktokViewer | undefined): Reading[] {
  const viewer = mapViewer(source, user);
  return viewer ? [viewer] : [];
}

/** A status-only reading: the payload says there is no profile (handle unknown: the page's own). */
function problemReading(source: string, code: number | string | undefined): Reading[] {
  const problem = statusProblem(code);
  if (!problem) return [];
  const reading = newReading(source);
  reading.problem = problem;
  return [reading];
}

function clockOf(extra: { now?: number | string | undefined } | undefined): number | undefined {
  return toCount(extra?.now);
}

function readUserDetail(body: TiktokUserDetail, source: string, locale: string): Reading[] {
  const readings: Reading[] = [];
  const clock = clockOf(body.extra);
  const info = body.userInfo;
  const code = body.statusCode ?? body.status_code;
  if (info?.user) {
    const profile = mapProfile(source, info.user, info.stats, info.statsV2);
    if (clock !== undefined) profile.clock = clock;
    readings.push(profile);
    // The 2021-era userInfo.itemList and today's empty one: the profile's own posts when present.
    for (const r of mapItems(source, info.itemList, profile)) {
      if (clock !== undefined) r.clock = clock;
      readings.push(r);
    }
  } else {
    readings.push(...problemReading(source, code));
  }
  // shareMeta repeats the stats, abbreviated: read only when the stats themselves are missing.
  if (!info?.stats && !info?.statsV2) {
    const share = readCountText(TIKTOK_SOURCES.shareMeta, body.shareMeta?.desc, locale);
    if (share) {
      if (clock !== undefined) share.clock = clock;
      readings.push(share);
    }
  }
  return readings;
}

function readItemDetail(body: TiktokItemDetail, source: string): Reading[] {
  const item = body.itemInfo?.itemStruct;
  if (!item) return problemReading(source, body.statusCode ?? body.status_code);
  const readings = mapItems(source, [item]);
  const clock = clockOf(body.extra);
  if (clock !== undefined) for (const r of readings) r.clock = clock;
  return readings;
}

function readItemList(json: unknown, url: URL, source: string): Reading[] {
  const body = ItemListSchema(json);
  if (!body) return [];
  // The page asks /api/post/item_list/ for one account's own posts by secUid: items that do not
  // name their author are that account's (the 2025 capture names it on every item; older bodies
  // may not). Other lists (reposts, recommendations, a feed) hold other people's items: never.
  const secUid = POSTS_LIST.test(url.pathname) ? url.searchParams.get('secUid') : null;
  const readings = mapItems(source, body.itemList, secUid ? { altIds: [secUid] } : undefined);
  const clock = clockOf(body.extra);
  if (clock !== undefined) for (const r of readings) r.clock = clock;
  // A feed's status says nothing about the page's account; only a profile's own list's does.
  if (readings.length === 0 && !FEED_ITEM_LISTS.test(url.pathname)) {
    return problemReading(source, body.statusCode ?? body.status_code);
  }
  return readings;
}

/**
 * A search answer: video cards (their authors through the item shape) and user cards (snake_case,
 * their own counts), in the body's order. Search is no creator's page: no status is read.
 */
function readSearch(json: unknown, source: string): Reading[] {
  const body = SearchSchema(json);
  if (!body) return [];
  const readings: Reading[] = [];
  const addUsers = (cards: readonly { user_info?: TiktokSearchUser }[] | undefined) => {
    for (const card of cards ?? []) {
      const user = card.user_info ? mapSearchUser(source, card.user_info) : undefined;
      if (user) readings.push(user);
    }
  };
  for (const entry of body.data ?? []) {
    // Only the card types NOTES §1 describes: 1 a video, 4 users; others (lives, hashtags) skipped.
    const type = toCount(entry.type);
    if (type === 1 && entry.item) readings.push(...mapItems(source, [entry.item]));
    else if (type === 4) addUsers(entry.user_list);
  }
  addUsers(body.user_list);
  readings.push(...mapItems(source, body.item_list));
  const clock = clockOf(body.extra);
  if (clock !== undefined) for (const r of readings) r.clock = clock;
  return readings;
}

/** A list of accounts: one reading per `{user, stats}` entry. */
function readUserList(json: unknown, source: string): Reading[] {
  const body = UserListSchema(json);
  if (!body) return [];
  const readings: Reading[] = [];
  const clock = clockOf(body.extra);
  for (const entry of body.userList ?? []) {
    if (!entry.user) continue;
    const reading = mapProfile(source, entry.user, entry.stats, entry.statsV2);
    if (!reading.handle && !reading.platformId && !reading.altIds) continue;
    if (clock !== undefined) reading.clock = clock;
    readings.push(reading);
  }
  return readings;
}

function readUniversal(json: unknown, source: string, locale: string): Reading[] {
  const scope = UniversalDataSchema(json)?.__DEFAULT_SCOPE__;
  const readings: Reading[] = [];
  const userDetail = scope?.['webapp.user-detail'];
  if (userDetail) readings.push(...readUserDetail(userDetail, source, locale));
  const itemDetail = scope?.['webapp.video-detail'];
  if (itemDetail) readings.push(...readItemDetail(itemDetail, source));
  // `webapp.app-context.user` is the viewer: who it is, never its counts.
  readings.push(...viewerReadings(source, scope?.['webapp.app-context']?.user));
  return readings;
}

function readSigi(json: unknown, source: string): Reading[] {
  const data = SigiStateSchema(json);
  if (!data) return [];
  const { UserModule: users, ItemModule: items, UserPage: page, VideoPage: video } = data;
  const readings: Reading[] = [];
  // Every user SIGI holds becomes a reading tagged with its own handle; merging keeps only the
  // page's creator, so the viewer or a recommended account can never stand in for them.
  for (const [key, user] of Object.entries(users?.users ?? {})) {
    if (!user) continue;
    const stats =
      users?.stats?.[key] ?? (user.uniqueId ? users?.stats?.[user.uniqueId] : undefined);
    readings.push(mapProfile(source, user, stats, undefined));
  }
  readings.push(...mapItems(source, Object.values(items ?? {})));
  if (readings.length === 0) {
    readings.push(...problemReading(source, page?.statusCode ?? video?.statusCode));
  }
  // Any user SIGI holds may be the viewer: the mark drops it (and its stats) from the sightings.
  readings.push(...viewerReadings(source, data.AppContext?.appContext?.user));
  return readings;
}

function readNext(json: unknown, source: string, locale: string): Reading[] {
  const props = NextDataSchema(json)?.props;
  const page = props?.pageProps;
  if (!page) return [];
  // `props.initialProps.$user` is the viewer (petstoryss in the 2021 capture): marked, no counts.
  const readings = readUserDetail(
    { statusCode: page.statusCode, userInfo: page.userInfo },
    source,
    locale,
  ).filter((r) => r.source === source);
  const owner = readings.find((r) => r.handle);
  readings.push(...mapItems(source, page.items, owner ? { handle: owner.handle } : undefined));
  const item = page.itemInfo?.itemStruct;
  if (item) readings.push(...mapItems(source, [item]));
  readings.push(...viewerReadings(source, props.initialProps?.$user));
  return readings;
}
