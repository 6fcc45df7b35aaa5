import {
  creatorKey,
  type CreatorKey,
  type CreatorRow,
  type ProfileSnapshot,
  type Vetting,
} from '../model';
import type { CommentList } from '../extract/comments';
import { addComments, commentsOf, type PostCommentsRow } from './comments';
import type { ScoutDb } from './database';
import { withQuota } from './quota';

const HOUR = 60 * 60 * 1000;
/** History kept per creator; older snapshots are dropped first. */
export const SNAPSHOTS_PER_CREATOR = 200;

/**
 * The vetting stored with a creator: from the snapshot it describes, Scout's earlier snapshots and
 * the comments read on the creator's posts.
 */
export type Vet = (
  snapshot: ProfileSnapshot,
  history: ProfileSnapshot[],
  comments: PostCommentsRow[],
) => Vetting;

/**
 * Stores a creator's latest snapshot and adds it to their history: at most one history entry per
 * creator per hour (a newer capture inside the hour replaces the older one). With `vet`, the row's
 * vetting is computed and stored in the same transaction: a failed write leaves none of the three.
 */
export async function recordSnapshot(
  db: ScoutDb,
  snapshot: ProfileSnapshot,
  now: number,
  vet?: Vet,
): Promise<CreatorRow> {
  const key = creatorKey(snapshot);
  return withQuota(() =>
    db.transaction('rw', [db.creators, db.snapshots, db.comments], async () => {
      const existing = await db.creators.get(key);
      // A newer capture beats an older one, whatever order they arrive in.
      const newest = !existing || existing.snapshot.capturedAt <= snapshot.capturedAt;
      const row: CreatorRow = newest
        ? { key, snapshot, createdAt: existing?.createdAt ?? now, updatedAt: now }
        : existing;
      if (newest) await db.creators.put(row);
      await addToHistory(db, snapshot, now);
      if (!vet) return row;
      const vetting = vet(
        row.snapshot,
        await historyOf(db, key, row.snapshot.capturedAt),
        await commentsOf(db, key),
      );
      await db.creators.update(key, { vetting });
      return { ...row, vetting };
    }),
  );
}

/**
 * Files comment lists read on a creator's own posts and, when they add anything and the creator
 * is stored, the creator's vetting again with them, in one transaction. Returns whether the
 * stored vetting changed hands (new comments for a stored creator).
 */
export async function recordComments(
  db: ScoutDb,
  key: CreatorKey,
  lists: readonly CommentList[],
  now: number,
  vet: Vet,
): Promise<boolean> {
  if (!lists.length) return false;
  return withQuota(() =>
    db.transaction('rw', [db.creators, db.snapshots, db.comments], async () => {
      if (!(await addComments(db, key, lists, now))) return false;
      const row = await db.creators.get(key);
      if (!row) return false;
      const vetting = vet(
        row.snapshot,
        await historyOf(db, key, row.snapshot.capturedAt),
        await commentsOf(db, key),
      );
      await db.creators.update(key, { vetting, updatedAt: now });
      return true;
    }),
  );
}

/**
 * Adds a snapshot to its creator's history only (the creator row is not touched): at most one entry
 * per creator per hour, the newer capture kept, the oldest dropped beyond the cap. Call it inside a
 * transaction that includes `snapshots`.
 */
export async function addToHistory(
  db: ScoutDb,
  snapshot: ProfileSnapshot,
  now: number,
): Promise<void> {
  const key = creatorKey(snapshot);
  const recent = await db.snapshots
    .where('[creatorKey+capturedAt]')
    .between([key, snapshot.capturedAt - HOUR], [key, snapshot.capturedAt + HOUR], false, false)
    .first();
  if (recent?.id != null) {
    if (recent.capturedAt > snapshot.capturedAt) return;
    await db.snapshots.update(recent.id, {
      snapshot,
      capturedAt: snapshot.capturedAt,
      updatedAt: now,
    });
  } else {
    await db.snapshots.add({
      creatorKey: key,
      capturedAt: snapshot.capturedAt,
      snapshot,
      createdAt: now,
      updatedAt: now,
    });
  }
  const count = await db.snapshots.where('creatorKey').equals(key).count();
  if (count > SNAPSHOTS_PER_CREATOR) {
    const oldest = await db.snapshots
      .where('[creatorKey+capturedAt]')
      .between([key, -Infinity], [key, Infinity])
      .limit(count - SNAPSHOTS_PER_CREATOR)
      .primaryKeys();
    await db.snapshots.bulkDelete(oldest);
  }
}

/** A creator as Scout last saw them, or undefined. */
export function getCreator(db: ScoutDb, key: CreatorKey | string): Promise<CreatorRow | undefined> {
  return db.creators.get(key);
}

/** Scout's earlier snapshots of a creator, oldest first, captured before `before`. */
export async function historyOf(
  db: ScoutDb,
  key: string,
  before: number,
): Promise<ProfileSnapshot[]> {
  const rows = await db.snapshots
    .where('[creatorKey+capturedAt]')
    .between([key, -Infinity], [key, before], true, false)
    .toArray();
  return rows.map((row) => row.snapshot);
}
