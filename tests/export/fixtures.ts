/** Rows for export and import tests: a creator with their vetting, a list and an entry. */
import { DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics/rates';
import {
  entryId,
  type CreatorRow,
  type Post,
  type ProfileSnapshot,
  type Shortlist,
  type ShortlistEntry,
  type Vetting,
} from '@/lib/model';

export const T0 = Date.UTC(2026, 0, 15, 12);
export const HOUR = 60 * 60 * 1000;

/**
 * Three exact videos at (800 + 60 + 50) / 10,000 = 9.1% each, all older than 72 hours: with 38.2K
 * followers the card shows ER 9.1% by views ("average" for 10K–50K), micro, video $180–$290 under
 * the default rate card.
 */
export const NINE_ONE_VIDEOS: Post[] = [1, 2, 3].map((i) => ({
  id: String(i),
  kind: 'video',
  postedAt: T0 - (96 + 24 * i) * HOUR,
  views: 10_000,
  likes: 800,
  comments: 60,
  shares: 50,
  precision: { views: 'exact', likes: 'exact', comments: 'exact', shares: 'exact' },
}));

/** A rate card with TikTok at $12 per 1K followers, twice the default. */
export const PRICIER: RateCard = {
  ...DEFAULT_RATE_CARD,
  base: { ...DEFAULT_RATE_CARD.base, tiktok: { per1kFollowers: 12, video: 1 } },
};

export const snapshotOf = (
  handle: string,
  over: Partial<ProfileSnapshot> = {},
): ProfileSnapshot => ({
  platform: 'tiktok',
  handle,
  url: `https://www.tiktok.com/@${handle}`,
  displayName: 'Jane Doe',
  bio: 'skincare, honestly',
  followers: 38_200,
  precision: { followers: 'rounded' },
  recentPosts: NINE_ONE_VIDEOS,
  capturedAt: T0,
  sources: ['tiktok/universal-data'],
  ...over,
});

/**
 * A vetting as stored at capture time. Its price ($180–$300) is deliberately not the one the rate
 * card gives now ($180–$290): exports must show the latter.
 */
export const vettingOf = (over: Partial<Vetting> = {}): Vetting => ({
  tier: 'micro',
  engagement: {
    rate: 9.1,
    basis: 'views',
    sampleSize: 18,
    band: '10K–50K',
    grade: 'average',
    formula: '(likes + comments + shares) / views, median of 18 videos',
    confidence: 'high',
  },
  rates: [{ deliverable: 'video', low: 180, mid: 240, high: 300, currency: 'USD' }],
  addOns: [{ id: 'usage-rights', percent: 50 }],
  flags: [],
  computedAt: T0,
  ...over,
});

export const creatorOf = (
  handle: string,
  over: { snapshot?: Partial<ProfileSnapshot>; vetting?: Vetting | null } & Partial<
    Pick<CreatorRow, 'createdAt' | 'updatedAt'>
  > = {},
): CreatorRow => {
  const snapshot = snapshotOf(handle, over.snapshot);
  const row: CreatorRow = {
    key: `${snapshot.platform}:${snapshot.handle}`,
    snapshot,
    createdAt: over.createdAt ?? T0,
    updatedAt: over.updatedAt ?? T0,
  };
  const vetting = over.vetting === undefined ? vettingOf() : over.vetting;
  if (vetting) row.vetting = vetting;
  return row;
};

export const listOf = (id: string, over: Partial<Shortlist> = {}): Shortlist => ({
  id,
  name: 'Spring launch',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const entryOf = (
  listId: string,
  creatorKey: string,
  over: Partial<ShortlistEntry> = {},
): ShortlistEntry => ({
  id: entryId(listId, creatorKey),
  listId,
  creatorKey,
  status: 'new',
  note: '',
  tags: [],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});
