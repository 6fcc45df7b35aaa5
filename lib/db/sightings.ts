import { mergeReadings } from '../extract/merge';
import type { CountReading, PostReading, Reading } from '../extract/reading';
import {
  creatorKey,
  POST_COUNT_FIELDS,
  PROFILE_COUNT_FIELDS,
  type CreatorKey,
  type ProfileSnapshot,
  type SightingRow,
} from '../model';
import type { ScoutDb } from './database';
import { withQuota } from './quota';

/** Sightings kept at most: the newest stay (a day in busy feeds shows hundreds of creators). */
export const MAX_SIGHTINGS = 5_000;
/** A sighting not renewed for this long is dropped. */
export const SIGHTING_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Posts kept per sighting: enough for a median, small enough for thousands of rows. */
export const SIGHTING_POSTS = 24;

/**
 * Files sightings (lib/extract/sightings.ts), each merged into the one already held for its
 * creator by the rules of a page (an exact count beats a rounded one, then the newer clock; posts
 * joined by id), and drops the oldest beyond the caps, in one transaction. Returns the rows as
 * stored, in the order given.
 */
export async function recordSightings(
  db: ScoutDb,
  sightings: readonly ProfileSnapshot[],
  now: number,
): Promise<SightingRow[]> {
  if (!sightings.length) return [];
  return withQuota(() =>
    db.transaction('rw', db.sightings, async () => {
      const keys = [...new Set(sightings.map((s) => creatorKey(s)))];
      const held = new Map<string, SightingRow>();
      for (const row of await db.sightings.bulkGet(keys)) if (row) held.set(row.key, row);
      for (const sighting of sightings) {
        const key = creatorKey(sighting);
        const before = held.get(key);
        const snapshot = before ? mergeSnapshots(before.snapshot, sighting, now) : trim(sighting);
        held.set(key, {
          key,
          snapshot,
          seenAt: now,
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
        });
      }
      const rows = keys.map((key) => held.get(key)!);
      await db.sightings.bulkPut(rows);
      await pruneSightings(db, now);
      return rows;
    }),
  );
}

/** The sightings held for these creators, by key (absent ones are not in the map). */
export async function sightingsOf(
  db: ScoutDb,
  keys: readonly CreatorKey[],
): Promise<Map<string, SightingRow>> {
  const rows = await db.sightings.bulkGet([...keys]);
  return new Map(rows.filter((r) => r !== undefined).map((r) => [r.key, r]));
}

/** Drops sightings older than the age cap, then the oldest beyond the count cap. */
export async function pruneSightings(db: ScoutDb, now: number): Promise<void> {
  await db.sightings
    .where('seenAt')
    .below(now - SIGHTING_MAX_AGE_MS)
    .delete();
  const over = (await db.sightings.count()) - MAX_SIGHTINGS;
  if (over > 0) {
    const oldest = await db.sightings.orderBy('seenAt').limit(over).primaryKeys();
    await db.sightings.bulkDelete(oldest);
  }
}

/** Two snapshots of one creator merged as two readings of it (the newer clock wins ties). */
function mergeSnapshots(
  older: ProfileSnapshot,
  newer: ProfileSnapshot,
  now: number,
): ProfileSnapshot {
  const target = { platform: newer.platform, handle: newer.handle, url: newer.url };
  const merged = mergeReadings(target, [asReading(newer), asReading(older)], now);
  return trim(merged?.snapshot ?? newer);
}

function trim(snapshot: ProfileSnapshot): ProfileSnapshot {
  return snapshot.recentPosts.length > SIGHTING_POSTS
    ? { ...snapshot, recentPosts: snapshot.recentPosts.slice(0, SIGHTING_POSTS) }
    : snapshot;
}

/** A stored snapshot as the reading it was merged from, with its clock. */
function asReading(snapshot: ProfileSnapshot): Reading {
  const counts: Reading['counts'] = {};
  for (const field of PROFILE_COUNT_FIELDS) {
    const value = snapshot[field];
    if (value !== undefined) counts[field] = count(value, snapshot.precision[field]);
  }
  const posts = snapshot.recentPosts.map((post): PostReading => {
    const { id, precision, likes, comments, shares, views, saves, ...rest } = post;
    const postCounts: PostReading['counts'] = {};
    for (const field of POST_COUNT_FIELDS) {
      const value = { likes, comments, shares, views, saves }[field];
      if (value !== undefined) postCounts[field] = count(value, precision?.[field]);
    }
    return { id, ...rest, counts: postCounts };
  });
  const reading: Reading = {
    source: snapshot.sources[0] ?? 'sighting',
    handle: snapshot.handle,
    counts,
    posts,
    clock: snapshot.capturedAt,
  };
  if (snapshot.platformId !== undefined) reading.platformId = snapshot.platformId;
  if (snapshot.displayName !== undefined) reading.displayName = snapshot.displayName;
  if (snapshot.bio !== undefined) reading.bio = snapshot.bio;
  if (snapshot.verified !== undefined) reading.verified = snapshot.verified;
  if (snapshot.isPrivate !== undefined) reading.isPrivate = snapshot.isPrivate;
  return reading;
}

const count = (value: number, precision: CountReading['precision'] | undefined): CountReading => ({
  value,
  precision: precision ?? 'exact',
});
