import { deepEqual } from '../export/json';
import { firstIssue } from '../model/issues';
import {
  ENTRY_FIELDS,
  LIST_FIELDS,
  ListNameSchema,
  ShortlistEntrySchema,
  type Shortlist,
  type ShortlistEntry,
} from '../model';
import type { ScoutDb } from './database';
import { withQuota } from './quota';
import { MissingError } from './shortlists';

/** A change that would store an invalid row (too long a note, an empty tag...); nothing was saved. */
export class InvalidChangeError extends Error {
  override name = 'ScoutInvalidChangeError';
  constructor(
    /** The field at fault, e.g. `tags[2]`. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The fields of an entry the user edits. */
export type EntryFields = Pick<
  ShortlistEntry,
  'status' | 'note' | 'tags' | 'agreedRate' | 'deliverable' | 'utmLink' | 'discountCode'
>;
export type EntryField = keyof EntryFields;
export { ENTRY_FIELDS };

/** A field both this edit and another one changed, to different values: it was not saved. */
export type FieldConflict<Fields, K extends keyof Fields = keyof Fields> = {
  [P in K]: { field: P; yours: Fields[P]; theirs: Fields[P] };
}[K];

export interface UpdateResult<Fields, K extends keyof Fields = keyof Fields> {
  /** Fields that now hold this edit's value (written, or already equal). */
  saved: K[];
  /** Fields left as the other edit saved them; `yours` is this edit's value, for the user to redo. */
  conflicts: FieldConflict<Fields, K>[];
}

/**
 * Three-way merge of one edit into the stored row, field by field. `base` holds the values the edit
 * started from. A field this edit did not change (yours = base) is left alone; one only this edit
 * changed (stored = base) takes yours; one both changed to the same value is saved; one both
 * changed differently keeps the stored value and is a conflict. An absent optional value is
 * `undefined`, and setting one to `undefined` clears it.
 */
export function mergeFields<Fields extends object, K extends keyof Fields>(
  current: Fields,
  changes: Pick<Fields, K>,
  base: Pick<Fields, K>,
): { next: Fields; changed: boolean } & UpdateResult<Fields, K> {
  const next = { ...current };
  const saved: K[] = [];
  const conflicts: FieldConflict<Fields, K>[] = [];
  let changed = false;
  for (const field of Object.keys(changes) as K[]) {
    const yours = changes[field];
    const theirs = current[field];
    if (deepEqual(yours, base[field])) continue;
    if (deepEqual(theirs, yours)) {
      saved.push(field);
    } else if (deepEqual(theirs, base[field])) {
      if (yours === undefined) delete next[field];
      else next[field] = yours;
      saved.push(field);
      changed = true;
    } else {
      conflicts.push({ field, yours, theirs } as FieldConflict<Fields, K>);
    }
  }
  return { next, changed, saved, conflicts };
}

/** A row whose fields carry the time each last changed (see `fieldTimes` in lib/model). */
export interface Timed {
  updatedAt: number;
  fieldTimes?: Partial<Record<string, number>> | undefined;
}

/** When a field of a row last changed: its own time, else (a row from before) the row's. */
export function fieldTime(row: Timed, field: string): number {
  return row.fieldTimes?.[field] ?? row.updatedAt;
}

/**
 * The row's field times after `changed` fields were written at `now`: every field gets a time, so
 * later writes never fall back to an `updatedAt` that other fields moved on.
 */
export function stampFields<F extends string>(
  row: Timed,
  fields: readonly F[],
  changed: readonly F[],
  now: number,
): Record<F, number> {
  const times = {} as Record<F, number>;
  for (const field of fields) times[field] = changed.includes(field) ? now : fieldTime(row, field);
  return times;
}

/** A field of an imported row kept as it is here, because here it is as new or newer. */
export interface KeptField<K> {
  field: K;
  reason: 'local-newer' | 'same-time';
  /** When each side last changed the field. */
  localAt: number;
  importedAt: number;
}

/**
 * Two copies of one row (the one here and an imported one) merged field by field: each field that
 * differs takes the newer copy's value by its field time, through `mergeFields` (so the value here
 * is the base the imported one replaces). A field as new or newer here stays and is reported.
 */
export function mergeNewer<Row extends Timed, K extends keyof Row & string>(
  local: Row,
  imported: Row,
  fields: readonly K[],
): { next: Row; taken: K[]; kept: KeptField<K>[] } {
  const changes = {} as Pick<Row, K>;
  const base = {} as Pick<Row, K>;
  const kept: KeptField<K>[] = [];
  const taken: K[] = [];
  for (const field of fields) {
    if (deepEqual(local[field], imported[field])) continue;
    const localAt = fieldTime(local, field);
    const importedAt = fieldTime(imported, field);
    if (importedAt > localAt) {
      changes[field] = imported[field];
      base[field] = local[field];
      taken.push(field);
    } else {
      kept.push({
        field,
        reason: importedAt < localAt ? 'local-newer' : 'same-time',
        localAt,
        importedAt,
      });
    }
  }
  if (taken.length === 0) return { next: local, taken, kept };
  const { next } = mergeFields<Row, K>(local, changes, base);
  const times = {} as Record<K, number>;
  for (const field of fields) {
    times[field] = Math.max(fieldTime(local, field), fieldTime(imported, field));
  }
  next.fieldTimes = times;
  next.updatedAt = Math.max(local.updatedAt, ...taken.map((f) => times[f]));
  return { next, taken, kept };
}

/**
 * Saves an edit of an entry made from `base` (the values the form showed), merging field by field
 * with any edit another tab saved meanwhile: nothing is silently lost (see `mergeFields`).
 * Throws `MissingError` when the entry is gone, `InvalidChangeError` for an invalid value,
 * `StorageFullError` when storage is full.
 */
export async function updateEntry<K extends EntryField>(
  db: ScoutDb,
  id: string,
  changes: Pick<EntryFields, K>,
  base: Pick<EntryFields, K>,
  now: number,
): Promise<UpdateResult<EntryFields, K>> {
  const editable = pickEditable(changes);
  return withQuota(() =>
    db.transaction('rw', db.shortlistEntries, async () => {
      const current = await db.shortlistEntries.get(id);
      if (!current) throw new MissingError('That entry is no longer on the list');
      const { next, changed, saved, conflicts } = mergeFields<ShortlistEntry, K>(
        current,
        editable as Pick<ShortlistEntry, K>,
        base as Pick<ShortlistEntry, K>,
      );
      if (changed) {
        const written = saved.filter((f) => !deepEqual(current[f], next[f]));
        next.fieldTimes = stampFields(current, ENTRY_FIELDS, written, now);
        const parsed = ShortlistEntrySchema.safeParse({ ...next, updatedAt: now });
        if (!parsed.success) {
          const { path } = firstIssue(parsed.error);
          throw new InvalidChangeError(path, `The entry's ${path || 'data'} is not valid`);
        }
        await db.shortlistEntries.put(parsed.data);
      }
      return { saved, conflicts };
    }),
  );
}

/** Only the editable fields of `changes`: an id, list or creator cannot be changed by an edit. */
function pickEditable<K extends EntryField>(changes: Pick<EntryFields, K>): Pick<EntryFields, K> {
  const picked: Partial<EntryFields> = {};
  for (const field of ENTRY_FIELDS) {
    if (Object.hasOwn(changes, field)) {
      (picked as Record<string, unknown>)[field] = (changes as Partial<EntryFields>)[field];
    }
  }
  return picked as Pick<EntryFields, K>;
}

/**
 * Renames a list; `base` is the name the rename started from. Renamed meanwhile in another tab to
 * another name → the other name stays and the result reports the conflict.
 */
export async function renameList(
  db: ScoutDb,
  id: string,
  name: string,
  base: string,
  now: number,
): Promise<UpdateResult<{ name: string }>> {
  const checked = ListNameSchema.safeParse(name);
  if (!checked.success) {
    throw new InvalidChangeError('name', 'A list name needs 1 to 80 characters');
  }
  return withQuota(() =>
    db.transaction('rw', db.shortlists, async () => {
      const list = await db.shortlists.get(id);
      if (!list) throw new MissingError('That list no longer exists');
      const { next, changed, saved, conflicts } = mergeFields(
        { name: list.name },
        { name: checked.data },
        { name: base },
      );
      if (changed) {
        const times = stampFields<'name'>(list, LIST_FIELDS, ['name'], now);
        await db.shortlists.update(id, {
          name: next.name,
          fieldTimes: times,
          updatedAt: now,
        } satisfies Partial<Shortlist>);
      }
      return { saved, conflicts };
    }),
  );
}

/** Deletes a list and every entry on it (the creators stay). */
export async function deleteList(
  db: ScoutDb,
  id: string,
): Promise<{ deleted: boolean; entries: number }> {
  return withQuota(() =>
    db.transaction('rw', db.shortlists, db.shortlistEntries, async () => {
      const deleted = (await db.shortlists.get(id)) !== undefined;
      const entries = await db.shortlistEntries.where('listId').equals(id).delete();
      await db.shortlists.delete(id);
      return { deleted, entries };
    }),
  );
}

/** Removes one creator from one list; false when the entry was already gone. */
export async function removeEntry(db: ScoutDb, id: string): Promise<boolean> {
  return withQuota(() =>
    db.transaction('rw', db.shortlistEntries, async () => {
      const found = (await db.shortlistEntries.get(id)) !== undefined;
      await db.shortlistEntries.delete(id);
      return found;
    }),
  );
}
