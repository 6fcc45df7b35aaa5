import { deepEqual, type ExportData, type ParsedImport, type ScoutExport } from '../export/json';
import type { RateCard } from '../metrics/rates';
import { computeVetting } from '../metrics/vet';
import {
  ENTRY_FIELDS,
  LIST_FIELDS,
  type CreatorRow,
  type Shortlist,
  type ShortlistEntry,
} from '../model';
import { addToHistory, historyOf } from './creators';
import type { ScoutDb } from './database';
import { mergeNewer, type Timed } from './edits';
import { withQuota } from './quota';

/**
 * Lists (all of them, or those of `listIds`), their entries, and every creator on them, read in one
 * transaction: what `toJson` writes. A creator on no exported list is not exported.
 */
export async function readExport(db: ScoutDb, listIds?: readonly string[]): Promise<ExportData> {
  return db.transaction('r', db.shortlists, db.shortlistEntries, db.creators, async () => {
    const lists: Shortlist[] = listIds
      ? (await db.shortlists.bulkGet([...listIds])).filter((l): l is Shortlist => l !== undefined)
      : await db.shortlists.toArray();
    const ids = lists.map((l) => l.id);
    const entries: ShortlistEntry[] =
      ids.length === 0 ? [] : await db.shortlistEntries.where('listId').anyOf(ids).toArray();
    const keys = [...new Set(entries.map((e) => e.creatorKey))];
    const creators = (await db.creators.bulkGet(keys)).filter(
      (c): c is CreatorRow => c !== undefined,
    );
    return { lists, entries, creators };
  });
}

export interface ListForExport {
  list: Shortlist;
  entries: ShortlistEntry[];
  creatorsByKey: Map<string, CreatorRow>;
}

/** One list with its entries (oldest first) and their creators: what `toExportRows` takes. */
export async function readListForExport(
  db: ScoutDb,
  listId: string,
): Promise<ListForExport | undefined> {
  return db.transaction('r', db.shortlists, db.shortlistEntries, db.creators, async () => {
    const list = await db.shortlists.get(listId);
    if (!list) return undefined;
    const entries = await db.shortlistEntries.where('listId').equals(listId).toArray();
    entries.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    const creators = await db.creators.bulkGet([...new Set(entries.map((e) => e.creatorKey))]);
    const creatorsByKey = new Map<string, CreatorRow>();
    for (const creator of creators) if (creator) creatorsByKey.set(creator.key, creator);
    return { list, entries, creatorsByKey };
  });
}

// ─── Import ──────────────────────────────────────────────────────────────────────────────────────

export type ImportTable = 'lists' | 'entries' | 'creators';

/** A field of an imported row that was not applied although it differs from the one here. */
export interface ImportConflict {
  table: ImportTable;
  /** The list or entry id, or the creator key. */
  id: string;
  /** The field kept as it is here; `snapshot` for a creator. */
  field: string;
  /** 'local-newer': changed here later than in the file; 'same-time': both as new, and different. */
  reason: 'local-newer' | 'same-time';
  /** When each side last changed the field (a creator: the capture time of its snapshot). */
  localAt: number;
  importedAt: number;
}

/**
 * What an import does. Each imported row is counted once: `added` (new here), `updated` (some field
 * taken from the file), `kept` (the same data is already here), `skippedOlder` (nothing taken: every
 * differing field is as new or newer here; an older snapshot still joins the history).
 * `conflicts` names every field of a list or entry not taken although it differs, and a creator
 * whose snapshot was captured at the same time as the one here but differs. `notExact` counts the
 * file's counts without a precision, imported as rounded; `revetted` the creators whose vetting
 * Scout computed again (imported vetting is never used).
 */
export interface ImportSummary {
  added: number;
  updated: number;
  kept: number;
  skippedOlder: number;
  conflicts: ImportConflict[];
  notExact: number;
  revetted: number;
}

export interface ImportPlan {
  /** The rows to write (added and updated), per table; creators without a vetting. */
  put: { lists: Shortlist[]; entries: ShortlistEntry[]; creators: CreatorRow[] };
  summary: Omit<ImportSummary, 'notExact' | 'revetted'>;
}

/** The rows already here with the ids of the imported ones (others may be left out). */
export interface ExistingRows {
  lists: readonly Shortlist[];
  entries: readonly ShortlistEntry[];
  creators: readonly CreatorRow[];
}

/** The same row data, whatever its bookkeeping (timestamps, field times, a vetting) says. */
function sameData(a: object, b: object): boolean {
  const strip = (row: object) => {
    const {
      createdAt: _c,
      updatedAt: _u,
      fieldTimes: _f,
      vetting: _v,
      ...rest
    } = row as Record<string, unknown>;
    return rest;
  };
  return deepEqual(strip(a), strip(b));
}

const withoutVetting = ({ vetting: _, ...row }: CreatorRow): CreatorRow => row;

/**
 * Which imported rows to write, never silently replacing newer data. A list or entry here and in
 * the file is merged field by field (`mergeNewer`): each differing field takes the newer value by
 * when it last changed, and one as new or newer here stays and is reported. A creator is one
 * observation: the newer capture (then the later record) wins whole, and the other joins the
 * history. Imported vetting is dropped: the caller re-vets.
 */
export function planImport(parsed: ScoutExport, existing: ExistingRows): ImportPlan {
  const summary: ImportPlan['summary'] = {
    added: 0,
    updated: 0,
    kept: 0,
    skippedOlder: 0,
    conflicts: [],
  };
  const merge = <Row extends Timed & { id: string; createdAt: number }>(
    table: 'lists' | 'entries',
    rows: readonly Row[],
    local: readonly Row[],
    fields: readonly (keyof Row & string)[],
  ): Row[] => {
    const here = new Map(local.map((row) => [row.id, row]));
    const put: Row[] = [];
    for (const row of rows) {
      const mine = here.get(row.id);
      if (!mine) {
        summary.added++;
        put.push(row);
      } else if (sameData(mine, row)) {
        summary.kept++;
      } else {
        const { next, taken, kept } = mergeNewer<Row, keyof Row & string>(mine, row, fields);
        for (const k of kept) summary.conflicts.push({ table, id: row.id, ...k });
        if (taken.length > 0) {
          summary.updated++;
          put.push({ ...next, createdAt: Math.min(mine.createdAt, row.createdAt) });
        } else summary.skippedOlder++;
      }
    }
    return put;
  };
  const localCreators = new Map(existing.creators.map((c) => [c.key, c]));
  const creators: CreatorRow[] = [];
  for (const row of parsed.creators) {
    const mine = localCreators.get(row.key);
    if (!mine) {
      summary.added++;
      creators.push(withoutVetting(row));
      continue;
    }
    if (deepEqual(mine.snapshot, row.snapshot)) {
      summary.kept++;
      continue;
    }
    const order =
      row.snapshot.capturedAt - mine.snapshot.capturedAt || row.updatedAt - mine.updatedAt;
    if (order > 0) {
      summary.updated++;
      creators.push({
        ...withoutVetting(row),
        createdAt: Math.min(mine.createdAt, row.createdAt),
        updatedAt: Math.max(mine.updatedAt, row.updatedAt),
      });
      continue;
    }
    summary.skippedOlder++;
    // An older capture is history, not a conflict; the same capture told two ways is one.
    if (row.snapshot.capturedAt === mine.snapshot.capturedAt) {
      summary.conflicts.push({
        table: 'creators',
        id: row.key,
        field: 'snapshot',
        reason: order < 0 ? 'local-newer' : 'same-time',
        localAt: mine.snapshot.capturedAt,
        importedAt: row.snapshot.capturedAt,
      });
    }
  }
  return {
    put: {
      lists: merge('lists', parsed.lists, existing.lists, LIST_FIELDS),
      entries: merge('entries', parsed.entries, existing.entries, ENTRY_FIELDS),
      creators,
    },
    summary,
  };
}

/**
 * Applies a parsed import (`parseImport`) in one transaction, as `planImport` decides, and writes
 * nothing if any part fails. Every imported snapshot joins its creator's history (one per hour, as
 * captures do), and every creator in the file is vetted again from their snapshot with the user's
 * `rateCard` and Scout's history of them: the file's vetting is never shown as Scout's.
 */
export async function importData(
  db: ScoutDb,
  parsed: ParsedImport,
  now: number,
  rateCard: RateCard,
): Promise<ImportSummary> {
  const { data } = parsed;
  return withQuota(() =>
    db.transaction(
      'rw',
      [db.shortlists, db.shortlistEntries, db.creators, db.snapshots],
      async () => {
        const [lists, entries, creators] = await Promise.all([
          db.shortlists.bulkGet(data.lists.map((l) => l.id)),
          db.shortlistEntries.bulkGet(data.entries.map((e) => e.id)),
          db.creators.bulkGet(data.creators.map((c) => c.key)),
        ]);
        const local = creators.filter((c): c is CreatorRow => c !== undefined);
        const plan = planImport(data, {
          lists: lists.filter((l): l is Shortlist => l !== undefined),
          entries: entries.filter((e): e is ShortlistEntry => e !== undefined),
          creators: local,
        });
        await db.shortlists.bulkPut(plan.put.lists);
        await db.shortlistEntries.bulkPut(plan.put.entries);
        for (const creator of data.creators) await addToHistory(db, creator.snapshot, now);
        const winners = new Map(local.map((c) => [c.key, c]));
        for (const row of plan.put.creators) winners.set(row.key, row);
        const revetted: CreatorRow[] = [];
        for (const { key } of data.creators) {
          const row = winners.get(key);
          if (!row) continue;
          const history = await historyOf(db, key, row.snapshot.capturedAt);
          const { vetting } = computeVetting(row.snapshot, { now, history, rateCard });
          revetted.push({ ...row, vetting });
        }
        await db.creators.bulkPut(revetted);
        return { ...plan.summary, notExact: parsed.notExact.length, revetted: revetted.length };
      },
    ),
  );
}
