import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCreator, recordSnapshot, SNAPSHOTS_PER_CREATOR, type Vet } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { computeVetting, DEFAULT_RATE_CARD } from '@/lib/metrics';
import type { ProfileSnapshot } from '@/lib/model';
import { T0, tiktokSnapshot } from './fixtures';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const snapshot = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot =>
  tiktokSnapshot('jane', { displayName: 'Jane', ...over });

let db: ScoutDb;

beforeEach(async () => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

const history = (key: string) =>
  db.snapshots
    .where('[creatorKey+capturedAt]')
    .between([key, -Infinity], [key, Infinity])
    .toArray();

describe('recordSnapshot', () => {
  it('stores the creator under platform:handle with the snapshot and one history row', async () => {
    const row = await recordSnapshot(db, snapshot(), T0 + 5);
    expect(row.key).toBe('tiktok:jane');
    expect(await getCreator(db, 'tiktok:jane')).toEqual({
      key: 'tiktok:jane',
      snapshot: snapshot(),
      createdAt: T0 + 5,
      updatedAt: T0 + 5,
    });
    const rows = await history('tiktok:jane');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      creatorKey: 'tiktok:jane',
      capturedAt: T0,
      snapshot: snapshot(),
    });
  });

  it('gives nothing for a creator Scout has not seen', async () => {
    expect(await getCreator(db, 'tiktok:nobody')).toBeUndefined();
  });

  it('keeps one history row, the newer, for two snapshots within an hour', async () => {
    await recordSnapshot(db, snapshot({ followers: 38_200 }), T0);
    await recordSnapshot(
      db,
      snapshot({ followers: 38_300, capturedAt: T0 + 40 * MINUTE }),
      T0 + 40 * MINUTE,
    );
    const rows = await history('tiktok:jane');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.capturedAt).toBe(T0 + 40 * MINUTE);
    expect(rows[0]?.snapshot.followers).toBe(38_300);
  });

  it('keeps the newer snapshot when an older capture of the same hour arrives late', async () => {
    await recordSnapshot(
      db,
      snapshot({ followers: 38_300, capturedAt: T0 + 40 * MINUTE }),
      T0 + 40 * MINUTE,
    );
    await recordSnapshot(db, snapshot({ followers: 38_200, capturedAt: T0 }), T0 + 41 * MINUTE);
    const rows = await history('tiktok:jane');
    expect(rows.map((r) => r.snapshot.followers)).toEqual([38_300]);
    expect((await getCreator(db, 'tiktok:jane'))?.snapshot.followers).toBe(38_300);
  });

  it('adds a history row for a snapshot two hours later', async () => {
    await recordSnapshot(db, snapshot({ followers: 38_200 }), T0);
    await recordSnapshot(
      db,
      snapshot({ followers: 39_000, capturedAt: T0 + 2 * HOUR }),
      T0 + 2 * HOUR,
    );
    const rows = await history('tiktok:jane');
    expect(rows.map((r) => [r.capturedAt, r.snapshot.followers])).toEqual([
      [T0, 38_200],
      [T0 + 2 * HOUR, 39_000],
    ]);
  });

  it('keeps the latest snapshot on the creator and the first-seen date', async () => {
    await recordSnapshot(db, snapshot({ followers: 38_200 }), T0);
    await recordSnapshot(
      db,
      snapshot({ followers: 39_000, capturedAt: T0 + 2 * HOUR }),
      T0 + 2 * HOUR,
    );
    const creator = await getCreator(db, 'tiktok:jane');
    expect(creator?.snapshot.followers).toBe(39_000);
    expect(creator?.createdAt).toBe(T0);
    expect(creator?.updatedAt).toBe(T0 + 2 * HOUR);
  });

  it('keeps creators apart: another handle or platform gets its own row and history', async () => {
    await recordSnapshot(db, snapshot(), T0);
    await recordSnapshot(
      db,
      snapshot({ handle: 'john', url: 'https://www.tiktok.com/@john', followers: 1_000 }),
      T0,
    );
    await recordSnapshot(
      db,
      snapshot({ platform: 'instagram', url: 'https://www.instagram.com/jane/', followers: 5_000 }),
      T0,
    );
    expect((await db.creators.toCollection().primaryKeys()).sort()).toEqual([
      'instagram:jane',
      'tiktok:jane',
      'tiktok:john',
    ]);
    expect(await history('tiktok:jane')).toHaveLength(1);
    expect((await getCreator(db, 'tiktok:john'))?.snapshot.followers).toBe(1_000);
  });

  it(`caps a creator's history at ${SNAPSHOTS_PER_CREATOR} rows, dropping the oldest`, async () => {
    const total = SNAPSHOTS_PER_CREATOR + 3;
    for (let i = 0; i < total; i++) {
      const at = T0 + i * 2 * HOUR;
      await recordSnapshot(db, snapshot({ followers: 10_000 + i, capturedAt: at }), at);
    }
    await recordSnapshot(db, snapshot({ handle: 'john', url: 'https://www.tiktok.com/@john' }), T0);
    const rows = await history('tiktok:jane');
    expect(rows).toHaveLength(SNAPSHOTS_PER_CREATOR);
    expect(rows[0]?.snapshot.followers).toBe(10_003);
    expect(rows.at(-1)?.snapshot.followers).toBe(10_000 + total - 1);
    expect(await history('tiktok:john')).toHaveLength(1);
  });
});

describe('recordSnapshot with its vetting', () => {
  const vet: Vet = (latest, earlier) =>
    computeVetting(latest, { now: T0, history: earlier, rateCard: DEFAULT_RATE_CARD }).vetting;

  it('stores the vetting of the snapshot with the creator, computed from the earlier history', async () => {
    await recordSnapshot(
      db,
      snapshot({ followers: 30_000, capturedAt: T0 - 40 * 24 * HOUR }),
      T0,
      vet,
    );
    const seen: number[] = [];
    const row = await recordSnapshot(
      db,
      snapshot({ followers: 38_200 }),
      T0,
      (latest, earlier, comments) => {
        seen.push(...earlier.map((s) => s.followers ?? -1));
        return vet(latest, earlier, comments);
      },
    );
    // The history handed over is the earlier visit only, not the snapshot being stored.
    expect(seen).toEqual([30_000]);
    const stored = await getCreator(db, 'tiktok:jane');
    expect(stored?.vetting).toEqual(row.vetting);
    expect(stored?.vetting?.tier).toBe('micro');
  });

  it('writes neither the creator nor its history when the vetting write fails', async () => {
    vi.spyOn(db.creators, 'update').mockRejectedValue(new Error('disk error'));
    await expect(recordSnapshot(db, snapshot(), T0, vet)).rejects.toThrow('disk error');
    vi.restoreAllMocks();
    expect(await getCreator(db, 'tiktok:jane')).toBeUndefined();
    expect(await history('tiktok:jane')).toEqual([]);
  });

  it('keeps the creator as it was when vetting a newer capture fails', async () => {
    await recordSnapshot(db, snapshot({ followers: 38_200 }), T0, vet);
    const before = await getCreator(db, 'tiktok:jane');
    const later = snapshot({ followers: 41_000, capturedAt: T0 + 2 * HOUR });
    await expect(
      recordSnapshot(db, later, T0 + 2 * HOUR, () => {
        throw new Error('vetting failed');
      }),
    ).rejects.toThrow('vetting failed');
    expect(await getCreator(db, 'tiktok:jane')).toEqual(before);
    expect((await history('tiktok:jane')).map((r) => r.snapshot.followers)).toEqual([38_200]);
  });
});
