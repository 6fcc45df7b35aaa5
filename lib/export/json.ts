import {
  creatorKey,
  CreatorRowSchema,
  entryId,
  EpochMsSchema,
  ShortlistEntrySchema,
  ShortlistSchema,
  z,
  type CreatorRow,
  type Shortlist,
  type ShortlistEntry,
} from '../model';

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
  'too-large' | 'not-json' | 'wrong-format' | 'future-version' | 'too-many-rows' | 'invalid';

export interface ImportError {
  code: ImportErrorCode;
  /** A sentence for the user. */
  message: string;
  /** The first bad place, e.g. `entries[3].tags[0]`, when the file is a Scout export with a bad row. */
  path?: string;
}

export type ParseImportResult = { ok: true; data: ScoutExport } | { ok: false; error: ImportError };

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
 * Reads an import file's text: size, JSON, format, version, row counts, every row's schema, then
 * the links between rows. Never throws: each problem is a returned error naming what is wrong.
 */
export function parseImport(text: unknown): ParseImportResult {
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
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return fail(
      'future-version',
      `This file was made by a newer Scout (export version ${version}); update Scout to import it.`,
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
    const issue = parsed.error.issues[0];
    const path = issue ? formatPath(issue.path) : '';
    return fail(
      'invalid',
      `The file is damaged at ${path || 'its top level'}: ${issue ? describeIssue(issue) : 'invalid'}.`,
      path,
    );
  }
  return checkLinks(parsed.data);
}

/** Rows must agree with each other: unique ids, derived ids, entries of lists and creators in the file. */
function checkLinks(data: ScoutExport): ParseImportResult {
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
  return { ok: true, data };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A zod issue path as `entries[3].tags[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** zod/mini carries no message locale: say what was expected from the issue itself. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return `too ${issue.origin === 'number' ? 'small' : 'short'} (${issue.inclusive === false ? 'more than' : 'at least'} ${bound(issue.origin, issue.minimum)})`;
    case 'too_big':
      return `too ${issue.origin === 'number' ? 'large' : 'long'} (${issue.inclusive === false ? 'less than' : 'at most'} ${bound(issue.origin, issue.maximum)})`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'invalid value';
  }
}

const bound = (origin: string, value: number | bigint) =>
  origin === 'string' ? `${value} characters` : origin === 'array' ? `${value} items` : `${value}`;

// ─── Import plan ─────────────────────────────────────────────────────────────────────────────────

export type ImportTable = 'lists' | 'entries' | 'creators';

/** An imported row that was not applied although it differs from the one already here. */
export interface ImportConflict {
  table: ImportTable;
  /** The list or entry id, or the creator key. */
  id: string;
  /** 'local-newer': the row here is newer; 'same-time': both are as new, and they differ. */
  reason: 'local-newer' | 'same-time';
  localUpdatedAt: number;
  importedUpdatedAt: number;
}

/**
 * What an import does. Each imported row is counted once: `added` (new here), `updated` (newer
 * than the row here, which it replaces), `kept` (the same data is already here), `skippedOlder`
 * (older than the row here, which stays). `conflicts` names every row not applied although it
 * differs: the skipped older ones and those exactly as new as the row here (which stays).
 */
export interface ImportSummary {
  added: number;
  updated: number;
  kept: number;
  skippedOlder: number;
  conflicts: ImportConflict[];
}

export interface ImportPlan {
  /** The rows to write (added and updated), per table. */
  put: { lists: Shortlist[]; entries: ShortlistEntry[]; creators: CreatorRow[] };
  summary: ImportSummary;
}

/** The rows already here with the ids of the imported ones (others may be left out). */
export interface ExistingRows {
  lists: readonly Shortlist[];
  entries: readonly ShortlistEntry[];
  creators: readonly CreatorRow[];
}

/**
 * Which imported rows to write: never one that would silently replace newer data. Lists and entries
 * are as new as their `updatedAt`; a creator is as new as their snapshot's capture (then
 * `updatedAt`), as when Scout records a capture.
 */
export function planImport(parsed: ScoutExport, existing: ExistingRows): ImportPlan {
  const summary: ImportSummary = { added: 0, updated: 0, kept: 0, skippedOlder: 0, conflicts: [] };
  const plan = <Row extends { createdAt: number; updatedAt: number }>(
    table: ImportTable,
    rows: readonly Row[],
    local: readonly Row[],
    idOf: (row: Row) => string,
    newness: (row: Row) => readonly number[],
  ): Row[] => {
    const here = new Map(local.map((row) => [idOf(row), row]));
    const put: Row[] = [];
    for (const row of rows) {
      const mine = here.get(idOf(row));
      if (!mine) {
        summary.added++;
        put.push(row);
        continue;
      }
      if (sameData(mine, row)) {
        summary.kept++;
        continue;
      }
      const order = compare(newness(row), newness(mine));
      if (order > 0) {
        summary.updated++;
        put.push(row);
        continue;
      }
      if (order < 0) summary.skippedOlder++;
      summary.conflicts.push({
        table,
        id: idOf(row),
        reason: order < 0 ? 'local-newer' : 'same-time',
        localUpdatedAt: mine.updatedAt,
        importedUpdatedAt: row.updatedAt,
      });
    }
    return put;
  };
  const byUpdate = (row: { updatedAt: number }) => [row.updatedAt];
  return {
    put: {
      lists: plan('lists', parsed.lists, existing.lists, (l) => l.id, byUpdate),
      entries: plan('entries', parsed.entries, existing.entries, (e) => e.id, byUpdate),
      creators: plan(
        'creators',
        parsed.creators,
        existing.creators,
        (c) => c.key,
        (c) => [c.snapshot.capturedAt, c.updatedAt],
      ),
    },
    summary,
  };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The same row data, whatever the timestamps say. */
function sameData(a: object, b: object): boolean {
  const { createdAt: _a1, updatedAt: _a2, ...restA } = a as Record<string, unknown>;
  const { createdAt: _b1, updatedAt: _b2, ...restB } = b as Record<string, unknown>;
  return deepEqual(restA, restB);
}

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
