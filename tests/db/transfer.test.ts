import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { updateEntry } from '@/lib/db/edits';
import { wipeAll } from '@/lib/db/privacy';
import { saveToShortlist } from '@/lib/db/shortlists';
import { importData, readExport, readListForExport } from '@/lib/db/transfer';
import { toCsv } from '@/lib/export/csv';
import { parseImport, toJson } from '@/lib/export/json';
import { toExportRows } from '@/lib/export/rows';
import { computeVetting } from '@/lib/metrics';
import type { ProfileSnapshot } from '@/lib/model';
import { T0, tiktokSnapshot } from './fixtures';

const HOUR = 60 * 60 * 1000;

const snapshot = (handle: string, over: Partial<ProfileSnapshot> = {}): ProfileSnapshot =>
  tiktokSnapshot(handle, {
    displayName: handle === 'jane' ? '=HYPERLINK("https://evil.example")' : handle,
    recentPosts: [
      { id: '1', views: 41_000, likes: 3_100, comments: 40, shares: 12, postedAt: T0 - 96 * HOUR },
    ],
    ...over,
  });

/** What the background does with a capture: record it and store its vetting. */
async function capture(db: ScoutDb, s: ProfileSnapshot, now: number): Promise<void> {
  const row = await recordSnapshot(db, s, now);
  await db.creators.update(row.key, { vetting: computeVetting(row.snapshot, { now }).vetting });
}

let db: ScoutDb;
let spring: string;

beforeEach(async () => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  await capture(db, snapshot('jane'), T0);
  await capture(db, snapshot('john'), T0);
  await capture(db, snapshot('lonely'), T0);
  spring = (
    await saveToShortlist(
      db,
      { creatorKey: 'tiktok:jane', newListName: 'Spring', note: 'great hooks', tags: ['a'] },
      T0 + 1,
    )
  ).listId;
  await saveToShortlist(db, { creatorKey: 'tiktok:john', listId: spring }, T0 + 2);
  await saveToShortlist(db, { creatorKey: 'tiktok:john' }, T0 + 3);
});

afterEach(async () => {
  await db.delete();
});

describe('readExport', () => {
  it('reads every list, its entries and the creators on them (not the others)', async () => {
    const data = await readExport(db);
    expect(data.lists).toHaveLength(2);
    expect(data.entries).toHaveLength(3);
    expect(data.creators.map((c) => c.key).sort()).toEqual(['tiktok:jane', 'tiktok:john']);
  });

  it('reads only the lists asked for', async () => {
    const data = await readExport(db, ['default']);
    expect(data.lists.map((l) => l.id)).toEqual(['default']);
    expect(data.entries.map((e) => e.creatorKey)).toEqual(['tiktok:john']);
    expect(data.creators.map((c) => c.key)).toEqual(['tiktok:john']);
    expect(await readExport(db, ['gone'])).toEqual({ lists: [], entries: [], creators: [] });
  });
});

describe('readListForExport', () => {
  it('gives a list, its entries oldest first, and their creators, ready for a CSV', async () => {
    const read = await readListForExport(db, spring);
    expect(read?.entries.map((e) => e.creatorKey)).toEqual(['tiktok:jane', 'tiktok:john']);
    const rows = toExportRows(read!.list, read!.entries, read!.creatorsByKey);
    expect(rows[0]).toMatchObject({ handle: 'jane', er: expect.any(Number), note: 'great hooks' });
    expect(toCsv(rows)).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(await readListForExport(db, 'gone')).toBeUndefined();
  });
});

describe('importData', () => {
  it('restores a wiped database from its JSON export, losing nothing', async () => {
    const before = await readExport(db);
    const parsed = parseImport(toJson(before, T0 + HOUR));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await wipeAll(db);
    const summary = await importData(db, parsed.data, T0 + 2 * HOUR);
    expect(summary).toEqual({ added: 7, updated: 0, kept: 0, skippedOlder: 0, conflicts: [] });
    expect(await readExport(db)).toEqual(before);
    // Imported captures join the history, as captures do.
    expect(await db.snapshots.where('creatorKey').equals('tiktok:jane').count()).toBe(1);
  });

  it('imports into the same database as a no-op', async () => {
    const parsed = parseImport(toJson(await readExport(db), T0 + HOUR));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const summary = await importData(db, parsed.data, T0 + 2 * HOUR);
    expect(summary).toEqual({ added: 0, updated: 0, kept: 7, skippedOlder: 0, conflicts: [] });
    expect(await db.snapshots.count()).toBe(3);
  });

  it('keeps newer local data and reports it', async () => {
    const parsed = parseImport(toJson(await readExport(db), T0 + HOUR));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const janeEntry = `${spring}|tiktok:jane`;
    await updateEntry(
      db,
      janeEntry,
      { note: 'edited after the export' },
      { note: 'great hooks' },
      T0 + 5 * HOUR,
    );
    await capture(
      db,
      snapshot('john', { followers: 40_000, capturedAt: T0 + 4 * HOUR }),
      T0 + 4 * HOUR,
    );

    const summary = await importData(db, parsed.data, T0 + 6 * HOUR);
    expect(summary.skippedOlder).toBe(2);
    expect(summary.conflicts).toEqual([
      expect.objectContaining({ table: 'entries', id: janeEntry, reason: 'local-newer' }),
      expect.objectContaining({ table: 'creators', id: 'tiktok:john', reason: 'local-newer' }),
    ]);
    expect((await db.shortlistEntries.get(janeEntry))?.note).toBe('edited after the export');
    expect((await db.creators.get('tiktok:john'))?.snapshot.followers).toBe(40_000);
    // The older capture is history now, beside the newer one.
    expect(await db.snapshots.where('creatorKey').equals('tiktok:john').count()).toBe(2);
  });

  it("brings a colleague's newer edits in", async () => {
    const parsed = parseImport(toJson(await readExport(db), T0 + HOUR));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const theirs = structuredClone(parsed.data);
    const entry = theirs.entries.find((e) => e.creatorKey === 'tiktok:jane')!;
    entry.status = 'contracted';
    entry.updatedAt = T0 + 3 * HOUR;
    const summary = await importData(db, theirs, T0 + 4 * HOUR);
    expect(summary).toMatchObject({ updated: 1, kept: 6, conflicts: [] });
    expect((await db.shortlistEntries.get(entry.id))?.status).toBe('contracted');
  });
});
