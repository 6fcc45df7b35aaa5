import { parseHTML } from 'linkedom';
import type { Reading } from '../extract/reading';
import { PROBLEM_REASONS } from '../extract/settle';
import { formatPath } from '../model/issues';
import { EpochMsSchema, ProfileSnapshotSchema } from '../model/snapshot';
import { parseJsonDocuments } from '../parsing/json-documents';
import { platformForUrl } from '../platforms';
import type { ExtractInput, ExtractResult, PlatformDefinition } from '../platforms/types';
import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';

/** A saved file as the CLI recognises it by its shape. */
type Input = { kind: 'html'; doc: Document } | { kind: 'json'; documents: unknown[] };

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
  const result = extractFiles(files, opts, Date.now());
  return result.ok ? { ok: true, output: result.snapshot } : { ok: false, reason: result.reason };
}

/**
 * The extraction behind `scout extract`, with the clock passed in (tests and `vet` reuse it).
 * `now` is the capture time when neither `--at` nor a payload's own clock gives one.
 */
export function extractFiles(
  files: readonly CliFile[],
  opts: CliPageOptions,
  now: number,
): ExtractResult {
  const url = new URL(opts.url);
  const platform = platformForUrl(url);
  if (!platform) return problem('not-creator', 'not a page of a platform Scout reads');
  const notCreator = `not ${/^[AEIOU]/.test(platform.name) ? 'an' : 'a'} ${platform.name} creator page`;
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
  const result = readAll(platform, inputs, page);
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

function readAll(platform: PlatformDefinition, inputs: readonly Input[], page: ExtractInput) {
  const { readBody, readDocument, settle } = platform;
  if (readBody && readDocument && settle) {
    const readings: Reading[] = [];
    for (const input of inputs) {
      if (input.kind === 'html') readings.push(...readDocument(input.doc, page.url, page.now));
      else for (const json of input.documents) readings.push(...readBody(json, page.url, page.now));
    }
    return settle(readings, page);
  }
  // A platform without readers yet reads its first HTML page the way its content script does.
  const html = inputs.find((i): i is Extract<Input, { kind: 'html' }> => i.kind === 'html');
  return platform.extract(html ? { ...page, doc: html.doc } : page);
}

/** JSON when the text is a JSON object or array, HTML when it has markup; else why not. */
function recognise(text: string): Input | string {
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
