import { newReading, normalizeHandle, type Reading } from '../../extract/reading';
import type { ProfileCountField } from '../../model/snapshot';
import {
  lookupElements,
  lookupOne,
  lookupPresence,
  type LookupTable,
} from '../../parsing/dom-lookup';
import { countIn, readDescription } from './description';
import { INSTAGRAM_SOURCES } from './sources';
import { instagramUrls } from './url';

/**
 * The visible page, read last: meta tags, then the profile header by its structure (a list of three
 * counts, links to /<handle>/followers/), never by Instagram's hashed class names. The header's
 * structure is [unverified] against a capture (none in shared/ has the rendered header); it is
 * what tests/fixtures/pages/instagram/profile-lena-trails.html and
 * tests/fixtures/instagram/header-only-profile.html show.
 */

export const META_LOOKUPS = {
  description: [
    { selector: 'meta[name="description"]', attribute: 'content', variant: 'meta description' },
    { selector: 'meta[property="og:description"]', attribute: 'content', variant: 'og (2021)' },
  ],
  url: [
    { selector: 'meta[property="og:url"]', attribute: 'content', variant: 'og:url (2021)' },
    { selector: 'link[rel="canonical"]', attribute: 'href', variant: 'canonical link' },
  ],
} as const satisfies LookupTable<string>;

/**
 * The header: its three counts (posts, followers, following, in that order) and the links that
 * name the profile. A count's `title` holds the exact number where the text abbreviates
 * (`<span title="38,214">38K</span>`).
 */
export const HEADER_LOOKUPS = {
  counts: [{ selector: 'header ul > li', variant: 'profile header 2019–2025' }],
  exact: [{ selector: '[title]', attribute: 'title', variant: 'exact count in title' }],
  link: [{ selector: 'a[href$="/followers/"], a[href$="/following/"]', variant: 'count links' }],
  name: [{ selector: 'header h2', variant: 'profile header handle' }],
} as const satisfies LookupTable<string>;

/** The header's order (NOTES §2.2: "posts · followers · following" on the web profile). */
const HEADER_ORDER: readonly ProfileCountField[] = ['posts', 'followers', 'following'];

/**
 * A login wall, which decides only when the page shows no profile data: the login form a
 * logged-out visitor gets in place of the profile ([unverified]; tests/fixtures/instagram/login-wall.html).
 */
export const LOGIN_WALL_LOOKUPS = {
  wall: [
    { selector: 'form#loginForm', variant: 'login page' },
    { selector: 'input[name="password"]', variant: 'login form' },
  ],
} as const satisfies LookupTable<string>;

/** The page's UI language (for counts like "1,2 Mio."), from `<html lang>`; default en. */
export function pageLocale(doc: Document): string {
  return doc.documentElement?.getAttribute('lang')?.trim() || 'en';
}

/** The handle the page's own og:url or canonical link names (a profile URL), if any. */
function pageHandle(doc: Document): string | undefined {
  const href = lookupOne(doc, META_LOOKUPS.url)?.value;
  try {
    return href ? instagramUrls.match(new URL(href))?.handle : undefined;
  } catch {
    return undefined;
  }
}

/** The meta description's counts (rounded or exact as printed), about the handle it names. */
export function readMeta(doc: Document, locale: string): Reading | undefined {
  return readDescription(lookupOne(doc, META_LOOKUPS.description)?.value, locale, pageHandle(doc));
}

/**
 * The header's counts, about the handle its follower links (or its heading) name; undefined when
 * the header does not name the profile (a stale header of the previous SPA page could pass for it).
 */
export function readHeader(doc: Document, locale: string): Reading | undefined {
  const items = lookupElements(doc, HEADER_LOOKUPS.counts)?.elements ?? [];
  if (items.length !== 3) return undefined;
  const href = lookupOne(items[1] ?? doc, HEADER_LOOKUPS.link)?.element.getAttribute('href');
  const handle = normalizeHandle(
    /^\/([\w.]+)\/follow/.exec(href ?? '')?.[1] ?? lookupOne(doc, HEADER_LOOKUPS.name)?.value,
  );
  if (!handle) return undefined;
  const reading = newReading(INSTAGRAM_SOURCES.dom, { handle });
  for (const [i, field] of HEADER_ORDER.entries()) {
    const item = items[i];
    if (!item) continue;
    const title = countIn(lookupOne(item, HEADER_LOOKUPS.exact)?.value, field, locale);
    const c = title?.precision === 'exact' ? title : countIn(item.textContent ?? '', field, locale);
    if (c) reading.counts[field] = c;
  }
  return reading;
}

/** A 'sign-in-required' reading when the page shows a login form. */
export function readLoginWall(doc: Document): Reading | undefined {
  return lookupPresence(doc, LOGIN_WALL_LOOKUPS.wall)
    ? Object.assign(newReading(INSTAGRAM_SOURCES.dom), { problem: 'sign-in-required' as const })
    : undefined;
}
