import type {
  ExtractInput,
  ExtractResult,
  PlatformContent,
  PlatformWorker,
} from '../platforms/types';
import type { Reading } from './reading';

/** What reading a document needs of a platform's page side: its collector. */
export type DocumentCollector = Pick<PlatformContent, 'collectDocument'>;

/**
 * Everything a document says: its material gathered as the platform's content script gathers it,
 * then read as the background reads it. Never throws.
 */
export function readDocument(
  worker: PlatformWorker,
  content: DocumentCollector,
  doc: Document,
  url: URL,
  now: number,
): Reading[] {
  return worker.readMaterial(content.collectDocument(doc, url, now), url, now);
}

/**
 * A page's answer from its document and any bodies it received, merged into one: the page side's
 * material and the worker side's readers, as the content script and the background split them.
 * Never throws.
 */
export function extractPage(
  worker: PlatformWorker,
  content: DocumentCollector,
  input: ExtractInput,
): ExtractResult {
  const { doc, url, now, bodies = [] } = input;
  const readings = doc ? readDocument(worker, content, doc, url, now) : [];
  for (const body of bodies) readings.push(...worker.readBody(body.json, body.url, now));
  return worker.settle(readings, input);
}
