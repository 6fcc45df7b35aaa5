import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseImport,
  planImport,
  toJson,
  toJsonExport,
  type ExportData,
  type ImportError,
} from '@/lib/export/json';
import { creatorOf, entryOf, HOUR, listOf, T0 } from './fixtures';

const jane = creatorOf('jane');
const john = creatorOf('john', { vetting: null });
const data: ExportData = {
  lists: [listOf('l1'), listOf('l2', { name: 'Autumn' })],
  entries: [
    entryOf('l1', jane.key, { note: '=risky note', tags: ['skincare'], agreedRate: 250 }),
    entryOf('l2', john.key, { status: 'declined', utmLink: 'https://shop.example/?utm=j' }),
  ],
  creators: [jane, john],
};
const EXPORTED_AT = T0 + 5 * HOUR;

/** The error of an import that must fail. */
function errorOf(text: unknown): ImportError {
  const result = parseImport(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

/** A valid export document, changed by `edit`, as file text. */
function withDoc(edit: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(toJson(data, EXPORTED_AT)) as Record<string, unknown>;
  edit(doc);
  return JSON.stringify(doc);
}

describe('JSON export', () => {
  it('is versioned and names its format', () => {
    expect(toJsonExport(data, EXPORTED_AT)).toEqual({
      format: 'scout-shortlists',
      version: 1,
      exportedAt: EXPORTED_AT,
      lists: data.lists,
      entries: data.entries,
      creators: data.creators,
    });
  });

  it('round-trips through parseImport without losing anything', () => {
    const result = parseImport(toJson(data, EXPORTED_AT));
    expect(result).toEqual({ ok: true, data: toJsonExport(data, EXPORTED_AT) });
  });

  it('reads a file saved with a BOM', () => {
    expect(parseImport(`\uFEFF${toJson(data, EXPORTED_AT)}`).ok).toBe(true);
  });

  it('drops properties Scout does not know', () => {
    const text = withDoc((doc) => {
      (doc['lists'] as Record<string, unknown>[])[0]!['evil'] = '<script>';
    });
    const result = parseImport(text);
    expect(result.ok && result.data.lists[0]).toEqual(data.lists[0]);
  });
});

describe('parseImport refuses, with a clear error and no throw,', () => {
  it('corrupt JSON', () => {
    const error = errorOf(toJson(data, EXPORTED_AT).slice(0, -20));
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('something that is not text', () => {
    expect(errorOf(undefined).code).toBe('not-json');
  });

  it.each([
    ['a CSV file', 'platform,handle\ntiktok,jane'],
    ['another JSON document', '{"hello":"world"}'],
    ['a JSON array', '[1,2,3]'],
    ['null', 'null'],
  ])('%s (wrong format)', (_, text) => {
    const error = errorOf(text);
    expect(error.code).toBe(text.startsWith('platform') ? 'not-json' : 'wrong-format');
  });

  it('a file from a newer Scout', () => {
    const error = errorOf(withDoc((doc) => (doc['version'] = 2)));
    expect(error.code).toBe('future-version');
    expect(error.message).toMatch(/newer Scout/);
  });

  it('an unknown older version', () => {
    const error = errorOf(withDoc((doc) => (doc['version'] = 0)));
    expect(error).toMatchObject({ code: 'invalid', path: 'version' });
  });

  it('an oversized file', () => {
    const error = errorOf(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/20 MB/);
  });

  it('an oversized file counted in UTF-8 bytes, not characters', () => {
    const text = `{"format":"${EXPORT_FORMAT}","note":"${'é'.repeat(MAX_IMPORT_BYTES / 2)}"}`;
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(errorOf(text).code).toBe('too-large');
  });

  it('too many rows', () => {
    const lists = Array.from({ length: MAX_IMPORT_ROWS.lists + 1 }, (_, i) => listOf(`l${i}`));
    const error = errorOf(withDoc((doc) => (doc['lists'] = lists)));
    expect(error).toMatchObject({ code: 'too-many-rows', path: 'lists' });
    expect(error.message).toMatch(/at most 1000/);
  });

  it.each([
    ['a bad status', ['entries', 0, 'status'], 'paid', 'entries[0].status'],
    ['a bad tag', ['entries', 0, 'tags', 0], '   ', 'entries[0].tags[0]'],
    ['a missing note', ['entries', 1, 'note'], undefined, 'entries[1].note'],
    [
      'a negative follower count',
      ['creators', 0, 'snapshot', 'followers'],
      -1,
      'creators[0].snapshot.followers',
    ],
    [
      'a http url',
      ['creators', 1, 'snapshot', 'url'],
      'javascript:alert(1)',
      'creators[1].snapshot.url',
    ],
    ['an empty list name', ['lists', 1, 'name'], '', 'lists[1].name'],
    ['a date in seconds', ['lists', 0, 'updatedAt'], 1_768_478_400, 'lists[0].updatedAt'],
  ])('a row with %s, naming the first bad path', (_, at, value, path) => {
    const text = withDoc((doc) => {
      let target = doc as Record<string | number, unknown>;
      for (const key of at.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      target[at.at(-1)!] = value;
    });
    const error = errorOf(text);
    expect(error).toMatchObject({ code: 'invalid', path });
    expect(error.message).toContain(path);
  });

  it.each([
    [
      'an entry of a list not in the file',
      (doc: Record<string, unknown>) => (doc['lists'] = [listOf('l1')]),
      'entries[1].listId',
    ],
    [
      'an entry of a creator not in the file',
      (doc: Record<string, unknown>) => (doc['creators'] = [jane]),
      'entries[1].creatorKey',
    ],
    [
      'an entry whose id does not match its list and creator',
      (doc: Record<string, unknown>) =>
        ((doc['entries'] as Record<string, unknown>[])[0]!['id'] = 'l1|tiktok:john'),
      'entries[0].id',
    ],
    [
      'a creator whose key is not their handle',
      (doc: Record<string, unknown>) =>
        ((doc['creators'] as Record<string, unknown>[])[1]!['key'] = 'tiktok:jane'),
      'creators[1].key',
    ],
    [
      'the same list twice',
      (doc: Record<string, unknown>) => (doc['lists'] = [listOf('l1'), listOf('l2'), listOf('l1')]),
      'lists[2].id',
    ],
  ])('%s', (_, edit, path) => {
    expect(errorOf(withDoc(edit))).toMatchObject({ code: 'invalid', path });
  });
});

describe('planImport', () => {
  const parsed = toJsonExport(data, EXPORTED_AT);

  it('adds everything into an empty database', () => {
    const plan = planImport(parsed, { lists: [], entries: [], creators: [] });
    expect(plan.summary).toEqual({ added: 6, updated: 0, kept: 0, skippedOlder: 0, conflicts: [] });
    expect(plan.put).toEqual({ lists: data.lists, entries: data.entries, creators: data.creators });
  });

  it('keeps identical rows without writing them', () => {
    const plan = planImport(parsed, data);
    expect(plan.summary).toEqual({ added: 0, updated: 0, kept: 6, skippedOlder: 0, conflicts: [] });
    expect(plan.put).toEqual({ lists: [], entries: [], creators: [] });
  });

  it('keeps newer local data and reports every row it did not import', () => {
    const localEntry = { ...data.entries[0]!, note: 'edited here', updatedAt: T0 + HOUR };
    const localList = { ...data.lists[1]!, name: 'Autumn (renamed)', updatedAt: T0 + 2 * HOUR };
    const localJane = creatorOf('jane', {
      snapshot: { followers: 40_000, capturedAt: T0 + 3 * HOUR },
      updatedAt: T0 + 3 * HOUR,
    });
    const plan = planImport(parsed, {
      lists: [data.lists[0]!, localList],
      entries: [localEntry],
      creators: [localJane],
    });
    expect(plan.summary).toEqual({
      added: 2, // the entry of l2 and john
      updated: 0,
      kept: 1, // list l1, identical
      skippedOlder: 3,
      conflicts: [
        {
          table: 'lists',
          id: 'l2',
          reason: 'local-newer',
          localUpdatedAt: T0 + 2 * HOUR,
          importedUpdatedAt: T0,
        },
        {
          table: 'entries',
          id: data.entries[0]!.id,
          reason: 'local-newer',
          localUpdatedAt: T0 + HOUR,
          importedUpdatedAt: T0,
        },
        {
          table: 'creators',
          id: 'tiktok:jane',
          reason: 'local-newer',
          localUpdatedAt: T0 + 3 * HOUR,
          importedUpdatedAt: T0,
        },
      ],
    });
    expect(plan.put.lists).toEqual([]);
    expect(plan.put.entries).toEqual([data.entries[1]]);
    expect(plan.put.creators).toEqual([john]);
  });

  it('replaces older local rows with newer imported ones', () => {
    const olderEntry = { ...data.entries[0]!, note: 'old', updatedAt: T0 - HOUR };
    const olderJane = creatorOf('jane', { snapshot: { followers: 30_000, capturedAt: T0 - HOUR } });
    const plan = planImport(parsed, { lists: [], entries: [olderEntry], creators: [olderJane] });
    expect(plan.summary).toMatchObject({ added: 4, updated: 2, skippedOlder: 0, conflicts: [] });
    expect(plan.put.entries).toContainEqual(data.entries[0]);
    expect(plan.put.creators).toContainEqual(jane);
  });

  it('keeps the local row when both are as new but differ, and says so', () => {
    const sameTime = { ...data.entries[0]!, note: 'same time, other note' };
    const plan = planImport(parsed, { lists: [], entries: [sameTime], creators: [] });
    expect(plan.summary.skippedOlder).toBe(0);
    expect(plan.summary.conflicts).toEqual([
      {
        table: 'entries',
        id: sameTime.id,
        reason: 'same-time',
        localUpdatedAt: T0,
        importedUpdatedAt: T0,
      },
    ]);
    expect(plan.put.entries).not.toContainEqual(expect.objectContaining({ id: sameTime.id }));
  });

  it('judges a creator by the capture time of their snapshot first', () => {
    const fresherCapture = creatorOf('jane', {
      snapshot: { followers: 41_000, capturedAt: T0 + HOUR },
      updatedAt: T0 - HOUR, // recorded earlier here, but a newer capture
    });
    const plan = planImport(parsed, { lists: [], entries: [], creators: [fresherCapture] });
    expect(plan.put.creators).not.toContainEqual(expect.objectContaining({ key: 'tiktok:jane' }));
    expect(plan.summary.conflicts).toEqual([
      expect.objectContaining({ table: 'creators', id: 'tiktok:jane', reason: 'local-newer' }),
    ]);
  });
});
