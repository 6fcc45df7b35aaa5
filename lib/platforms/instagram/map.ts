import { idString, toCount } from '../../extract/values';
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
 * 817982 in the xdt capture): only the meta description and the visible header abbreviate.
 */

/** An exact count reading, or undefined. */
export function exact(raw: unknown): CountReading | undefined {
  const value = toCount(raw);
  return value === undefined ? undefined : { value, precision: 'exact' };
}

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
  const count = (field: keyof Reading['counts'], raw: unknown) => {
    const c = exact(raw);
    if (c && !r.counts[field]) r.counts[field] = c;
  };
  count('followers', a.edge_followed_by?.count ?? a.follower_count);
  count('following', a.edge_follow?.count ?? a.following_count);
  count('posts', a.edge_owner_to_timeline_media?.count ?? a.media_count);
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
 * is not what the page shows. Pinned is read only where the payload has a pinned field (the 2021
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
  const put = (field: keyof PostReading['counts'], raw: unknown) => {
    const c = exact(raw);
    if (c) post.counts[field] = c;
  };
  if (!hidden) {
    put('likes', m.like_count ?? m.edge_liked_by?.count ?? m.edge_media_preview_like?.count);
    // Views: Instagram-only plays first, as like_count counts Instagram likes only; the xdt
    // capture has no play_count and a null view_count (unknown, never 0).
    put(
      'views',
      m.ig_play_count ?? m.play_count ?? m.video_view_count ?? m.video_play_count ?? m.view_count,
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
 * discarded when merging.
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
