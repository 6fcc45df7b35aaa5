import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { DEFAULT_LIST, listsOf, MissingError, saveToShortlist } from '@/lib/db/shortlists';
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
    });
    expect(await db.shortlists.toArray()).toEqual([
      { id: DEFAULT_LIST.id, name: 'Shortlist', createdAt: T0 + 1, updatedAt: T0 + 1 },
    ]);
    expect(await db.shortlistEntries.toArray()).toEqual([
      {
        id: `${DEFAULT_LIST.id}|tiktok:jane`,
        listId: DEFAULT_LIST.id,
        creatorKey: 'tiktok:jane',
        status: 'new',
        note: '',
        tags: [],
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
    await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 2);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({
      note: 'great hooks',
      tags: ['skincare'],
      status: 'contacted',
      createdAt: T0 + 1,
      updatedAt: T0 + 2,
    });
  });

  it('updates only the note when only a note is given', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'old', tags: ['a'] },
      T0 + 1,
    );
    await saveToShortlist(db, { creatorKey: 'tiktok:jane', note: 'new' }, T0 + 2);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({ note: 'new', tags: ['a'] });
  });

  it('updates only the tags when only tags are given, and can clear them', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', note: 'keep', tags: ['a'] },
      T0 + 1,
    );
    await saveToShortlist(db, { creatorKey: 'tiktok:jane', tags: [] }, T0 + 2);
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({ note: 'keep', tags: [] });
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
