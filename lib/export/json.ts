import {
  creatorKey,
  CreatorRowSchema,
  entryId,
  EpochMsSchema,
  POST_COUNT_FIELDS,
  PROFILE_COUNT_FIELDS,
  ShortlistEntrySchema,
  ShortlistSchema,
  z,
  type CreatorRow,
  type Shortlist,
  type ShortlistEntry,
} from '../model';
import { firstIssue } from '../model/issues';

export const EXPORT_FORMAT = 'scout-shortlists';
/** The version this Scout writes and the newest it reads. */
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing; a page can compare `File.size` with it first. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows per table an import may carry (a 10,000-creator list fits with room to spare). */
export const MAX_IMPORT_ROWS = { lists: 1_000, entries: 100_000, creators: 100_000 } as const;

export const ScoutExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: EpochMsSchema,
  lists: z.array(ShortlistSchema),
  entries: z.array(ShortlistEntrySchema),
  creators: z.array(CreatorRowSchema),
});
/** A JSON export: lists, their entries, and every creator on them as last seen, losslessly. */
export type ScoutExport = z.infer<typeof ScoutExportSchema>;

/** What goes into an export. */
export interface ExportData {
  lists: readonly Shortlist[];
  entries: readonly ShortlistEntry[];
  creators: readonly CreatorRow[];
}

/** The JSON export document of some lists (see `readExport` in lib/db for gathering them). */
export function toJsonExport(data: ExportData, exportedAt: number): ScoutExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    lists: [...data.lists],
    entries: [...data.entries],
    creators: [...data.creators],
  };
}

/** The JSON export as file text. */
export function toJson(data: ExportData, exportedAt: number): string {
  return JSON.stringify(toJsonExport(data, exportedAt));
}

// ─── Import ──────────────────────────────────────────────────────────────────────────────────────

export type ImportErrorCode =
  | 'too-large'
  | 'not-json'
  | 'wrong-format'
  | 'wrong-version'
  | 'future-version'
  | 'too-many-rows'
  | 'invalid'
  | 'future-date';

/** How far ahead of the importing clock a file's dates may be: clocks and time zones differ. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface ImportError {
  code: ImportErrorCode;
  /** A sentence for the user. */
  message: string;
  /** The first bad place, e.g. `entries[3].tags[0]`, when the file is a Scout export with a bad row. */
  path?: string;
}

/** A parsed file, ready to import, and what Scout read differently from what the file says. */
export interface ParsedImport {
  data: ScoutExport;
  /**
   * Counts the file gives without a precision (`creators[0].snapshot.followers`, ...). Scout's own
   * exports give one for every count, so such a count comes from another tool or a hand edit and
   * nothing says it was read exactly: it is imported as 'rounded' ("≈"), never as exact.
   */
  notExact: string[];
}

export type ParseImportResult = ({ ok: true } & ParsedImport) | { ok: false; error: ImportError };

const fail = (code: ImportErrorCode, message: string, path?: string): ParseImportResult => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
});

/** UTF-8 size of a string, without allocating its bytes. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const MB = 1024 * 1024;

/**
 * Reads an import file's text: size, JSON, format, version, row counts, every row's schema, the
 * links between rows, then its dates against `now` (the importing clock: a date more than
 * `CLOCK_SKEW_MS` ahead of it is refused, as it would outrank every later capture or edit). Counts
 * without a precision become 'rounded' (see `ParsedImport.notExact`). Never throws: each problem is
 * a returned error naming the row and what is wrong.
 */
export function parseImport(text: unknown, now: number): ParseImportResult {
  if (typeof text !== 'string') return fail('not-json', 'The file could not be read as text.');
  // Every UTF-16 unit is at least one UTF-8 byte: the length alone settles most files.
  if (
    text.length > MAX_IMPORT_BYTES ||
    (text.length * 3 > MAX_IMPORT_BYTES && utf8Bytes(text) > MAX_IMPORT_BYTES)
  ) {
    return fail(
      'too-large',
      `The file is larger than ${MAX_IMPORT_BYTES / MB} MB, the most Scout imports at once.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    return fail('not-json', `The file is not valid JSON${reason}.`);
  }
  if (!isObject(json) || json['format'] !== EXPORT_FORMAT) {
    return fail('wrong-format', 'This is not a Scout shortlist export.');
  }
  const version = json['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    return fail(
      'future-version',
      `This file was made by a newer Scout (export version ${version}); update Scout to import it.`,
    );
  }
  if (version !== EXPORT_VERSION) {
    const shown = JSON.stringify(version ?? null).slice(0, 40);
    return fail(
      'wrong-version',
      `This Scout export has version ${shown}, which no Scout wrote; Scout reads version ${EXPORT_VERSION}.`,
      'version',
    );
  }
  for (const table of ['lists', 'entries', 'creators'] as const) {
    const rows = json[table];
    if (Array.isArray(rows) && rows.length > MAX_IMPORT_ROWS[table]) {
      return fail(
        'too-many-rows',
        `The file has ${rows.length} ${table}; Scout imports at most ${MAX_IMPORT_ROWS[table]}.`,
        table,
      );
    }
  }
  const parsed = ScoutExportSchema.safeParse(json);
  if (!parsed.success) {
    const { path, what } = firstIssue(parsed.error);
    return fail('invalid', `The file is damaged at ${path || 'its top level'}: ${what}.`, path);
  }
  const linked = checkLinks(parsed.data);
  if (linked) return linked;
  const future = checkDates(parsed.data, now);
  if (future) return future;
  return { ok: true, data: parsed.data, notExact: markNotExact(parsed.data) };
}

/** Rows must agree with each other: unique ids, derived ids, entries of lists and creators in the file. */
function checkLinks(data: ScoutExport): ParseImportResult | null {
  const bad = (path: string, what: string) =>
    fail('invalid', `The file is damaged at ${path}: ${what}.`, path);
  const lists = new Set<string>();
  for (const [i, list] of data.lists.entries()) {
    if (lists.has(list.id)) return bad(`lists[${i}].id`, 'the same list appears twice');
    lists.add(list.id);
  }
  const creators = new Set<string>();
  for (const [i, creator] of data.creators.entries()) {
    if (creator.key !== creatorKey(creator.snapshot)) {
      return bad(`creators[${i}].key`, "the key does not match the snapshot's platform and handle");
    }
    if (creators.has(creator.key))
      return bad(`creators[${i}].key`, 'the same creator appears twice');
    creators.add(creator.key);
  }
  const entries = new Set<string>();
  for (const [i, entry] of data.entries.entries()) {
    if (!lists.has(entry.listId))
      return bad(`entries[${i}].listId`, 'no list with this id in the file');
    if (!creators.has(entry.creatorKey)) {
      return bad(`entries[${i}].creatorKey`, 'no creator with this key in the file');
    }
    if (entry.id !== entryId(entry.listId, entry.creatorKey)) {
      return bad(`entries[${i}].id`, 'the id does not match its list and creator');
    }
    if (entries.has(entry.id)) return bad(`entries[${i}].id`, 'the same entry appears twice');
    entries.add(entry.id);
  }
  return null;
}

/** Every date of the file Scout keeps, with its path and the row it belongs to. */
function* datesOf(data: ScoutExport): Generator<{ path: string; row: string; at: number }> {
  yield { path: 'exportedAt', row: 'the file', at: data.exportedAt };
  const rowDates = function* (
    path: string,
    row: string,
    r: { createdAt: number; updatedAt: number; fieldTimes?: Record<string, number | undefined> },
  ) {
    yield { path: `${path}.createdAt`, row, at: r.createdAt };
    yield { path: `${path}.updatedAt`, row, at: r.updatedAt };
    for (const [field, at] of Object.entries(r.fieldTimes ?? {})) {
      if (at !== undefined) yield { path: `${path}.fieldTimes.${field}`, row, at };
    }
  };
  for (const [i, list] of data.lists.entries()) {
    yield* rowDates(`lists[${i}]`, `list "${list.name}"`, list);
  }
  for (const [i, entry] of data.entries.entries()) {
    yield* rowDates(`entries[${i}]`, `the entry of ${entry.creatorKey}`, entry);
  }
  for (const [i, creator] of data.creators.entries()) {
    const row = `creator ${creator.key}`;
    yield* rowDates(`creators[${i}]`, row, creator);
    yield { path: `creators[${i}].snapshot.capturedAt`, row, at: creator.snapshot.capturedAt };
    for (const [j, post] of creator.snapshot.recentPosts.entries()) {
      if (post.postedAt !== undefined) {
        yield {
          path: `creators[${i}].snapshot.recentPosts[${j}].postedAt`,
          row,
          at: post.postedAt,
        };
      }
    }
  }
  // A vetting's `computedAt` is not checked: imported vetting is never used (Scout re-vets).
}

/** The first date later than `now` plus the allowed clock skew, as an error naming its row. */
function checkDates(data: ScoutExport, now: number): ParseImportResult | null {
  const latest = now + CLOCK_SKEW_MS;
  for (const { path, row, at } of datesOf(data)) {
    if (at > latest) {
      return fail(
        'future-date',
        `The file is damaged at ${path} (${row}): it is dated ${new Date(at).toISOString()}, in ` +
          `the future (Scout allows a day of clock difference). Nothing was imported.`,
        path,
      );
    }
  }
  return null;
}

/** Gives every count without a precision the precision 'rounded'; returns their paths. */
function markNotExact(data: ScoutExport): string[] {
  const marked: string[] = [];
  for (const [i, { snapshot }] of data.creators.entries()) {
    for (const field of PROFILE_COUNT_FIELDS) {
      if (snapshot[field] !== undefined && snapshot.precision[field] === undefined) {
        snapshot.precision[field] = 'rounded';
        marked.push(`creators[${i}].snapshot.${field}`);
      }
    }
    for (const [j, post] of snapshot.recentPosts.entries()) {
      for (const field of POST_COUNT_FIELDS) {
        if (post[field] !== undefined && post.precision?.[field] === undefined) {
          post.precision = { ...post.precision, [field]: 'rounded' };
          marked.push(`creators[${i}].snapshot.recentPosts[${j}].${field}`);
        }
      }
    }
  }
  return marked;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of JSON-like values; an absent property equals an undefined one. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!deepEqual(ra[key], rb[key])) return false;
  return true;
}
