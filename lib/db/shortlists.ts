import { deepEqual } from '../export/json';
import {
  ENTRY_FIELDS,
  entryId,
  type SavedFields,
  type SaveConflict,
  type Shortlist,
  type ShortlistEntry,
} from '../model';
import type { ScoutDb } from './database';
import { mergeFields, stampFields } from './edits';
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
  /** The note the user wants; left out, the stored note stays as it is. */
  note?: string;
  tags?: string[];
  /**
   * The note and tags the form showed when the user started editing them (the stored ones). A
   * field given without one was edited from a blank form.
   */
  base?: Partial<SavedFields>;
}

export interface SaveResult {
  listId: string;
  listName: string;
  entryId: string;
  created: boolean;
  /** Fields changed elsewhere since the form showed them: the stored value stayed. */
  conflicts: SaveConflict[];
}

/** A fresh list id that sorts by creation time. */
export function newListId(now: number): string {
  return `l${now.toString(36)}${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Saves a creator Scout has seen to a list (the default list, a named one, or a new one). Saving the
 * same creator again never duplicates the entry: a given note or tags merge into the stored ones
 * from the values the form showed (`base`, blank when absent), so a field the user did not change
 * keeps its stored value and one changed elsewhere meanwhile stays and is reported as a conflict.
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
      list = {
        id: newListId(now),
        name: req.newListName.trim(),
        fieldTimes: { name: now },
        createdAt: now,
        updatedAt: now,
      };
      await db.shortlists.add(list);
    } else if (req.listId !== undefined && req.listId !== DEFAULT_LIST.id) {
      list = await db.shortlists.get(req.listId);
      if (!list) throw new MissingError('That list no longer exists');
    } else {
      list = await db.shortlists.get(DEFAULT_LIST.id);
      if (!list) {
        list = { ...DEFAULT_LIST, fieldTimes: { name: now }, createdAt: now, updatedAt: now };
        await db.shortlists.add(list);
      }
    }
    const id = entryId(list.id, req.creatorKey);
    const existing = await db.shortlistEntries.get(id);
    const current: ShortlistEntry = existing ?? {
      id,
      listId: list.id,
      creatorKey: req.creatorKey,
      status: 'new',
      note: '',
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    const changes: Partial<SavedFields> = {};
    const base: Partial<SavedFields> = {};
    if (req.note !== undefined) {
      changes.note = req.note;
      base.note = req.base?.note ?? '';
    }
    if (req.tags !== undefined) {
      changes.tags = req.tags;
      base.tags = req.base?.tags ?? [];
    }
    const { next, saved, conflicts } = mergeFields<ShortlistEntry, keyof SavedFields>(
      current,
      changes as SavedFields,
      base as SavedFields,
    );
    const written = existing ? saved.filter((f) => !deepEqual(existing[f], next[f])) : [];
    if (!existing || written.length > 0) {
      await db.shortlistEntries.put({
        ...next,
        fieldTimes: existing
          ? stampFields(existing, ENTRY_FIELDS, written, now)
          : stampFields(current, ENTRY_FIELDS, ENTRY_FIELDS, now),
        updatedAt: now,
      });
    }
    await db.shortlists.update(list.id, { updatedAt: now });
    return { listId: list.id, listName: list.name, entryId: id, created: !existing, conflicts };
  });
}

/** A list as the save form offers it, with the creator's entry on it (note and tags) if any. */
export interface ListForSaving {
  id: string;
  name: string;
  entry?: SavedFields;
}

/** The newest lists (at most `limit`), each with what `creatorKey` has stored on it. */
export async function listsForSaving(
  db: ScoutDb,
  creatorKey: string | undefined,
  limit = 100,
): Promise<ListForSaving[]> {
  return db.transaction('r', db.shortlists, db.shortlistEntries, async () => {
    const lists = await db.shortlists.orderBy('updatedAt').reverse().limit(limit).toArray();
    const entries = creatorKey
      ? await db.shortlistEntries.where('creatorKey').equals(creatorKey).toArray()
      : [];
    const byList = new Map(entries.map((e) => [e.listId, e]));
    return lists.map(({ id, name }) => {
      const entry = byList.get(id);
      return entry ? { id, name, entry: { note: entry.note, tags: entry.tags } } : { id, name };
    });
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
