import type { Reading } from '../../extract/reading';
import { settleReadings } from '../../extract/settle';
import { findJsonIslands } from '../../parsing/json-islands';
import type { ExtractInput, ExtractResult } from '../types';
import { pageLocale, readLoginWall, readMetaDescription, readProfileDom } from './dom';
import { readTiktokBody, readTiktokJson, TIKTOK_SOURCES } from './read-body';
import { tiktokUrls } from './url';

/** The embedded JSON carriers by vintage, newest first (NOTES §1.1), with their source ids. */
const ISLANDS: Readonly<Record<string, string>> = {
  __UNIVERSAL_DATA_FOR_REHYDRATION__: TIKTOK_SOURCES.universal,
  SIGI_STATE: TIKTOK_SOURCES.sigi,
  'sigi-persisted-data': TIKTOK_SOURCES.sigi,
  __NEXT_DATA__: TIKTOK_SOURCES.next,
};
const ISLAND_NAMES = Object.keys(ISLANDS);

/** The counts a TikTok profile shows; the ones a page lacks are reported as missing. */
const EXPECTED = ['followers', 'following', 'likes', 'posts'] as const;

/**
 * Everything a TikTok document says, in order of trust: embedded JSON (UNIVERSAL_DATA, SIGI_STATE
 * in its script and `window['SIGI_STATE']=` forms, NEXT_DATA), then the meta description, then
 * the visible DOM, then a login wall. Readings about other accounts are kept here and discarded
 * when merging. Pure; never throws.
 */
export function readTiktokDocument(doc: Document, url: URL, now: number): Reading[] {
  void now;
  const readings: Reading[] = [];
  try {
    const locale = pageLocale(doc);
    const islands = findJsonIslands(doc, { names: ISLAND_NAMES });
    // Newest carrier first, whatever the document order.
    islands.sort((a, b) => ISLAND_NAMES.indexOf(a.name) - ISLAND_NAMES.indexOf(b.name));
    for (const island of islands) {
      if (island.value === undefined) continue;
      readings.push(...readTiktokJson(island.value, url, ISLANDS[island.name], locale));
    }
    const meta = readMetaDescription(doc, locale);
    if (meta) readings.push(meta);
    const profile = readProfileDom(doc, locale);
    if (profile) readings.push(profile);
    const wall = readLoginWall(doc);
    if (wall) readings.push(wall);
  } catch {
    // Nothing in the readers throws on page content; a bug must still not reach the host page.
  }
  return readings;
}

/**
 * The page's answer from readings gathered anywhere. The creator is the URL's handle, except on a
 * video page, where it is the author of the video the URL names: the handle in a video URL can be
 * stale (a renamed account) while the payload's author is who posted it.
 */
export function settleTiktok(readings: readonly Reading[], input: ExtractInput): ExtractResult {
  const page = tiktokUrls.match(input.url);
  if (!page?.handle) {
    return { ok: false, problem: 'not-creator', reason: 'not a TikTok creator page' };
  }
  let handle = page.handle;
  if (page.postId) {
    const author = readings.find((r) => r.handle && r.posts.some((p) => p.id === page.postId));
    if (author?.handle) handle = author.handle;
  }
  const target = { platform: 'tiktok' as const, handle, url: tiktokUrls.profileUrl(handle) };
  return settleReadings(target, readings, input.now, {
    expected: EXPECTED,
    ...(input.at === undefined ? {} : { capturedAt: input.at }),
  });
}

/** `tiktok.extract`: the document and any bodies the page received, merged into one answer. */
export function extractTiktok(input: ExtractInput): ExtractResult {
  const readings = input.doc ? readTiktokDocument(input.doc, input.url, input.now) : [];
  for (const body of input.bodies ?? []) {
    readings.push(...readTiktokBody(body.json, body.url, input.now));
  }
  return settleTiktok(readings, input);
}
