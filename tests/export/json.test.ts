import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_MS,
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseImport as parse,
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
/** The importing clock: the day after the export. */
const NOW = EXPORTED_AT + 24 * HOUR;
const parseImport = (text: unknown) => parse(text, NOW);

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
    expect(result).toEqual({ ok: true, data: toJsonExport(data, EXPORTED_AT), notExact: [] });
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

  it.each([
    ['an unknown older version', 0],
    ['a version as text', '1'],
    ['no version at all', undefined],
    ['a fractional version', 1.5],
  ])('%s', (_, version) => {
    const error = errorOf(withDoc((doc) => (doc['version'] = version)));
    expect(error).toMatchObject({ code: 'wrong-version', path: 'version' });
    expect(error.message).toMatch(/Scout reads version 1/);
  });

  it.each([
    ['a JSON number', '42'],
    ['a JSON string', '"scout-shortlists"'],
    ['an empty file', ''],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004'],
    ["another app's export", '{"format":"other-app","version":1,"lists":[],"entries":[]}'],
    ['a format name in another case', '{"format":"Scout-Shortlists","version":1}'],
  ])('%s', (_, text) => {
    const error = errorOf(text);
    expect(['not-json', 'wrong-format']).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(10);
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

describe('parseImport refuses dates in the future', () => {
  /** A date beyond the allowed clock skew of the importing clock. */
  const FUTURE = NOW + CLOCK_SKEW_MS + 1;

  it.each([
    [['exportedAt'], 'exportedAt', 'the file'],
    [['lists', 1, 'updatedAt'], 'lists[1].updatedAt', 'list "Autumn"'],
    [['entries', 0, 'createdAt'], 'entries[0].createdAt', 'the entry of tiktok:jane'],
    [
      ['creators', 1, 'snapshot', 'capturedAt'],
      'creators[1].snapshot.capturedAt',
      'creator tiktok:john',
    ],
    [['creators', 0, 'updatedAt'], 'creators[0].updatedAt', 'creator tiktok:jane'],
  ])('at %j, naming the row', (at, path, row) => {
    const text = withDoc((doc) => {
      let target = doc as Record<string | number, unknown>;
      for (const key of at.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      target[at.at(-1)!] = FUTURE;
    });
    const error = errorOf(text);
    expect(error).toMatchObject({ code: 'future-date', path });
    expect(error.message).toContain(path);
    expect(error.message).toContain(row);
    expect(error.message).toContain(new Date(FUTURE).toISOString());
    expect(error.message).toMatch(/Nothing was imported/);
  });

  it("a snapshot dated 2100's eve, which the schema alone would accept", () => {
    const text = withDoc((doc) => {
      const creators = doc['creators'] as { snapshot: { capturedAt: number } }[];
      creators[0]!.snapshot.capturedAt = Date.UTC(2099, 11, 31);
    });
    expect(errorOf(text).code).toBe('future-date');
  });

  it("a post's date and an edited field's time too", () => {
    const post = withDoc((doc) => {
      const creators = doc['creators'] as { snapshot: { recentPosts: { postedAt?: number }[] } }[];
      creators[0]!.snapshot.recentPosts[0]!.postedAt = FUTURE;
    });
    expect(errorOf(post)).toMatchObject({
      code: 'future-date',
      path: 'creators[0].snapshot.recentPosts[0].postedAt',
    });
    const field = withDoc((doc) => {
      (doc['entries'] as Record<string, unknown>[])[0]!['fieldTimes'] = { note: FUTURE };
    });
    expect(errorOf(field)).toMatchObject({
      code: 'future-date',
      path: 'entries[0].fieldTimes.note',
    });
  });

  it('but accepts a day of clock difference', () => {
    const text = withDoc((doc) => (doc['exportedAt'] = NOW + CLOCK_SKEW_MS));
    expect(parseImport(text).ok).toBe(true);
  });
});

describe('parseImport reads counts without a precision as not exact', () => {
  it('marks them rounded and names each one', () => {
    const text = withDoc((doc) => {
      const [first] = doc['creators'] as {
        snapshot: {
          precision: Record<string, string>;
          following?: number;
          recentPosts: { precision?: object }[];
        };
      }[];
      first!.snapshot.precision = {};
      first!.snapshot.following = 120;
      delete first!.snapshot.recentPosts[0]!.precision;
    });
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error.message);
    const snapshot = result.data.creators[0]!.snapshot;
    expect(snapshot.precision).toEqual({ followers: 'rounded', following: 'rounded' });
    expect(snapshot.recentPosts[0]!.precision).toEqual({
      views: 'rounded',
      likes: 'rounded',
      comments: 'rounded',
      shares: 'rounded',
    });
    expect(result.notExact).toEqual([
      'creators[0].snapshot.followers',
      'creators[0].snapshot.following',
      'creators[0].snapshot.recentPosts[0].likes',
      'creators[0].snapshot.recentPosts[0].comments',
      'creators[0].snapshot.recentPosts[0].shares',
      'creators[0].snapshot.recentPosts[0].views',
    ]);
  });

  it('keeps every precision the file gives', () => {
    const result = parseImport(toJson(data, EXPORTED_AT));
    expect(result.ok && result.data.creators.map((c) => c.snapshot.precision)).toEqual([
      { followers: 'rounded' },
      { followers: 'rounded' },
    ]);
  });
});
