/**
 * TikTok's worker side (`PlatformWorker`): what runs in the background service worker and the CLI.
 * Its content script only collects the material these read.
 */
import type { CommentList } from '../../extract/comments';
import { withOrigin, type Reading } from '../../extract/reading';
import { settlePage } from '../../extract/settle';
import { readIslandTexts } from '../../parsing/json-islands';
import type { ExtractResult, PageMaterial, SettleInput } from '../types';
import { TIKTOK_ISLANDS } from './collect';
import { readTiktokComments } from './comments';
import { readTiktokJson } from './read-body';
import { TIKTOK_SOURCES } from './sources';
import { tiktokUrls } from './url';

export { readTiktokBody as readBody } from './read-body';

/** Source ids of the embedded JSON carriers. */
const ISLAND_SOURCES: Readonly<Record<(typeof TIKTOK_ISLANDS)[number], string>> = {
  __UNIVERSAL_DATA_FOR_REHYDRATION__: TIKTOK_SOURCES.universal,
  SIGI_STATE: TIKTOK_SOURCES.sigi,
  'sigi-persisted-data': TIKTOK_SOURCES.sigi,
  __NEXT_DATA__: TIKTOK_SOURCES.next,
};
const ISLAND_NAMES: readonly string[] = TIKTOK_ISLANDS;

/** The counts a TikTok profile shows; the ones a page lacks are reported as missing. */
const EXPECTED = ['followers', 'following', 'likes', 'posts'] as const;

/**
 * What a TikTok document's material says, in order of trust: embedded JSON (newest carrier first,
 * whatever the document order), then the meta description, the visible DOM and a login wall.
 * Readings about other accounts are kept here and discarded when merging. Pure; never throws.
 */
export function readMaterial(material: PageMaterial, url: URL): Reading[] {
  const readings: Reading[] = [];
  try {
    const islands = readIslandTexts(material.texts, { names: ISLAND_NAMES });
    islands.sort((a, b) => ISLAND_NAMES.indexOf(a.name) - ISLAND_NAMES.indexOf(b.name));
    for (const island of islands) {
      if (island.value === undefined) continue;
      const source = ISLAND_SOURCES[island.name as (typeof TIKTOK_ISLANDS)[number]];
      readings.push(...readTiktokJson(island.value, url, source, material.locale));
    }
  } catch {
    // Nothing in the readers throws on page content; a bug must still not reach the host page.
  }
  // The DOM readings come from the content script: marked here, as the document's like the rest.
  return withOrigin([...readings, ...material.readings], 'document');
}

/**
 * The page's answer from readings gathered anywhere, under the authorship rule
 * (lib/extract/authorship.ts). A profile is the URL's handle. On a video page the author is the
 * one the page's own document gives the video, else the URL's handle: a body the page fetched
 * about another account that carries the video's id stays that account's. When the document's
 * author differs from the URL's handle (TikTok serves a video at any `/@<handle>/video/<id>`, and
 * a renamed account's old links keep the old handle), the document's author is taken only when
 * the document names one author for the video; a document that names two gives no creator.
 */
export function settle(readings: readonly Reading[], input: SettleInput): ExtractResult {
  const page = tiktokUrls.match(input.url);
  if (!page?.handle) {
    return { ok: false, problem: 'not-creator', reason: 'not a TikTok creator page' };
  }
  return settlePage(page, readings, input.now, {
    platform: 'tiktok',
    profileUrl: tiktokUrls.profileUrl,
    expected: EXPECTED,
    ...(input.at === undefined ? {} : { capturedAt: input.at }),
  });
}

/**
 * The comments a body shows (`PlatformWorker.readComments`): a video's comment page or a page of
 * replies, one list per video, texts and likes only (lib/platforms/tiktok/comments.ts). A video
 * page's embedded JSON holds no comments (the web app fetches them), so there is no
 * `readMaterialComments`.
 */
export function readComments(json: unknown, url: URL): CommentList[] {
  return readTiktokComments(json, url);
}
