import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../lib/extract/reading';
import { sightingsFrom } from '../../../lib/extract/sightings';
import type { ProfileSnapshot } from '../../../lib/model';
import { tiktokUrls } from '../../../lib/platforms/tiktok/url';
import { readBody } from '../../../lib/platforms/tiktok/worker';
import { describeCaptures } from '../../captures';
import { NOW, OWN_TIKTOK, parseDoc, readText, SHARED_TIKTOK, tiktok } from './load';

// Sightings: what the feeds, search answers and account lists a TikTok page loads say about each
// creator in them, read the way the background reads them (readBody, then sightingsFrom). What is
// asserted is what a chip beside that creator would show: handle, followers and their precision
// ("≈" when rounded; no chip without a follower figure), and the videos seen.

const TT = 'https://www.tiktok.com';
const PLATFORM = { id: 'tiktok' as const, profileUrl: tiktokUrls.profileUrl };

const sightings = (readings: readonly Reading[]) => sightingsFrom(PLATFORM, readings, NOW);
const bodyReadings = (file: string, path: string) =>
  readBody(JSON.parse(readText(OWN_TIKTOK, file)) as unknown, new URL(`${TT}${path}`));
const sightingsOf = (file: string, path: string) => sightings(bodyReadings(file, path));
const documentReadings = (file: string, path: string) =>
  tiktok.readDocument!(parseDoc(readText(OWN_TIKTOK, file)), new URL(`${TT}${path}`), NOW);

/** What a chip would show for a sighting: who, the follower figure and its precision, the videos. */
function chipView(s: ProfileSnapshot | undefined) {
  if (!s) return undefined;
  return {
    handle: s.handle,
    followers: s.followers,
    precision: s.precision.followers,
    videos: s.recentPosts.map((p) => p.id),
  };
}

const byHandle = (list: readonly ProfileSnapshot[], handle: string) =>
  list.find((s) => s.handle === handle);

const FEED = 'api-recommend-item-list-foryou.json';

describe('a For You feed body (/api/recommend/item_list/)', () => {
  const feed = sightingsOf(FEED, '/api/recommend/item_list/');

  it('gives one sighting per author, in feed order, each with only its own videos', () => {
    expect(feed.map(chipView)).toEqual([
      {
        handle: 'ines.paints',
        followers: 38_200,
        precision: 'rounded',
        videos: ['7578469795344728491', '7575892813457901029'],
      },
      {
        handle: 'kit.duets',
        followers: 6200,
        precision: 'exact',
        videos: ['7578040299126048756', '7577610802123597914'],
      },
      {
        handle: 'sol.sings',
        followers: 1_312_467,
        precision: 'exact',
        videos: ['7577181305522016413'],
      },
      {
        handle: 'juno.hikes',
        followers: undefined,
        precision: undefined,
        videos: ['7576751807985375414'],
      },
      {
        handle: 'lea.lifts',
        followers: undefined,
        precision: undefined,
        videos: ['7576322312871286744'],
      },
    ]);
  });

  it('marks authorStats from 10,000 up rounded, below exact, and takes the exact V2 where it is off the grid', () => {
    expect(byHandle(feed, 'ines.paints')).toMatchObject({
      url: 'https://www.tiktok.com/@ines.paints',
      displayName: 'Ines Paints',
      followers: 38_200,
      following: 140,
      likes: 1_200_000,
      posts: 212,
      precision: { followers: 'rounded', following: 'exact', likes: 'rounded', posts: 'exact' },
      capturedAt: 1764576000000,
      sources: ['tiktok/item-list'],
    });
    // sol.sings: authorStatsV2 "1312467" is off the grid (exact); "41000000" repeats the rounded
    // heartCount, so it stays rounded.
    expect(byHandle(feed, 'sol.sings')).toMatchObject({
      followers: 1_312_467,
      likes: 41_000_000,
      precision: { followers: 'exact', likes: 'rounded' },
      verified: true,
    });
  });

  it('gives each video its exact statsV2 counts and its author’s URL', () => {
    expect(byHandle(feed, 'ines.paints')?.recentPosts[0]).toMatchObject({
      id: '7578469795344728491',
      url: 'https://www.tiktok.com/@ines.paints/video/7578469795344728491',
      postedAt: 1764500000000,
      likes: 4093,
      views: 61_187,
      precision: { likes: 'exact', views: 'exact' },
    });
  });

  it('a duet’s or stitch’s other account and a mention are no sighting; the original’s author has only her own', () => {
    expect(byHandle(feed, 'max.talks')).toBeUndefined();
    const readings = bodyReadings(FEED, '/api/recommend/item_list/');
    expect(readings.map((r) => r.handle)).not.toContain('max.talks');
    expect(readings.map((r) => r.platformId)).not.toContain('7255555555555555555');
    // The stitched account's follower count sits on the stitch, not on an account object: unread.
    expect(JSON.stringify(feed)).not.toContain('870000');
    // sol.sings is in the feed with her own video: the duet of it stays kit.duets's.
    expect(byHandle(feed, 'sol.sings')?.recentPosts.map((p) => p.id)).toEqual([
      '7577181305522016413',
    ]);
    expect(byHandle(feed, 'kit.duets')).toMatchObject({ followers: 6200, likes: 48_231 });
  });

  it('an item without authorStats, or with hidden (null, empty) counts, leaves them unknown, not 0', () => {
    const juno = byHandle(feed, 'juno.hikes');
    expect(juno).toMatchObject({ displayName: 'Juno Hikes', precision: {} });
    expect(juno?.followers).toBeUndefined();
    const lea = byHandle(feed, 'lea.lifts');
    expect(lea).toMatchObject({ following: 12, precision: { following: 'exact' } });
    for (const field of ['followers', 'likes', 'posts'] as const) {
      expect(lea?.[field], field).toBeUndefined();
    }
  });

  it('an item whose author the feed leaves out is no one’s (never the page’s by position)', () => {
    expect(JSON.stringify(feed)).not.toContain('7575463318016704807');
    expect(JSON.stringify(feed)).not.toContain('999000');
    // Read at a profile's own list, asked by secUid, an author-less item would be that profile's:
    // a feed path never is, whatever the page.
    for (const page of ['/api/recommend/item_list/?secUid=x', '/api/following/item_list/']) {
      const readings = bodyReadings(FEED, page);
      expect(readings.every((r) => r.handle !== undefined)).toBe(true);
    }
  });

  it.each([
    '/api/explore/item_list/',
    '/api/related/item_list/',
    '/api/challenge/item_list/',
    '/api/music/item_list/',
    '/api/following/item_list/',
  ])('%s reads the same shape the same way', (path) => {
    expect(sightingsOf(FEED, path)).toEqual(feed);
  });

  it('a feed’s status code says nothing about the page’s account; a profile’s own list’s does', () => {
    const empty = { statusCode: 10222, itemList: [] };
    expect(readBody(empty, new URL(`${TT}/api/recommend/item_list/`))).toEqual([]);
    expect(readBody(empty, new URL(`${TT}/api/post/item_list/`))).toMatchObject([
      { problem: 'private' },
    ]);
  });
});

describe('search answers', () => {
  const general = sightingsOf('api-search-general-full-knitting.json', '/api/search/general/full/');

  it('general search: video cards and snake_case user cards, one sighting per account', () => {
    expect(general.map(chipView)).toEqual([
      {
        handle: 'mara.knits',
        followers: 38_217,
        precision: 'exact',
        videos: ['7575033823344968556'],
      },
      { handle: 'knit.club', followers: undefined, precision: undefined, videos: [] },
      {
        handle: 'purl.petra',
        followers: 52_300,
        precision: 'rounded',
        videos: ['7574604324314400030'],
      },
      { handle: 'wool.wim', followers: 2_400_000, precision: 'rounded', videos: [] },
    ]);
    // The hashtag card (type 3) is nobody's.
    expect(JSON.stringify(general)).not.toContain('9100000000');
  });

  it('reads the snake_case user card: unique_id, nickname, uid, follower_count, total_favorited, aweme_count', () => {
    const cardOnly = readBody(
      {
        status_code: 0,
        data: [
          {
            type: 4,
            user_list: [
              {
                user_info: {
                  uid: '7300000000000000201',
                  unique_id: 'Mara.Knits',
                  nickname: 'Mara Knits',
                  signature: 'Sweaters, slowly',
                  sec_uid: 'sec-mara',
                  follower_count: 38_217,
                  following_count: 301,
                  total_favorited: 1_200_000,
                  aweme_count: 95,
                },
              },
            ],
          },
        ],
        extra: { now: 1764576300000 },
      },
      new URL(`${TT}/api/search/general/full/`),
    );
    expect(sightings(cardOnly)).toEqual([
      expect.objectContaining({
        handle: 'mara.knits',
        platformId: '7300000000000000201',
        displayName: 'Mara Knits',
        bio: 'Sweaters, slowly',
        followers: 38_217,
        following: 301,
        likes: 1_200_000,
        posts: 95,
        precision: { followers: 'exact', following: 'exact', likes: 'rounded', posts: 'exact' },
        capturedAt: 1764576300000,
        sources: ['tiktok/search'],
      }),
    ]);
  });

  it('search repeats rounded values in authorStatsV2 and statsV2: they stay rounded; differing ones are exact', () => {
    const petra = byHandle(general, 'purl.petra');
    expect(petra).toMatchObject({
      followers: 52_300,
      likes: 2_100_000,
      precision: { followers: 'rounded', likes: 'rounded' },
    });
    expect(petra?.recentPosts[0]).toMatchObject({
      likes: 84_100,
      views: 1_200_000,
      saves: 12_287,
      precision: { likes: 'rounded', views: 'rounded', saves: 'exact' },
    });
  });

  it('an account shown twice (its user card and its video) is one sighting, the exact count winning', () => {
    const mara = general.filter((s) => s.handle === 'mara.knits');
    expect(mara).toHaveLength(1);
    expect(mara[0]).toMatchObject({ followers: 38_217, precision: { followers: 'exact' } });
    expect(mara[0]?.recentPosts[0]).toMatchObject({ views: 71_300, saves: 642 });
  });

  it('a user card without follower_count has no follower figure (unknown, not 0)', () => {
    const club = byHandle(general, 'knit.club');
    expect(club?.followers).toBeUndefined();
    expect(club).toMatchObject({ following: 4, displayName: 'Knit Club' });
  });

  it('user search (/api/search/user/full/): each user_info, its id from uid or user_id', () => {
    const users = sightingsOf('api-search-user-full-bakers.json', '/api/search/user/full/');
    expect(users.map(chipView)).toEqual([
      { handle: 'bo.bakes', followers: 12_345, precision: 'exact', videos: [] },
      { handle: 'crumb.carla', followers: 880_000, precision: 'rounded', videos: [] },
      { handle: 'quiet.viewer', followers: 31, precision: 'exact', videos: [] },
    ]);
    expect(byHandle(users, 'bo.bakes')).toMatchObject({ likes: 404_000, posts: 61 });
    expect(byHandle(users, 'crumb.carla')?.platformId).toBe('7300000000000000302');
    expect(JSON.stringify(users)).not.toContain('no handle, no id');
  });

  it('video search (/api/search/item/full/): each item’s author with the item as its post', () => {
    const videos = sightingsOf('api-search-item-full-sourdough.json', '/api/search/item/full/');
    expect(videos.map(chipView)).toEqual([
      {
        handle: 'bo.bakes',
        followers: 12_300,
        precision: 'rounded',
        videos: ['7574174830333728100', '7573315834367338725'],
      },
      {
        handle: 'dan.dough',
        followers: 9400,
        precision: 'exact',
        videos: ['7573745329883950466'],
      },
    ]);
  });

  it('the user and video searches together: one bo.bakes, with the card’s exact count and the videos', () => {
    const both = sightings([
      ...bodyReadings('api-search-user-full-bakers.json', '/api/search/user/full/'),
      ...bodyReadings('api-search-item-full-sourdough.json', '/api/search/item/full/'),
    ]);
    expect(chipView(byHandle(both, 'bo.bakes'))).toEqual({
      handle: 'bo.bakes',
      followers: 12_345,
      precision: 'exact',
      videos: ['7574174830333728100', '7573315834367338725'],
    });
  });
});

describe('suggested accounts', () => {
  it('embedded in a profile page: each suggested account with its own stats and video', () => {
    const page = sightings(documentReadings('profile-suggested-accounts.html', '/@ada.weaves'));
    expect(chipView(byHandle(page, 'loom.larsen'))).toEqual({
      handle: 'loom.larsen',
      followers: 2_400_000,
      precision: 'rounded',
      videos: ['7496435919739723442'],
    });
    expect(chipView(byHandle(page, 'yarn.yusuf'))).toEqual({
      handle: 'yarn.yusuf',
      followers: 880_000,
      precision: 'rounded',
      videos: ['7495576925487722282'],
    });
    expect(byHandle(page, 'quiet.viewer')).toBeUndefined();
  });

  it('loaded as a list of accounts (/api/user/list/): exact V2 counts, a private account without posts', () => {
    const list = sightingsOf('api-user-list-suggested-ada-weaves.json', '/api/user/list/');
    expect(list.map(chipView)).toEqual([
      { handle: 'loom.larsen', followers: 2_412_907, precision: 'exact', videos: [] },
      { handle: 'shuttle.sara', followers: 7300, precision: 'exact', videos: [] },
    ]);
    expect(byHandle(list, 'shuttle.sara')).toMatchObject({ isPrivate: true });
    expect(byHandle(list, 'loom.larsen')).toMatchObject({ capturedAt: 1764577200000 });
  });
});

describe('the viewer’s own account is never a sighting', () => {
  const VIEWER_UID = '7100000000000000001';

  it('the page’s app context names the viewer: its search card is dropped', () => {
    const readings = [
      ...documentReadings('foryou.html', '/foryou'),
      ...bodyReadings('api-search-user-full-bakers.json', '/api/search/user/full/'),
    ];
    const list = sightings(readings);
    expect(list.map((s) => s.handle)).toEqual(['bo.bakes', 'crumb.carla']);
    expect(JSON.stringify(list)).not.toContain(VIEWER_UID);
  });

  it('by id too: a renamed viewer’s card (same uid, another handle) is dropped', () => {
    const readings = [
      ...documentReadings('foryou.html', '/foryou'),
      ...readBody(
        {
          user_list: [
            { user_info: { uid: VIEWER_UID, unique_id: 'quiet.viewer.new', follower_count: 31 } },
            {
              user_info: {
                uid: '7300000000000000999',
                unique_id: 'someone.real',
                follower_count: 40,
              },
            },
          ],
        },
        new URL(`${TT}/api/search/user/full/`),
      ),
    ];
    expect(sightings(readings).map((s) => s.handle)).toEqual(['someone.real']);
  });

  it.each([
    ['foryou.html', '/foryou'],
    ['viewer-mixed.html', '/@bram.builds'],
    ['sigi-state-2022.html', '/@theo.climbs'],
    ['sigi-window-2021.html', '/@ivy.paints'],
    ['next-data-2020.html', '/@lumi.cooks'],
    ['profile-suggested-accounts.html', '/@ada.weaves'],
  ])(
    '%s marks the viewer (app context, SIGI AppContext, NEXT $user), with no counts of it',
    (file, path) => {
      const readings = documentReadings(file, path);
      const viewer = readings.filter((r) => r.viewer);
      // A page may carry it twice (UNIVERSAL_DATA and a leftover SIGI block): one account.
      expect(new Set(viewer.map((r) => r.handle))).toEqual(new Set(['quiet.viewer']));
      for (const r of viewer) expect(r).toMatchObject({ counts: {}, posts: [] });
      expect(sightings(readings).map((s) => s.handle)).not.toContain('quiet.viewer');
    },
  );

  it('a viewer who is also in SIGI’s users, with stats, is still no sighting', () => {
    const readings = readBody(
      {
        AppContext: { appContext: { user: { uid: VIEWER_UID, uniqueId: 'quiet.viewer' } } },
        UserModule: {
          users: {
            'quiet.viewer': { id: VIEWER_UID, uniqueId: 'quiet.viewer', nickname: 'Quiet Viewer' },
            'loom.larsen': { id: '7266600000000000002', uniqueId: 'loom.larsen' },
          },
          stats: {
            'quiet.viewer': { followerCount: 999_999 },
            'loom.larsen': { followerCount: 2_400_000 },
          },
        },
      },
      new URL(`${TT}/@ada.weaves`),
    );
    expect(sightings(readings).map(chipView)).toEqual([
      { handle: 'loom.larsen', followers: 2_400_000, precision: 'rounded', videos: [] },
    ]);
  });
});

describe('precision where statsV2 and stats meet', () => {
  it('a zero beside a non-zero twin is a placeholder; a V2 grid value is never claimed exact', () => {
    const readings = readBody(
      {
        item_list: [
          {
            id: '7574174830333728100',
            author: { uniqueId: 'bo.bakes' },
            authorStats: {
              followerCount: 0,
              followingCount: 77,
              heartCount: 404_000,
              videoCount: 61,
            },
            authorStatsV2: {
              followerCount: '12300',
              followingCount: '0',
              heartCount: '404123',
              videoCount: '61',
            },
          },
        ],
      },
      new URL(`${TT}/api/search/item/full/`),
    );
    expect(sightings(readings)[0]).toMatchObject({
      followers: 12_300,
      following: 77,
      likes: 404_123,
      posts: 61,
      precision: { followers: 'rounded', following: 'exact', likes: 'exact', posts: 'exact' },
    });
  });
});

describe('bodies stay bounded and malformed ones read as nothing', () => {
  it('reads at most 1,000 items of a feed body', () => {
    const itemList = Array.from({ length: 1500 }, (_, i) => ({
      id: String(7_500_000_000_000_000_000n + BigInt(i)),
      author: { uniqueId: `author.${i}` },
      authorStats: { followerCount: 100 + i },
    }));
    const readings = readBody({ itemList }, new URL(`${TT}/api/recommend/item_list/`));
    expect(readings).toHaveLength(1000);
  });

  it('odd search and list bodies give no sighting and never throw', () => {
    const odd: unknown[] = [
      { data: 'x' },
      { data: [null, 1, { type: 1 }, { type: 4, user_list: 'x' }, { type: '1', item: 'x' }] },
      { user_list: [null, { user_info: 'x' }] },
      { item_list: { 0: {} } },
      { userList: [{}, { user: {} }, { stats: { followerCount: 5 } }] },
      { data: [{ type: 2, item: { id: '7575033823344968556', author: { uniqueId: 'x.y' } } }] },
    ];
    for (const json of odd) {
      const readings = readBody(json, new URL(`${TT}/api/search/general/full/`));
      expect(sightings(readings), JSON.stringify(json)).toEqual([]);
    }
  });
});

describeCaptures(
  'the real feed capture (PROVENANCE.md: usergerageda, 2024-12)',
  SHARED_TIKTOK,
  () => {
    const FILE = 'tiktok-api-item_list-trending-feed-usergerageda-2024-12-PSEUDOJSON-elided.txt';

    /**
     * The capture is not valid JSON: its publisher replaced some arrays and objects with `[...]` and
     * `{...}` (PROVENANCE.md). Those elisions, and only those, are read as empty (`[]`, `{}`); the
     * `"..."` strings that stand for URLs are valid JSON already. Nothing else is changed.
     */
    function repaired(): unknown {
      const text = readText(SHARED_TIKTOK, FILE);
      const elisions = (text.match(/\[\.\.\.\]|\{\.\.\.\}/g) ?? []).length;
      expect(elisions).toBeGreaterThan(0);
      const json = text.replace(/\[\.\.\.\]/g, '[]').replace(/\{\.\.\.\}/g, '{}');
      // Every remaining "..." is a whole JSON string.
      expect(json.match(/\.\.\./g)?.length).toBe(json.match(/"\.\.\."/g)?.length);
      return JSON.parse(json) as unknown;
    }

    // PROVENANCE: most likely /api/recommend/item_list/ or /api/explore/item_list/ (not proven).
    it.each(['/api/recommend/item_list/', '/api/explore/item_list/'])(
      'read at %s: one sighting, usergerageda, with the numbers PROVENANCE gives',
      (path) => {
        const list = sightings(readBody(repaired(), new URL(`${TT}${path}?count=8`)));
        expect(list).toHaveLength(1);
        const [s] = list;
        expect(s).toMatchObject({
          handle: 'usergerageda',
          url: 'https://www.tiktok.com/@usergerageda',
          platformId: '7420667015738885137',
          displayName: '매께라',
          verified: false,
          followers: 11_900,
          following: 8,
          likes: 114_100,
          posts: 32,
          precision: { followers: 'rounded', following: 'exact', likes: 'rounded', posts: 'exact' },
          capturedAt: 1734326659000,
          sources: ['tiktok/item-list'],
        });
        expect(s?.recentPosts).toHaveLength(1);
        expect(s?.recentPosts[0]).toMatchObject({
          id: '7444705554666130708',
          url: 'https://www.tiktok.com/@usergerageda/video/7444705554666130708',
          postedAt: 1733355614000,
          kind: 'video',
          sponsored: false,
          likes: 38_884,
          views: 1_585_253,
          comments: 504,
          shares: 2124,
          saves: 3207,
          precision: {
            likes: 'exact',
            views: 'exact',
            comments: 'exact',
            shares: 'exact',
            saves: 'exact',
          },
        });
      },
    );

    it('its hashtags and sound name no one', () => {
      const readings = readBody(repaired(), new URL(`${TT}/api/recommend/item_list/`));
      expect(readings.map((r) => r.handle)).toEqual(['usergerageda']);
    });
  },
);
