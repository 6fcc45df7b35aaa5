/**
 * Named DOM lookups: every value a reader takes from the visible page goes through a table of
 * selectors, and a value that is not found is reported by name (`missing: ['followers']`) instead
 * of flowing on as undefined. Selectors use stable attributes only (`data-e2e`, aria, meta, ids the
 * platform documents), never hashed class names; each entry says which page variant it covers.
 * Pure and browser-safe; a broken selector is a miss, never an exception.
 */

/** One way to find a value, and the page variant (with its evidence) it covers. */
export interface SelectorEntry {
  /** A CSS selector over stable attributes. */
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

/** Runs every named lookup of the table under `root`. */
export function lookupAll<K extends string>(
  root: ParentNode,
  table: LookupTable<K>,
): LookupResult<K> {
  const values: Partial<Record<K, string>> = {};
  const variants: Partial<Record<K, string>> = {};
  const missing: K[] = [];
  for (const name of Object.keys(table) as K[]) {
    const hit = lookupOne(root, table[name]);
    if (hit) {
      values[name] = hit.value;
      variants[name] = hit.variant;
    } else {
      missing.push(name);
    }
  }
  return { values, missing, variants };
}

/** The first non-empty value the entries find under `root`, with the variant that found it. */
export function lookupOne(
  root: ParentNode,
  entries: readonly SelectorEntry[],
): { value: string; variant: string; element: Element } | null {
  for (const entry of entries) {
    for (const element of queryAll(root, entry.selector)) {
      const value = readValue(element, entry.attribute);
      if (value) return { value, variant: entry.variant, element };
    }
  }
  return null;
}

/** Every element the first matching entry finds (for lists such as a profile's video grid). */
export function lookupElements(
  root: ParentNode,
  entries: readonly SelectorEntry[],
): { elements: Element[]; variant: string } | null {
  for (const entry of entries) {
    const elements = queryAll(root, entry.selector);
    if (elements.length) return { elements, variant: entry.variant };
  }
  return null;
}

/** The variant of the first entry that matches any element, empty or not (markers like a modal). */
export function lookupPresence(root: ParentNode, entries: readonly SelectorEntry[]): string | null {
  for (const entry of entries) {
    if (queryAll(root, entry.selector).length) return entry.variant;
  }
  return null;
}

/** The element's text (or attribute), whitespace collapsed; '' when there is none. */
export function readValue(element: Element, attribute?: string): string {
  const raw = attribute ? element.getAttribute(attribute) : element.textContent;
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    // An invalid selector is a bug in a table, but the host page must never see it as one.
    return [];
  }
}
