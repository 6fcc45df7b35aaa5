/**
 * Upgrade tests: every released version of the database keeps the data written by the one before.
 * Adding version N+1 to lib/db/versions.ts means adding one `it` below: write rows with `openAt(name, N)`
 * in version N's shape, close, open with `openAt(name, N + 1)` and read them back as version N+1 expects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ScoutDb } from '@/lib/db/database';
import { DB_VERSIONS } from '@/lib/db/versions';
import {
  entryId,
  type CreatorRow,
  type SettingRow,
  type Shortlist,
  type ShortlistEntry,
  type SnapshotRow,
} from '@/lib/model';

const T0 = Date.UTC(2026, 0, 15, 12);
const LATEST = Math.max(...DB_VERSIONS.map((v) => v.version));

/** The database exactly as it was released at `version`. */
const openAt = (name: string, version: number) =>
  new ScoutDb(
    name,
    DB_VERSIONS.filter((v) => v.version <= version),
  );

const opened: ScoutDb[] = [];
/** A fresh database name; every database opened under it is deleted after the test. */
function track(db: ScoutDb): ScoutDb {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Rows in the shape version 1 stores them. */
const V1 = {
  creators: [
    {
      key: 'tiktok:jane',
      snapshot: {
        platform: 'tiktok',
        handle: 'jane',
        url: 'https://www.tiktok.com/@jane',
        followers: 38_200,
        precision: { followers: 'rounded' },
        recentPosts: [{ id: '7234567890123456789', views: 41_000, likes: 3_100 }],
        capturedAt: T0,
        sources: ['tiktok/universal-data'],
      },
      createdAt: T0,
      updatedAt: T0,
    },
  ] satisfies CreatorRow[],
  snapshots: [] as SnapshotRow[],
  shortlists: [
    { id: 'default', name: 'Shortlist', createdAt: T0, updatedAt: T0 },
  ] satisfies Shortlist[],
  shortlistEntries: [
    {
      id: entryId('default', 'tiktok:jane'),
      listId: 'default',
      creatorKey: 'tiktok:jane',
      status: 'contacted',
      note: 'great hooks',
      tags: ['skincare'],
      agreedRate: 250,
      createdAt: T0,
      updatedAt: T0 + 1,
    },
  ] satisfies ShortlistEntry[],
  settings: [
    { key: 'rateCard', value: { version: 1, tiktokVideoPer1K: 6 }, createdAt: T0, updatedAt: T0 },
  ] satisfies SettingRow[],
};
V1.snapshots.push({
  id: 1,
  creatorKey: 'tiktok:jane',
  capturedAt: T0,
  snapshot: V1.creators[0]!.snapshot,
  createdAt: T0,
  updatedAt: T0,
});

async function writeV1(db: ScoutDb): Promise<void> {
  await db.transaction(
    'rw',
    [db.creators, db.snapshots, db.shortlists, db.shortlistEntries, db.settings],
    async () => {
      await db.creators.bulkAdd(V1.creators);
      await db.snapshots.bulkAdd(V1.snapshots);
      await db.shortlists.bulkAdd(V1.shortlists);
      await db.shortlistEntries.bulkAdd(V1.shortlistEntries);
      await db.settings.bulkAdd(V1.settings);
    },
  );
}

describe('released database versions', () => {
  it('are numbered 1..N with no gap, oldest first', () => {
    expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1));
  });

  it('start with version 1 declaring every table', () => {
    expect(Object.keys(DB_VERSIONS[0]?.stores ?? {}).sort()).toEqual(
      ['creators', 'settings', 'shortlistEntries', 'shortlists', 'snapshots'].sort(),
    );
  });

  it('open the current schema at the latest version', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = track(new ScoutDb(name));
    await db.open();
    expect(db.verno).toBe(LATEST);
  });
});

describe('upgrades keep every row', () => {
  it('version 1 data reads back unchanged in the current database', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = track(openAt(name, 1));
    await writeV1(v1);
    v1.close();

    const current = track(new ScoutDb(name));
    await current.open();
    expect(current.verno).toBe(LATEST);
    expect(await current.creators.toArray()).toEqual(V1.creators);
    expect(await current.snapshots.toArray()).toEqual(V1.snapshots);
    expect(await current.shortlists.toArray()).toEqual(V1.shortlists);
    expect(await current.shortlistEntries.toArray()).toEqual(V1.shortlistEntries);
    expect(await current.settings.toArray()).toEqual(V1.settings);
  });

  it('version 1 indexes still answer the queries the app makes', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = track(openAt(name, 1));
    await writeV1(v1);
    v1.close();

    const current = track(new ScoutDb(name));
    expect(await current.shortlistEntries.where('creatorKey').equals('tiktok:jane').count()).toBe(
      1,
    );
    expect(await current.shortlistEntries.where('listId').equals('default').count()).toBe(1);
    expect(
      await current.snapshots
        .where('[creatorKey+capturedAt]')
        .between(['tiktok:jane', T0 - 1], ['tiktok:jane', T0 + 1])
        .count(),
    ).toBe(1);
    // A new history row continues after the old ids.
    const id = await current.snapshots.add({
      ...V1.snapshots[0]!,
      id: undefined,
      capturedAt: T0 + 7_200_000,
    });
    expect(id).toBeGreaterThan(1);
  });

  it('version 1 data reads back as version 2 expects, with an empty sightings store', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = track(openAt(name, 1));
    await writeV1(v1);
    v1.close();

    const v2 = track(openAt(name, 2));
    await v2.open();
    expect(await v2.creators.toArray()).toEqual(V1.creators);
    expect(await v2.shortlistEntries.toArray()).toEqual(V1.shortlistEntries);
    expect(await v2.sightings.count()).toBe(0);
    // The new store answers the queries the background makes: by key, and oldest first.
    const row = { key: 'tiktok:sam', snapshot: V1.creators[0]!.snapshot, seenAt: T0 };
    await v2.sightings.put({
      ...row,
      snapshot: { ...row.snapshot, handle: 'sam' },
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await v2.sightings.orderBy('seenAt').primaryKeys()).toEqual(['tiktok:sam']);
    expect(await v2.creators.get('tiktok:sam')).toBeUndefined();
  });

  it('version 2 data reads back as version 3 expects, with an empty comments store', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v2 = track(openAt(name, 2));
    await writeV1(v2);
    const sighting = {
      key: 'tiktok:sam',
      snapshot: { ...V1.creators[0]!.snapshot, handle: 'sam' },
      seenAt: T0,
      createdAt: T0,
      updatedAt: T0,
    };
    await v2.sightings.put(sighting);
    v2.close();

    const v3 = track(openAt(name, 3));
    await v3.open();
    expect(await v3.creators.toArray()).toEqual(V1.creators);
    expect(await v3.snapshots.toArray()).toEqual(V1.snapshots);
    expect(await v3.shortlistEntries.toArray()).toEqual(V1.shortlistEntries);
    expect(await v3.sightings.toArray()).toEqual([sighting]);
    expect(await v3.comments.count()).toBe(0);
    // The new store answers the queries the background makes: by creator, and oldest first.
    const row = {
      creatorKey: 'tiktok:jane',
      postId: '7234567890123456789',
      comments: [{ text: 'so good', likes: 2 }],
      seenAt: T0,
      createdAt: T0,
      updatedAt: T0,
    };
    await v3.comments.put(row);
    expect(await v3.comments.where('creatorKey').equals('tiktok:jane').toArray()).toEqual([row]);
    expect(await v3.comments.orderBy('seenAt').primaryKeys()).toEqual([
      ['tiktok:jane', '7234567890123456789'],
    ]);
  });

  // Version 4: add `it('version 3 data reads back as version 4 expects', ...)` here, using
  // openAt(name, 3) to write and openAt(name, 4) to read, and keep the tests above for the chain.
});
