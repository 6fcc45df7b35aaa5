/**
 * Named DOM lookups: every value a reader takes from the visible page goes through a table of
 * selectors, and a value that is not found is reported by name (`missing: ['followers']`) instead
 * of flowing on as undefined. Selectors use stable attributes only (`data-e2e`, aria, meta, ids the
 * platform documents), never hashed class names; each entry says which page variant it covers.
 *
 * The readers run on the host page's main thread, so every lookup is one walk of the document,
 * linear in its size however deep the page nests: the selectors are matched as the walk goes, with
 * what the ancestors matched carried down, never by looking up the tree or into it per element.
 * They are therefore a subset of CSS: tag, `#id`, `[attr]`, `[attr="v"]` (also `*=` and `$=`),
 * descendant and child combinators, and lists. Pure and browser-safe; a selector outside the
 * subset, like a broken one, is a miss, never an exception.
 */

/** One way to find a value, and the page variant (with its evidence) it covers. */
export interface SelectorEntry {
  /** A CSS selector over stable attributes, in the subset above. */
  selector: string;
  /** Which page variant this covers and what proves it, e.g. "profile header 2022–2025 (NOTES §1.2)". */
  variant: string;
  /** Read this attribute instead of the element's text (e.g. `content` of a meta tag). */
  attribute?: string;
}

/** Named lookups: each name tried through its entries in order, first non-empty value wins. */
export type LookupTable<K extends string> = Readonly<Record<K, readonly SelectorEntry[]>>;

/** The values found, the names missed, and the variant behind each value. */
export interface LookupResult<K extends string> {
  /** The text found per name (whitespace collapsed, never empty). */
  values: Partial<Record<K, string>>;
  /** The names nothing was found for, in table order. */
  missing: K[];
  /** Which variant each found value came from. */
  variants: Partial<Record<K, string>>;
}

/** What `enter` tells the walk: go on into the element, skip its descendants, or stop. */
export const SKIP = 1;
export const STOP = 2;

/**
 * Visits `root` and its descendant elements once each, in document order, without recursion (a
 * page nested 50,000 deep must not overflow the stack). `enter` may return SKIP (not into this
 * element's descendants) or STOP; `leave` is called once an element's descendants are done.
 * `depth` is 0 for `root`.
 */
export function walk(
  root: Element,
  enter: (el: Element, depth: number) => number | void,
  leave?: (el: Element, depth: number) => void,
): void {
  let el: Element | null = root;
  let depth = 0;
  while (el) {
    const verdict = enter(el, depth);
    if (verdict === STOP) return;
    const child: Element | null = verdict === SKIP ? null : el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    for (;;) {
      leave?.(el, depth);
      if (el === root || depth === 0) return;
      const next: Element | null = el.nextElementSibling;
      if (next) {
        el = next;
        break;
      }
      el = el.parentElement;
      depth--;
      if (!el) return;
    }
  }
}

/** One compound selector: a tag ('*' for any) and attribute tests [name, op, value]. */
interface Compound {
  tag: string;
  tests: [name: string, op: string, value: string][];
}

/** A complex selector: compounds left to right; `child[k]` when compound k is a child of k−1. */
interface Complex {
  parts: Compound[];
  child: boolean[];
}

const COMPOUND = /^([a-z][\w-]*|\*)?((?:\[[\w-]+(?:[*$]?="[^"]*")?\]|#[\w-]+)*)$/i;
const TEST = /\[([\w-]+)(?:([*$]?=)"([^"]*)")?\]|#([\w-]+)/g;
const compiled = new Map<string, Complex[] | null>();

/**
 * The selector list as complex selectors, or null outside the subset (attribute values are
 * double-quoted, without spaces or commas, as the tables write them).
 */
function compile(selector: string): Complex[] | null {
  let list = compiled.get(selector);
  if (list !== undefined) return list;
  list = [];
  for (const text of selector.split(',')) {
    const complex: Complex = { parts: [], child: [] };
    let child = false;
    for (const token of text.trim().split(/\s*(>)\s*|\s+/)) {
      if (token === undefined) continue;
      const m = token === '>' ? null : COMPOUND.exec(token);
      if (token === '>') {
        if (child || !complex.parts.length) list = null;
        child = true;
      } else if (!m || !token) list = null;
      else {
        const tests = [...(m[2] ?? '').matchAll(TEST)].map(
          ([, name, op, value, id]): Compound['tests'][number] =>
            id ? ['id', '=', id] : [name!.toLowerCase(), op ?? '', value ?? ''],
        );
        complex.parts.push({ tag: (m[1] ?? '*').toLowerCase(), tests });
        complex.child.push(child);
        child = false;
      }
      if (!list) break;
    }
    // Past 30 compounds the bit sets below overflow: such a selector is outside the subset.
    if (!list || child || !complex.parts.length || complex.parts.length > 30) list = null;
    if (!list) break;
    list.push(complex);
  }
  compiled.set(selector, list);
  return list;
}

// The last attribute read, as tables test one attribute of each element many times over
// (`[data-e2e="…"]` per name). Reset by every scan: the page may change between scans.
let lastElement: Element | null = null;
let lastName = '';
let lastValue: string | null = null;

function attribute(el: Element, name: string): string | null {
  if (el !== lastElement || name !== lastName) {
    [lastElement, lastName, lastValue] = [el, name, el.getAttribute(name)];
  }
  return lastValue;
}

function compoundMatches(el: Element, tag: string, { tag: want, tests }: Compound): boolean {
  if (want !== '*' && want !== tag) return false;
  for (const [name, op, value] of tests) {
    const v = attribute(el, name);
    if (v === null) return false;
    if (
      op === '='
        ? v !== value
        : op && (!value || !(op === '*=' ? v.includes(value) : v.endsWith(value)))
    )
      return false;
  }
  return true;
}

/** What `hit` may also answer: the element is taken, and the walk goes on for its entry. */
const TAKE = 3;

/**
 * One walk under `root` matching every entry: `hit(i, el)` is called for each element that entry
 * i's selector matches (in document order; a document's every element, an element's descendants
 * only), and returns SKIP to pass over the rest of that element's subtree for entry i, STOP to
 * take the element and be done with entry i, TAKE to take it and go on. Once an entry has taken
 * an element, the entries after it in its `group` (a name's fallbacks) can no longer win and are
 * done; the walk ends once every entry is done. For each complex selector the
 * walk carries two bit sets per depth: which of its prefixes the element there is the subject of
 * (`own`: what a child combinator needs of the parent), and which it or an ancestor is (`any`:
 * what a descendant combinator needs). Under an element, ancestors above it are not considered.
 */
function scan(
  root: ParentNode,
  entries: readonly SelectorEntry[],
  hit: (i: number, el: Element) => number | void,
  { outermost = false, group = entries.map(() => 0) }: ScanOptions = {},
): void {
  lastElement = null;
  const selectors: Complex[] = [];
  const entryOf: number[] = [];
  const done = entries.map((entry, i) => {
    const list = compile(entry.selector);
    for (const c of list ?? []) entryOf[selectors.push(c) - 1] = i;
    return !list;
  });
  let open = done.filter((d) => !d).length;
  // Per entry, the element whose subtree that entry passes over (SKIP), if any.
  const skipping: (Element | null)[] = entries.map(() => null);
  let skips = 0;
  const n = selectors.length;
  const deep = selectors.some((c) => c.parts.length > 1);
  const own: number[] = [];
  const any: number[] = [];
  const matched = new Uint8Array(entries.length);
  const whole = (root as Node).nodeType === 9;
  const enter = (el: Element, depth: number): number | void => {
    const tag = el.localName;
    let found = false;
    for (let c = 0; c < n; c++) {
      const { parts, child } = selectors[c]!;
      let m = 0;
      if (!deep) m = compoundMatches(el, tag, parts[0]!) ? 1 : 0;
      else {
        const up = (depth - 1) * n + c;
        const parentOwn = depth ? own[up]! : 0;
        const parentAny = depth ? any[up]! : 0;
        for (let k = 0; k < parts.length; k++) {
          const ready = !k || ((child[k] ? parentOwn : parentAny) >> (k - 1)) & 1;
          if (ready && compoundMatches(el, tag, parts[k]!)) m |= 1 << k;
        }
        own[depth * n + c] = m;
        any[depth * n + c] = m | parentAny;
      }
      if ((m >> (parts.length - 1)) & 1) {
        matched[entryOf[c]!] = 1;
        found = true;
      }
    }
    if (!found) return;
    if (depth === 0 && !whole) return void matched.fill(0);
    for (let i = 0; i < entries.length; i++) {
      if (!matched[i] || done[i] || skipping[i]) continue;
      const answer = hit(i, el);
      if (answer === STOP || answer === TAKE) {
        for (let j = i + (answer === STOP ? 0 : 1); j < entries.length; j++) {
          if (!done[j] && group[j] === group[i]) [done[j], open] = [true, open - 1];
        }
      }
      if (answer === SKIP || (outermost && answer === TAKE)) [skipping[i], skips] = [el, skips + 1];
    }
    matched.fill(0);
    if (open === 0) return STOP;
  };
  const leave = (el: Element) => {
    if (!skips) return;
    for (let i = 0; i < skipping.length; i++) {
      if (skipping[i] === el) [skipping[i], skips] = [null, skips - 1];
    }
  };
  for (
    let start = whole ? root.firstElementChild : (root as Element);
    start && open > 0;
    start = whole ? start.nextElementSibling : null
  ) {
    walk(start, enter, leave);
  }
  lastElement = null;
}

interface ScanOptions {
  /** Pass over the subtree of every element an entry takes. */
  outermost?: boolean;
  /** Per entry, the name it is a fallback of (entries of one lookup by default). */
  group?: readonly number[];
}

/** Runs every named lookup of the table under `root`, in one walk. */
export function lookupAll<K extends string>(
  root: ParentNode,
  table: LookupTable<K>,
): LookupResult<K> {
  const names = Object.keys(table) as K[];
  const entries: SelectorEntry[] = [];
  const owner: number[] = [];
  names.forEach((name, n) => {
    for (const entry of table[name]) {
      entries.push(entry);
      owner.push(n);
    }
  });
  const found = firstValues(root, entries, owner);
  const values: Partial<Record<K, string>> = {};
  const variants: Partial<Record<K, string>> = {};
  const missing: K[] = [];
  names.forEach((name, n) => {
    const i = entries.findIndex((_, k) => owner[k] === n && found[k]);
    const hit = found[i];
    if (hit) {
      values[name] = hit.value;
      variants[name] = entries[i]!.variant;
    } else {
      missing.push(name);
    }
  });
  return { values, missing, variants };
}

/**
 * Per entry, its first element in document order with a non-empty value. An element whose text is
 * empty has no descendant with text, so the entry passes over its subtree: nested candidates cost
 * one read, not one per level.
 */
function firstValues(
  root: ParentNode,
  entries: readonly SelectorEntry[],
  group?: readonly number[],
): ({ value: string; element: Element } | undefined)[] {
  const found: ({ value: string; element: Element } | undefined)[] = entries.map(() => undefined);
  const take = (i: number, element: Element) => {
    const value = readValue(element, entries[i]!.attribute);
    if (!value) return entries[i]!.attribute ? undefined : SKIP;
    found[i] = { value, element };
    return STOP;
  };
  scan(root, entries, take, group && { group });
  return found;
}

/** The first non-empty value the entries find under `root`, with the variant that found it. */
export function lookupOne(
  root: ParentNode,
  entries: readonly SelectorEntry[],
): { value: string; variant: string; element: Element } | null {
  const found = firstValues(root, entries);
  const i = found.findIndex(Boolean);
  const hit = found[i];
  return hit ? { ...hit, variant: entries[i]!.variant } : null;
}

/**
 * Every element the first matching entry finds (for lists such as a profile's video grid);
 * `outermost`: not the matches inside a match (a tile nested in a tile is part of that tile).
 */
export function lookupElements(
  root: ParentNode,
  entries: readonly SelectorEntry[],
  { outermost = false }: { outermost?: boolean } = {},
): { elements: Element[]; variant: string } | null {
  const lists: Element[][] = entries.map(() => []);
  scan(root, entries, (i, el) => (lists[i]!.push(el), TAKE), { outermost });
  const i = lists.findIndex((l) => l.length > 0);
  return i === -1 ? null : { elements: lists[i]!, variant: entries[i]!.variant };
}

/** The variant of the first entry that matches any element, empty or not (markers like a modal). */
export function lookupPresence(root: ParentNode, entries: readonly SelectorEntry[]): string | null {
  const present = entries.map(() => false);
  scan(root, entries, (i) => {
    present[i] = true;
    return STOP;
  });
  const i = present.indexOf(true);
  return i === -1 ? null : entries[i]!.variant;
}

/** The element's text (or attribute), whitespace collapsed; '' when there is none. */
export function readValue(element: Element, attribute?: string): string {
  const raw = attribute ? element.getAttribute(attribute) : element.textContent;
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}
