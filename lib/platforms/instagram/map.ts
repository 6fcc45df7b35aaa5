import { idString, toCount } from '../../extract/values';
import type { Precision } from '../../model/snapshot';
import { MAX_AUDIENCE, parseCount } from '../../parsing/count';
import {
  newReading,
  normalizeHandle,
  type CountReading,
  type Identity,
  type PostReading,
  type Reading,
} from '../../extract/reading';
import type { InstagramMedia, InstagramOwner, InstagramUser } from './schemas';

/**
 * Mapping Instagram's raw objects (already through the lenient schemas) to readings. Every count
 * in Instagram's JSON is exact (edge_followed_by 25116 in the adrianhorning capture; like_count
 * 817982 in the xdt capture), except the follower texts of search results ("12.3M followers"):
 * those, the meta description and the visible header abbreviate.
 */

/** An exact count reading, or undefined. */
export function exact(raw: unknown): CountReading | undefined {
  const value = toCount(raw);
  return value === undefined ? undefined : { value, precision: 'exact' };
}

/**
 * The language of follower texts in bodies. A body carries no UI language (the page's
 * `<html lang>` reaches only the document's material, not `readBody`), so its texts are read as
 * English: "12.3M followers" is 12,300,000, rounded. A text in another language ("1,2 Mio.
 * Follower") matches no English label and stays unknown: read with a guessed locale, "1.234"
 * could be a thousand or a fraction.
 */
const BODY_LOCALE = 'en';
/** "12.3M followers", "1,234 followers", "1 follower": a number, its unit, the label, nothing else. */
const FOLLOWERS_TEXT = /^\s*(\d[\d.,]*\s?[KMB]?)\s+followers?\s*$/i;
/** Parts of a search result's line ("mira.loops • 38.2K followers"). */
const TEXT_PARTS = /\s[\u2022\u00b7|]\s/;
const MAX_TEXT = 200;

/**
 * The follower count a search result's text states ("12.3M followers": rounded; "9,876
 * followers": exact), or undefined for any other text ("Followed by ana + 2 more").
 */
export function followersInText(text: string | undefined): CountReading | undefined {
  if (!text || text.length > MAX_TEXT) return undefined;
  for (const part of text.split(TEXT_PARTS)) {
    const m = FOLLOWERS_TEXT.exec(part);
    const c = m?.[1] && parseCount(m[1], { locale: BODY_LOCALE, max: MAX_AUDIENCE });
    if (c) return c;
  }
  return undefined;
}

const RANK: Readonly<Record<Precision, number>> = { exact: 3, rounded: 2, 'lower-bound': 1 };

/** Who an account object is. `pk_id` is the string twin of a numeric `pk` in private-API bodies. */
export function identify(a: InstagramOwner | undefined): Identity {
  const who: Identity = {};
  const handle = normalizeHandle(a?.username);
  if (handle) who.handle = handle;
  const id = idString(a?.pk) ?? idString(a?.pk_id) ?? idString(a?.id);
  if (id) who.platformId = id;
  return who;
}

/** The readings of one payload, one per account (keyed by handle, else id). */
export type Accounts = Map<string, Reading>;

/** The reading for `who` in `book`, created on first use; undefined when `who` is nobody. */
export function readingFor(book: Accounts, source: string, who: Identity): Reading | undefined {
  const key = who.handle ? `@${who.handle}` : who.platformId;
  if (!key) return undefined;
  let reading = book.get(key);
  if (!reading) book.set(key, (reading = newReading(source, who)));
  return reading;
}

/**
 * Adds an account object's fields to its reading, without overwriting what the payload's main
 * user object already said (a post's `owner` repeats a subset of it).
 */
export function addAccount(
  book: Accounts,
  source: string,
  a: InstagramOwner | InstagramUser | undefined,
): Reading | undefined {
  const r = a && readingFor(book, source, identify(a));
  if (!r || !a) return r;
  const fill = <K extends keyof Reading>(key: K, value: Reading[K] | undefined) => {
    if (r[key] === undefined && value !== undefined) r[key] = value;
  };
  fill('displayName', a.full_name || undefined);
  fill('bio', a.biography);
  fill('verified', a.is_verified);
  fill('isPrivate', a.is_private);
  // The first object's count stays, unless a later one is more precise (a search result's text,
  // then the same account's exact count in a grid or a user card).
  const count = (field: keyof Reading['counts'], c: CountReading | undefined) => {
    const had = r.counts[field];
    if (c && (!had || RANK[c.precision] > RANK[had.precision])) r.counts[field] = c;
  };
  count(
    'followers',
    exact(a.edge_followed_by?.count ?? a.follower_count) ??
      followersInText(a.search_social_context) ??
      followersInText(a.social_context),
  );
  count('following', exact(a.edge_follow?.count ?? a.following_count));
  count('posts', exact(a.edge_owner_to_timeline_media?.count ?? a.media_count));
  return r;
}

/**
 * Paid-partnership tags in a caption. `#ad` and `#sponsored` (DESIGN), and the German
 * `#anzeige` / `#werbung` that German law asks creators to use; a longer tag (#adventure) is not one.
 */
const SPONSOR_TAG = /#(?:ad|sponsored|paidpartnership|anzeige|werbung)(?![\p{L}\p{N}_])/iu;

/** A post code as Instagram prints it in `/p/<code>/`. */
const CODE = /^[\w-]{5,64}$/;

/**
 * One post. Its id is the code in its URL (`shortcode` / `code`), the one key every vintage has.
 * Hidden counts (`like_and_view_counts_disabled`, or the profile's `hide_like_and_view_counts`
 * when the post does not say) leave likes and views unknown: what the payload still carries there
 * is not what the page shows. A grid's `has_delayed_metadata` media come before their counts: all
 * of them unknown, never zero. Pinned is read only where the payload has a pinned field (the 2021
 * `_sharedData` nodes have none: unknown, not false).
 */
export function mapMedia(
  m: InstagramMedia,
  ownerId: string | undefined,
  hideDefault: boolean | undefined,
): PostReading | undefined {
  const id = m.code ?? m.shortcode;
  if (!id || !CODE.test(id)) return undefined;
  const type = toCount(m.media_type);
  const typename = m.__typename ?? '';
  const product = m.product_type;
  const post: PostReading = {
    id,
    counts: {},
    url: `https://www.instagram.com/${product === 'clips' ? 'reel' : 'p'}/${id}/`,
  };
  const time = toCount(m.taken_at ?? m.taken_at_timestamp);
  if (time) post.postedAt = time * 1000;
  // media_type 1 image, 2 video, 8 carousel; graphql __typename GraphImage / GraphVideo / GraphSidecar.
  if (type === 8 || typename.endsWith('Sidecar') || product === 'carousel_container') {
    post.kind = 'carousel';
  } else if (type === 2 || m.is_video || typename.endsWith('Video') || product === 'clips') {
    post.kind = 'video';
  } else if (type === 1 || typename.endsWith('Image') || m.is_video === false) {
    post.kind = 'image';
  }
  const hidden = m.like_and_view_counts_disabled ?? hideDefault;
  if (hidden !== undefined) post.likesHidden = hidden;
  const delayed = m.has_delayed_metadata === true;
  const put = (field: keyof PostReading['counts'], raw: unknown) => {
    const c = delayed ? undefined : exact(raw);
    if (c) post.counts[field] = c;
  };
  if (!hidden) {
    put('likes', m.like_count ?? m.edge_liked_by?.count ?? m.edge_media_preview_like?.count);
    // Views: play_count, the count a reels grid is drawn with (the first deferred part of a
    // profile's reels holds only it) and the one every reels body carries; ig_play_count
    // (Instagram-only plays, lower on a reel shared to Facebook) only where play_count is absent.
    // like_count is Instagram's own, so a shared reel's rate by views reads slightly low, never
    // high. The xdt capture has neither and a null view_count (unknown, never 0).
    put(
      'views',
      m.play_count ?? m.ig_play_count ?? m.video_view_count ?? m.video_play_count ?? m.view_count,
    );
  }
  put(
    'comments',
    m.comment_count ?? m.edge_media_to_comment?.count ?? m.edge_media_to_parent_comment?.count,
  );
  const caption = m.caption?.text ?? m.edge_media_to_caption?.edges?.[0]?.node?.text;
  if (caption !== undefined) post.caption = caption;
  // Pinned on the owner's grid: their pk in timeline_pinned_user_ids (["50269116275"] in the xdt
  // capture); ids that cannot be compared fall back to "pinned by someone".
  const pins = (m.timeline_pinned_user_ids ?? m.pinned_for_users)?.map((p) =>
    idString(typeof p === 'object' ? p.id : p),
  );
  if (pins) {
    post.pinned =
      ownerId && pins.every((p) => p !== undefined) ? pins.includes(ownerId) : pins.length > 0;
  }
  if (
    m.is_paid_partnership ||
    m.sponsor_tags?.length ||
    m.edge_media_to_sponsor_user?.edges?.length ||
    SPONSOR_TAG.test(caption ?? '')
  ) {
    post.sponsored = true;
  } else if (m.is_paid_partnership === false) {
    post.sponsored = false;
  }
  return post;
}

/**
 * Adds posts to their owners' readings. A post that names no owner goes to `fallback` (the
 * profile whose timeline holds it, or the account a feed request asked for), else it is dropped:
 * posts by others (a collaborator, a tagged post) end up under their own account and are
 * discarded when merging. A collab's other accounts (`coauthor_producers`,
 * `invited_coauthor_producers`) each get their own reading, with what their own objects say and
 * without the post: its owner is the media's `user`, and the owner's counts stay the owner's.
 */
export function addMedias(
  book: Accounts,
  source: string,
  medias: readonly (InstagramMedia | undefined)[] | undefined,
  fallback?: Identity,
  hideDefault?: boolean,
): void {
  for (const m of medias ?? []) {
    if (!m) continue;
    // `user` and `owner` are the same account; each may carry fields the other lacks (the xdt
    // capture's `owner` alone has full_name). Each object's counts go to its own account; a post
    // whose two name different accounts has no author Scout can be sure of, and goes to neither.
    const fromUser = addAccount(book, source, m.user);
    const fromOwner = addAccount(book, source, m.owner);
    for (const c of m.coauthor_producers ?? []) addAccount(book, source, c);
    for (const c of m.invited_coauthor_producers ?? []) addAccount(book, source, c);
    if (fromUser && fromOwner && differ(identify(m.user), identify(m.owner))) continue;
    const reading = fromUser ?? fromOwner ?? (fallback && readingFor(book, source, fallback));
    const post = reading && mapMedia(m, reading.platformId, hideDefault);
    if (post) reading.posts.push(post);
  }
}

/** True when two account objects name different accounts (by handle or by id). */
function differ(a: Identity, b: Identity): boolean {
  if (a.handle && b.handle && a.handle !== b.handle) return true;
  return !!a.platformId && !!b.platformId && a.platformId !== b.platformId;
}
