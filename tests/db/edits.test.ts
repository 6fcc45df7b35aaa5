import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import {
  deleteList,
  fieldTime,
  InvalidChangeError,
  mergeFields,
  mergeNewer,
  removeEntry,
  renameList,
  updateEntry,
} from '@/lib/db/edits';
import { MissingError, saveToShortlist } from '@/lib/db/shortlists';
import { T0, tiktokSnapshot } from './fixtures';

const snapshot = (handle: string) => tiktokSnapshot(handle);

let db: ScoutDb;
let entryId: string;
let listId: string;

beforeEach(async () => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  await recordSnapshot(db, snapshot('jane'), T0);
  await recordSnapshot(db, snapshot('john'), T0);
  const saved = await saveToShortlist(
    db,
    { creatorKey: 'tiktok:jane', newListName: 'Spring launch', note: 'start', tags: ['a'] },
    T0 + 1,
  );
  await saveToShortlist(db, { creatorKey: 'tiktok:john', listId: saved.listId }, T0 + 2);
  entryId = saved.entryId;
  listId = saved.listId;
});

afterEach(async () => {
  await db.delete();
});

/** What both tabs showed when the user started editing. */
const BASE = { note: 'start', tags: ['a'], status: 'new' as const };

describe('updateEntry: two tabs editing the same entry', () => {
  it('keeps both edits when one changes the note and the other the tags', async () => {
    const first = await updateEntry(
      db,
      entryId,
      { note: 'from tab 1' },
      { note: BASE.note },
      T0 + 10,
    );
    const second = await updateEntry(
      db,
      entryId,
      { tags: ['a', 'b'] },
      { tags: BASE.tags },
      T0 + 11,
    );
    expect(first).toEqual({ saved: ['note'], conflicts: [] });
    expect(second).toEqual({ saved: ['tags'], conflicts: [] });
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'from tab 1',
      tags: ['a', 'b'],
      updatedAt: T0 + 11,
    });
  });

  it('keeps both edits when each tab sends its whole form from the same base', async () => {
    await updateEntry(db, entryId, { ...BASE, note: 'from tab 1' }, BASE, T0 + 10);
    const second = await updateEntry(db, entryId, { ...BASE, tags: ['a', 'b'] }, BASE, T0 + 11);
    expect(second).toEqual({ saved: ['tags'], conflicts: [] });
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'from tab 1',
      tags: ['a', 'b'],
      status: 'new',
    });
  });

  it('reports a conflict when both change the note differently, and keeps the first', async () => {
    await updateEntry(db, entryId, { note: 'from tab 1' }, { note: BASE.note }, T0 + 10);
    const second = await updateEntry(
      db,
      entryId,
      { note: 'from tab 2', status: 'contacted' },
      { note: BASE.note, status: BASE.status },
      T0 + 11,
    );
    expect(second).toEqual({
      saved: ['status'],
      conflicts: [{ field: 'note', yours: 'from tab 2', theirs: 'from tab 1' }],
    });
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'from tab 1',
      status: 'contacted',
    });
  });

  it('merges two edits that race (sent at once)', async () => {
    const [one, two] = await Promise.all([
      updateEntry(db, entryId, { note: 'tab 1' }, { note: BASE.note }, T0 + 10),
      updateEntry(db, entryId, { status: 'negotiating' }, { status: BASE.status }, T0 + 10),
    ]);
    expect([...one.saved, ...two.saved].sort()).toEqual(['note', 'status']);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'tab 1',
      status: 'negotiating',
    });
  });

  it('is no conflict when both made the same change', async () => {
    await updateEntry(db, entryId, { note: 'same' }, { note: BASE.note }, T0 + 10);
    const second = await updateEntry(db, entryId, { note: 'same' }, { note: BASE.note }, T0 + 11);
    expect(second).toEqual({ saved: ['note'], conflicts: [] });
    expect((await db.shortlistEntries.get(entryId))?.updatedAt).toBe(T0 + 10);
  });

  it('compares tags by value, not by identity', async () => {
    await updateEntry(db, entryId, { tags: ['a', 'b'] }, { tags: ['a'] }, T0 + 10);
    const second = await updateEntry(db, entryId, { tags: ['c'] }, { tags: ['a'] }, T0 + 11);
    expect(second.conflicts).toEqual([{ field: 'tags', yours: ['c'], theirs: ['a', 'b'] }]);
  });

  it('sets and clears optional fields', async () => {
    await updateEntry(
      db,
      entryId,
      { agreedRate: 250, utmLink: 'https://shop.example/?utm=jane', discountCode: 'JANE10' },
      {},
      T0 + 10,
    );
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      agreedRate: 250,
      discountCode: 'JANE10',
    });
    await updateEntry(db, entryId, { agreedRate: undefined }, { agreedRate: 250 }, T0 + 11);
    const row = await db.shortlistEntries.get(entryId);
    expect(row).not.toHaveProperty('agreedRate');
    expect(row?.discountCode).toBe('JANE10');
  });

  it('never changes the id, list or creator of an entry', async () => {
    const sneaky = { note: 'x', listId: 'other', creatorKey: 'tiktok:john' } as { note: string };
    await updateEntry(db, entryId, sneaky, { note: BASE.note }, T0 + 10);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      listId,
      creatorKey: 'tiktok:jane',
      note: 'x',
    });
  });

  it('refuses an invalid value and saves nothing', async () => {
    const saving = updateEntry(
      db,
      entryId,
      { note: 'ok', tags: ['fine', '   '] },
      { note: BASE.note, tags: BASE.tags },
      T0 + 10,
    );
    await expect(saving).rejects.toBeInstanceOf(InvalidChangeError);
    await expect(saving).rejects.toMatchObject({ path: 'tags[1]' });
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({ note: 'start', tags: ['a'] });
  });

  it('stores tags trimmed', async () => {
    await updateEntry(db, entryId, { tags: [' spring '] }, { tags: BASE.tags }, T0 + 10);
    expect((await db.shortlistEntries.get(entryId))?.tags).toEqual(['spring']);
  });

  it('says when the entry was removed meanwhile', async () => {
    await removeEntry(db, entryId);
    await expect(
      updateEntry(db, entryId, { note: 'late' }, { note: BASE.note }, T0 + 10),
    ).rejects.toBeInstanceOf(MissingError);
  });
});

describe('renameList', () => {
  it('renames a list (trimmed)', async () => {
    const result = await renameList(db, listId, '  Summer  ', 'Spring launch', T0 + 10);
    expect(result).toEqual({ saved: ['name'], conflicts: [] });
    expect(await db.shortlists.get(listId)).toMatchObject({ name: 'Summer', updatedAt: T0 + 10 });
  });

  it('reports a rename in another tab instead of overwriting it', async () => {
    await renameList(db, listId, 'Summer', 'Spring launch', T0 + 10);
    const second = await renameList(db, listId, 'Autumn', 'Spring launch', T0 + 11);
    expect(second).toEqual({
      saved: [],
      conflicts: [{ field: 'name', yours: 'Autumn', theirs: 'Summer' }],
    });
    expect((await db.shortlists.get(listId))?.name).toBe('Summer');
  });

  it('refuses an empty name and a missing list', async () => {
    await expect(renameList(db, listId, '   ', 'Spring launch', T0)).rejects.toBeInstanceOf(
      InvalidChangeError,
    );
    await expect(renameList(db, 'gone', 'X', 'Y', T0)).rejects.toBeInstanceOf(MissingError);
  });
});

describe('deleteList and removeEntry', () => {
  it('deletes a list with its entries and leaves other lists and the creators', async () => {
    const other = await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 3);
    expect(await deleteList(db, listId)).toEqual({ deleted: true, entries: 2 });
    expect(await db.shortlists.get(listId)).toBeUndefined();
    expect(await db.shortlistEntries.where('listId').equals(listId).count()).toBe(0);
    expect(await db.shortlistEntries.get(other.entryId)).toBeDefined();
    expect(await db.creators.count()).toBe(2);
    expect(await deleteList(db, listId)).toEqual({ deleted: false, entries: 0 });
  });

  it('removes one entry', async () => {
    expect(await removeEntry(db, entryId)).toBe(true);
    expect(await db.shortlistEntries.get(entryId)).toBeUndefined();
    expect(await db.shortlistEntries.where('listId').equals(listId).count()).toBe(1);
    expect(await removeEntry(db, entryId)).toBe(false);
  });
});

describe('mergeFields', () => {
  it('leaves a field this edit did not change to the other edit', () => {
    const result = mergeFields({ a: 1, b: 2 }, { a: 1, b: 3 }, { a: 1, b: 2 });
    expect(result).toMatchObject({ next: { a: 1, b: 3 }, changed: true, saved: ['b'] });
    const untouched = mergeFields({ a: 5, b: 2 }, { a: 1 }, { a: 1 });
    expect(untouched).toMatchObject({ next: { a: 5 }, changed: false, saved: [], conflicts: [] });
  });
});

describe('updateEntry: when each field changed', () => {
  it('stamps the fields it writes, and only those', async () => {
    await updateEntry(
      db,
      entryId,
      { note: 'new', tags: ['a'] },
      { note: 'start', tags: ['a'] },
      T0 + 10,
    );
    const entry = (await db.shortlistEntries.get(entryId))!;
    expect(fieldTime(entry, 'note')).toBe(T0 + 10);
    // The tags were sent unchanged: their time is still the save's.
    expect(fieldTime(entry, 'tags')).toBe(T0 + 1);
    expect(fieldTime(entry, 'status')).toBe(T0 + 1);
  });

  it('gives a row from before field times the row time for its other fields', async () => {
    await db.shortlistEntries.update(entryId, { fieldTimes: undefined, updatedAt: T0 + 5 });
    await updateEntry(db, entryId, { status: 'contacted' }, { status: 'new' }, T0 + 10);
    const entry = (await db.shortlistEntries.get(entryId))!;
    expect(entry.fieldTimes).toMatchObject({ status: T0 + 10, note: T0 + 5, tags: T0 + 5 });
  });
});

describe('mergeNewer', () => {
  const row = (over: Record<string, unknown>) => ({
    note: 'x',
    tags: ['a'],
    status: 'new',
    updatedAt: T0,
    fieldTimes: { note: T0, tags: T0, status: T0 },
    ...over,
  });
  const FIELDS = ['note', 'tags', 'status'] as const;

  it('takes each field from the copy that changed it last', () => {
    // Here: the status changed at T0+5. The file: the note changed at T0+3.
    const local = row({
      status: 'contacted',
      updatedAt: T0 + 5,
      fieldTimes: { note: T0, tags: T0, status: T0 + 5 },
    });
    const file = row({
      note: 'from a colleague',
      updatedAt: T0 + 3,
      fieldTimes: { note: T0 + 3, tags: T0, status: T0 },
    });
    const { next, taken, kept } = mergeNewer(local, file, FIELDS);
    expect(taken).toEqual(['note']);
    expect(kept).toEqual([
      { field: 'status', reason: 'local-newer', localAt: T0 + 5, importedAt: T0 },
    ]);
    expect(next).toMatchObject({
      note: 'from a colleague',
      status: 'contacted',
      tags: ['a'],
      updatedAt: T0 + 5,
      fieldTimes: { note: T0 + 3, status: T0 + 5, tags: T0 },
    });
  });

  it('keeps the value here when both changed a field at the same time', () => {
    const { next, kept } = mergeNewer(row({ note: 'mine' }), row({ note: 'theirs' }), FIELDS);
    expect(next.note).toBe('mine');
    expect(kept).toEqual([{ field: 'note', reason: 'same-time', localAt: T0, importedAt: T0 }]);
  });

  it('falls back to the row time for rows without field times', () => {
    const local = row({ note: 'old', fieldTimes: undefined, updatedAt: T0 });
    const file = row({ note: 'new', fieldTimes: undefined, updatedAt: T0 + 1 });
    expect(mergeNewer(local, file, FIELDS).next.note).toBe('new');
  });

  it('clears an optional field the newer copy cleared', () => {
    const local = { discountCode: 'JANE10', updatedAt: T0, fieldTimes: { discountCode: T0 } };
    const file = { updatedAt: T0 + 1, fieldTimes: { discountCode: T0 + 1 } } as typeof local;
    const { next } = mergeNewer(local, file, ['discountCode'] as const);
    expect('discountCode' in next).toBe(false);
  });
});
