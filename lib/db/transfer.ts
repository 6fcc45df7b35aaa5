import type { ExportData, ImportSummary, ScoutExport } from '../export/json';
import { planImport } from '../export/json';
import type { CreatorRow, Shortlist, ShortlistEntry } from '../model';
import { addToHistory } from './creators';
import type { ScoutDb } from './database';
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

/**
 * Applies a parsed import (`parseImport`) in one transaction, as `planImport` decides: new rows are
 * added, newer ones replace older, nothing newer here is overwritten. Every imported snapshot also
 * joins its creator's history (one per hour, as captures do). Returns what was done.
 */
export async function importData(
  db: ScoutDb,
  data: ScoutExport,
  now: number,
): Promise<ImportSummary> {
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
        const plan = planImport(data, {
          lists: lists.filter((l): l is Shortlist => l !== undefined),
          entries: entries.filter((e): e is ShortlistEntry => e !== undefined),
          creators: creators.filter((c): c is CreatorRow => c !== undefined),
        });
        await db.shortlists.bulkPut(plan.put.lists);
        await db.shortlistEntries.bulkPut(plan.put.entries);
        await db.creators.bulkPut(plan.put.creators);
        for (const creator of data.creators) await addToHistory(db, creator.snapshot, now);
        return plan.summary;
      },
    ),
  );
}
