import { collectIslandTexts, MAX_ISLAND_CHARS } from '../../parsing/json-islands';
import type { CollectScope, PageMaterial } from '../types';
import { pageLocale, readHeader, readLoginWall, readMeta } from './dom';
import { instagramUrls } from './url';

/**
 * What an Instagram document carries, gathered on the host page: the embedded JSON as text, and
 * the readings only the DOM gives (meta description, profile header, login wall). It runs in the
 * content script, on the page's main thread, so it only reads the DOM and copies strings: no
 * `JSON.parse`, no bracket scanning, no mapping. The texts are read by `readMaterial` (worker.ts).
 * This module and its imports ship in the content script; the JSON readers stay out of it.
 */

/** The names of the texts in an Instagram page's material: what each carrier is on the page. */
export const INSTAGRAM_TEXTS = {
  /**
   * `window._sharedData = {…};` (2019–21 pages), or a JSON script with that id, as collected by
   * `collectIslandTexts` (kind 'script' is a whole inline script, scanned for the assignment).
   */
  sharedData: '_sharedData',
  /** A `<script type="application/ld+json">` (2021 profile pages: a `Person`). */
  jsonLd: 'ld+json',
  /** A `<script type="application/json">` preloaded block that mentions a payload Scout reads. */
  pageData: 'page-data',
  /** The object argument of `window.__additionalDataLoaded('/p/<code>/', {…});` (2020–21). */
  additionalData: '__additionalDataLoaded',
} as const;

/**
 * Logged-in pages preload GraphQL results in `<script type="application/json" data-sjs>` blocks
 * ([unverified]: NOTES §2.4 says the profile itself is not there; the timeline may be). Only blocks
 * that mention a payload Scout reads are collected; there can be dozens of large ones.
 */
export const PAGE_DATA = /xdt_api__v1__|shortcode_media|"edge_followed_by"|"follower_count"/;

/**
 * The material of an Instagram document, in the order it is read: the `_sharedData` islands, then
 * each script's text in document order (JSON-LD, preloaded blocks, `__additionalDataLoaded`
 * arguments); the readings of the meta description, the header (profile pages only) and a login
 * wall (not for `scope: 'texts'`). A text over the island cap is not collected: it would read as
 * nothing. Never throws: on a failure it returns what it has gathered. The result is plain data (structured-cloneable).
 */
export function collectInstagramDocument(
  doc: Document,
  url: URL,
  now: number,
  scope: CollectScope = 'all',
): PageMaterial {
  void now;
  const material: PageMaterial = { locale: 'en', texts: [], readings: [] };
  const { texts, readings } = material;
  try {
    const locale = pageLocale(doc);
    material.locale = locale;
    for (const island of collectIslandTexts(doc, { names: [INSTAGRAM_TEXTS.sharedData] })) {
      texts.push({ name: INSTAGRAM_TEXTS.sharedData, kind: island.kind, text: island.text });
    }
    const scripts = doc.getElementsByTagName('script');
    for (let i = 0; i < scripts.length; i++) {
      const script = scripts[i];
      if (!script || script.hasAttribute('src')) continue;
      const type = script.getAttribute('type')?.toLowerCase();
      const text = script.textContent ?? '';
      if (type === 'application/ld+json') {
        if (text.length <= MAX_ISLAND_CHARS) {
          texts.push({ name: INSTAGRAM_TEXTS.jsonLd, kind: 'ld-json', text });
        }
      } else if (type === 'application/json') {
        if (text.length <= MAX_ISLAND_CHARS && PAGE_DATA.test(text)) {
          texts.push({ name: INSTAGRAM_TEXTS.pageData, kind: 'json-script', text });
        }
      } else {
        // 2020–21 pages: `window.__additionalDataLoaded('/p/<code>/', {"graphql":…});`. The object
        // is cut from the first `{` after the call to the script's last `)`, without a scan.
        const at = text.indexOf('__additionalDataLoaded(');
        const start = at < 0 ? -1 : text.indexOf('{', at);
        if (start > 0) {
          const argument = text.slice(start, text.lastIndexOf(')'));
          if (argument && argument.length <= MAX_ISLAND_CHARS) {
            texts.push({ name: INSTAGRAM_TEXTS.additionalData, kind: 'script', text: argument });
          }
        }
      }
    }
    if (scope === 'texts') return material;
    // The header is read on profile pages only: a post page's header is the post's, not a profile's.
    const header =
      instagramUrls.match(url)?.kind === 'profile' ? readHeader(doc, locale) : undefined;
    for (const r of [readMeta(doc, locale), header, readLoginWall(doc)]) {
      if (r) readings.push(r);
    }
  } catch {
    // Nothing here throws on page content; a bug must still not reach the host page.
  }
  return material;
}
