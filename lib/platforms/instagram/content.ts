import type { FeedSide, PlatformContent } from '../types';
import { collectInstagramDocument } from './collect';
import { instagramTap } from './tap';
import { instagramUrls } from './url';

/**
 * Links that may point to a profile: every link but posts, reels, Explore (hashtags, places) and
 * stories, which are never one. Profile links are relative (`/mira.loops/`); `creatorOf` decides.
 */
const LINKS =
  'a[href]:not([href*="/p/"]):not([href*="/reel/"]):not([href*="/explore/"]):not([href*="/stories/"])';

/**
 * The feed item around a link: a post (`article`), a grid cell or a search row (`[role="listitem"]`,
 * `li`), else the clickable card the link sits in (`div[role="button"]`, search results and
 * suggestion cards).
 */
const ITEM = 'article, [role="listitem"], li';

/**
 * Instagram's feeds on the host page (home feed, Explore, search, reels): a creator's link is one
 * whose URL is a profile (instagramUrls: never /p/, /reel/, /explore/…, /stories/, /accounts/,
 * /direct/ or another reserved section), on Instagram itself. An @mention (link text starting
 * with "@", in a caption or a comment) is not the item's creator and gets no chip. DOM reads and
 * string work only; never throws.
 */
export const instagramFeed: FeedSide = {
  links: LINKS,
  creatorOf(link, page) {
    try {
      const href = link.getAttribute('href');
      if (!href || (link.textContent ?? '').trimStart().startsWith('@')) return null;
      const url = new URL(href, page);
      if (!instagramUrls.ownsHost(url.hostname)) return null;
      const match = instagramUrls.match(url);
      return match?.kind === 'profile' && match.handle ? match.handle : null;
    } catch {
      return null;
    }
  },
  itemOf(link) {
    return link.closest(ITEM) ?? link.closest('div[role="button"]');
  },
};

/**
 * Instagram's page side: what its content script runs on the host page (URL rules, the collector
 * of a document's material, the tap rules it checks bodies with, its feeds' creator links).
 * Everything this module imports ships into Instagram's pages, so it imports no JSON reader
 * (`read-body.ts`, `map.ts`, `schemas.ts`, `meta.ts`): the material is read in the background
 * (worker.ts).
 */
export const content: PlatformContent<'instagram'> = {
  ...instagramUrls,
  collectDocument: collectInstagramDocument,
  tap: instagramTap,
  feed: instagramFeed,
};
