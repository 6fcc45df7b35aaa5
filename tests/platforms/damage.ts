/**
 * Damage for the platforms' mutation tests: the ways pages and bodies break in the wild (cut short,
 * keys gone, values of the wrong type, huge strings, absurd nesting), applied deterministically
 * from a seeded generator so that a failure reproduces. Values are never replaced by another
 * plausible number: a payload that says another number legitimately reads as that number.
 */

import { expect } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Reading } from '../../lib/extract/reading';

export type Rng = () => number;
type Json = unknown;
type Path = (string | number)[];

/** xorshift32, seeded: small and deterministic. */
export function seeded(seed: number): Rng {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A seed from a text (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const choose = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)] as T;

/** Paths to the values of a JSON tree, breadth-first, at most `limit`. */
function pathsOf(root: Json, limit = 4000): Path[] {
  const out: Path[] = [];
  const queue: [Json, Path][] = [[root, []]];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const [value, path] = queue[i]!;
    if (path.length) out.push(path);
    if (Array.isArray(value)) value.forEach((v, k) => queue.push([v, [...path, k]]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) queue.push([v, [...path, k]]);
    }
  }
  return out;
}

function holderOf(root: Json, path: Path): Record<string | number, Json> | undefined {
  let node = root as Record<string | number, Json> | undefined;
  for (const key of path.slice(0, -1)) {
    const next = node?.[key];
    if (!next || typeof next !== 'object') return undefined;
    node = next as Record<string | number, Json>;
  }
  return node;
}

/** The same value in another type, or an impossible number; never a different plausible count. */
function retyped(rng: Rng, v: Json): Json {
  if (typeof v === 'number') {
    return choose(rng, [String(v), `${v}.5`, v + 0.5, -1 - v, 2 ** 60, 'NaN', null, [v], { v }]);
  }
  if (typeof v === 'string') return choose(rng, [0, true, null, [v], { v }, '']);
  if (typeof v === 'boolean') return choose(rng, [String(v), Number(v), null, [v]]);
  if (Array.isArray(v)) return choose(rng, [{}, 'list', 7, null, [null, 1, 'x']]);
  if (v && typeof v === 'object') return choose(rng, ['{}', 3, [], null, false]);
  return choose(rng, ['null', 0, {}, []]);
}

const NESTED = '"@@nested@@"';

/**
 * One to four structural damages of a JSON value, as text (deep nesting spliced in as text).
 * `huge`: the length of a huge string (smaller for JSON that ends up inside a parsed DOM).
 */
export function damageJson(rng: Rng, json: Json, { huge = 250_000 } = {}): string {
  const root = structuredClone(json);
  const all = pathsOf(root);
  const kind = choose(rng, ['drop', 'retype', 'drop', 'retype', 'huge', 'nest', 'grow'] as const);
  // Growth compounds (copies of copies): once per damage keeps the text tens of MB at most.
  const times = kind === 'grow' ? 1 : 1 + Math.floor(rng() * 4);
  for (let i = 0; i < times && all.length; i++) {
    const path = choose(rng, all);
    const holder = holderOf(root, path);
    const key = path[path.length - 1]!;
    if (!holder || !(key in holder)) continue;
    if (kind === 'drop') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
    } else if (kind === 'retype') {
      holder[key] = retyped(rng, holder[key]);
    } else if (kind === 'huge') {
      holder[key] = choose(rng, ['a', '7', '\u{1F525}', '</script>', '"']).repeat(huge);
    } else if (kind === 'grow') {
      // Many copies of a part: bounded lists must stay bounded, duplicates must merge.
      const v = holder[key];
      holder[key] = Array.isArray(v) ? Array(3000).fill(v[0]) : Array(3000).fill(v);
    } else {
      holder[key] = JSON.parse(NESTED);
    }
  }
  const depth = 3000 + Math.floor(rng() * 15_000);
  const nested = choose(rng, [
    '['.repeat(depth) + ']'.repeat(depth),
    '{"data":'.repeat(depth) + '{}' + '}'.repeat(depth),
  ]);
  return JSON.stringify(root).split(NESTED).join(nested);
}

/** A JSON value with every property named in `keys` removed, at any depth. */
export function withoutKeys(json: Json, keys: ReadonlySet<string>): Json {
  if (Array.isArray(json)) return json.map((v) => withoutKeys(v, keys));
  if (!json || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json)
      .filter(([k]) => !keys.has(k))
      .map(([k, v]) => [k, withoutKeys(v, keys)]),
  );
}

/**
 * Where the JSON documents of a page are, as [start, end) text spans: JSON and ld+json scripts,
 * `window._sharedData = {…}` and `__additionalDataLoaded('…', {…})`.
 */
export function jsonSpans(html: string): [number, number][] {
  const spans: [number, number][] = [];
  const script = /<script[^>]*>([\s\S]*?)<\/script>/g;
  for (let m = script.exec(html); m; m = script.exec(html)) {
    const body = m[1] ?? '';
    const at = m.index + m[0].length - '</script>'.length - body.length;
    const trimmed = body.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const start = at + body.indexOf(trimmed[0]!);
      spans.push([start, start + trimmed.length]);
      continue;
    }
    const call = /(?:_sharedData\s*=\s*|__additionalDataLoaded\([^,]*,\s*)(?=\{)/.exec(body);
    if (!call) continue;
    const from = call.index + call[0].length;
    const end = body.lastIndexOf('}') + 1;
    if (end > from) spans.push([at + from, at + end]);
  }
  return spans.filter(([a, b]) => {
    try {
      JSON.parse(html.slice(a, b));
      return true;
    } catch {
      return false;
    }
  });
}

/** The page with each JSON document replaced by `change(document)` as text. */
export function mapJsonSpans(html: string, change: (json: Json) => string): string {
  let out = '';
  let last = 0;
  for (const [a, b] of jsonSpans(html)) {
    out += html.slice(last, a) + change(JSON.parse(html.slice(a, b)));
    last = b;
  }
  return out + html.slice(last);
}

const JUNK = ['', 'NaN', '-5', '1e999', '∞', '9'.repeat(300), '<b>', '12abc', '1.2.3M', ' , , '];

/** One damage of a page: cut short, a JSON document damaged, meta or header counts garbled. */
export function damageHtml(rng: Rng, html: string): string {
  const kind = choose(rng, ['cut', 'json', 'json', 'json', 'meta', 'header', 'huge'] as const);
  const spans = jsonSpans(html);
  if (kind === 'cut' || (kind === 'json' && !spans.length)) {
    return html.slice(0, Math.floor(rng() * html.length));
  }
  if (kind === 'meta') {
    return html.replace(/(content=")(\d[^"]*)(")/g, (_m, a: string, text: string, z: string) => {
      const words = text.split(/(\s+)/);
      return a + words.map((w) => (/\d/.test(w) ? choose(rng, JUNK) : w)).join('') + z;
    });
  }
  if (kind === 'header') {
    return html
      .replace(/title="[^"]*"/g, () => `title="${choose(rng, JUNK)}"`)
      .replace(/(<li[^>]*>)/g, (li: string) => `${li}${choose(rng, JUNK)} `);
  }
  if (kind === 'huge') {
    const at = Math.max(html.indexOf('<body>'), 0);
    return `${html.slice(0, at)}<body><header><ul><li>${'9'.repeat(200_000)}</li></ul></header>${html.slice(at)}`;
  }
  const [a, b] = choose(rng, spans);
  return html.slice(0, a) + damageJson(rng, JSON.parse(html.slice(a, b))) + html.slice(b);
}

/** The 22 languages the count parser reads (issue 3); the unit damage below is per language. */
export const COUNT_LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'pt-BR',
  'it',
  'nl',
  'pl',
  'ru',
  'tr',
  'id',
  'vi',
  'ja',
  'ko',
  'zh-CN',
  'zh-TW',
  'ar',
  'hi',
  'en-IN',
  'sv',
  'cs',
  'uk',
] as const;

export type CountLocale = (typeof COUNT_LOCALES)[number];

/**
 * Unit words a page may print after a count that no locale's data gives, per language: other
 * abbreviations and spellings of real units ("Mill.", "milj.", "lacs", "tỉ", "हजार"), larger units
 * than the data goes to (京, 垓), and plain unknown words ("xyz"). A count before one of them may be
 * thousands of times the bare number, so it must never read as that number.
 */
export const UNKNOWN_UNITS: Readonly<Record<CountLocale, readonly string[]>> = {
  en: ['xyz', 'Mio.', 'Tsd.', 'bn'],
  de: ['Tsnd.', 'Mill.', 'xyz'],
  fr: ['Mds', 'mln'],
  es: ['MM', 'mill.'],
  'pt-BR': ['mlh', 'bil.'],
  it: ['migl.', 'mil.'],
  nl: ['dzd.', 'mjd'],
  pl: ['tyś.', 'mil.'],
  ru: ['тысч.', 'млд'],
  tr: ['bn', 'Mlr'],
  id: ['rbu', 'mlr'],
  vi: ['ngh.', 'tỉ'],
  ja: ['京', '垓'],
  ko: ['경', '천만'],
  'zh-CN': ['兆', '京'],
  'zh-TW': ['京', '垓'],
  ar: ['ألوف', 'مل'],
  hi: ['हजार', 'लक्ष'],
  'en-IN': ['lacs', 'crs'],
  sv: ['milj.', 'tkr'],
  cs: ['tisícovek', 'mio'],
  uk: ['тисч', 'кк'],
};

/** Elements whose contents the page does not show as text (LinkedIn's `<code>` carries JSON). */
const UNSHOWN = new Set(['script', 'style', 'code', 'template', 'svg', 'noscript']);

/** A number as pages print it, not glued to a letter ("1,234", "12 345"; not "2d", "6K"). */
const SHOWN_NUMBER = /\d+(?:[.,\u00a0\u202f' ]\d+)*(?![\d\p{L}\p{M}])/gu;

/** The attributes whose text the DOM readers read as counts. */
const COUNT_ATTRIBUTES = ['aria-label', 'title', 'data-num-reactions', 'data-num-comments'];

/**
 * The page in `locale` (`<html lang>`, LinkedIn's `<meta name="locale">`) with one of that
 * language's unknown unit words after every number it shows: in visible texts, in the attributes
 * read as counts and in the meta descriptions. Links, ids and the JSON the page carries are kept.
 * Every count the DOM readers take from it is therefore of unknown size: none may read as exact.
 */
export function withUnknownUnits(rng: Rng, html: string, locale: CountLocale): string {
  const doc = parseHTML(html).document as unknown as Document;
  doc.documentElement?.setAttribute('lang', locale);
  doc.querySelector('meta[name="locale"]')?.setAttribute('content', locale.replace('-', '_'));
  const unit = () => {
    const word = choose(rng, UNKNOWN_UNITS[locale]);
    return /^[\p{Script=Han}\p{Script=Hangul}]/u.test(word) ? word : ` ${word}`;
  };
  const damage = (text: string) => text.replace(SHOWN_NUMBER, (n) => n + unit());
  const visit = (node: Node, shown: boolean): void => {
    // childNodes, not nextSibling: linkedom's doctype has no next sibling.
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 && shown) child.nodeValue = damage(child.nodeValue ?? '');
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      for (const name of COUNT_ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (value !== null) el.setAttribute(name, damage(value));
      }
      const meta = `${el.getAttribute('name') ?? ''} ${el.getAttribute('property') ?? ''}`;
      if (el.tagName.toLowerCase() === 'meta' && /description/i.test(meta)) {
        el.setAttribute('content', damage(el.getAttribute('content') ?? ''));
      }
      visit(el, shown && !UNSHOWN.has(el.tagName.toLowerCase()));
    }
  };
  visit(doc, true);
  return (doc as unknown as { toString(): string }).toString();
}

/** Where the deep nesting goes: between an element and its parent, or its children. */
export type NestingPlace = 'around' | 'inside';

/**
 * The page with `depth` nested elements around or inside the elements `scopes` selects (a DOM
 * reader's scope: cards, headers, count elements), at most `count` of them chosen by `rng` (the
 * same choice for the same seed, whatever the depth).
 */
export function withDeepNesting(
  rng: Rng,
  html: string,
  scopes: string,
  { depth, place, count = 3 }: { depth: number; place: NestingPlace; count?: number },
): string {
  const doc = parseHTML(html).document as unknown as Document;
  const candidates = [...doc.querySelectorAll(scopes)];
  const picked = new Set<Element>();
  for (let i = 0; i < count && candidates.length; i++) picked.add(choose(rng, candidates));
  for (const el of picked) {
    const outer = doc.createElement('div');
    let inner: Element = outer;
    for (let k = 1; k < depth; k++) {
      const next = doc.createElement(NESTING_TAGS[k % NESTING_TAGS.length]!);
      inner.appendChild(next);
      inner = next;
    }
    if (place === 'around') {
      el.parentNode?.insertBefore(outer, el);
      inner.appendChild(el);
    } else {
      while (el.firstChild) inner.appendChild(el.firstChild);
      el.appendChild(outer);
    }
  }
  return (doc as unknown as { toString(): string }).toString();
}

const NESTING_TAGS = ['div', 'span', 'div', 'section', 'article'] as const;

/**
 * The DOM work `fn` asks of linkedom, counted without a clock: one per step between nodes and per
 * attribute read, the nodes a `textContent` reads, the elements a `querySelector(All)` or
 * `getElementsBy…` searches, the ancestors a `closest` or `contains` climbs. A reader linear in
 * the document's size does work proportional to it; one that looks up or into the tree per
 * element does work that grows with the square of the nesting.
 */
export function countDomWork<T>(doc: Document, fn: () => T): { work: number; result: T } {
  let work = 0;
  let inside = 0;
  const restore: (() => void)[] = [];
  const subtree = (root: Node): number => {
    let n = 0;
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      n++;
      for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
    }
    return n;
  };
  const climb = (from: Node | null, to: Node | null): number => {
    let n = 0;
    for (let at = from; at && at !== to; at = at.parentNode) n++;
    return n;
  };
  const costs: Record<string, (self: Node, result: unknown, args: unknown[]) => number> = {
    childNodes: (_s, r) => (r as ArrayLike<unknown>).length + 1,
    children: (_s, r) => (r as ArrayLike<unknown>).length + 1,
    textContent: (s) => subtree(s),
    querySelector: (s) => subtree(s),
    querySelectorAll: (s) => subtree(s),
    getElementsByTagName: (s) => subtree(s),
    getElementById: (s) => subtree(s),
    closest: (s, r) => climb(s, (r as Node | null)?.parentNode ?? null),
    contains: (s, _r, [other]) => climb(other as Node, s),
  };
  const names = [
    'firstChild',
    'firstElementChild',
    'nextSibling',
    'nextElementSibling',
    'parentElement',
    'nodeValue',
    'tagName',
    'getAttribute',
    'hasAttribute',
    'matches',
    ...Object.keys(costs),
  ];
  const samples: object[] = [doc, doc.createElement('div'), doc.createTextNode('x')];
  const seen = new Set<object>();
  for (const sample of samples) {
    for (let proto = Object.getPrototypeOf(sample); proto; proto = Object.getPrototypeOf(proto)) {
      if (seen.has(proto)) continue;
      seen.add(proto);
      for (const name of names) {
        const desc = Object.getOwnPropertyDescriptor(proto, name);
        if (!desc) continue;
        const cost = costs[name] ?? (() => 1);
        const counted = (original: (...a: unknown[]) => unknown) =>
          function (this: Node, ...args: unknown[]) {
            if (inside) return original.apply(this, args);
            inside++;
            try {
              const result = original.apply(this, args);
              work += cost(this, result, args);
              return result;
            } finally {
              inside--;
            }
          };
        const patched: PropertyDescriptor = { ...desc };
        if (desc.get) patched.get = counted(desc.get);
        else if (typeof desc.value === 'function') patched.value = counted(desc.value);
        else continue;
        Object.defineProperty(proto, name, patched);
        restore.push(() => Object.defineProperty(proto, name, desc));
      }
    }
  }
  try {
    const result = fn();
    return { work, result };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/** The exact counts (the profile's, and per post) that readings from `sources` give: "followers 6". */
export function exactCountsFrom(
  readings: readonly Reading[],
  sources: ReadonlySet<string>,
): string[] {
  const exact: string[] = [];
  for (const r of readings) {
    if (!sources.has(r.source)) continue;
    for (const [field, c] of Object.entries(r.counts)) {
      if (c?.precision === 'exact') exact.push(`${field} ${c.value}`);
    }
    for (const post of r.posts) {
      for (const [field, c] of Object.entries(post.counts)) {
        if (c?.precision === 'exact') exact.push(`post ${post.id} ${field} ${c.value}`);
      }
    }
  }
  return exact;
}

/**
 * Four seeded nestings of a page, 1,000–4,000 deep, around and inside the DOM readers' `scopes`
 * (each place twice), with the label a failing assertion names.
 */
export function deepNestings(
  file: string,
  html: string,
  scopes: string,
): { damaged: string; label: string }[] {
  const rng = seeded(seedOf(`nesting ${file}`));
  return (['around', 'inside', 'around', 'inside'] as const).map((place) => {
    const depth = 1000 + Math.floor(rng() * 3000);
    const damaged = withDeepNesting(rng, html, scopes, { depth, place });
    return { damaged, label: `${file}, ${depth} deep ${place}` };
  });
}

/**
 * Asserts that the DOM readers' work, counted (not timed) at nesting depths 0, 1,500 and 3,000,
 * grows linearly: twice as deep may cost twice as much, not four times.
 */
export function expectLinearInDepth(work: (depth: number) => number): void {
  const [flat, once, twice] = [0, 1500, 3000].map(work) as [number, number, number];
  expect(once - flat).toBeGreaterThanOrEqual(1500);
  expect(twice - flat).toBeLessThan(2.5 * (once - flat));
}
