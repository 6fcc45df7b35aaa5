import { parseHTML } from 'linkedom';
import type { CommentList } from '../extract/comments';
import { readDocument } from '../extract/page';
import type { Reading } from '../extract/reading';
import { PROBLEM_REASONS } from '../extract/settle';
import { withArticle } from '../format';
import { formatPath } from '../model/issues';
import { EpochMsSchema, ProfileSnapshotSchema, type Platform } from '../model/snapshot';
import { parseJsonDocuments } from '../parsing/json-documents';
import { loadWorkers, platformForUrl } from '../platforms';
import type {
  ExtractInput,
  ExtractResult,
  PlatformContent,
  PlatformWorker,
} from '../platforms/types';
import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';

/** A saved file as the CLI recognises it by its shape. */
export type Input = { kind: 'html'; doc: Document } | { kind: 'json'; documents: unknown[] };

/**
 * `scout extract`: the ProfileSnapshot the files describe. The page URL picks the platform through
 * the registry; each file is recognised by shape (a JSON body, or an HTML page parsed with
 * linkedom, as the content script would see it) and read by that platform's readers; all readings
 * are merged into one snapshot. Nothing readable, or a page that says it has no profile (login
 * wall, private, not found), is `{ ok: false, reason }` with no numbers.
 */
export async function runExtract(
  files: readonly CliFile[],
  opts: CliPageOptions,
): Promise<CliCommandResult> {
  const result = await extractFiles(files, opts, Date.now());
  return result.ok ? { ok: true, output: result.snapshot } : { ok: false, reason: result.reason };
}

/**
 * The extraction behind `scout extract`, with the clock passed in (tests and `vet` reuse it).
 * `now` is the capture time when neither `--at` nor a payload's own clock gives one.
 */
export async function extractFiles(
  files: readonly CliFile[],
  opts: CliPageOptions,
  now: number,
): Promise<ExtractResult> {
  const url = new URL(opts.url);
  const platform = platformForUrl(url);
  if (!platform) return problem('not-creator', 'not a page of a platform Scout reads');
  const notCreator = `not ${withArticle(platform.facts.name)} creator page`;
  if (!platform.match(url)) return problem('not-creator', notCreator);

  // A snapshot's clock lies in 2000–2099 (EpochMsSchema): an --at outside it would be replaced.
  if (opts.at !== undefined && !EpochMsSchema.safeParse(opts.at).success) {
    return problem('no-data', '--at must be a time between 2000 and 2100');
  }
  const inputs: Input[] = [];
  for (const file of files) {
    const input = recognise(file.text);
    if (typeof input === 'string') return problem('no-data', `${file.path}: ${input}`);
    inputs.push(input);
  }
  // With --at the readers resolve relative times ("2d") against the capture clock, not this run's.
  const page: ExtractInput = {
    url,
    now: opts.at ?? now,
    ...(opts.at === undefined ? {} : { at: opts.at }),
  };
  // Every platform's worker side, loaded as the background loads them; the page's own collector.
  const worker = (await loadWorkers()).get(platform.id);
  if (!worker) return problem('no-data', `${platform.facts.name} pages are not read`);
  const result = readAll(worker, await contentOf(platform.id), inputs, page);
  if (!result.ok && result.problem === 'not-creator') return problem('not-creator', notCreator);
  // Merging already dropped what the schema refuses; the schema still has the last word here.
  if (result.ok) {
    const checked = ProfileSnapshotSchema.safeParse(result.snapshot);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => formatPath(i.path)).join(', ');
      return problem('no-data', `the snapshot failed validation at ${where}`);
    }
  }
  return result;
}

/**
 * A platform's page side, for reading saved pages as its content script would: the content.ts in
 * its folder (the registry test checks that each registered platform has one). Node only: the CLI
 * is never bundled into the extension, where only the content script imports it.
 */
export async function contentOf(id: Platform): Promise<PlatformContent> {
  const module = (await import(`../platforms/${id}/content.ts`)) as { content: PlatformContent };
  return module.content;
}

/**
 * The comments the files show (JSON comment bodies, a page's embedded or visible comments), by
 * the page's platform readers; files that are not readable say nothing here (`extractFiles` has
 * already said why).
 */
export async function commentsInFiles(
  files: readonly CliFile[],
  opts: CliPageOptions,
  now: number,
): Promise<CommentList[]> {
  const url = new URL(opts.url);
  const platform = platformForUrl(url);
  const worker = platform && (await loadWorkers()).get(platform.id);
  if (!platform || !worker) return [];
  const lists: CommentList[] = [];
  for (const file of files) {
    const input = recognise(file.text);
    if (typeof input === 'string') continue;
    if (input.kind === 'json') {
      for (const json of input.documents) lists.push(...worker.readComments(json, url));
    } else if (worker.readMaterialComments) {
      const material = (await contentOf(platform.id)).collectDocument(input.doc, url, now);
      lists.push(...worker.readMaterialComments(material, url));
    }
  }
  return lists;
}

/** Every file's readings, settled together into the page's answer. */
function readAll(
  worker: PlatformWorker,
  content: PlatformContent,
  inputs: readonly Input[],
  page: ExtractInput,
): ExtractResult {
  const { url, now } = page;
  const readings: Reading[] = [];
  for (const input of inputs) {
    if (input.kind === 'html') readings.push(...readDocument(worker, content, input.doc, url, now));
    else for (const json of input.documents) readings.push(...worker.readBody(json, url, now));
  }
  return worker.settle(readings, page);
}

/** JSON when the text is a JSON object or array, HTML when it has markup; else why not. */
export function recognise(text: string): Input | string {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  // A body may hold several JSON documents back to back (streamed GraphQL), as the tap sees it.
  if (/^(\{|\[|for ?\(;;\);|\)\]\}')/.test(trimmed)) {
    const documents = parseJsonDocuments(trimmed);
    return documents.length ? { kind: 'json', documents } : 'not valid JSON (cut short?)';
  }
  if (!/<[a-z!][^>]*>/i.test(trimmed)) return 'neither an HTML page nor a JSON body';
  try {
    // linkedom reads a bare fragment (a capture starting at `<script id="__NEXT_DATA__">`) into
    // <html><body> as a browser would.
    return { kind: 'html', doc: parseHTML(text).document as unknown as Document };
  } catch {
    return 'not a readable HTML page';
  }
}

function problem(kind: Exclude<ExtractResult, { ok: true }>['problem'], reason?: string) {
  return { ok: false as const, problem: kind, reason: reason ?? PROBLEM_REASONS[kind] };
}
