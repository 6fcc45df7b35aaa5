/**
 * Instagram's worker side (`PlatformWorker`): what runs in the background service worker and the
 * CLI. Its content script only collects the material these read.
 */
import type { CommentList } from '../../extract/comments';
import { isRecord } from '../../extract/lenient';
import { withOrigin, type Reading } from '../../extract/reading';
import { settlePage } from '../../extract/settle';
import { parseJson, readIslandTexts, type IslandText } from '../../parsing/json-islands';
import type { ExtractResult, PageMaterial, SettleInput } from '../types';
import { INSTAGRAM_TEXTS } from './collect';
import { readInstagramComments } from './comments';
import { readJsonLd } from './meta';
import { INSTAGRAM_SOURCES, readInstagramJson } from './read-body';
import { instagramUrls } from './url';

export { readInstagramBody as readBody } from './read-body';

/** The counts an Instagram profile shows; the ones a page lacks are reported as missing. */
const EXPECTED = ['followers', 'following', 'posts'] as const;

/** Objects visited per preloaded block: bounds the walk a hostile page can ask for. */
const MAX_VISITS = 50_000;
/** The kinds of text `collectIslandTexts` gives, which `readIslandTexts` reads. */
const ISLAND_KINDS = new Set<string>(['json-script', 'ld-json', 'script']);

/**
 * What an Instagram document says, in order of trust: embedded JSON (`window._sharedData`,
 * `__additionalDataLoaded(…)`, preloaded GraphQL results), JSON-LD, the meta description, the
 * header, then a login wall. Readings about other accounts are kept here and discarded when
 * merging. The material (`collectInstagramDocument`) has its texts parsed and read in order, then
 * the readings made on the page; a text that is not valid JSON, too large, or of a name this
 * reader does not know reads as nothing. Pure; never throws.
 */
export function readMaterial(material: PageMaterial, url: URL): Reading[] {
  const readings: Reading[] = [];
  const texts: unknown = isRecord(material) ? material.texts : undefined;
  for (const entry of Array.isArray(texts) ? texts : []) {
    try {
      readings.push(...readText(entry, url));
    } catch {
      // Nothing in the readers throws on page content; one text's bug must not lose the others.
    }
  }
  const found: unknown = isRecord(material) ? material.readings : undefined;
  if (Array.isArray(found)) readings.push(...(found as Reading[]));
  // The DOM readings come from the content script: marked here, as the document's like the rest.
  return withOrigin(readings, 'document');
}

/** What one text of the material says, by its name. */
function readText(entry: unknown, url: URL): Reading[] {
  if (!isRecord(entry) || typeof entry['text'] !== 'string') return [];
  const { name, kind, text } = entry as { name: unknown; kind: unknown; text: string };
  switch (name) {
    case INSTAGRAM_TEXTS.sharedData: {
      if (typeof kind !== 'string' || !ISLAND_KINDS.has(kind)) return [];
      const island = { name, kind, text } as IslandText;
      return readIslandTexts([island], { names: [INSTAGRAM_TEXTS.sharedData] }).flatMap((i) =>
        readInstagramJson(i.value, url, INSTAGRAM_SOURCES.sharedData),
      );
    }
    case INSTAGRAM_TEXTS.jsonLd:
      return readJsonLd(parseJson(text));
    case INSTAGRAM_TEXTS.pageData:
      return readPageData(parseJson(text), url);
    case INSTAGRAM_TEXTS.additionalData:
      return readInstagramJson(parseJson(text), url, INSTAGRAM_SOURCES.sharedData);
    default:
      return [];
  }
}

/**
 * GraphQL results (`{ data: … }`) anywhere inside a preloaded block, read as bodies. Their problem
 * statements are not kept: a `user: null` of some unrelated preloaded query is no "not found".
 */
function readPageData(value: unknown, url: URL): Reading[] {
  const readings: Reading[] = [];
  const stack = [value];
  for (let n = 0; stack.length && n < MAX_VISITS; n++) {
    const v = stack.pop();
    if (isRecord(v) && isRecord(v['data'])) {
      const found = readInstagramJson({ data: v['data'] }, url, INSTAGRAM_SOURCES.pageData);
      readings.push(...found.filter((r) => !r.problem));
    } else if (typeof v === 'object' && v) {
      for (const child of Object.values(v)) if (typeof child === 'object') stack.push(child);
    }
  }
  return readings;
}

/**
 * The page's answer from readings gathered anywhere, under the authorship rule
 * (lib/extract/authorship.ts). A profile is the URL's handle. On a post or reel page the author is
 * the one the page's own document gives the post (`/p/<code>/` names no handle, and
 * `/<handle>/p/<code>/` may name a collaborator), else the URL's handle, else the one author every
 * reading of the post agrees on (a body alone: read, but never filed in the background). A body
 * about another account carrying the same code stays that account's.
 */
export function settle(readings: readonly Reading[], input: SettleInput): ExtractResult {
  const page = instagramUrls.match(input.url);
  if (!page) return { ok: false, problem: 'not-creator', reason: 'not an Instagram creator page' };
  return settlePage(page, readings, input.now, {
    platform: 'instagram',
    profileUrl: instagramUrls.profileUrl,
    expected: EXPECTED,
    ...(input.at === undefined ? {} : { capturedAt: input.at }),
  });
}

/**
 * The comments a body shows (`PlatformWorker.readComments`): one list per post, texts and likes
 * only (lib/platforms/instagram/comments.ts). `url` names the post where the payload does not.
 */
export function readComments(json: unknown, url: URL): CommentList[] {
  return readInstagramComments(json, url);
}

/**
 * The comments a document's material shows (`PlatformWorker.readMaterialComments`): a post page
 * preloads its first comments (`PolarisPostCommentsContainerQuery`) in a `page-data` block, whose
 * nodes name no post: the page's URL (`/p/<code>/`) does. 2019–21 pages carry them in
 * `_sharedData` and `__additionalDataLoaded(…)`, under the media's own shortcode. Never throws.
 */
export function readMaterialComments(material: PageMaterial, url: URL): CommentList[] {
  const lists: CommentList[] = [];
  const texts: unknown = isRecord(material) ? material.texts : undefined;
  for (const entry of Array.isArray(texts) ? texts : []) {
    try {
      lists.push(...commentsInText(entry, url));
    } catch {
      // Nothing in the readers throws on page content; one text's bug must not lose the others.
    }
  }
  return lists;
}

/** The comments one text of the material shows, by its name. */
function commentsInText(entry: unknown, url: URL): CommentList[] {
  if (!isRecord(entry) || typeof entry['text'] !== 'string') return [];
  const { name, kind, text } = entry as { name: unknown; kind: unknown; text: string };
  switch (name) {
    case INSTAGRAM_TEXTS.sharedData: {
      if (typeof kind !== 'string' || !ISLAND_KINDS.has(kind)) return [];
      const island = { name, kind, text } as IslandText;
      return readIslandTexts([island], { names: [INSTAGRAM_TEXTS.sharedData] }).flatMap((i) =>
        readInstagramComments(i.value, url),
      );
    }
    case INSTAGRAM_TEXTS.pageData:
    case INSTAGRAM_TEXTS.additionalData:
      return readInstagramComments(parseJson(text), url);
    default:
      return [];
  }
}
