import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { updateEntry } from '@/lib/db/edits';
import {
  DEFAULT_LIST,
  listsForSaving,
  listsOf,
  MissingError,
  saveToShortlist,
} from '@/lib/db/shortlists';
import { ENTRY_FIELDS } from '@/lib/model';
import { T0, tiktokSnapshot } from './fixtures';

const snapshot = (handle: string) => tiktokSnapshot(handle);

let db: ScoutDb;

beforeEach(async () => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  await recordSnapshot(db, snapshot('jane'), T0);
  await recordSnapshot(db, snapshot('john'), T0);
});

afterEach(async () => {
  await db.delete();
});

describe('saveToShortlist', () => {
  it('creates the list "Shortlist" on the first one-click save', async () => {
    const result = await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 1);
    expect(result).toEqual({
      listId: DEFAULT_LIST.id,
      listName: 'Shortlist',
      entryId: `${DEFAULT_LIST.id}|tiktok:jane`,
      created: true,
      conflicts: [],
    });
    expect(await db.shortlists.toArray()).toEqual([
      {
        id: DEFAULT_LIST.id,
        name: 'Shortlist',
        fieldTimes: { name: T0 + 1 },
        createdAt: T0 + 1,
        updatedAt: T0 + 1,
      },
    ]);
    expect(await db.shortlistEntries.toArray()).toEqual([
      {
        id: `${DEFAULT_LIST.id}|tiktok:jane`,
        listId: DEFAULT_LIST.id,
        creatorKey: 'tiktok:jane',
        status: 'new',
        note: '',
        tags: [],
        // Every field's time is known from the start: an import merges field by field with them.
        fieldTimes: Object.fromEntries(ENTRY_FIELDS.map((f) => [f, T0 + 1])),
        createdAt: T0 + 1,
        updatedAt: T0 + 1,
      },
    ]);
  });

  it('treats the default list id like no list id', async () => {
    await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 1);
    const result = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:john', listId: DEFAULT_LIST.id },
      T0 + 2,
    );
    expect(result.listName).toBe('Shortlist');
    expect(await db.shortlists.count()).toBe(1);
    expect(await db.shortlistEntries.where('listId').equals(DEFAULT_LIST.id).count()).toBe(2);
  });

  it('does not duplicate a creator saved twice to the same list', async () => {
    await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 1);
    const again = await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 2);
    expect(again.created).toBe(false);
    expect(await db.shortlistEntries.count()).toBe(1);
    expect(await db.shortlists.count()).toBe(1);
  });

  it('keeps note, tags, status and creation date when saved again without them', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'great hooks', tags: ['skincare'] },
      T0 + 1,
    );
    await db.shortlistEntries.update(entryId, { status: 'contacted' });
    const again = await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 2);
    expect(again.conflicts).toEqual([]);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'great hooks',
      tags: ['skincare'],
      status: 'contacted',
      createdAt: T0 + 1,
      // Nothing about the entry changed: it is not touched.
      updatedAt: T0 + 1,
    });
  });

  it('changes only the note when the form changed only the note', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'old', tags: ['a'] },
      T0 + 1,
    );
    const result = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'new', base: { note: 'old' } },
      T0 + 2,
    );
    expect(result.conflicts).toEqual([]);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'new',
      tags: ['a'],
      fieldTimes: { note: T0 + 2, tags: T0 + 1, status: T0 + 1 },
      updatedAt: T0 + 2,
    });
  });

  it('changes only the tags when the form changed only the tags, and can clear them', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'keep', tags: ['a'] },
      T0 + 1,
    );
    await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', tags: [], base: { tags: ['a'] } },
      T0 + 2,
    );
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({ note: 'keep', tags: [] });
  });

  it('never replaces a stored note with one typed into a blank form', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'negotiated $400', tags: ['a'] },
      T0 + 1,
    );
    // A form that did not show the stored note (no base): it started blank.
    const result = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'great hooks', tags: ['b'] },
      T0 + 2,
    );
    expect(result.conflicts).toEqual([
      { field: 'note', yours: 'great hooks', theirs: 'negotiated $400' },
      { field: 'tags', yours: ['b'], theirs: ['a'] },
    ]);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'negotiated $400',
      tags: ['a'],
    });
  });

  it('keeps an edit another tab made since the form opened, and reports it', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'start', tags: ['a'] },
      T0 + 1,
    );
    // The form opened showing "start" and ["a"]; meanwhile the shortlists page changed the note.
    await updateEntry(db, entryId, { note: 'from the list page' }, { note: 'start' }, T0 + 2);
    const result = await saveToShortlist(
      db,
      {
        creatorKey: 'tiktok:jane',
        note: 'from the card',
        tags: ['a', 'baking'],
        base: { note: 'start', tags: ['a'] },
      },
      T0 + 3,
    );
    expect(result.conflicts).toEqual([
      { field: 'note', yours: 'from the card', theirs: 'from the list page' },
    ]);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'from the list page',
      tags: ['a', 'baking'],
      updatedAt: T0 + 3,
    });
  });

  it('is no conflict when the other tab saved the same value', async () => {
    const { entryId } = await saveToShortlist(db, { creatorKey: 'tiktok:jane', note: 'a' }, T0 + 1);
    await updateEntry(db, entryId, { note: 'b' }, { note: 'a' }, T0 + 2);
    const result = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'b', base: { note: 'a' } },
      T0 + 3,
    );
    expect(result.conflicts).toEqual([]);
    expect((await db.shortlistEntries.get(entryId))?.note).toBe('b');
  });

  it('creates a new list by name and saves to it', async () => {
    const result = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', newListName: '  Spring launch ' },
      T0 + 1,
    );
    expect(result.created).toBe(true);
    expect(result.listName).toBe('Spring launch');
    expect(result.listId).not.toBe(DEFAULT_LIST.id);
    expect(await db.shortlists.get(result.listId)).toMatchObject({ name: 'Spring launch' });
    expect(await db.shortlists.get(DEFAULT_LIST.id)).toBeUndefined();
  });

  it('saves to an existing list by id', async () => {
    const { listId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', newListName: 'Spring launch' },
      T0 + 1,
    );
    const result = await saveToShortlist(db, { creatorKey: 'tiktok:john', listId }, T0 + 2);
    expect(result).toMatchObject({ listId, listName: 'Spring launch', created: true });
    expect(await db.shortlistEntries.where('listId').equals(listId).count()).toBe(2);
    expect(await db.shortlists.get(listId)).toMatchObject({ updatedAt: T0 + 2 });
  });

  it('refuses a creator Scout has not seen, and writes nothing', async () => {
    await expect(
      saveToShortlist(db, { creatorKey: 'tiktok:nobody' }, T0 + 1),
    ).rejects.toBeInstanceOf(MissingError);
    await expect(
      saveToShortlist(db, { creatorKey: 'tiktok:nobody', newListName: 'Spring launch' }, T0 + 1),
    ).rejects.toBeInstanceOf(MissingError);
    expect(await db.shortlists.count()).toBe(0);
    expect(await db.shortlistEntries.count()).toBe(0);
  });

  it('refuses a list that was deleted, and writes nothing', async () => {
    const { listId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', newListName: 'Old' },
      T0 + 1,
    );
    await db.shortlists.delete(listId);
    await db.shortlistEntries.where('listId').equals(listId).delete();
    const saving = saveToShortlist(db, { creatorKey: 'tiktok:john', listId }, T0 + 2);
    await expect(saving).rejects.toBeInstanceOf(MissingError);
    await expect(saving).rejects.toThrow('That list no longer exists');
    expect(await db.shortlistEntries.count()).toBe(0);
  });
});

describe('listsForSaving', () => {
  it("gives the newest lists first, each with the creator's note and tags where they are on it", async () => {
    await saveToShortlist(db, { creatorKey: 'tiktok:jane', note: 'one-click list' }, T0 + 1);
    const spring = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:john', newListName: 'Spring launch' },
      T0 + 2,
    );
    await saveToShortlist(
      db,
      {
        creatorKey: 'tiktok:jane',
        listId: spring.listId,
        note: 'ask about Easter',
        tags: ['food'],
      },
      T0 + 3,
    );
    await saveToShortlist(db, { creatorKey: 'tiktok:john', newListName: 'Only John' }, T0 + 4);
    const lists = await listsForSaving(db, 'tiktok:jane');
    expect(lists).toEqual([
      { id: expect.any(String), name: 'Only John' },
      {
        id: spring.listId,
        name: 'Spring launch',
        entry: { note: 'ask about Easter', tags: ['food'] },
      },
      { id: DEFAULT_LIST.id, name: 'Shortlist', entry: { note: 'one-click list', tags: [] } },
    ]);
    expect((await listsForSaving(db, undefined)).map((l) => l.entry)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('listsOf', () => {
  it('gives no lists for a creator on none', async () => {
    expect(await listsOf(db, 'tiktok:jane')).toEqual([]);
  });

  it('gives every list a creator is on, and only theirs', async () => {
    await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 1);
    const spring = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', newListName: 'Spring launch' },
      T0 + 2,
    );
    await saveToShortlist(db, { creatorKey: 'tiktok:john', newListName: 'Only John' }, T0 + 3);
    const lists = await listsOf(db, 'tiktok:jane');
    expect(lists).toHaveLength(2);
    expect(lists).toEqual(
      expect.arrayContaining([
        { id: DEFAULT_LIST.id, name: 'Shortlist' },
        { id: spring.listId, name: 'Spring launch' },
      ]),
    );
  });

  it('skips an entry whose list is gone', async () => {
    const { listId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', newListName: 'Gone' },
      T0 + 1,
    );
    await db.shortlists.delete(listId);
    expect(await listsOf(db, 'tiktok:jane')).toEqual([]);
  });
});
