/**
 * JSON islands: the structured data a page ships inside its own HTML, found and parsed without
 * ever throwing. Three carriers exist across the platforms' vintages:
 * - `<script type="application/json" id="…">` (rehydration state, `__NEXT_DATA__`);
 * - `<script type="application/ld+json">` (public pages' structured data);
 * - `window['X'] = {…};` / `window.X = {…};` inside an inline script (older vintages' state).
 * Each platform's collect.ts names the islands it reads. Pure and browser-safe: no window, no
 * network; the caller hands over the Document.
 */

import { jsonLiteralEnd } from './json-documents';

/** Where an island was found. */
export type JsonIslandKind = 'json-script' | 'ld-json' | 'assignment';

/** One island: its name (script id, or the assigned global's name), where it was, and its value. */
export interface JsonIsland {
  /** The script's id (`__NEXT_DATA__`), the assigned name (`SIGI_STATE`), or '' for an unnamed ld+json. */
  name: string;
  kind: JsonIslandKind;
  /** The parsed value; undefined when the island could not be read (see `error`). */
  value: unknown;
  /** Why the value is missing: bigger than the cap, or not valid JSON. */
  error?: 'too-large' | 'invalid-json';
}

/** Which islands to read, and how large an island may be. */
export interface JsonIslandOptions {
  /** Only islands with one of these names (ids or assigned names); all islands when absent. */
  names?: readonly string[];
  /** Largest island text read, in characters; bigger ones are reported as 'too-large'. */
  maxChars?: number;
  /** Only islands of these kinds (all kinds when absent): inline scripts are then not copied. */
  kinds?: readonly IslandText['kind'][];
}

/**
 * The default cap: a rehydration island is a few hundred KB on a busy profile; 8 MB leaves
 * room for growth while bounding the work a hostile page can make a content script do.
 */
export const MAX_ISLAND_CHARS = 8_000_000;

const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
/** `window['NAME'] =`, `window["NAME"]=`, `window.NAME =`: the assignment forms the captures use. */
const ASSIGNMENT =
  /window\s*(?:\[\s*(['"])([\w$.-]{1,100})\1\s*\]|\.([\w$]{1,100}))\s*=\s*(?=[{[])/g;

/** Parses JSON text; undefined for invalid JSON or text over the cap. Never throws. */
export function parseJson(text: string, maxChars: number = MAX_ISLAND_CHARS): unknown {
  if (typeof text !== 'string' || text.length > maxChars) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Truncated or hand-edited pages are ordinary input; a RangeError from absurd nesting too.
    return undefined;
  }
}

/**
 * An island as the page carries it, collected as text and not parsed: the host page's main thread
 * only copies strings, and the parsing happens off the page (`readIslandTexts`, in the background).
 * A `script` is an inline script that may hold `window.X = {…}` assignments, scanned when read.
 */
export interface IslandText {
  name: string;
  kind: 'json-script' | 'ld-json' | 'script';
  text: string;
}

/**
 * The island texts of a document (in document order), optionally only those with wanted names.
 * Pure DOM reads and string checks: no JSON parsing and no scanning, so it is cheap on the page.
 * Texts over the cap are kept as an empty text of an island that will read as 'too-large'.
 */
export function collectIslandTexts(doc: Document, options: JsonIslandOptions = {}): IslandText[] {
  const maxChars = options.maxChars ?? MAX_ISLAND_CHARS;
  const wanted = options.names ? new Set(options.names) : null;
  const kinds = new Set(options.kinds ?? ['json-script', 'ld-json', 'script']);
  const texts: IslandText[] = [];
  let scripts: ArrayLike<Element>;
  try {
    scripts = doc.getElementsByTagName('script');
  } catch {
    return texts;
  }
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i];
    if (!script || script.hasAttribute('src')) continue;
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type === 'application/json' || type === 'application/ld+json') {
      const name = script.getAttribute('id') ?? '';
      if (wanted && !wanted.has(name)) continue;
      const text = script.textContent ?? '';
      const kind = type === 'application/json' ? 'json-script' : 'ld-json';
      if (!kinds.has(kind)) continue;
      // An oversized island is passed on empty with its length noted: it reads as 'too-large'.
      texts.push({ name, kind, text: text.length > maxChars ? TOO_LARGE : text });
    } else if (JS_TYPES.has(type) && kinds.has('script')) {
      const text = script.textContent ?? '';
      // A script bigger than the cap is not scanned at all: the scan itself is the cost to bound.
      if (text.length > maxChars || !text.includes('window')) continue;
      if (wanted && ![...wanted].some((name) => text.includes(name))) continue;
      texts.push({ name: '', kind: 'script', text });
    }
  }
  return texts;
}

/** Stands in for an island text over the cap (no JSON text is a lone NUL). */
const TOO_LARGE = '\u0000';

/** The islands the collected texts hold (parsed, assignments found), optionally filtered by name. */
export function readIslandTexts(
  texts: readonly { name: string; kind: string; text: string }[],
  options: JsonIslandOptions = {},
): JsonIsland[] {
  const maxChars = options.maxChars ?? MAX_ISLAND_CHARS;
  const wanted = options.names ? new Set(options.names) : null;
  const islands: JsonIsland[] = [];
  for (const { name, kind, text } of texts) {
    if (kind === 'script') {
      if (text.length <= maxChars) islands.push(...findAssignments(text, wanted, maxChars));
      continue;
    }
    if ((kind !== 'json-script' && kind !== 'ld-json') || (wanted && !wanted.has(name))) continue;
    islands.push(
      text === TOO_LARGE
        ? { name, kind, value: undefined, error: 'too-large' }
        : readIsland(name, kind, text, maxChars),
    );
  }
  return islands;
}

/** Every JSON island in the document (in document order), optionally filtered by name. */
export function findJsonIslands(doc: Document, options: JsonIslandOptions = {}): JsonIsland[] {
  return readIslandTexts(collectIslandTexts(doc, options), options);
}

/** The value of the first readable island with this name, or undefined. */
export function jsonIsland(
  doc: Document,
  name: string,
  options: Omit<JsonIslandOptions, 'names'> = {},
): unknown {
  for (const island of findJsonIslands(doc, { ...options, names: [name] })) {
    if (island.value !== undefined) return island.value;
  }
  return undefined;
}

function readIsland(
  name: string,
  kind: JsonIslandKind,
  text: string,
  maxChars: number,
): JsonIsland {
  if (text.length > maxChars) return { name, kind, value: undefined, error: 'too-large' };
  const value = parseJson(text, maxChars);
  return value === undefined ? { name, kind, value, error: 'invalid-json' } : { name, kind, value };
}

function findAssignments(
  text: string,
  wanted: ReadonlySet<string> | null,
  maxChars: number,
): JsonIsland[] {
  const found: JsonIsland[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    const name = m[2] ?? m[3] ?? '';
    if (wanted && !wanted.has(name)) continue;
    const start = m.index + m[0].length;
    const end = jsonLiteralEnd(text, start);
    if (end === -1) {
      found.push({ name, kind: 'assignment', value: undefined, error: 'invalid-json' });
      break;
    }
    found.push(readIsland(name, 'assignment', text.slice(start, end), maxChars));
    ASSIGNMENT.lastIndex = end;
  }
  return found;
}
