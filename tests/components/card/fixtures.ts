import type { PostComments } from '@/lib/metrics/comments';
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { SidebarApi } from '@/components/sidebar-app';
import type { Layout } from '@/lib/settings/layout';
import type { PageState, Reply, ResponseOf, TabRecord } from '@/lib/messaging/protocol';
import { computeVetting, DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics';
import type { CreatorRow, Post, ProfileSnapshot } from '@/lib/model';

export type TabView = ResponseOf<'creator/for-tab'>;
type SaveReply = Reply<ResponseOf<'shortlist/save'>>;

/** 2026-11-21T00:00:00Z: the capture clock `scout vet --at` uses for the demo pages. */
export const CAPTURED = Date.UTC(2026, 10, 21);
export const DAY = 24 * 60 * 60 * 1000;

const video = (
  handle: string,
  id: string,
  [postedAt, likes, comments, shares, views]: readonly number[],
  over: Partial<Post> = {},
): Post => ({
  id,
  url: `https://www.tiktok.com/@${handle}/video/${id}`,
  postedAt,
  kind: 'video',
  likes,
  comments,
  shares,
  views,
  precision: { likes: 'exact', comments: 'exact', shares: 'exact', views: 'exact' },
  ...over,
});

// Per-video numbers of tests/fixtures/pages/tiktok (profile-mara-bakes.html with
// api-item-list-mara-bakes.json), as `scout vet --at 2026-11-21T00:00:00Z` reads them:
// [postedAt, likes, comments, shares, views], newest first; the first video is pinned.
const MARA_VIDEOS = [
  [1795154778000, 2317, 134, 244, 27937],
  [1794881681000, 2180, 126, 230, 26982],
  [1794643530000, 1357, 78, 143, 17816],
  [1794382628000, 2508, 145, 264, 33056],
  [1794131087000, 2932, 170, 308, 35664],
  [1793842179000, 1795, 104, 189, 27998],
  [1793617748000, 2879, 167, 302, 43130],
  [1793352147000, 1517, 88, 159, 18859],
  [1793090556000, 2740, 159, 288, 34057],
  [1792818795000, 2796, 162, 294, 32948],
  [1792580094000, 1699, 98, 179, 21748],
  [1792296778000, 1951, 113, 205, 25293],
  [1792041904000, 2023, 117, 213, 23140],
  [1791801036000, 1963, 114, 206, 24838],
  [1791517786000, 3260, 189, 342, 34954],
  [1791254450000, 1760, 102, 185, 20405],
  [1790996756000, 1509, 87, 159, 16284],
  [1790733026000, 3677, 213, 386, 40857],
] as const;

/** Mara Bakes, micro TikTok baker: ER 9.36% by views (17 videos, 1 pinned left out), video $180–$300. */
export const maraBakes = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle: 'mara.bakes',
  platformId: '6812345678901234567',
  url: 'https://www.tiktok.com/@mara.bakes',
  displayName: 'Mara Bakes',
  bio: 'Sourdough every Sunday, pastry on weekdays.',
  verified: false,
  isPrivate: false,
  followers: 38_214,
  following: 412,
  posts: 186,
  likes: 1_241_876,
  precision: { followers: 'exact', following: 'exact', posts: 'exact', likes: 'exact' },
  recentPosts: MARA_VIDEOS.map((v, i) =>
    video('mara.bakes', `7710131063030113${String(i).padStart(3, '0')}`, v, {
      caption: `Mara Bakes video ${i + 1}`,
      sponsored: false,
      ...(i === 0 ? { pinned: true } : {}),
    }),
  ),
  capturedAt: CAPTURED,
  sources: ['tiktok/universal-data', 'tiktok/item-list'],
  ...over,
});

/** Mara a month earlier, with fewer followers: Scout's previous visit. */
export const maraLastMonth = (): ProfileSnapshot =>
  maraBakes({ followers: 37_420, capturedAt: CAPTURED - 30 * DAY, recentPosts: [] });

/**
 * Lena Trails, Instagram hiker: followers read from "38K" (rounded), image and carousel posts,
 * one with hidden likes, one pinned, two paid partnerships.
 */
export const lenaTrails = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'instagram',
  handle: 'lena.trails',
  url: 'https://www.instagram.com/lena.trails/',
  displayName: 'Lena Trails',
  followers: 38_000,
  following: 611,
  posts: 402,
  precision: { followers: 'rounded', following: 'exact', posts: 'exact' },
  recentPosts: Array.from({ length: 12 }, (_, i): Post => {
    const base: Post = {
      id: `C${3_100_000 + i}`,
      url: `https://www.instagram.com/p/C${3_100_000 + i}/`,
      postedAt: CAPTURED - (2 + i * 4) * DAY,
      kind: i % 3 === 0 ? 'carousel' : 'image',
      likes: 352 + ((i * 37) % 90),
      comments: 14 + (i % 5),
      caption: i === 2 || i === 7 ? 'Alpine loop with @trailco #ad' : 'Ridge line at dawn',
    };
    if (i === 4) return { ...base, likes: undefined, likesHidden: true };
    if (i === 11) return { ...base, pinned: true, likes: 2_950, comments: 88 };
    return base;
  }),
  capturedAt: CAPTURED,
  sources: ['instagram/profile-info'],
  ...over,
});

/**
 * Gadget Guru, a TikTok account with warnings: follows more accounts than follow it, and one video
 * with more likes than views.
 */
export const gadgetGuru = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle: 'gadget.guru',
  url: 'https://www.tiktok.com/@gadget.guru',
  displayName: 'Gadget Guru',
  followers: 41_300,
  following: 52_100,
  posts: 240,
  likes: 310_000,
  precision: { followers: 'exact', following: 'exact', posts: 'exact', likes: 'exact' },
  recentPosts: Array.from({ length: 10 }, (_, i) =>
    video('gadget.guru', `7600000000000000${i}`, [
      CAPTURED - (4 + i * 3) * DAY,
      900 + i * 20,
      30,
      12,
      i === 3 ? 880 : 11_000 + i * 400,
    ]),
  ),
  capturedAt: CAPTURED,
  sources: ['tiktok/universal-data', 'tiktok/item-list'],
  ...over,
});

/** What the background answers for tab 7 when it has filed this snapshot, vetted for real. */
export function vetView(
  snapshot: ProfileSnapshot,
  options: {
    history?: ProfileSnapshot[];
    lists?: TabView['lists'];
    allLists?: TabView['lists'];
    rateCard?: RateCard;
    page?: Partial<TabRecord>;
    comments?: PostComments[];
  } = {},
): TabView {
  const rateCard = options.rateCard ?? DEFAULT_RATE_CARD;
  const { vetting, detail } = computeVetting(snapshot, {
    now: snapshot.capturedAt + 1_000,
    history: options.history ?? [],
    rateCard,
    ...(options.comments ? { comments: options.comments } : {}),
  });
  const key = `${snapshot.platform}:${snapshot.handle}`;
  const creator: CreatorRow = {
    key,
    snapshot,
    vetting,
    createdAt: snapshot.capturedAt,
    updatedAt: snapshot.capturedAt,
  };
  return {
    tabId: 7,
    page: {
      url: snapshot.url,
      state: 'ready',
      creatorKey: key,
      updatedAt: snapshot.capturedAt,
      ...options.page,
    },
    creator,
    lists: options.lists ?? [],
    ...(options.allLists ? { allLists: options.allLists } : {}),
    detail,
    rateCard,
  };
}

/** The background's answer for a tab showing no creator. */
export function stateView(
  state: PageState,
  over: Partial<TabRecord> = {},
  url = 'https://www.tiktok.com/@jane',
): TabView {
  return {
    tabId: 7,
    page: { url, state, updatedAt: CAPTURED, ...over },
    creator: null,
    lists: [],
    detail: null,
    rateCard: DEFAULT_RATE_CARD,
  };
}

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const failure = (message: string): Reply<never> => ({
  ok: false,
  error: { code: 'unreachable', message },
});

/**
 * Plays the background and the layout storage: answers come from a queue (the last one repeats);
 * tab and layout changes fire on demand.
 */
export function fakeApi(...answers: Reply<TabView>[]) {
  const queue = [...answers];
  const listeners = new Map<number, () => void>();
  const layoutListeners = new Set<(layout: Layout) => void>();
  const api = {
    creatorForTab: vi.fn(async () => (queue.length > 1 ? queue.shift()! : queue[0]!)),
    save: vi.fn(async (): Promise<SaveReply> =>
      ok({
        listId: 'default',
        listName: 'Shortlist',
        entryId: 'default|tiktok:jane',
        created: true,
      }),
    ),
    retryPage: vi.fn(async (): Promise<Reply<unknown>> => ok({})),
    closeFeedCard: vi.fn((_tabId: number) => {}),
    onTabChanged: vi.fn((tabId: number, callback: () => void) => {
      listeners.set(tabId, callback);
      return () => listeners.delete(tabId);
    }),
    setLayout: vi.fn(async (_layout: Pick<Layout, 'collapsed' | 'side'>) => {}),
    hideOnSite: vi.fn(async (_site: string) => {}),
    onLayoutChanged: vi.fn((callback: (layout: Layout) => void) => {
      layoutListeners.add(callback);
      return () => layoutListeners.delete(callback);
    }),
  } satisfies SidebarApi;
  return {
    api,
    /** The background changed its record of `tabId`; the next creatorForTab answer is `next`. */
    async tabChanged(tabId: number, next: Reply<TabView>) {
      queue.splice(0, queue.length, next);
      await act(async () => listeners.get(tabId)?.());
    },
    /** From now on the background answers `next` (for a Retry, say). */
    answer(next: Reply<TabView>) {
      queue.splice(0, queue.length, next);
    },
    /** The stored layout changed (another tab's sidebar wrote it). */
    async layoutChanged(layout: Layout) {
      await act(async () => layoutListeners.forEach((l) => l(layout)));
    },
  };
}
