import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { forgetCreator, wipeAll } from '@/lib/db/privacy';
import { saveToShortlist } from '@/lib/db/shortlists';
import { recordSightings } from '@/lib/db/sightings';
import { T0, tiktokSnapshot } from './fixtures';

const HOUR = 60 * 60 * 1000;

const snapshot = (handle: string, capturedAt = T0) =>
  tiktokSnapshot(handle, { displayName: handle, capturedAt });

let db: ScoutDb;

beforeEach(async () => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  for (const handle of ['jane', 'john']) {
    await recordSnapshot(db, snapshot(handle), T0);
    await recordSnapshot(db, snapshot(handle, T0 + 2 * HOUR), T0 + 2 * HOUR);
  }
  await saveToShortlist(db, { creatorKey: 'tiktok:jane', note: 'hi' }, T0);
  await saveToShortlist(db, { creatorKey: 'tiktok:jane', newListName: 'Spring' }, T0);
  await saveToShortlist(db, { creatorKey: 'tiktok:john' }, T0);
  await db.settings.put({ key: 'ui', value: { theme: 'dark' }, createdAt: T0, updatedAt: T0 });
  // Jane was also seen in a feed, and so was someone never visited.
  await recordSightings(db, [snapshot('jane'), snapshot('feedonly')], T0 + HOUR);
});

afterEach(async () => {
  await db.delete();
});

/** Every row of every table, as text: where a value could hide. */
async function everything(): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const keys = await table.toCollection().primaryKeys();
    dump[table.name] = [keys, await table.toArray()];
  }
  return JSON.stringify(dump);
}

describe('forgetCreator', () => {
  it('leaves the key nowhere in the database', async () => {
    expect(await everything()).toContain('tiktok:jane');
    expect(await forgetCreator(db, 'tiktok:jane')).toEqual({
      creator: true,
      snapshots: 2,
      entries: 2,
      sighting: true,
      commentPosts: 0,
    });
    const left = await everything();
    expect(left).not.toContain('tiktok:jane');
    expect(left).not.toContain('@jane');
    expect(await db.creators.get('tiktok:jane')).toBeUndefined();
  });

  it('keeps everyone else, their history and the lists', async () => {
    await forgetCreator(db, 'tiktok:jane');
    expect(await db.creators.toCollection().primaryKeys()).toEqual(['tiktok:john']);
    expect(await db.snapshots.where('creatorKey').equals('tiktok:john').count()).toBe(2);
    expect(await db.shortlistEntries.where('creatorKey').equals('tiktok:john').count()).toBe(1);
    expect(await db.shortlists.count()).toBe(2);
    expect(await db.settings.count()).toBe(1);
    expect(await db.sightings.toCollection().primaryKeys()).toEqual(['tiktok:feedonly']);
  });

  it('is harmless for a creator Scout does not know', async () => {
    expect(await forgetCreator(db, 'tiktok:nobody')).toEqual({
      creator: false,
      snapshots: 0,
      entries: 0,
      sighting: false,
      commentPosts: 0,
    });
    expect(await db.creators.count()).toBe(2);
  });
});

describe('wipeAll', () => {
  it('empties every table', async () => {
    await wipeAll(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('leaves a database that opens and works', async () => {
    await wipeAll(db);
    await recordSnapshot(db, snapshot('jane'), T0 + 3 * HOUR);
    const saved = await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0 + 3 * HOUR);
    expect(saved).toMatchObject({ listName: 'Shortlist', created: true });
    db.close();
    const again = new ScoutDb(db.name);
    await again.open();
    expect(await again.shortlistEntries.count()).toBe(1);
    again.close();
  });
});
