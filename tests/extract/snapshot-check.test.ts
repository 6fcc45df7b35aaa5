import { describe, expect, it } from 'vitest';
import {
  checkSnapshot,
  isEpochMs,
  POST_COUNTS,
  PROFILE_COUNTS,
} from '../../lib/extract/snapshot-check';
import {
  EpochMsSchema,
  POST_COUNT_FIELDS,
  PROFILE_COUNT_FIELDS,
  ProfileSnapshotSchema,
  type ProfileSnapshot,
} from '../../lib/model';
import {
  extractTexts,
  fixtureFiles,
  guessProfileUrl,
  OWN_TIKTOK,
  readText,
  SHARED_TIKTOK,
} from '../platforms/tiktok/load';

// The content scripts check snapshots with checkSnapshot instead of zod (8 KB of a 20 KB budget);
// these tests hold it to ProfileSnapshotSchema, the one source of truth: same verdict on every
// snapshot, and every path the schema complains about is one checkSnapshot names too.

const BASE: ProfileSnapshot = {
  platform: 'tiktok',
  handle: 'nadia.draws',
  platformId: '7211111111111111111',
  url: 'https://www.tiktok.com/@nadia.draws',
  displayName: 'Nadia Draws',
  bio: 'Ink sketches',
  verified: false,
  isPrivate: false,
  followers: 23_457,
  following: 318,
  posts: 142,
  likes: 412_906,
  precision: { followers: 'exact', following: 'exact', posts: 'exact', likes: 'rounded' },
  recentPosts: [
    {
      id: '7499914841949394567',
      url: 'https://www.tiktok.com/@nadia.draws/video/7499914841949394567',
      postedAt: 1746210000000,
      kind: 'video',
      likes: 3107,
      views: 12_134,
      pinned: false,
      sponsored: false,
      caption: 'Corner café',
      precision: { likes: 'exact', views: 'exact' },
    },
  ],
  capturedAt: 1746300060000,
  sources: ['tiktok/item-list'],
};

function agree(snapshot: unknown, label: string): void {
  const zod = ProfileSnapshotSchema.safeParse(snapshot);
  const mine = checkSnapshot(snapshot as ProfileSnapshot);
  expect(mine.length === 0, `${label}: ${JSON.stringify(mine)} vs zod ${zod.success}`).toBe(
    zod.success,
  );
  if (zod.success) return;
  // One names a field where the other names a key inside it (a bad precision key): either
  // path leads the merge to drop the same part.
  const named = mine.map((p) => p.join('.'));
  for (const issue of zod.error.issues) {
    const path = issue.path.join('.');
    const covered = named.some(
      (n) => n === path || path.startsWith(`${n}.`) || n.startsWith(`${path}.`) || n === '',
    );
    expect(covered, `${label}: zod ${path} vs ${JSON.stringify(named)}`).toBe(true);
  }
}

const set = (path: (string | number)[], value: unknown): unknown => {
  const copy = structuredClone(BASE) as unknown as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
};
const DELETE = Symbol('delete');

const EMOJI = '\u{1F600}';
const VALUES: unknown[] = [
  DELETE,
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  9_000_000_000,
  9_000_000_001,
  1_000_000_000_000,
  1_000_000_000_001,
  946_684_800_000,
  946_684_799_999,
  4_102_444_799_999,
  4_102_444_800_000,
  '',
  'x',
  'Nadia.Draws',
  'company/acme',
  'bad handle',
  'https://www.tiktok.com/@a',
  'http://www.tiktok.com/@a',
  'not a url',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(120),
  'x'.repeat(121),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(300),
  'x'.repeat(301),
  EMOJI.repeat(300),
  EMOJI.repeat(301),
  'x'.repeat(5000),
  'x'.repeat(5001),
  EMOJI.repeat(5000),
  'video',
  'reel',
  'exact',
  'approx',
  [],
  {},
  { followers: 'exact' },
  { views: 'rounded' },
  { bogus: 'exact' },
  { likes: 'maybe' },
];

const PATHS: (string | number)[][] = [
  ['platform'],
  ['handle'],
  ['platformId'],
  ['url'],
  ['displayName'],
  ['bio'],
  ['verified'],
  ['isPrivate'],
  ...PROFILE_COUNT_FIELDS.map((f) => [f]),
  ['precision'],
  ['precision', 'followers'],
  ['precision', 'connections'],
  ['recentPosts'],
  ['recentPosts', 0],
  ['recentPosts', 0, 'id'],
  ['recentPosts', 0, 'url'],
  ['recentPosts', 0, 'postedAt'],
  ['recentPosts', 0, 'kind'],
  ...POST_COUNT_FIELDS.map((f) => ['recentPosts', 0, f]),
  ['recentPosts', 0, 'pinned'],
  ['recentPosts', 0, 'sponsored'],
  ['recentPosts', 0, 'likesHidden'],
  ['recentPosts', 0, 'caption'],
  ['recentPosts', 0, 'precision'],
  ['recentPosts', 0, 'precision', 'likes'],
  ['capturedAt'],
  ['sources'],
  ['sources', 0],
];

describe('checkSnapshot agrees with ProfileSnapshotSchema', () => {
  it('uses the model’s field lists and clock range', () => {
    expect([...PROFILE_COUNTS]).toEqual([...PROFILE_COUNT_FIELDS]);
    expect([...POST_COUNTS]).toEqual([...POST_COUNT_FIELDS]);
    for (const v of [946_684_800_000, 946_684_799_999, 4_102_444_800_000, 1.5e12 + 0.5, 'x']) {
      expect(isEpochMs(v)).toBe(EpochMsSchema.safeParse(v).success);
    }
  });

  it('accepts a valid snapshot', () => {
    expect(checkSnapshot(BASE)).toEqual([]);
    agree(BASE, 'base');
  });

  it.each(PATHS.map((p) => [p.join('.'), p] as const))('on every value at %s', (_label, path) => {
    for (const value of VALUES) agree(set(path, value), `${path.join('.')} = ${String(value)}`);
  });

  it('on list limits: 500 posts, 50 sources', () => {
    const post = BASE.recentPosts[0]!;
    agree({ ...BASE, recentPosts: Array.from({ length: 500 }, () => post) }, '500 posts');
    agree({ ...BASE, recentPosts: Array.from({ length: 501 }, () => post) }, '501 posts');
    agree({ ...BASE, sources: Array.from({ length: 50 }, () => 's') }, '50 sources');
    agree({ ...BASE, sources: Array.from({ length: 51 }, () => 's') }, '51 sources');
  });

  it('on values that are not snapshots at all', () => {
    for (const value of [null, 1, 'x', [], {}]) agree(value, JSON.stringify(value));
  });

  const files = [
    ...fixtureFiles(OWN_TIKTOK).map((f) => [OWN_TIKTOK, f] as const),
    ...fixtureFiles(SHARED_TIKTOK).map((f) => [SHARED_TIKTOK, f] as const),
  ];
  it.each(files.map(([dir, f]) => [f, dir] as const))('on the snapshot of %s', (file, dir) => {
    const text = readText(dir, file);
    const result = extractTexts([text], guessProfileUrl(text));
    if (result.ok) agree(result.snapshot, file);
  });
});
