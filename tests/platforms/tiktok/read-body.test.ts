import { describe, expect, it } from 'vitest';
import { readTiktokBody } from '../../../lib/platforms/tiktok/read-body';
import { idString, toCount } from '../../../lib/extract/values';
import {
  numericStat,
  onRoundingGrid,
  statusProblem,
  v2Stat,
} from '../../../lib/platforms/tiktok/map';
import { readCountText } from '../../../lib/platforms/tiktok/meta';

const PAGE = new URL('https://www.tiktok.com/@ana.b');
const read = (json: unknown, url: URL = PAGE) => readTiktokBody(json, url);

const user = { id: '7000000000000000001', uniqueId: 'Ana.B', nickname: 'Ana', secUid: 'sec-ana' };

describe('precision rules', () => {
  it('numeric stats are exact below 10,000 and rounded from there (NOTES §1.1)', () => {
    expect(numericStat(9999)).toEqual({ value: 9999, precision: 'exact' });
    expect(numericStat(10_000)).toEqual({ value: 10_000, precision: 'rounded' });
    expect(numericStat('496')).toEqual({ value: 496, precision: 'exact' });
  });

  it('statsV2 strings are exact unless they sit on the compact rounding grid', () => {
    expect(v2Stat('38214')).toEqual({ value: 38_214, precision: 'exact' });
    expect(v2Stat('1241876')).toEqual({ value: 1_241_876, precision: 'exact' });
    expect(v2Stat('9900')).toEqual({ value: 9900, precision: 'exact' });
    // The 2025 item_list capture: "427700" (427.7K), "6800000" (6.8M), "68300" (68.3K).
    for (const v of ['427700', '6800000', '68300', '1900000']) {
      expect(v2Stat(v)?.precision).toBe('rounded');
    }
    expect(v2Stat(68300 as unknown as string)).toBeUndefined();
  });

  it('knows the grid: one decimal of K below a million, of M below a billion, of B above', () => {
    expect([12_300, 12_340, 1_200_000, 1_230_000, 2_100_000_000].map(onRoundingGrid)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('takes counts and ids only when they are exact integers', () => {
    expect([toCount(-1), toCount(1.5), toCount('12a'), toCount('  42 '), toCount(2 ** 60)]).toEqual(
      [undefined, undefined, undefined, 42, undefined],
    );
    expect([idString('107955'), idString(107955), idString(2 ** 60), idString('abc')]).toEqual([
      '107955',
      '107955',
      undefined,
      undefined,
    ]);
  });
});

describe('readTiktokBody recognises every shape', () => {
  it('a user-detail body: the profile, lower-cased, with its clock', () => {
    const [r] = read({
      extra: { now: 1703592081000 },
      statusCode: 0,
      userInfo: {
        user,
        stats: { followerCount: 38200, followingCount: 12, heartCount: 1240000, videoCount: 9 },
        statsV2: { followerCount: '38214', heartCount: '1241876' },
      },
    });
    expect(r).toMatchObject({
      source: 'tiktok/user-detail',
      handle: 'ana.b',
      platformId: '7000000000000000001',
      altIds: ['sec-ana'],
      clock: 1703592081000,
      counts: {
        followers: { value: 38_214, precision: 'exact' },
        following: { value: 12, precision: 'exact' },
        likes: { value: 1_241_876, precision: 'exact' },
        posts: { value: 9, precision: 'exact' },
      },
    });
  });

  it('falls back to shareMeta, rounded, only when the stats are missing', () => {
    const withoutStats = read({
      userInfo: { user },
      shareMeta: { desc: '@ana.b 32.7m Followers, 0 Following, 248.1m Likes - Watch …' },
    });
    expect(withoutStats.find((r) => r.source === 'tiktok/share-meta')?.counts).toEqual({
      followers: { value: 32_700_000, precision: 'rounded' },
      following: { value: 0, precision: 'exact' },
      likes: { value: 248_100_000, precision: 'rounded' },
    });
    const withStats = read({
      userInfo: { user, stats: { followerCount: 5 } },
      shareMeta: { desc: '@ana.b 5 Followers' },
    });
    expect(withStats.map((r) => r.source)).toEqual(['tiktok/user-detail']);
  });

  it('an item-detail body (a video page scope or /api/item/detail/)', () => {
    const readings = read({
      statusCode: 0,
      itemInfo: {
        itemStruct: {
          id: '7497343015539092977',
          createTime: '1745611200',
          author: user,
          stats: { diggCount: 15200, playCount: 187300 },
          authorStats: { followerCount: 88100 },
        },
      },
    });
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({
      source: 'tiktok/item-detail',
      handle: 'ana.b',
      counts: { followers: { value: 88_100, precision: 'rounded' } },
      posts: [{ id: '7497343015539092977', postedAt: 1745611200000 }],
    });
  });

  it('an item_list body: one reading per author, photo posts as image or carousel', () => {
    const readings = read({
      itemList: [
        { id: '7499914841949394567', author: user, imagePost: { images: [{}, {}] } },
        { id: '7499914841949394568', author: user, imagePost: { images: [{}] } },
        { id: '7499914841949394569', author: { uniqueId: 'someone.else' } },
        { id: 'not-an-id', author: user },
        'junk',
      ],
    });
    expect(readings.map((r) => [r.handle, r.posts.map((p) => p.kind)])).toEqual([
      ['ana.b', ['carousel', 'image']],
      ['someone.else', ['video']],
    ]);
    expect(readings[0]?.posts[0]?.url).toBe(
      'https://www.tiktok.com/@ana.b/photo/7499914841949394567',
    );
  });

  it('the whole UNIVERSAL_DATA, SIGI_STATE and NEXT_DATA objects, as saved JSON', () => {
    const detail = { userInfo: { user, stats: { followerCount: 7 } } };
    expect(read({ __DEFAULT_SCOPE__: { 'webapp.user-detail': detail } })[0]?.source).toBe(
      'tiktok/universal-data',
    );
    expect(
      read({
        UserModule: { users: { 'ana.b': user }, stats: { 'ana.b': { followerCount: 7 } } },
      })[0],
    ).toMatchObject({ source: 'tiktok/sigi-state', counts: { followers: { value: 7 } } });
    expect(read({ props: { pageProps: detail } })[0]?.source).toBe('tiktok/next-data');
  });

  it('states the problem a status code means when there is no profile', () => {
    expect(read({ statusCode: 10202, userInfo: {} })).toMatchObject([{ problem: 'not-found' }]);
    expect(read({ statusCode: 10221, userInfo: {} })).toMatchObject([{ problem: 'not-found' }]);
    expect(read({ statusCode: 10222, itemList: [] })).toMatchObject([{ problem: 'private' }]);
    expect(read({ statusCode: 10102, userInfo: {} })).toMatchObject([
      { problem: 'sign-in-required' },
    ]);
    expect(read({ status_code: 10202, itemInfo: {} })).toMatchObject([{ problem: 'not-found' }]);
    expect(read({ statusCode: 0, userInfo: {} })).toEqual([]);
    expect([statusProblem(undefined), statusProblem(0), statusProblem('10202')]).toEqual([
      undefined,
      undefined,
      'not-found',
    ]);
  });

  it('gives [] for anything that is not a TikTok payload, and never throws', () => {
    for (const json of [null, 1, 'x', [], {}, { data: { userInfo: {} } }, { itemList: 'no' }]) {
      expect(() => read(json)).not.toThrow();
    }
    expect(read({ hello: 'world' })).toEqual([]);
  });

  it('drops one mistyped field, not the payload', () => {
    const [r] = read({
      userInfo: {
        user: { ...user, nickname: 42, verified: 'yes' },
        stats: { followerCount: '12', followingCount: true, heartCount: 1.5, videoCount: 3 },
      },
    });
    expect(r).toMatchObject({ handle: 'ana.b' });
    expect(r?.displayName).toBeUndefined();
    expect(r?.verified).toBeUndefined();
    expect(r?.counts).toEqual({
      followers: { value: 12, precision: 'exact' },
      posts: { value: 3, precision: 'exact' },
    });
  });
});

describe('readCountText (meta description and shareMeta)', () => {
  const cases: [string, string, Record<string, [number, string]>][] = [
    [
      'Mara Bakes (@mara.bakes) on TikTok | 1.2M Likes. 38.2K Fans. Join my 100 followers club',
      'mara.bakes',
      { likes: [1_200_000, 'rounded'], followers: [38_200, 'rounded'] },
    ],
    [
      '@kelly_bove 5.8m Followers, 69 Following, 74.1m Likes - Watch awesome short videos',
      'kelly_bove',
      {
        followers: [5_800_000, 'rounded'],
        following: [69, 'exact'],
        likes: [74_100_000, 'rounded'],
      },
    ],
    [
      '@zg.520 — 427.7k followers, 176 following, 6.8M likes — Watch amazing short videos',
      'zg.520',
      { followers: [427_700, 'rounded'], following: [176, 'exact'], likes: [6_800_000, 'rounded'] },
    ],
    [
      'Ravi (@ravi.fixes.bikes) on TikTok | 402.3K Likes. 8,912 Fans.',
      'ravi.fixes.bikes',
      { likes: [402_300, 'rounded'], followers: [8912, 'exact'] },
    ],
  ];

  it.each(cases)('%s', (text, handle, counts) => {
    const r = readCountText('tiktok/meta', text, 'en');
    expect(r?.handle).toBe(handle);
    expect(
      Object.fromEntries(
        Object.entries(r?.counts ?? {}).map(([k, c]) => [k, [c.value, c.precision]]),
      ),
    ).toEqual(counts);
  });

  it('reads nothing from a text without counts, or from a non-text', () => {
    expect(readCountText('m', 'Watch the latest videos on TikTok', 'en')).toBeUndefined();
    expect(readCountText('m', 42, 'en')).toBeUndefined();
    expect(readCountText('m', `@a ${'9'.repeat(10_000)} Followers`, 'en')).toBeUndefined();
  });
});
