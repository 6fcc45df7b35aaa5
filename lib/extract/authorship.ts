import type { PageMatch } from '../platforms/types';
import type { Reading } from './reading';

/**
 * Whose page this is: one rule for every platform.
 *
 * - A profile (or activity, or company) page is about the account its URL names.
 * - A post's author is the one account the page's own document names for it (the embedded JSON,
 *   JSON-LD, the visible page: readings with `origin: 'document'` that carry the post), else the
 *   one its URL names, else the single author every reading that carries the post agrees on.
 *   Otherwise nobody: the page then reports no data, never another creator's numbers.
 * - A response the page fetched never outweighs the document or the URL: a well-formed body about
 *   someone else that carries the post's id stays that someone else's, and is discarded.
 * - When the URL's handle and the document's author disagree (a platform may serve a video under
 *   any handle in its URL, and a renamed account's old links keep the old handle), the document
 *   wins only when it names one author for the post; a document that names two names nobody.
 *
 * Counts stay with the account object they sit on: readings are per account, and merging takes
 * only the readings about the creator chosen here (lib/extract/merge.ts).
 */

/**
 * Who named the page's creator: its URL, its own document, or only the readings that carry the
 * post (fetched bodies). Only the first two file a page under a creator in the background.
 */
export type NamedBy = 'url' | 'document' | 'readings';

/** The page's creator and who named it. */
export interface PageCreator {
  handle: string;
  namedBy: NamedBy;
}

/** How a platform's document states its post when the URL's id is not the one it uses. */
export interface AuthorshipOptions {
  /**
   * Document readings that are the page's own post under another id (a JSON-LD posting whose id
   * can differ from the one in the URL). Asked only when no document reading carries
   * the URL's id.
   */
  isPagePost?: (reading: Reading) => boolean;
}

/** True when the reading comes from the page's own document. */
export function fromDocument(reading: Reading): boolean {
  return reading.origin === 'document';
}

/** The distinct handles of the readings that pass `test`, in order of first appearance. */
function handlesOf(readings: readonly Reading[], test: (r: Reading) => boolean): string[] {
  const found: string[] = [];
  for (const r of readings) {
    if (r.handle && test(r) && !found.includes(r.handle)) found.push(r.handle);
  }
  return found;
}

/**
 * The creator a page is about, and who named them (see the module comment); undefined when the
 * page names nobody it can be sure of. Pure.
 */
export function pageCreator(
  page: Pick<PageMatch, 'kind' | 'handle' | 'postId'>,
  readings: readonly Reading[],
  options: AuthorshipOptions = {},
): PageCreator | undefined {
  const { handle, postId } = page;
  const isPost = page.kind === 'video' || page.kind === 'post' || page.kind === 'reel';
  if (!isPost || postId === undefined) return handle ? { handle, namedBy: 'url' } : undefined;
  const carries = (r: Reading) => r.posts.some((p) => p.id === postId);
  const named = (h: string): PageCreator => ({
    handle: h,
    namedBy: h === handle ? 'url' : 'document',
  });

  let stated = handlesOf(readings, (r) => fromDocument(r) && carries(r));
  if (stated.length === 0 && options.isPagePost) {
    const isPagePost = options.isPagePost;
    stated = handlesOf(readings, (r) => fromDocument(r) && isPagePost(r));
  }
  if (stated.length === 1) return named(stated[0] as string);
  // A document that gives the post to two accounts says nothing certain, whatever the URL says.
  if (stated.length > 1) return undefined;
  if (handle) return { handle, namedBy: 'url' };
  const agreed = handlesOf(readings, carries);
  return agreed.length === 1 ? { handle: agreed[0] as string, namedBy: 'readings' } : undefined;
}

/**
 * True when a snapshot of `handle` may be filed for the page: the URL names that creator, or — on
 * a video, post or reel page — the page's own document does. A creator named only by fetched
 * bodies is never filed.
 */
export function mayFile(
  page: Pick<PageMatch, 'kind' | 'handle'>,
  handle: string,
  namedBy: NamedBy | undefined,
): boolean {
  if (page.handle !== undefined && page.handle === handle) return true;
  const isPost = page.kind === 'video' || page.kind === 'post' || page.kind === 'reel';
  return isPost && namedBy === 'document';
}
