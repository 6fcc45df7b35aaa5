import { readDocument as readPage } from '../extract/page';
import type { Reading } from '../extract/reading';
// zod from lib/model, so that it runs jitless as in the extension (the background validates each
// snapshot it receives with ProfileSnapshotSchema).
import { ProfileSnapshotSchema } from '../model/snapshot';
import { parseJson } from '../parsing/json-islands';
import { content } from '../platforms/tiktok/content';
import type { PlatformWorker } from '../platforms/types';
import * as worker from '../platforms/tiktok/worker';
import { timePerCall, type Measure } from './measure';

/** A file the bench reads: its name (for the measure id) and its text. */
export interface BenchFile {
  name: string;
  text: string;
}

/** Budgets: the ratio is the issue's; the millisecond ones leave room for a slow laptop. */
export const TIKTOK_BUDGETS = {
  /** Reading a JSON body vs a bare JSON.parse of it (the tap hands over every body it copies). */
  jsonRatio: 3,
  /** Merging readings into a validated snapshot, once per page update (background). */
  snapshotMs: 0.5,
  /** Reading an already-parsed document (islands, meta, DOM) and settling, end to end. */
  htmlMs: 5,
  /** Collecting a document's material on the host page's main thread (DOM reads, string copies). */
  collectMs: 0.5,
  /** The background's zod validation of a snapshot it receives. */
  validateMs: 0.5,
} as const;

/** The smallest body whose read-vs-parse ratio is measured. */
const MIN_RATIO_CHARS = 1024;

/** Whose page a file is about: the handle of its first reading that names one. */
function pageUrl(readings: readonly Reading[]): URL {
  const handle = readings.find((r) => r.handle && r.counts.followers)?.handle;
  return new URL(
    `https://www.tiktok.com/@${handle ?? readings.find((r) => r.handle)?.handle ?? 'x'}`,
  );
}

/**
 * TikTok measures for each JSON body and each HTML page given. `parseHtml` turns a page into a
 * Document outside the timed part (the content script gets the browser's); `clock` is
 * `performance.now` in the bench.
 */
export function tiktokMeasures(
  jsonFiles: readonly BenchFile[],
  htmlFiles: readonly BenchFile[],
  parseHtml: (text: string) => Document,
  clock: () => number,
): Measure[] {
  const measures: Measure[] = [];
  const now = Date.UTC(2026, 0, 1);
  const { readBody, settle }: PlatformWorker = worker;
  const readDocument = (doc: Document, url: URL, at: number) =>
    readPage(worker, content, doc, url, at);
  const collect = content.collectDocument;

  for (const file of jsonFiles) {
    const json = parseJson(file.text, Infinity);
    if (json === undefined) continue;
    const url = pageUrl(readBody(json, new URL('https://www.tiktok.com/'), now));
    // Below a kilobyte JSON.parse takes well under a microsecond and the ratio measures the fixed
    // cost of a function call, not reading: such bodies (status-only answers) are left out.
    if (file.text.length >= MIN_RATIO_CHARS) {
      measures.push({
        id: `tiktok.json-read.${file.name}`,
        unit: 'ratio',
        budget: TIKTOK_BUDGETS.jsonRatio,
        label: 'JSON.parse + readTiktokBody vs JSON.parse',
        sample: () => {
          const parse = timePerCall(() => JSON.parse(file.text), clock);
          const read = timePerCall(() => readBody(JSON.parse(file.text), url, now), clock);
          return read / parse;
        },
      });
    }
    const readings = readBody(json, url, now);
    const settled = settle(readings, { url, now });
    if (settled.ok) {
      measures.push({
        id: `tiktok.json-validate.${file.name}`,
        unit: 'ms',
        budget: TIKTOK_BUDGETS.validateMs,
        label: 'ProfileSnapshotSchema.safeParse (background, jitless)',
        sample: () => timePerCall(() => ProfileSnapshotSchema.safeParse(settled.snapshot), clock),
      });
    }
    measures.push({
      id: `tiktok.json-snapshot.${file.name}`,
      unit: 'ms',
      budget: TIKTOK_BUDGETS.snapshotMs,
      label: 'merge + snapshot check (background)',
      sample: () => timePerCall(() => settle(readings, { url, now }), clock),
    });
  }

  for (const file of htmlFiles) {
    const doc = parseHtml(file.text);
    const url = pageUrl(readDocument(doc, new URL('https://www.tiktok.com/'), now));
    measures.push({
      id: `tiktok.html.${file.name}`,
      unit: 'ms',
      budget: TIKTOK_BUDGETS.htmlMs,
      label: 'readDocument + settle on a parsed document',
      sample: () => timePerCall(() => settle(readDocument(doc, url, now), { url, now }), clock),
    });
    measures.push({
      id: `tiktok.html-collect.${file.name}`,
      unit: 'ms',
      budget: TIKTOK_BUDGETS.collectMs,
      label: 'collectDocument: what the content script does on the page',
      sample: () => timePerCall(() => collect(doc, url, now), clock),
    });
  }
  return measures;
}
