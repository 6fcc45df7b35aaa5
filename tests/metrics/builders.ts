import type { Platform, Post, ProfileSnapshot } from '@/lib/model';

export const CAPTURED = Date.UTC(2026, 0, 15, 12);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

let seq = 0;

/** A post old enough to count (5 days before capture), exact counts unless told otherwise. */
export const post = (over: Partial<Post> = {}): Post => ({
  id: `p${(seq += 1)}`,
  postedAt: CAPTURED - 5 * DAY,
  kind: 'video',
  likes: 4_000,
  comments: 100,
  shares: 50,
  views: 45_000,
  ...over,
});

/** `n` posts a few days apart, each built by `over(i)`. */
export const posts = (n: number, over: (i: number) => Partial<Post> = () => ({})): Post[] =>
  Array.from({ length: n }, (_, i) => post({ postedAt: CAPTURED - (4 + i * 3) * DAY, ...over(i) }));

const URLS: Record<Platform, string> = {
  tiktok: 'https://www.tiktok.com/@jane',
  instagram: 'https://www.instagram.com/jane/',
  linkedin: 'https://www.linkedin.com/in/jane/',
};

/** A creator snapshot with exact counts; `recentPosts` empty unless given. */
export const snapshot = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => {
  const platform = over.platform ?? 'tiktok';
  return {
    platform,
    handle: 'jane',
    url: URLS[platform],
    followers: 38_200,
    following: 412,
    posts: 187,
    precision: { followers: 'exact', following: 'exact', posts: 'exact' },
    recentPosts: [],
    capturedAt: CAPTURED,
    sources: ['test'],
    ...over,
  };
};

/** Posts whose per-post rates are exactly `rates` (percent) on the given basis. */
export const videosAtRates = (rates: readonly number[], views = 10_000): Post[] =>
  rates.map((r, i) =>
    post({
      postedAt: CAPTURED - (4 + i) * DAY,
      views,
      likes: Math.round((r / 100) * views) - 30,
      comments: 20,
      shares: 10,
    }),
  );

export const feedAtRates = (rates: readonly number[], followers: number): Post[] =>
  rates.map((r, i) =>
    post({
      postedAt: CAPTURED - (4 + i) * DAY,
      kind: 'image',
      views: undefined,
      shares: undefined,
      likes: Math.round((r / 100) * followers) - 10,
      comments: 10,
    }),
  );
