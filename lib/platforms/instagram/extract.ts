import { isRecord } from '../../extract/lenient';
import type { Reading } from '../../extract/reading';
import { settleReadings } from '../../extract/settle';
import { findJsonIslands, parseJson } from '../../parsing/json-islands';
import type { ExtractInput, ExtractResult } from '../types';
import { pageLocale, readHeader, readLoginWall, readMeta } from './dom';
import { readJsonLd } from './meta';
import { INSTAGRAM_SOURCES, readInstagramBody, readInstagramJson } from './read-body';
import { instagramUrls } from './url';

/** The counts an Instagram profile shows; the ones a page lacks are reported as missing. */
const EXPECTED = ['followers', 'following', 'posts'] as const;

/**
 * Logged-in pages preload GraphQL results in `<script type="application/json" data-sjs>` blocks
 * ([unverified]: NOTES §2.4 says the profile itself is not there; the timeline may be). Only blocks
 * that mention a payload Scout reads are parsed; there can be dozens of large ones.
 */
const PAGE_DATA = /xdt_api__v1__|shortcode_media|"edge_followed_by"|"follower_count"/;
/** Objects visited per preloaded block: bounds the walk a hostile page can ask for. */
const MAX_VISITS = 50_000;

/**
 * Everything an Instagram document says, in order of trust: embedded JSON (`window._sharedData`,
 * `__additionalDataLoaded(…)`, preloaded GraphQL results), JSON-LD, the meta description, the
 * header, then a login wall. Readings about other accounts are kept here and discarded when
 * merging. Pure; never throws.
 */
export function readInstagramDocument(doc: Document, url: URL, now: number): Reading[] {
  void now;
  const readings: Reading[] = [];
  try {
    const locale = pageLocale(doc);
    for (const island of findJsonIslands(doc, { names: ['_sharedData'] })) {
      readings.push(...readInstagramJson(island.value, url, INSTAGRAM_SOURCES.sharedData));
    }
    const scripts = doc.getElementsByTagName('script');
    for (let i = 0; i < scripts.length; i++) {
      const script = scripts[i];
      if (!script || script.hasAttribute('src')) continue;
      const type = script.getAttribute('type')?.toLowerCase();
      const text = script.textContent ?? '';
      if (type === 'application/ld+json') {
        readings.push(...readJsonLd(parseJson(text)));
      } else if (type === 'application/json') {
        if (PAGE_DATA.test(text)) readings.push(...readPageData(parseJson(text), url));
      } else {
        // 2020–21 pages: `window.__additionalDataLoaded('/p/<code>/', {"graphql":…});`
        const at = text.indexOf('__additionalDataLoaded(');
        const start = at < 0 ? -1 : text.indexOf('{', at);
        if (start > 0) {
          const value = parseJson(text.slice(start, text.lastIndexOf(')')));
          readings.push(...readInstagramJson(value, url, INSTAGRAM_SOURCES.sharedData));
        }
      }
    }
    // The header is read on profile pages only: a post page's header is the post's, not a profile's.
    const header =
      instagramUrls.match(url)?.kind === 'profile' ? readHeader(doc, locale) : undefined;
    for (const r of [readMeta(doc, locale), header, readLoginWall(doc)]) {
      if (r) readings.push(r);
    }
  } catch {
    // Nothing in the readers throws on page content; a bug must still not reach the host page.
  }
  return readings;
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
 * The page's answer from readings gathered anywhere. The creator is the URL's handle, except on a
 * post or reel page, where it is the author of the post the URL names (`/p/<code>/` has no handle;
 * `/<handle>/p/<code>/` may name a collaborator).
 */
export function settleInstagram(readings: readonly Reading[], input: ExtractInput): ExtractResult {
  const page = instagramUrls.match(input.url);
  if (!page) return { ok: false, problem: 'not-creator', reason: 'not an Instagram creator page' };
  let handle = page.handle;
  if (page.postId) {
    const author = readings.find((r) => r.handle && r.posts.some((p) => p.id === page.postId));
    handle = author?.handle ?? handle;
  }
  // No author known: an empty handle matches no reading, so only the page's problems can answer.
  const target = { platform: 'instagram' as const, handle: handle ?? '', url: '' };
  if (handle) target.url = instagramUrls.profileUrl(handle);
  return settleReadings(target, readings, input.now, {
    expected: EXPECTED,
    ...(input.at === undefined ? {} : { capturedAt: input.at }),
  });
}

/** `instagram.extract`: the document and any bodies the page received, merged into one answer. */
export function extractInstagram(input: ExtractInput): ExtractResult {
  const readings = input.doc ? readInstagramDocument(input.doc, input.url, input.now) : [];
  for (const body of input.bodies ?? []) {
    readings.push(...readInstagramBody(body.json, body.url, input.now));
  }
  return settleInstagram(readings, input);
}
