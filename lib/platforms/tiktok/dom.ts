import { newReading, normalizeHandle, type PostReading, type Reading } from '../../extract/reading';
import type { ProfileCountField } from '../../model/snapshot';
import { MAX_AUDIENCE, parseCount } from '../../parsing/count';
import {
  lookupAll,
  lookupElements,
  lookupOne,
  lookupPresence,
  type LookupTable,
  type SelectorEntry,
} from '../../parsing/dom-lookup';
import { readCountText } from './meta';
import { TIKTOK_SOURCES, timeFromId } from './sources';

/**
 * The visible page, read last (NOTES §1.2): TikTok's `data-e2e` test attributes, stable across its
 * redesigns, and the meta description. Every count here is abbreviated text, so 'rounded' unless
 * it is printed in full. A video page's author block is not read: its attributes are known from
 * scrapers only, and the video page's JSON already gives the author's card.
 */

// Variants are short labels (they ship in every TikTok tab); the evidence is in these comments.
// Profile header and grid: the data-e2e attributes NOTES §1.2 lists from scrapers (the DOM was not
// captured in shared/); Scout's demo pages and tests/fixtures/tiktok/dom-only-profile.html use them.

/** The profile header: whose profile it is and its counts. */
export const PROFILE_LOOKUPS = {
  handle: [{ selector: '[data-e2e="user-title"]', variant: 'profile header' }],
  displayName: [{ selector: '[data-e2e="user-subtitle"]', variant: 'profile header' }],
  bio: [{ selector: '[data-e2e="user-bio"]', variant: 'profile header' }],
  followers: [{ selector: '[data-e2e="followers-count"]', variant: 'profile header' }],
  following: [{ selector: '[data-e2e="following-count"]', variant: 'profile header' }],
  likes: [{ selector: '[data-e2e="likes-count"]', variant: 'profile header' }],
} as const satisfies LookupTable<string>;

/** The profile's video grid and, inside each tile, its link and view count. */
export const GRID_LOOKUPS = {
  items: [{ selector: '[data-e2e="user-post-item"]', variant: 'video grid' }],
  link: [
    { selector: 'a[href*="/video/"]', variant: 'video grid' },
    { selector: 'a[href*="/photo/"]', variant: 'photo posts in the grid' },
  ],
  views: [{ selector: '[data-e2e="video-views"]', variant: 'video grid' }],
} as const satisfies Record<string, readonly SelectorEntry[]>;

/**
 * The page's summary line, which carries abbreviated counts: `<meta name="description">` in 2022
 * ("… | 12.3M Likes. 4.5M Fans. …", NOTES §1.2), og: and twitter: copies of it.
 */
export const META_LOOKUPS = {
  description: [
    { selector: 'meta[name="description"]', attribute: 'content', variant: 'meta description' },
    {
      selector: 'meta[property="og:description"]',
      attribute: 'content',
      variant: 'og:description',
    },
    {
      selector: 'meta[name="twitter:description"]',
      attribute: 'content',
      variant: 'twitter:description',
    },
  ],
} as const satisfies LookupTable<string>;

/**
 * A login wall, which decides only when the page shows no profile data at all: the login modal or
 * form ([unverified]: no capture has one; tests/fixtures/tiktok/login-wall.html is Scout's own).
 */
export const LOGIN_WALL_LOOKUPS = {
  wall: [
    { selector: '[data-e2e="login-modal"]', variant: 'login modal' },
    { selector: '[data-e2e="login-form"]', variant: 'login page' },
  ],
} as const satisfies LookupTable<string>;

/** The page's UI language (for counts like "1,2 M"), from `<html lang>`; default en. */
export function pageLocale(doc: Document): string {
  return doc.documentElement?.getAttribute('lang')?.trim() || 'en';
}

function count(text: string | undefined, locale: string, field?: ProfileCountField) {
  if (!text) return undefined;
  const audience = field === 'followers' || field === 'following';
  return parseCount(text, audience ? { locale, max: MAX_AUDIENCE } : { locale }) ?? undefined;
}

/**
 * The profile header and grid as a reading, or undefined when the header does not name the
 * profile (without a handle a stale header of the previous SPA page could pass for this one).
 */
export function readProfileDom(doc: Document, locale: string): Reading | undefined {
  const { values } = lookupAll(doc, PROFILE_LOOKUPS);
  const handle = normalizeHandle(values.handle);
  if (!handle) return undefined;
  const reading = newReading(TIKTOK_SOURCES.dom, { handle });
  if (values.displayName) reading.displayName = values.displayName;
  if (values.bio) reading.bio = values.bio;
  for (const field of ['followers', 'following', 'likes'] as const) {
    const c = count(values[field], locale, field);
    if (c) reading.counts[field] = c;
  }
  reading.posts = readGrid(doc, handle, locale);
  return reading;
}

/** The grid's tiles: id from the tile's link (only links to this creator's posts), rounded views. */
function readGrid(doc: Document, handle: string, locale: string): PostReading[] {
  const posts: PostReading[] = [];
  // Outermost tiles only: a tile nested in a tile is part of it (and reading each would be
  // quadratic in the nesting).
  const tiles = lookupElements(doc, GRID_LOOKUPS.items, { outermost: true })?.elements ?? [];
  for (const tile of tiles) {
    const href = lookupOne(tile, GRID_LOOKUPS.link)?.element.getAttribute('href') ?? '';
    const m = /\/@([\w.]{1,64})\/(video|photo)\/(\d{5,30})/.exec(href);
    if (!m || normalizeHandle(m[1]) !== handle) continue;
    const id = m[3] ?? '';
    const post: PostReading = {
      id,
      counts: {},
      url: `https://www.tiktok.com/@${handle}/${m[2]}/${id}`,
      kind: m[2] === 'photo' ? 'image' : 'video',
    };
    // The grid shows no date; the id carries one (see timeFromId), so tiles sort and age right.
    const created = timeFromId(id);
    if (created !== undefined) post.postedAt = created * 1000;
    const views = count(lookupOne(tile, GRID_LOOKUPS.views)?.value, locale);
    if (views) post.counts.views = views;
    posts.push(post);
  }
  return posts;
}

/** The meta description's counts as a reading (rounded), when it names the profile. */
export function readMetaDescription(doc: Document, locale: string): Reading | undefined {
  const text = lookupOne(doc, META_LOOKUPS.description)?.value;
  return readCountText(TIKTOK_SOURCES.meta, text, locale);
}

/** A 'sign-in-required' reading when the page shows a login wall. */
export function readLoginWall(doc: Document): Reading | undefined {
  return lookupPresence(doc, LOGIN_WALL_LOOKUPS.wall)
    ? Object.assign(newReading(TIKTOK_SOURCES.dom), { problem: 'sign-in-required' as const })
    : undefined;
}
