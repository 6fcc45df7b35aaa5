import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import {
  MAX_SIGHTINGS,
  recordSightings,
  SIGHTING_MAX_AGE_MS,
  SIGHTING_POSTS,
  sightingsOf,
} from '@/lib/db/sightings';
import { T0, tiktokSnapshot } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

let db: ScoutDb;
beforeEach(() => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const video = (id: string, views: number, likes: number) => ({
  id,
  views,
  likes,
  precision: { views: 'exact' as const, likes: 'exact' as const },
});

describe('the sightings store', () => {
  it('merges a creator seen twice: posts joined, the exact count kept over a later rounded one', async () => {
    await recordSightings(
      db,
      [
        tiktokSnapshot('ana', {
          followers: 38_217,
          precision: { followers: 'exact' },
          recentPosts: [video('1', 10_000, 900)],
        }),
      ],
      T0,
    );
    await recordSightings(
      db,
      [
        tiktokSnapshot('ana', {
          capturedAt: T0 + DAY,
          followers: 38_200,
          precision: { followers: 'rounded' },
          recentPosts: [video('2', 20_000, 1_500)],
        }),
      ],
      T0 + DAY,
    );
    const row = (await sightingsOf(db, ['tiktok:ana'])).get('tiktok:ana')!;
    expect(row.snapshot.followers).toBe(38_217);
    expect(row.snapshot.precision.followers).toBe('exact');
    expect(row.snapshot.recentPosts.map((p) => p.id).sort()).toEqual(['1', '2']);
    expect(row.seenAt).toBe(T0 + DAY);
    expect(row.createdAt).toBe(T0);
  });

  it('takes the newer count when both are of the same precision', async () => {
    await recordSightings(db, [tiktokSnapshot('ana', { followers: 38_200 })], T0);
    await recordSightings(
      db,
      [tiktokSnapshot('ana', { followers: 41_000, capturedAt: T0 + DAY })],
      T0 + DAY,
    );
    expect((await db.sightings.get('tiktok:ana'))?.snapshot.followers).toBe(41_000);
  });

  it('keeps a bounded number of posts per creator', async () => {
    const posts = Array.from({ length: SIGHTING_POSTS + 10 }, (_, i) =>
      video(String(i + 1), 1_000, 10),
    );
    await recordSightings(db, [tiktokSnapshot('ana', { recentPosts: posts })], T0);
    expect((await db.sightings.get('tiktok:ana'))?.snapshot.recentPosts).toHaveLength(
      SIGHTING_POSTS,
    );
  });

  it('drops sightings past the age cap, and the oldest beyond the count cap', async () => {
    await recordSightings(db, [tiktokSnapshot('old')], T0);
    await recordSightings(db, [tiktokSnapshot('recent')], T0 + DAY);
    await recordSightings(db, [tiktokSnapshot('now')], T0 + SIGHTING_MAX_AGE_MS + DAY / 2);
    expect((await db.sightings.orderBy('seenAt').primaryKeys()).sort()).toEqual([
      'tiktok:now',
      'tiktok:recent',
    ]);

    const many = Array.from({ length: MAX_SIGHTINGS }, (_, i) => tiktokSnapshot(`c${i}`));
    await recordSightings(db, many, T0 + SIGHTING_MAX_AGE_MS + DAY);
    expect(await db.sightings.count()).toBe(MAX_SIGHTINGS);
    expect(await db.sightings.get('tiktok:recent')).toBeUndefined();
    expect(await db.sightings.get('tiktok:c0')).toBeDefined();
  });

  it('never touches the creators the user visited', async () => {
    await recordSnapshot(db, tiktokSnapshot('ana', { followers: 12_000 }), T0);
    await recordSightings(db, [tiktokSnapshot('ana', { followers: 99_000 })], T0 + DAY);
    expect((await db.creators.get('tiktok:ana'))?.snapshot.followers).toBe(12_000);
    expect(await db.snapshots.count()).toBe(1);
  });
});
