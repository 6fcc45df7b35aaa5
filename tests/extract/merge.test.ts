import { describe, expect, it } from 'vitest';
import { mergeReadings, readingsAbout, type MergeTarget } from '../../lib/extract/merge';
import { newReading, type PostReading, type Reading } from '../../lib/extract/reading';
import { settleReadings } from '../../lib/extract/settle';

const NOW = Date.UTC(2025, 5, 1);
const TARGET: MergeTarget = {
  platform: 'tiktok',
  handle: 'nadia.draws',
  url: 'https://www.tiktok.com/@nadia.draws',
};

function reading(source: string, patch: Partial<Reading> = {}): Reading {
  return { ...newReading(source, { handle: 'nadia.draws' }), ...patch };
}

const exact = (value: number) => ({ value, precision: 'exact' as const });
const rounded = (value: number) => ({ value, precision: 'rounded' as const });

function post(id: string, patch: Partial<PostReading> = {}): PostReading {
  return { id, counts: {}, ...patch };
}

describe('readingsAbout', () => {
  it('keeps readings naming the handle and handle-less ones sharing an id with them', () => {
    const named = reading('a', { platformId: '1', altIds: ['sec-1'] });
    const bySecUid = { ...newReading('b', { altIds: ['sec-1'] }) };
    const stranger = { ...newReading('c', { handle: 'someone.else', altIds: ['sec-1'] }) };
    const anonymous = newReading('d');
    expect(readingsAbout('nadia.draws', [named, bySecUid, stranger, anonymous])).toEqual([
      named,
      bySecUid,
    ]);
  });
});

describe('mergeReadings', () => {
  it('gives null when no reading is about the target', () => {
    const other = {
      ...newReading('x', { handle: 'quiet.viewer' }),
      counts: { followers: exact(5) },
    };
    expect(mergeReadings(TARGET, [other], NOW)).toBeNull();
    expect(mergeReadings(TARGET, [reading('empty')], NOW)).toBeNull();
  });

  it('never takes a number from a reading about another account', () => {
    const viewer = {
      ...newReading('tiktok/universal-data', { handle: 'quiet.viewer' }),
      counts: { followers: exact(999_999), following: exact(3) },
    };
    const mine = reading('dom', { counts: { followers: rounded(23_500) } });
    const merged = mergeReadings(TARGET, [viewer, mine], NOW);
    expect(merged?.snapshot).toMatchObject({
      followers: 23_500,
      precision: { followers: 'rounded' },
    });
    expect(merged?.snapshot.following).toBeUndefined();
  });

  it('prefers an exact count to a rounded one whatever the order', () => {
    const meta = reading('tiktok/meta', { counts: { followers: rounded(23_500) } });
    const json = reading('tiktok/universal-data', { counts: { followers: exact(23_457) } });
    for (const order of [
      [meta, json],
      [json, meta],
    ]) {
      const { snapshot } = mergeReadings(TARGET, order, NOW)!;
      expect(snapshot.followers).toBe(23_457);
      expect(snapshot.precision.followers).toBe('exact');
      expect(snapshot.sources).toEqual(['tiktok/universal-data']);
    }
  });

  it('prefers the newer payload among counts of the same precision, and for text fields', () => {
    const older = reading('a', {
      clock: Date.UTC(2025, 0, 1),
      displayName: 'Old Name',
      counts: { followers: exact(100) },
    });
    const newer = reading('b', {
      clock: Date.UTC(2025, 1, 1),
      displayName: 'New Name',
      counts: { followers: exact(120) },
    });
    const { snapshot } = mergeReadings(TARGET, [older, newer], NOW)!;
    expect(snapshot).toMatchObject({ followers: 120, displayName: 'New Name', sources: ['b'] });
  });

  it('lets the earlier reading win a tie (callers list readings by trust)', () => {
    const first = reading('first', { bio: 'one', counts: { likes: rounded(1000) } });
    const second = reading('second', { bio: 'two', counts: { likes: rounded(1100) } });
    expect(mergeReadings(TARGET, [first, second], NOW)?.snapshot).toMatchObject({
      bio: 'one',
      likes: 1000,
    });
  });

  it('takes capturedAt from the newest payload clock used, else now, unless fixed', () => {
    const clocked = reading('api', { clock: Date.UTC(2024, 2, 3), counts: { posts: exact(3) } });
    const plain = reading('html', { displayName: 'N' });
    expect(mergeReadings(TARGET, [plain], NOW)?.snapshot.capturedAt).toBe(NOW);
    expect(mergeReadings(TARGET, [plain, clocked], NOW)?.snapshot.capturedAt).toBe(
      Date.UTC(2024, 2, 3),
    );
    const fixed = mergeReadings(TARGET, [plain, clocked], NOW, {
      capturedAt: Date.UTC(2023, 0, 1),
    });
    expect(fixed?.snapshot.capturedAt).toBe(Date.UTC(2023, 0, 1));
  });

  it('ignores a payload clock that is not a plausible epoch-ms time', () => {
    const seconds = reading('api', { clock: 1_703_592_081, counts: { posts: exact(3) } });
    expect(mergeReadings(TARGET, [seconds], NOW)?.snapshot.capturedAt).toBe(NOW);
  });

  it('merges posts by id, field by field, newest first with pinned posts in date order', () => {
    const dom = reading('dom', {
      posts: [
        post('2', { counts: { views: rounded(12_100) }, postedAt: Date.UTC(2025, 4, 2) }),
        post('9', { counts: { views: rounded(3_000) } }),
      ],
    });
    const api = reading('api', {
      clock: Date.UTC(2025, 4, 3),
      posts: [
        post('1', {
          postedAt: Date.UTC(2024, 10, 3),
          pinned: true,
          counts: { likes: exact(45_213) },
        }),
        post('2', {
          postedAt: Date.UTC(2025, 4, 2),
          counts: { views: exact(12_134), likes: exact(3_107) },
          caption: 'Corner café',
        }),
        post('3', { postedAt: Date.UTC(2025, 3, 20), kind: 'carousel', counts: {} }),
      ],
    });
    const { snapshot } = mergeReadings(TARGET, [dom, api], NOW)!;
    expect(snapshot.recentPosts.map((p) => p.id)).toEqual(['2', '3', '1', '9']);
    expect(snapshot.recentPosts[0]).toEqual({
      id: '2',
      postedAt: Date.UTC(2025, 4, 2),
      views: 12_134,
      likes: 3_107,
      caption: 'Corner café',
      precision: { views: 'exact', likes: 'exact' },
    });
    expect(snapshot.recentPosts[2]).toMatchObject({ id: '1', pinned: true });
    expect(snapshot.recentPosts[3]).toMatchObject({ id: '9', views: 3_000 });
    expect(snapshot.sources).toEqual(['dom', 'api']);
  });

  it('keeps ids as strings beyond 2^53', () => {
    const id = '7513039993741397256';
    const { snapshot } = mergeReadings(
      TARGET,
      [reading('a', { platformId: '6881290705605477381', posts: [post(id)] })],
      NOW,
    )!;
    expect(snapshot.platformId).toBe('6881290705605477381');
    expect(snapshot.recentPosts[0]?.id).toBe(id);
  });

  it('gives a private account its counts and no posts', () => {
    const { snapshot } = mergeReadings(
      TARGET,
      [reading('a', { isPrivate: true, counts: { followers: exact(1288) }, posts: [post('1')] })],
      NOW,
    )!;
    expect(snapshot).toMatchObject({ isPrivate: true, followers: 1288, recentPosts: [] });
  });

  it('drops what validation refuses instead of presenting it', () => {
    const bad = reading('a', {
      displayName: 'x'.repeat(301),
      bio: 'fine',
      counts: { followers: exact(10_000_000_000), following: exact(12) },
      posts: [
        post('1', { postedAt: 12, counts: { likes: exact(5) } }),
        post('', { counts: { likes: exact(1) } }),
        post('2', { caption: 'y'.repeat(6000), counts: { views: exact(7) } }),
      ],
    });
    const merged = mergeReadings(TARGET, [bad], NOW)!;
    expect(merged.snapshot).toMatchObject({ bio: 'fine', following: 12 });
    expect(merged.snapshot.displayName).toBeUndefined();
    expect(merged.snapshot.followers).toBeUndefined();
    expect(merged.snapshot.precision).toEqual({ following: 'exact' });
    expect(merged.snapshot.recentPosts).toEqual([
      { id: '1', likes: 5, precision: { likes: 'exact' } },
      { id: '2', views: 7, precision: { views: 'exact' } },
    ]);
    expect(merged.dropped).toEqual(
      expect.arrayContaining(['displayName', 'followers', 'recentPosts.1.caption']),
    );
  });

  it('ignores counts that are not safe non-negative integers', () => {
    const weird = reading('a', {
      counts: {
        followers: exact(-1),
        likes: exact(1.5),
        posts: exact(Number.NaN),
        following: exact(4),
      },
    });
    expect(mergeReadings(TARGET, [weird], NOW)?.snapshot.precision).toEqual({ following: 'exact' });
  });

  it('keeps at most 500 posts, the newest', () => {
    const posts = Array.from({ length: 600 }, (_, i) =>
      post(String(i + 1), { postedAt: Date.UTC(2020, 0, 1) + i * 60_000 }),
    );
    const { snapshot } = mergeReadings(TARGET, [reading('a', { posts })], NOW)!;
    expect(snapshot.recentPosts).toHaveLength(500);
    expect(snapshot.recentPosts[0]?.id).toBe('600');
  });
});

describe('settleReadings', () => {
  const options = { expected: ['followers', 'following', 'likes', 'posts'] as const };

  it('lists the expected counts and posts the snapshot lacks', () => {
    const result = settleReadings(
      TARGET,
      [reading('a', { counts: { followers: exact(5) } })],
      NOW,
      options,
    );
    expect(result).toMatchObject({
      ok: true,
      missing: ['following', 'likes', 'posts', 'recentPosts'],
    });
  });

  it('reports the most definite problem a payload states when there is no data', () => {
    const wall = { ...newReading('dom'), problem: 'sign-in-required' as const };
    const gone = { ...newReading('json'), problem: 'not-found' as const };
    expect(settleReadings(TARGET, [wall], NOW, options)).toEqual({
      ok: false,
      problem: 'sign-in-required',
      reason: 'sign-in required',
    });
    expect(settleReadings(TARGET, [wall, gone], NOW, options)).toMatchObject({
      problem: 'not-found',
    });
  });

  it('lets data win over a problem statement', () => {
    const wall = { ...newReading('dom'), problem: 'sign-in-required' as const };
    expect(
      settleReadings(TARGET, [wall, reading('a', { displayName: 'N' })], NOW, options).ok,
    ).toBe(true);
  });

  it('ignores a problem stated about another account', () => {
    const other = {
      ...newReading('json', { handle: 'someone.else' }),
      problem: 'private' as const,
    };
    expect(settleReadings(TARGET, [other], NOW, options)).toEqual({
      ok: false,
      problem: 'no-data',
      reason: 'no profile data found',
    });
  });
});
