import { entryId, type Shortlist, type ShortlistEntry } from '../model';
import type { ScoutDb } from './database';
import { withQuota } from './quota';

/** The list a one-click save goes to. */
export const DEFAULT_LIST = { id: 'default', name: 'Shortlist' } as const;

/** A save names a creator or list that does not exist. (Not "NotFoundError": Dexie re-wraps that name.) */
export class MissingError extends Error {
  override name = 'ScoutMissingError';
}

export interface SaveRequest {
  creatorKey: string;
  listId?: string;
  newListName?: string;
  note?: string;
  tags?: string[];
}

export interface SaveResult {
  listId: string;
  listName: string;
  entryId: string;
  created: boolean;
}

/** A fresh list id that sorts by creation time. */
export function newListId(now: number): string {
  return `l${now.toString(36)}${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Saves a creator Scout has seen to a list (the default list, a named one, or a new one). Saving the
 * same creator again updates the entry's note and tags (only those given), never duplicates it.
 * Throws `MissingError` for an unseen creator or a deleted list, `StorageFullError` when full.
 */
export async function saveToShortlist(
  db: ScoutDb,
  req: SaveRequest,
  now: number,
): Promise<SaveResult> {
  return withQuota(() => saveIn(db, req, now));
}

function saveIn(db: ScoutDb, req: SaveRequest, now: number): Promise<SaveResult> {
  return db.transaction('rw', db.creators, db.shortlists, db.shortlistEntries, async () => {
    if (!(await db.creators.get(req.creatorKey))) {
      throw new MissingError(`Scout has not seen ${req.creatorKey} yet`);
    }
    let list: Shortlist | undefined;
    if (req.newListName !== undefined) {
      list = { id: newListId(now), name: req.newListName.trim(), createdAt: now, updatedAt: now };
      await db.shortlists.add(list);
    } else if (req.listId !== undefined && req.listId !== DEFAULT_LIST.id) {
      list = await db.shortlists.get(req.listId);
      if (!list) throw new MissingError('That list no longer exists');
    } else {
      list = await db.shortlists.get(DEFAULT_LIST.id);
      if (!list) {
        list = { ...DEFAULT_LIST, createdAt: now, updatedAt: now };
        await db.shortlists.add(list);
      }
    }
    const id = entryId(list.id, req.creatorKey);
    const existing = await db.shortlistEntries.get(id);
    if (existing) {
      // Field-level update: a concurrent edit of another field in another tab is kept.
      const changes: Partial<ShortlistEntry> = { updatedAt: now };
      if (req.note !== undefined) changes.note = req.note;
      if (req.tags !== undefined) changes.tags = req.tags;
      await db.shortlistEntries.update(id, changes);
    } else {
      await db.shortlistEntries.add({
        id,
        listId: list.id,
        creatorKey: req.creatorKey,
        status: 'new',
        note: req.note ?? '',
        tags: req.tags ?? [],
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.shortlists.update(list.id, { updatedAt: now });
    return { listId: list.id, listName: list.name, entryId: id, created: !existing };
  });
}

/** The lists a creator is on. */
export async function listsOf(
  db: ScoutDb,
  creatorKey: string,
): Promise<{ id: string; name: string }[]> {
  const entries = await db.shortlistEntries.where('creatorKey').equals(creatorKey).toArray();
  const lists = await db.shortlists.bulkGet(entries.map((e) => e.listId));
  return lists.flatMap((l) => (l ? [{ id: l.id, name: l.name }] : []));
}
