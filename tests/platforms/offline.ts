import { extractPage, readDocument } from '../../lib/extract/page';
import type {
  ExtractInput,
  PlatformContent,
  PlatformDefinition,
  PlatformWorker,
} from '../../lib/platforms/types';

/**
 * A platform's parts as one object, for tests that read saved pages the way Scout does: the
 * registry's definition (URL rules, facts), the page side's collector, the worker side's readers,
 * and `readDocument` and `extract` (lib/extract/page.ts) over them.
 */
export function offline(
  definition: PlatformDefinition,
  content: PlatformContent,
  worker: PlatformWorker,
) {
  return {
    ...definition,
    collectDocument: content.collectDocument,
    readBody: worker.readBody,
    readMaterial: worker.readMaterial,
    settle: worker.settle,
    readDocument: (doc: Document, url: URL, now: number) =>
      readDocument(worker, content, doc, url, now),
    extract: (input: ExtractInput) => extractPage(worker, content, input),
  };
}
