import type { PlatformContent } from '../platforms/types';
import { timePerCall, type Measure } from './measure';

/**
 * The DOM readers on a large, deeply nested page: what `collectDocument` (the readers and the
 * copying of the page's JSON texts) costs the host page's main thread once a page is big. The
 * readers are single walks, so the budget holds however the page nests.
 */

/** Milliseconds the readers may take on one such page, per platform. */
export const DOM_BUDGET_MS = 50;

/** The elements of the page they are measured on. */
export const DOM_PAGE_ELEMENTS = 50_000;

/** One platform's page for the measure. */
export interface DomBenchPage {
  /** The platform, for the measure id (`dom-50k.<name>`). */
  name: string;
  platform: Pick<PlatformContent, 'collectDocument'>;
  /** The demo page, parsed outside the timed part (the content script gets the browser's). */
  doc: Document;
  url: string;
  /** What the nesting goes around and into: the first element this selects (a card, a header). */
  scope: string;
}

/**
 * `doc` grown to `elements` elements: a quarter of them nested around the first element `scope`
 * selects, a quarter nested inside it (after its own children), the rest rows of text beside the
 * page's content, as a long feed has. Returns the number of elements it ends with.
 */
export function growPage(doc: Document, scope: string, elements = DOM_PAGE_ELEMENTS): number {
  const target = doc.querySelector(scope);
  const host = doc.querySelector('body') ?? doc.documentElement;
  const have = doc.querySelectorAll('*').length;
  if (!target || !host || have >= elements) return have;
  const deep = Math.floor((elements - have) / 4);
  const chain = (depth: number): [Element, Element] => {
    const outer = doc.createElement('div');
    let inner: Element = outer;
    for (let i = 1; i < depth; i++) inner = inner.appendChild(doc.createElement('div'));
    return [outer, inner];
  };
  const [around, aroundInner] = chain(deep);
  target.parentNode?.insertBefore(around, target);
  aroundInner.appendChild(target);
  target.appendChild(chain(deep)[0]);
  for (let row = 0, left = elements - have - 2 * deep; left >= 2; row++, left -= 2) {
    const div = host.appendChild(doc.createElement('div'));
    div.appendChild(doc.createElement('span')).textContent = `Row ${row} · ${row % 97} likes`;
  }
  return doc.querySelectorAll('*').length;
}

/** The DOM readers' time on each page, grown to DOM_PAGE_ELEMENTS elements (budget 50 ms). */
export function domMeasures(pages: readonly DomBenchPage[], clock: () => number): Measure[] {
  const now = Date.UTC(2026, 0, 1);
  return pages.map(({ name, platform, doc, url, scope }) => {
    const size = growPage(doc, scope);
    const page = new URL(url);
    const collect = platform.collectDocument!;
    return {
      id: `dom-50k.${name}`,
      unit: 'ms' as const,
      budget: DOM_BUDGET_MS,
      label: `collectDocument on a ${size.toLocaleString('en')}-element page nested around and in ${scope}`,
      sample: () => timePerCall(() => collect(doc, page, now), clock),
    };
  });
}
