import { describe, expect, it } from 'vitest';
import {
  creatorKey,
  CreatorKeySchema,
  MAX_AUDIENCE,
  PostSchema,
  ProfileSnapshotSchema,
  type Post,
  type ProfileSnapshot,
} from '@/lib/model';

const CAPTURED = Date.UTC(2026, 0, 15, 12);
const DAY = 24 * 60 * 60 * 1000;

const post = (over: Partial<Post> = {}): Post => ({
  id: '7234567890123456789',
  url: 'https://www.tiktok.com/@jane/video/7234567890123456789',
  postedAt: CAPTURED - 5 * DAY,
  kind: 'video',
  likes: 3_100,
  comments: 84,
  shares: 21,
  views: 41_000,
  pinned: false,
  caption: 'Morning routine #ad',
  sponsored: true,
  precision: { likes: 'exact', views: 'rounded' },
  ...over,
});

/** A realistic TikTok micro creator as the content script would submit it. */
const snapshot = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle: 'jane.doe_1',
  platformId: '6912345678901234567',
  url: 'https://www.tiktok.com/@jane.doe_1',
  displayName: 'Jane Doe ✨',
  bio: 'Skincare, slowly.',
  verified: false,
  isPrivate: false,
  followers: 38_200,
  following: 412,
  posts: 187,
  likes: 1_200_000,
  precision: { followers: 'rounded', following: 'exact', posts: 'exact', likes: 'rounded' },
  recentPosts: [post(), post({ id: '7234567890123456700', pinned: true, sponsored: false })],
  capturedAt: CAPTURED,
  sources: ['tiktok/universal-data', 'dom'],
  ...over,
});

/** The path of the first issue: what a developer reads to find the bad field. */
const firstIssuePath = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}) => result.error?.issues[0]?.path.join('.');

describe('ProfileSnapshotSchema', () => {
  it('accepts a realistic TikTok snapshot unchanged', () => {
    const input = snapshot();
    const result = ProfileSnapshotSchema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(input);
  });

  it('accepts a LinkedIn company snapshot with connections as a lower bound', () => {
    const result = ProfileSnapshotSchema.safeParse(
      snapshot({
        platform: 'linkedin',
        handle: 'company/acme',
        url: 'https://www.linkedin.com/company/acme/',
        connections: 500,
        precision: { connections: 'lower-bound' },
        recentPosts: [],
      }),
    );
    expect(result.success).toBe(true);
  });

  it('accepts a LinkedIn slug in another script', () => {
    expect(
      ProfileSnapshotSchema.safeParse(snapshot({ platform: 'linkedin', handle: 'jürgen-müller' }))
        .success,
    ).toBe(true);
  });

  it('keeps unknown counts absent: a snapshot without followers is valid and has no followers', () => {
    const { followers: _f, following: _g, posts: _p, likes: _l, ...rest } = snapshot();
    const result = ProfileSnapshotSchema.safeParse({ ...rest, precision: {} });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty('followers');
    expect(result.data).not.toHaveProperty('posts');
  });

  it('accepts the least a URL alone can tell', () => {
    const result = ProfileSnapshotSchema.safeParse({
      platform: 'instagram',
      handle: 'jane',
      url: 'https://www.instagram.com/jane/',
      precision: {},
      recentPosts: [],
      capturedAt: CAPTURED,
      sources: ['url'],
    });
    expect(result.success).toBe(true);
  });

  it('accepts followers at the audience ceiling', () => {
    expect(ProfileSnapshotSchema.safeParse(snapshot({ followers: MAX_AUDIENCE })).success).toBe(
      true,
    );
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ['followers of -1', { followers: -1 }, 'followers'],
    ['followers above 9e9', { followers: 9_000_000_001 }, 'followers'],
    ['fractional followers', { followers: 38_200.5 }, 'followers'],
    ['followers as text', { followers: '38.2K' }, 'followers'],
    ['followers as NaN', { followers: Number.NaN }, 'followers'],
    ['following above 9e9', { following: 1e10 }, 'following'],
    ['an http URL', { url: 'http://www.tiktok.com/@jane.doe_1' }, 'url'],
    ['a URL that is not one', { url: 'tiktok.com/@jane' }, 'url'],
    ['an upper-case handle', { handle: 'Jane.Doe_1' }, 'handle'],
    ['a handle with @', { handle: '@jane' }, 'handle'],
    ['an empty handle', { handle: '' }, 'handle'],
    ['a handle with a slash', { handle: 'jane/doe' }, 'handle'],
    ['a handle with spaces', { handle: 'jane doe' }, 'handle'],
    ['an unknown platform', { platform: 'youtube' }, 'platform'],
    ['capturedAt in seconds', { capturedAt: Math.floor(CAPTURED / 1000) }, 'capturedAt'],
    ['capturedAt after 2100', { capturedAt: 4_102_444_800_000 }, 'capturedAt'],
    [
      'a precision for a field that is not a count',
      { precision: { displayName: 'exact' } },
      'precision',
    ],
    [
      'a precision value that does not exist',
      { precision: { followers: 'approx' } },
      'precision.followers',
    ],
    ['verified as text', { verified: 'yes' }, 'verified'],
    ['a missing precision', { precision: undefined }, 'precision'],
    ['missing recent posts', { recentPosts: undefined }, 'recentPosts'],
    ['a recent post without an id', { recentPosts: [{ likes: 3 }] }, 'recentPosts.0.id'],
  ];

  it.each(BAD)('rejects %s, naming the field', (_label, over, path) => {
    const result = ProfileSnapshotSchema.safeParse({ ...snapshot(), ...over });
    expect(result.success).toBe(false);
    expect(firstIssuePath(result)).toBe(path);
  });

  it('rejects more than 500 recent posts', () => {
    const recentPosts = Array.from({ length: 501 }, (_, i) => post({ id: String(i + 1) }));
    expect(ProfileSnapshotSchema.safeParse(snapshot({ recentPosts })).success).toBe(false);
  });
});

describe('PostSchema', () => {
  it('accepts a realistic video post', () => {
    expect(PostSchema.safeParse(post()).data).toEqual(post());
  });

  it('accepts a post with only an id: every count unknown', () => {
    const result = PostSchema.safeParse({ id: 'CODE123' });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ id: 'CODE123' });
  });

  it('accepts hidden likes with no like count', () => {
    const { likes: _likes, ...rest } = post({ kind: 'image' });
    expect(PostSchema.safeParse({ ...rest, likesHidden: true }).success).toBe(true);
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ['an empty id', { id: '' }, 'id'],
    ['a numeric id', { id: 7234567890123456 }, 'id'],
    ['negative likes', { likes: -1 }, 'likes'],
    ['fractional views', { views: 10.5 }, 'views'],
    ['views beyond any real count', { views: 2e12 }, 'views'],
    ['a kind that does not exist', { kind: 'story' }, 'kind'],
    ['postedAt in seconds', { postedAt: 1_700_000_000 }, 'postedAt'],
    ['pinned as text', { pinned: 'true' }, 'pinned'],
    [
      'a precision for a field that is not a count',
      { precision: { caption: 'exact' } },
      'precision',
    ],
  ];

  it.each(BAD)('rejects %s, naming the field', (_label, over, path) => {
    const result = PostSchema.safeParse({ ...post(), ...over });
    expect(result.success).toBe(false);
    expect(firstIssuePath(result)).toBe(path);
  });
});

describe('CreatorKeySchema', () => {
  it.each([
    'tiktok:jane.doe_1',
    'instagram:jane',
    'linkedin:jane-doe',
    'linkedin:company/acme',
    'linkedin:jürgen-müller',
  ])('accepts %s', (key) => {
    expect(CreatorKeySchema.safeParse(key).success).toBe(true);
  });

  it.each([
    ['no platform', 'jane'],
    ['an empty handle', 'tiktok:'],
    ['an unknown platform', 'youtube:jane'],
    ['an upper-case handle', 'tiktok:Jane'],
    ['an upper-case platform', 'TikTok:jane'],
    ['an @ in the handle', 'tiktok:@jane'],
    ['a second colon', 'tiktok:jane:doe'],
    ['a space', 'tiktok:jane doe'],
    ['a key that is too long', `tiktok:${'a'.repeat(140)}`],
  ])('rejects %s', (_label, key) => {
    expect(CreatorKeySchema.safeParse(key).success).toBe(false);
  });

  it('accepts the key creatorKey() makes from a valid snapshot', () => {
    for (const s of [snapshot(), snapshot({ platform: 'linkedin', handle: 'company/acme' })]) {
      expect(CreatorKeySchema.safeParse(creatorKey(s)).success).toBe(true);
    }
  });
});
