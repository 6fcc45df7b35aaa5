import type { ProfileSnapshot } from '@/lib/model';

/** The database tests' clock: 2026-01-15 12:00 UTC. */
export const T0 = Date.UTC(2026, 0, 15, 12);

/** An invented TikTok creator's snapshot as the readers make it, captured at T0; `over` changes any field. */
export function tiktokSnapshot(
  handle: string,
  over: Partial<ProfileSnapshot> = {},
): ProfileSnapshot {
  return {
    platform: 'tiktok',
    handle,
    url: `https://www.tiktok.com/@${handle}`,
    followers: 38_200,
    precision: { followers: 'rounded' },
    recentPosts: [],
    capturedAt: T0,
    sources: ['tiktok/universal-data'],
    ...over,
  };
}
