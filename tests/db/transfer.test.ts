import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { updateEntry } from '@/lib/db/edits';
import { wipeAll } from '@/lib/db/privacy';
import { saveToShortlist } from '@/lib/db/shortlists';
import {
  importData,
  planImport,
  readExport,
  readListForExport,
  type ImportSummary,
} from '@/lib/db/transfer';
import { toCsv } from '@/lib/export/csv';
import { parseImport, toJson, type ParsedImport, type ScoutExport } from '@/lib/export/json';
import { toExportRows } from '@/lib/export/rows';
import { computeVetting, DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics';
import { ENTRY_FIELDS, type CreatorRow, type ProfileSnapshot } from '@/lib/model';
import { T0, tiktokSnapshot } from './fixtures';

const HOUR = 60 * 60 * 1000;

const snapshot = (handle: string, over: Partial<ProfileSnapshot> = {}): ProfileSnapshot =>
  tiktokSnapshot(handle, {
    displayName: handle === 'jane' ? '=HYPERLINK("https://evil.example")' : handle,
    recentPosts: [
      {
        id: '1',
        views: 41_000,
        likes: 3_100,
        comments: 40,
        shares: 12,
        postedAt: T0 - 96 * HOUR,
        precision: { views: 'exact', likes: 'exact', comments: 'exact', shares: 'exact' },
      },
    ],
    ...over,
  });

/** What the background does with a capture: record it with its vetting. */
async function capture(db: ScoutDb, s: ProfileSnapshot, now: number): Promise<void> {
  await recordSnapshot(
    db,
    s,
    now,
    (snap, history) => computeVetting(snap, { now, history }).vetting,
  );
}

/** TikTok at $12 per 1K followers: twice the default card. */
const PRICIER: RateCard = {
  ...DEFAULT_RATE_CARD,
  base: { ...DEFAULT_RATE_CARD.base, tiktok: { per1kFollowers: 12, video: 1 } },
};

/** This database's lists as an export file, parsed back as an import made at `at`. */
async function exported(at: number): Promise<ParsedImport> {
  const parsed = parseImport(toJson(await readExport(db), T0 + HOUR), at);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed;
}

/** A parsed import of a document edited by hand (`edit` changes a copy). */
function edited(parsed: ParsedImport, edit: (doc: ScoutExport) => void): ParsedImport {
  const data = structuredClone(parsed.data);
  edit(data);
  return { data, notExact: parsed.notExact };
}

const summaryOf = (over: Partial<ImportSummary>): ImportSummary => ({
  added: 0,
  updated: 0,
  kept: 0,
  skippedOlder: 0,
  conflicts: [],
  notExact: 0,
  revetted: 0,
  ...over,
});

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
    const rows = toExportRows(read!.list, read!.entries, read!.creatorsByKey, DEFAULT_RATE_CARD);
    expect(rows[0]).toMatchObject({ handle: 'jane', er: expect.any(Number), note: 'great hooks' });
    expect(toCsv(rows)).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(await readListForExport(db, 'gone')).toBeUndefined();
  });
});

describe('importData', () => {
  it('restores a wiped database from its JSON export, losing nothing', async () => {
    const before = await readExport(db);
    const parsed = await exported(T0 + 2 * HOUR);
    await wipeAll(db);
    const summary = await importData(db, parsed, T0 + 2 * HOUR, DEFAULT_RATE_CARD);
    expect(summary).toEqual(summaryOf({ added: 7, revetted: 2 }));
    const after = await readExport(db);
    expect(after.lists).toEqual(before.lists);
    expect(after.entries).toEqual(before.entries);
    expect(after.creators.map((c) => c.snapshot)).toEqual(before.creators.map((c) => c.snapshot));
    // Vetted again by Scout, at the time of the restore, to the same numbers.
    for (const creator of after.creators) {
      expect(creator.vetting).toEqual(
        computeVetting(creator.snapshot, { now: T0 + 2 * HOUR }).vetting,
      );
    }
    // Imported captures join the history, as captures do.
    expect(await db.snapshots.where('creatorKey').equals('tiktok:jane').count()).toBe(1);
  });

  it('imports into the same database as a no-op', async () => {
    const summary = await importData(
      db,
      await exported(T0 + 2 * HOUR),
      T0 + 2 * HOUR,
      DEFAULT_RATE_CARD,
    );
    expect(summary).toEqual(summaryOf({ kept: 7, revetted: 2 }));
    expect(await db.snapshots.count()).toBe(3);
  });

  it('keeps a field changed here and takes one a colleague changed: both edits survive', async () => {
    const janeEntry = `${spring}|tiktok:jane`;
    // The colleague's copy: the note changed after the export.
    const theirs = edited(await exported(T0 + 6 * HOUR), (doc) => {
      const entry = doc.entries.find((e) => e.id === janeEntry)!;
      entry.note = 'asked for a media kit';
      entry.updatedAt = T0 + 3 * HOUR;
      entry.fieldTimes = { ...entry.fieldTimes, note: T0 + 3 * HOUR };
    });
    // Here: the status changed later still.
    await updateEntry(db, janeEntry, { status: 'contacted' }, { status: 'new' }, T0 + 5 * HOUR);

    const summary = await importData(db, theirs, T0 + 6 * HOUR, DEFAULT_RATE_CARD);
    expect(summary).toMatchObject({ updated: 1, kept: 6, skippedOlder: 0 });
    expect(summary.conflicts).toEqual([
      {
        table: 'entries',
        id: janeEntry,
        field: 'status',
        reason: 'local-newer',
        localAt: T0 + 5 * HOUR,
        importedAt: T0 + 1,
      },
    ]);
    expect(await db.shortlistEntries.get(janeEntry)).toMatchObject({
      note: 'asked for a media kit',
      status: 'contacted',
      tags: ['a'],
      updatedAt: T0 + 5 * HOUR,
      fieldTimes: { note: T0 + 3 * HOUR, status: T0 + 5 * HOUR },
    });
  });

  it('keeps newer local data and reports each field it did not take', async () => {
    const parsed = await exported(T0 + 6 * HOUR);
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

    const summary = await importData(db, parsed, T0 + 6 * HOUR, DEFAULT_RATE_CARD);
    expect(summary.skippedOlder).toBe(2);
    // John's older capture is history, not a conflict; Jane's note is.
    expect(summary.conflicts).toEqual([
      expect.objectContaining({
        table: 'entries',
        id: janeEntry,
        field: 'note',
        reason: 'local-newer',
      }),
    ]);
    expect((await db.shortlistEntries.get(janeEntry))?.note).toBe('edited after the export');
    expect((await db.creators.get('tiktok:john'))?.snapshot.followers).toBe(40_000);
    // The older capture is history now, beside the newer one.
    expect(await db.snapshots.where('creatorKey').equals('tiktok:john').count()).toBe(2);
  });

  it('takes a newer capture from the file, and vets it with the rate card in force', async () => {
    const newer = edited(await exported(T0 + 6 * HOUR), (doc) => {
      const jane = doc.creators.find((c) => c.key === 'tiktok:jane')!;
      jane.snapshot = { ...jane.snapshot, followers: 52_000, capturedAt: T0 + 5 * HOUR };
      jane.updatedAt = T0 + 5 * HOUR;
    });
    const summary = await importData(db, newer, T0 + 6 * HOUR, PRICIER);
    expect(summary).toMatchObject({ updated: 1, conflicts: [] });
    const jane = (await db.creators.get('tiktok:jane'))!;
    expect(jane.snapshot.followers).toBe(52_000);
    expect(jane.createdAt).toBe(T0);
    const history = [snapshot('jane')];
    expect(jane.vetting).toEqual(
      computeVetting(jane.snapshot, { now: T0 + 6 * HOUR, history, rateCard: PRICIER }).vetting,
    );
    expect(await db.snapshots.where('creatorKey').equals('tiktok:jane').count()).toBe(2);
  });

  it("never shows the file's vetting as Scout's", async () => {
    const forged = edited(await exported(T0 + 2 * HOUR), (doc) => {
      for (const creator of doc.creators) {
        creator.vetting = {
          ...creator.vetting!,
          tier: 'mega',
          engagement: { ...creator.vetting!.engagement, rate: 42, grade: 'high' },
          rates: [
            { deliverable: 'video', low: 90_000, mid: 95_000, high: 99_000, currency: 'USD' },
          ],
          flags: [],
        };
      }
    });
    await wipeAll(db);
    const summary = await importData(db, forged, T0 + 2 * HOUR, PRICIER);
    expect(summary.revetted).toBe(2);
    for (const creator of await db.creators.toArray()) {
      const own = computeVetting(creator.snapshot, { now: T0 + 2 * HOUR, rateCard: PRICIER });
      expect(creator.vetting).toEqual(own.vetting);
      expect(creator.vetting?.tier).toBe('micro');
      expect(creator.vetting?.rates[0]?.high).toBeLessThan(90_000);
    }
  });

  it('stores counts without a precision as rounded, never exact', async () => {
    const data = await readExport(db);
    // As another tool might write it: counts, but no word on how exact they are.
    const bare = {
      ...data,
      creators: data.creators.map((c) => ({
        ...c,
        snapshot: {
          ...c.snapshot,
          precision: {},
          recentPosts: c.snapshot.recentPosts.map(({ precision: _, ...post }) => post),
        },
      })),
    };
    const parsed = parseImport(toJson(bare, T0 + HOUR), T0 + 2 * HOUR);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await wipeAll(db);
    const summary = await importData(db, parsed, T0 + 2 * HOUR, DEFAULT_RATE_CARD);
    // Followers and four post counts, for each of the two creators.
    expect(summary.notExact).toBe(10);
    const jane = (await db.creators.get('tiktok:jane'))!;
    expect(jane.snapshot.precision.followers).toBe('rounded');
    expect(jane.snapshot.recentPosts[0]?.precision).toEqual({
      views: 'rounded',
      likes: 'rounded',
      comments: 'rounded',
      shares: 'rounded',
    });
  });

  it('writes nothing when a write fails half-way', async () => {
    const parsed = await exported(T0 + 2 * HOUR);
    await wipeAll(db);
    const { vi } = await import('vitest');
    vi.spyOn(db.creators, 'bulkPut').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(importData(db, parsed, T0 + 2 * HOUR, DEFAULT_RATE_CARD)).rejects.toThrow();
    expect(await db.shortlists.count()).toBe(0);
    expect(await db.shortlistEntries.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
  });
});

describe('planImport', () => {
  const FIELDS_AT = (at: number) => Object.fromEntries(ENTRY_FIELDS.map((f) => [f, at]));
  const entry = (over: object = {}) => ({
    id: 'l1|tiktok:jane',
    listId: 'l1',
    creatorKey: 'tiktok:jane',
    status: 'new' as const,
    note: '',
    tags: [],
    fieldTimes: FIELDS_AT(T0),
    createdAt: T0,
    updatedAt: T0,
    ...over,
  });
  const list = (over: object = {}) => ({
    id: 'l1',
    name: 'Spring',
    fieldTimes: { name: T0 },
    createdAt: T0,
    updatedAt: T0,
    ...over,
  });
  const creator = (over: Partial<ProfileSnapshot> = {}, updatedAt = T0): CreatorRow => ({
    key: 'tiktok:jane',
    snapshot: snapshot('jane', over),
    createdAt: T0,
    updatedAt,
  });
  const file = (over: Partial<ScoutExport> = {}): ScoutExport => ({
    format: 'scout-shortlists',
    version: 1,
    exportedAt: T0,
    lists: [list()],
    entries: [entry()],
    creators: [creator()],
    ...over,
  });

  it('adds everything into an empty database', () => {
    const plan = planImport(file(), { lists: [], entries: [], creators: [] });
    expect(plan.summary).toEqual({ added: 3, updated: 0, kept: 0, skippedOlder: 0, conflicts: [] });
    expect(plan.put).toEqual({ lists: [list()], entries: [entry()], creators: [creator()] });
  });

  it('keeps identical rows without writing them, whatever their bookkeeping', () => {
    const plan = planImport(file(), {
      lists: [list({ updatedAt: T0 + 9 })],
      entries: [entry({ fieldTimes: undefined })],
      creators: [
        { ...creator(), vetting: computeVetting(creator().snapshot, { now: T0 }).vetting },
      ],
    });
    expect(plan.summary).toEqual({ added: 0, updated: 0, kept: 3, skippedOlder: 0, conflicts: [] });
    expect(plan.put).toEqual({ lists: [], entries: [], creators: [] });
  });

  it('renames a list renamed later in the file, and keeps a later rename here', () => {
    const later = planImport(
      file({ lists: [list({ name: 'Summer', fieldTimes: { name: T0 + 5 } })] }),
      {
        lists: [list()],
        entries: [],
        creators: [],
      },
    );
    expect(later.put.lists).toEqual([expect.objectContaining({ name: 'Summer' })]);
    const here = planImport(file(), {
      lists: [list({ name: 'Autumn', fieldTimes: { name: T0 + 5 }, updatedAt: T0 + 5 })],
      entries: [],
      creators: [],
    });
    expect(here.put.lists).toEqual([]);
    expect(here.summary.conflicts).toEqual([
      {
        table: 'lists',
        id: 'l1',
        field: 'name',
        reason: 'local-newer',
        localAt: T0 + 5,
        importedAt: T0,
      },
    ]);
  });

  it('reports a field both changed at the same time, keeping the value here', () => {
    const plan = planImport(file({ entries: [entry({ note: 'theirs' })] }), {
      lists: [],
      entries: [entry({ note: 'mine' })],
      creators: [],
    });
    expect(plan.put.entries).toEqual([]);
    expect(plan.summary).toMatchObject({ skippedOlder: 1 });
    expect(plan.summary.conflicts).toEqual([
      expect.objectContaining({ table: 'entries', field: 'note', reason: 'same-time' }),
    ]);
  });

  it('never takes a field from the file over one edited here since, even when the file row is newer', () => {
    // Whole-row "newest updatedAt wins" would lose the status changed here.
    const theirs = entry({
      note: 'from the file',
      updatedAt: T0 + 9,
      fieldTimes: { ...FIELDS_AT(T0), note: T0 + 9 },
    });
    const mine = entry({
      status: 'contracted',
      updatedAt: T0 + 5,
      fieldTimes: { ...FIELDS_AT(T0), status: T0 + 5 },
    });
    const plan = planImport(file({ entries: [theirs] }), {
      lists: [],
      entries: [mine],
      creators: [],
    });
    expect(plan.put.entries).toEqual([
      expect.objectContaining({ note: 'from the file', status: 'contracted', updatedAt: T0 + 9 }),
    ]);
  });

  it('judges a creator by the capture time of their snapshot first, and drops their vetting', () => {
    const withVetting = { ...creator({ followers: 41_000 }, T0 + 1) };
    withVetting.vetting = computeVetting(withVetting.snapshot, { now: T0 }).vetting;
    const fresher = creator({ followers: 41_000, capturedAt: T0 + HOUR }, T0 - HOUR);
    const older = planImport(file({ creators: [withVetting] }), {
      lists: [],
      entries: [],
      creators: [fresher],
    });
    expect(older.put.creators).toEqual([]);
    expect(older.summary).toMatchObject({ skippedOlder: 1, conflicts: [] });

    const newer = planImport(file({ creators: [fresher] }), {
      lists: [],
      entries: [],
      creators: [creator()],
    });
    expect(newer.put.creators).toEqual([expect.objectContaining({ snapshot: fresher.snapshot })]);
    const imported = planImport(file({ creators: [withVetting] }), {
      lists: [],
      entries: [],
      creators: [],
    });
    expect(imported.put.creators[0]).not.toHaveProperty('vetting');
  });

  it('reports the same capture told two ways', () => {
    const plan = planImport(file({ creators: [creator({ followers: 1 })] }), {
      lists: [],
      entries: [],
      creators: [creator()],
    });
    expect(plan.summary.conflicts).toEqual([
      {
        table: 'creators',
        id: 'tiktok:jane',
        field: 'snapshot',
        reason: 'same-time',
        localAt: T0,
        importedAt: T0,
      },
    ]);
  });
});
