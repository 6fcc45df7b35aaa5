import type { PageMaterial } from '../types';

/** Source ids of LinkedIn readings (they end up in snapshot.sources). */
export const LINKEDIN_SOURCES = {
  jsonLd: 'linkedin/json-ld',
  voyager: 'linkedin/voyager',
  meta: 'linkedin/meta',
  dom: 'dom',
} as const;

/**
 * The kinds of embedded text a LinkedIn page's material carries (`PageMaterial.texts[].kind`):
 * - `ld-json`: a `<script type="application/ld+json">` (public pages); named by its id, '' without;
 * - `datalet`: a `<code id="datalet-bpr-guid-N">` of the logged-in 2021 app, named by its id:
 *   `{"request":"/voyager/api/…","body":"bpr-guid-N"}`, the request and the block holding its
 *   response;
 * - `code`: a `<code id="bpr-guid-N">` a datalet names, named by its id: the Voyager response.
 */
export const LINKEDIN_TEXTS = {
  jsonLd: 'ld-json',
  datalet: 'datalet',
  code: 'code',
} as const;

/** One embedded text of a page's material. */
export type MaterialText = PageMaterial['texts'][number];
