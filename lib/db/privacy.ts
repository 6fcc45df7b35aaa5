import type { ScoutDb } from './database';
import { withQuota } from './quota';

export interface ForgetResult {
  creator: boolean;
  snapshots: number;
  entries: number;
  /** Whether feeds had shown the creator (their sighting is forgotten too). */
  sighting: boolean;
  /** Posts whose comments were held for the creator (forgotten too). */
  commentPosts: number;
}

/**
 * Forgets a creator: their row, their history, every shortlist entry of them, their sighting and
 * the comments read on their posts, in one transaction. Afterwards the key is nowhere in the database. (Tab records in `storage.session`
 * are not the database: the caller clears those.)
 */
export async function forgetCreator(db: ScoutDb, key: string): Promise<ForgetResult> {
  return withQuota(() =>
    db.transaction(
      'rw',
      [db.creators, db.snapshots, db.shortlistEntries, db.sightings, db.comments],
      async () => {
        const creator = (await db.creators.get(key)) !== undefined;
        await db.creators.delete(key);
        const snapshots = await db.snapshots.where('creatorKey').equals(key).delete();
        const entries = await db.shortlistEntries.where('creatorKey').equals(key).delete();
        const sighting = (await db.sightings.get(key)) !== undefined;
        await db.sightings.delete(key);
        const commentPosts = await db.comments.where('creatorKey').equals(key).delete();
        return { creator, snapshots, entries, sighting, commentPosts };
      },
    ),
  );
}

/**
 * Empties every table of the database in one transaction (all or nothing). The database stays open
 * at its version and works as new. Settings kept in `browser.storage` are not the database.
 */
export async function wipeAll(db: ScoutDb): Promise<void> {
  await withQuota(() =>
    db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
    }),
  );
}
