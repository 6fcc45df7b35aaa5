import { describe, expect, it } from 'vitest';
import { mergeReadings, type MergeTarget } from '../../lib/extract/merge';
import type { PostReading, Reading } from '../../lib/extract/reading';
import { LIMITS, ProfileSnapshotSchema } from '../../lib/model/snapshot';

// mergeReadings skips the schema when every value it took passed its own plain checks. Those
// checks must never let through what the schema refuses: merged snapshots of readings full of
// values at, just past and far past each limit always pass ProfileSnapshotSchema.

/** A small seeded generator (mulberry32), so a failure names its seed and replays. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = Date.UTC(2026, 0, 1);

function generate(seed: number): Reading[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const text = (max: number) =>
    pick([
      undefined,
      '',
      'Ada',
      'é'.repeat(max),
      'x'.repeat(max + 1),
      'x'.repeat(max),
      '\u0000',
      '😀'.repeat(Math.ceil(max / 2) + 1),
    ]);
  const count = () =>
    pick([0, 1, 999, 38_217, 2 ** 53, -1, 1.5, Number.NaN, Infinity, 10 ** 12, 10 ** 16]);
  const precision = () => pick(['exact', 'rounded', 'lower-bound', 'estimated', '']);
  const clock = () => pick([undefined, NOW - 1000, -5, Number.NaN, 1.5, NOW * 10_000]);
  const post = (i: number): PostReading => {
    const p: PostReading = {
      id: pick([`p${i}`, '', 'x'.repeat(LIMITS.postId + 1)]),
      counts: {},
    };
    const url = pick([undefined, `https://www.tiktok.com/@ada/video/${i}`, 'x'.repeat(3000)]);
    if (url !== undefined) p.url = url;
    const at = clock();
    if (at !== undefined) p.postedAt = at;
    const caption = text(LIMITS.caption);
    if (caption !== undefined) p.caption = caption;
    if (r() < 0.3) p.kind = pick(['video', 'image', 'reel'] as never[]);
    for (const f of ['likes', 'comments', 'views'] as const)
      if (r() < 0.7) p.counts[f] = { value: count(), precision: precision() as never };
    return p;
  };
  return Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => {
    const reading: Reading = {
      source: pick(['tiktok/item-list', 'x'.repeat(LIMITS.source + 1)]),
      handle: 'ada',
      counts: {},
      posts: Array.from({ length: Math.floor(r() * 4) }, (_, i) => post(k * 10 + i)),
    };
    const name = text(LIMITS.displayName);
    if (name !== undefined) reading.displayName = name;
    const bio = text(LIMITS.bio);
    if (bio !== undefined) reading.bio = bio;
    const id = text(LIMITS.platformId);
    if (id !== undefined) reading.platformId = id;
    const at = clock();
    if (at !== undefined) reading.clock = at;
    for (const f of ['followers', 'following', 'likes', 'posts'] as const)
      if (r() < 0.7) reading.counts[f] = { value: count(), precision: precision() as never };
    return reading;
  });
}

describe('mergeReadings never returns a snapshot the schema refuses', () => {
  const target: MergeTarget = {
    platform: 'tiktok',
    handle: 'ada',
    url: 'https://www.tiktok.com/@ada',
  };

  it('on 2,000 generated reading sets with values around every limit', () => {
    const failures: number[] = [];
    let merged = 0;
    for (let seed = 1; seed <= 2_000; seed++) {
      const result = mergeReadings(target, generate(seed), NOW);
      if (!result) continue;
      merged++;
      if (!ProfileSnapshotSchema.safeParse(result.snapshot).success) failures.push(seed);
    }
    expect(failures).toEqual([]);
    expect(merged).toBeGreaterThan(1_000);
  });

  it('keeps plain valid readings whole (the fast path drops nothing)', () => {
    const reading: Reading = {
      source: 'tiktok/item-list',
      handle: 'ada',
      displayName: 'Ada',
      counts: { followers: { value: 38_217, precision: 'exact' } },
      posts: [{ id: '1', counts: { views: { value: 900, precision: 'exact' } } }],
    };
    const result = mergeReadings(target, [reading], NOW)!;
    expect(result.dropped).toEqual([]);
    expect(result.snapshot).toMatchObject({ followers: 38_217, displayName: 'Ada' });
  });
});
