import { newReading, type Reading } from '../../extract/reading';
import type { FeedSide } from '../types';
import {
  boundedText,
  hasOwnText,
  HIDDEN,
  pageLocale,
  scanCard,
  TIME_MARK,
  type CardLink,
  type CardScan,
} from './dom';
import { LINKEDIN_SOURCES } from './sources';
import { isAccountId, readLabelledCount, squash, vanityFromHref } from './text';
import { linkedinUrls } from './url';

/**
 * LinkedIn's feeds on the host page (DESIGN "In-feed vetting"): the feed and activity cards, a
 * card's reshared post, people search results, "People also viewed" and the guest post page's
 * author card. LinkedIn's feed bodies carry few counts, so the chips' numbers come mostly from the
 * markup: `readItem` reads an item in one walk (scanCard), each account's counts from where they
 * sit (NOTES-feeds-youtube §3). DOM reads and string work only; nothing here throws.
 */

/** Links that may be a creator's: persons' `/in/<slug>`, companies' `/company/<slug>`. */
const LINKS = 'a[href*="/in/"],a[href*="/company/"]';

/**
 * Running text: a post's commentary, a comment's body. A profile link there is an @mention, which
 * says nothing about that account (and a chip would break the sentence).
 */
const RUNNING_TEXT = [
  '.update-components-text',
  '.feed-shared-update-v2__description',
  '.feed-shared-inline-show-more-text',
  '.comments-comment-item__main-content',
  '.comments-comment-item-content-body',
  '.attributed-text-segment-list__content',
  '[data-test-id$="__commentary"]',
].join(',');

/**
 * The page's own chrome: the global navigation with the viewer's "Me" menu, and the feed's
 * identity card (the viewer's own, beside the feed). No feed item is there, and a name read there
 * ("View Profile") is no one's.
 */
const CHROME =
  'nav,header,[role="navigation"],[role="banner"],[role="menu"],.global-nav,.feed-identity-module';

/**
 * One feed item, innermost first (closest finds the nearest): a reshared post inside a card, a
 * comment, a feed or activity card (logged-in `feed-shared-update-v2` with its activity URN; the
 * guest post page's article), a people search result, the guest page's author card, a "People
 * also viewed" row (`pv-browsemap`, the aside's lists).
 */
const ITEM = [
  '.update-components-mini-update-v2',
  '.feed-shared-update-v2__update-content-wrapper',
  '[data-test-id="feed-reshare-content"]',
  '[data-id^="urn:li:comment"]',
  '.feed-shared-update-v2',
  '[data-urn^="urn:li:activity"]',
  '[data-id^="urn:li:activity"]',
  '[data-activity-urn]',
  '[data-chameleon-result-urn]',
  'li.reusable-search__result-container',
  '.public-post-author-card',
  '.pv-browsemap-section li',
  'aside li',
].join(',');

/** Items nested in an item read as items of their own: a bound on how many one item holds. */
const MAX_SEGMENTS = 16;
/** The longest text taken as a name. */
const MAX_NAME = 100;

/** Per document, its UI language: looked up once, as each lookup searches the whole page. */
const locales = new WeakMap<Document, string>();

function localeOf(item: Element): string {
  const doc = item.ownerDocument;
  let locale = locales.get(doc);
  if (locale === undefined) locales.set(doc, (locale = pageLocale(doc)));
  return locale;
}

/**
 * The readings one feed item's markup gives, one per account, each with only what sits on that
 * account: a card's author (the account on the actor line that holds the post's time, not a
 * "reposted this" / "likes this" header above it) with its name, the follower count on its actor
 * line ("12K followers" under a company; a person's headline is no count) and the post's
 * reactions, comments and reposts; a reshared post's author from the reshared post alone; in rows
 * without a time (search results, "People also viewed", the author card), the row's first account,
 * with a follower count only when it is the one account linked, or sits between its link and the
 * next account's. A member-id link is nobody. The viewer is the chip layer's to leave out. `base`
 * resolves relative links.
 */
export function readFeedItem(item: Element, base: string, locale: string, now: number): Reading[] {
  const byHandle = new Map<string, Reading>();
  const named = !item.classList.contains('public-post-author-card');
  const segments: Element[] = [item];
  for (let k = 0; k < segments.length && k < MAX_SEGMENTS; k++) {
    const segment = segments[k]!;
    const parent = segment.parentElement;
    const hidden = k === 0 && !!segment.closest(HIDDEN);
    const nested: Element[] = [];
    const parentOwnText = !!parent && hasOwnText(parent);
    const scan = scanCard(segment, { base, locale, now, hidden, parentOwnText }, nested);
    segments.push(...nested);
    const read = readSegment(scan, locale, named);
    if (!read) continue;
    const known = byHandle.get(read.handle!);
    if (!known) byHandle.set(read.handle!, read);
    else {
      // The same account twice in one item (someone resharing their own post): first found wins.
      const { displayName, bio } = read;
      const { followers } = read.counts;
      if (displayName !== undefined) known.displayName ??= displayName;
      if (bio !== undefined) known.bio ??= bio;
      if (followers) known.counts.followers ??= followers;
      known.posts.push(...read.posts);
    }
  }
  return [...byHandle.values()].filter(
    (r) => r.displayName !== undefined || r.counts.followers || r.posts.length,
  );
}

/** Whose one walked segment is, and what it says about them (see readFeedItem). */
function readSegment(scan: CardScan, locale: string, named: boolean): Reading | undefined {
  const { links, timeAt, lineStart, followersAt } = scan;
  let owner: string | undefined;
  let own: CardLink[];
  let followers = false;
  if (timeAt >= 0) {
    own = links.filter((l) => l.at <= timeAt && l.at >= lineStart);
    owner = own[own.length - 1]?.handle;
    // After every other account's link (a header's), on the actor line, before the time.
    let lastOther = -1;
    for (const l of links) if (l.handle !== owner && l.at < timeAt) lastOther = l.at;
    followers = followersAt >= lineStart && followersAt < timeAt && followersAt > lastOther;
  } else {
    owner = links[0]?.handle;
    const other = links.find((l) => l.handle !== owner)?.at ?? Infinity;
    own = links.filter((l) => l.at < other);
    // One account linked: the row is theirs (the guest author card shows the count above the
    // link). Several: only between the first one's link and the next account's.
    followers =
      !!links[0] && (other === Infinity || (followersAt > links[0].at && followersAt < other));
  }
  if (!owner || isAccountId(owner)) return undefined;
  own = own.filter((l) => l.handle === owner);
  const reading = newReading(LINKEDIN_SOURCES.dom, { handle: owner });
  if (named) {
    for (const l of own) {
      const name = nameOf(l.el, locale);
      if (name) {
        reading.displayName = name;
        break;
      }
    }
  }
  if (followers && scan.followers) reading.counts.followers = scan.followers;
  const headline = squash(scan.headline?.textContent);
  if (headline && !readLabelledCount(headline, locale)) reading.bio = headline;
  // The post is the author's only where a time line names its author.
  if (scan.post && timeAt >= 0) reading.posts.push(scan.post);
  return reading;
}

/**
 * The name a link shows: its first heading (the guest "People also viewed" card) or `aria-hidden`
 * text (the logged-in UI doubles each text for screen readers), else its own text; never a time
 * ("3d •"), a degree ("• 2nd") or a count.
 */
function nameOf(link: Element, locale: string): string | undefined {
  const shown = link.querySelector('h1,h2,h3,h4,h5,h6,[aria-hidden="true"]');
  for (const el of shown ? [shown, link] : [link]) {
    const name = boundedText(el, MAX_NAME);
    if (name && !/^[•·]/.test(name) && !TIME_MARK.test(name) && !readLabelledCount(name, locale)) {
      return name;
    }
  }
  return undefined;
}

/**
 * The account a link opens: a person's or company's own page (`/in/<slug>`, `/company/<slug>`,
 * its posts or about tab), by its vanity name. Not a member-id URL (`/in/ACoAA…`, the numeric
 * `/company/1035/`), a profile's sub-pages (contact info, activity, an overlay), nor anything else
 * (hashtags, search, the feed, jobs).
 */
function profileHandle(href: string | null, page: URL): string | null {
  const handle = vanityFromHref(href, page.href);
  if (!handle || !href) return null;
  const match = linkedinUrls.match(new URL(href, page.href));
  const own = match?.kind === 'profile' || match?.kind === 'company';
  return own && match.handle === handle ? handle : null;
}

/** LinkedIn's feed side for the chip layer. */
export const linkedinFeed: FeedSide = {
  links: LINKS,
  creatorOf(link, page) {
    try {
      // An @mention sits in running text, or in a sentence (its parent has text of its own):
      // a chip there would break the sentence, and the post is not that account's.
      if (link.closest(RUNNING_TEXT) || link.closest(CHROME)) return null;
      const parent = link.parentElement;
      if (parent && hasOwnText(parent)) return null;
      return profileHandle(link.getAttribute('href'), page);
    } catch {
      return null;
    }
  },
  itemOf(link) {
    try {
      if (link.closest(CHROME)) return null;
      return link.closest(ITEM) ?? link.closest('article,li');
    } catch {
      return null;
    }
  },
  readItem(item, page, now) {
    try {
      return readFeedItem(item, page.href, localeOf(item), now);
    } catch {
      return [];
    }
  },
};
