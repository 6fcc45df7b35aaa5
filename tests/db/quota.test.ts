import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { updateEntry } from '@/lib/db/edits';
import { isQuotaError, StorageFullError, withQuota } from '@/lib/db/quota';
import { MissingError, saveToShortlist } from '@/lib/db/shortlists';

const T0 = Date.UTC(2026, 0, 15, 12);
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('withQuota', () => {
  it('turns a quota failure into a StorageFullError with a readable message', async () => {
    const error = await withQuota(() => Promise.reject(quota())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/storage .* is full/);
    expect((error as Error).cause).toBeInstanceOf(DOMException);
  });

  it('sees a quota failure that Dexie wrapped (error.inner)', async () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quota());
    expect(isQuotaError(wrapped)).toBe(true);
    await expect(withQuota(() => Promise.reject(wrapped))).rejects.toBeInstanceOf(StorageFullError);
  });

  it("sees Dexie's own QuotaExceededError and Firefox's legacy name", () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('passes other errors and results through unchanged', async () => {
    const missing = new MissingError('gone');
    await expect(withQuota(() => Promise.reject(missing))).rejects.toBe(missing);
    await expect(withQuota(() => Promise.resolve(42))).resolves.toBe(42);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('database writes when storage is full', () => {
  let db: ScoutDb;

  beforeEach(async () => {
    db = new ScoutDb(`test-${crypto.randomUUID()}`);
    await recordSnapshot(
      db,
      {
        platform: 'tiktok',
        handle: 'jane',
        url: 'https://www.tiktok.com/@jane',
        precision: {},
        recentPosts: [],
        capturedAt: T0,
        sources: [],
      },
      T0,
    );
  });

  afterEach(async () => {
    await db.delete();
  });

  it('fail with StorageFullError and leave the data as it was', async () => {
    const { entryId } = await saveToShortlist(db, { creatorKey: 'tiktok:jane' }, T0);
    vi.spyOn(db.shortlistEntries, 'put').mockRejectedValue(quota());
    await expect(
      updateEntry(db, entryId, { note: 'new' }, { note: '' }, T0 + 1),
    ).rejects.toBeInstanceOf(StorageFullError);
    vi.spyOn(db.shortlists, 'add').mockRejectedValue(new Dexie.AbortError('aborted', quota()));
    await expect(
      saveToShortlist(db, { creatorKey: 'tiktok:jane', newListName: 'New' }, T0 + 2),
    ).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await db.shortlistEntries.get(entryId)).toMatchObject({ note: '' });
    expect(await db.shortlists.count()).toBe(1);
  });

  it('store no part of a new capture when its vetting does not fit', async () => {
    const before = await db.creators.get('tiktok:jane');
    vi.spyOn(db.creators, 'update').mockRejectedValue(quota());
    const later = { ...before!.snapshot, followers: 41_000, capturedAt: T0 + 3 * 60 * 60 * 1000 };
    await expect(recordSnapshot(db, later, T0 + 1, () => ({}) as never)).rejects.toBeInstanceOf(
      StorageFullError,
    );
    vi.restoreAllMocks();
    expect(await db.creators.get('tiktok:jane')).toEqual(before);
    expect(await db.snapshots.count()).toBe(1);
  });
});
