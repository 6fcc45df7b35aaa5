import { expect, it } from 'vitest';
import { ProfileSnapshotSchema, type Post, type ProfileSnapshot } from '../../../lib/model';
import {
  extractTexts,
  fixtureFiles,
  IG,
  NOW,
  OWN_INSTAGRAM,
  readingsOf,
  readText,
  SHARED_INSTAGRAM,
} from './load';
import { describeCaptures } from '../../captures';

type Expected = Partial<Omit<ProfileSnapshot, 'recentPosts'>> & {
  recentPosts?: Partial<Post>[];
};

const SHARED_DATA = 'instagram-profile-sharedData-_tanshio_-2021-04.html';
const ADRIAN = 'instagram-web_profile_info-adrianhorning-2025-01.json';
const FLAT = 'instagram-web_profile_info-flattened-anasaiaofficial-2024-02.json';
const XDT = 'instagram-xdt-user-timeline-graphql-anasaiaofficial-2024-02-EXCERPT.json';
const USERS_INFO = 'instagram-api-v1-users-info-natgeo-via-hikerapi-2026-04.json';

/** What each capture must read as: the numbers PROVENANCE.md gives; Instagram's JSON is exact. */
const CAPTURES: Record<string, { url: string; expected: Expected; missing: string[] }> = {
  // Logged-out 2021 page: _sharedData ProfilePage graphql.user (+ JSON-LD and meta, which agree).
  [SHARED_DATA]: {
    url: `${IG}/_tanshio_/`,
    missing: [],
    expected: {
      platform: 'instagram',
      handle: '_tanshio_',
      platformId: '2953904858',
      url: `${IG}/_tanshio_/`,
      displayName: 'tanshio',
      bio: '',
      verified: false,
      isPrivate: false,
      followers: 22,
      following: 9,
      posts: 1,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      capturedAt: NOW,
      recentPosts: [
        {
          id: 'Bb6ZRzAHqRX',
          url: `${IG}/p/Bb6ZRzAHqRX/`,
          kind: 'image',
          postedAt: 1511600443000,
          likes: 0,
          comments: 0,
          caption: '#generativeart #glsl',
          precision: { likes: 'exact', comments: 'exact' },
        },
      ],
    },
  },
  // web_profile_info passthrough (2025-01): edge counts, one clips edge kept by the docs author.
  [ADRIAN]: {
    url: `${IG}/adrianhorning/`,
    missing: [],
    expected: {
      handle: 'adrianhorning',
      platformId: '2700692569',
      displayName: 'Adrian Horning',
      bio: 'Scraping the web',
      verified: true,
      isPrivate: false,
      followers: 25116,
      following: 101,
      posts: 71,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      sources: ['instagram/web-profile-info'],
      recentPosts: [
        {
          id: 'DEiyb48AeB9',
          url: `${IG}/reel/DEiyb48AeB9/`,
          kind: 'video',
          postedAt: 1736294201000,
          views: 1318,
          likes: 126,
          comments: 12,
          pinned: false,
          likesHidden: false,
          precision: { likes: 'exact', comments: 'exact', views: 'exact' },
        },
      ],
    },
  },
  // crawlinsta's flattened web_profile_info: follower_count / following_count / media_count.
  [FLAT]: {
    url: `${IG}/anasaiaofficial/`,
    missing: ['recentPosts'],
    expected: {
      handle: 'anasaiaofficial',
      platformId: '50269116275',
      displayName: 'Ana Saia',
      verified: false,
      followers: 740983,
      following: 508,
      posts: 467,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      recentPosts: [],
    },
  },
  // Logged-in timeline GraphQL (excerpt: one edge): posts only, no profile counts.
  [XDT]: {
    url: `${IG}/anasaiaofficial/`,
    missing: ['followers', 'following', 'posts'],
    expected: {
      handle: 'anasaiaofficial',
      platformId: '50269116275',
      displayName: 'Ana Saia',
      verified: false,
      precision: {},
      sources: ['instagram/timeline'],
      recentPosts: [
        {
          id: 'CygtX9ivC0U',
          url: `${IG}/reel/CygtX9ivC0U/`,
          kind: 'video',
          postedAt: 1697569769000,
          likes: 817982,
          comments: 3000,
          pinned: true,
          sponsored: false,
          likesHidden: false,
          precision: { likes: 'exact', comments: 'exact' },
        },
      ],
    },
  },
  // Private API users/<pk>/info (2026-04): flat exact counts under `user`, no posts in it.
  [USERS_INFO]: {
    url: `${IG}/natgeo/`,
    missing: ['recentPosts'],
    expected: {
      handle: 'natgeo',
      platformId: '787132',
      displayName: 'National Geographic',
      bio: 'Step into wonder and find your inner explorer with National Geographic 🌎',
      verified: true,
      isPrivate: false,
      followers: 274988518,
      following: 193,
      posts: 31529,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      recentPosts: [],
    },
  },
};

describeCaptures('real Instagram captures read as PROVENANCE.md says', SHARED_INSTAGRAM, () => {
  it('has an expectation for every capture in the folder', () => {
    expect(fixtureFiles(SHARED_INSTAGRAM).sort()).toEqual(Object.keys(CAPTURES).sort());
  });

  it.each(Object.entries(CAPTURES))('%s', (file, { url, expected, missing }) => {
    const result = extractTexts([readText(SHARED_INSTAGRAM, file)], url);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(ProfileSnapshotSchema.safeParse(result.snapshot).success).toBe(true);
    const { recentPosts, ...profile } = expected;
    expect(result.snapshot).toMatchObject(profile);
    expect(result.snapshot.recentPosts).toHaveLength(recentPosts?.length ?? 0);
    recentPosts?.forEach((post, i) => expect(result.snapshot.recentPosts[i]).toMatchObject(post));
    expect(result.missing).toEqual(missing);
  });

  it('keeps the 2021 page unknown where it says nothing: no pinned, no sponsored flag', () => {
    const result = extractTexts([readText(SHARED_INSTAGRAM, SHARED_DATA)], `${IG}/_tanshio_/`);
    const post = result.ok ? result.snapshot.recentPosts[0] : undefined;
    expect(post).toBeDefined();
    expect(post).not.toHaveProperty('pinned');
    expect(post).not.toHaveProperty('sponsored');
    expect(post).not.toHaveProperty('views');
  });

  it('reads the 2021 page three ways that agree: _sharedData, JSON-LD and the meta description', () => {
    const readings = readingsOf(
      readText(SHARED_INSTAGRAM, SHARED_DATA),
      new URL(`${IG}/_tanshio_/`),
    );
    const bySource = Object.fromEntries(readings.map((r) => [r.source, r]));
    expect(bySource['instagram/json-ld']).toMatchObject({
      handle: '_tanshio_',
      counts: { followers: { value: 22, precision: 'exact' } },
    });
    expect(bySource['instagram/meta']).toMatchObject({
      handle: '_tanshio_',
      counts: {
        followers: { value: 22, precision: 'exact' },
        following: { value: 9, precision: 'exact' },
        posts: { value: 1, precision: 'exact' },
      },
    });
  });

  it('never reads the related profile of the 2025 body as the creator or as a post', () => {
    const url = new URL(`${IG}/adrianhorning/`);
    const readings = readingsOf(readText(SHARED_INSTAGRAM, ADRIAN), url);
    expect(readings.map((r) => r.handle)).toEqual(['adrianhorning']);
    expect(extractTexts([readText(SHARED_INSTAGRAM, ADRIAN)], `${IG}/itsallykrinsky/`)).toEqual({
      ok: false,
      problem: 'no-data',
      reason: 'no profile data found',
    });
  });

  it('never takes the xdt viewer (61752015707) for the profile', () => {
    const text = readText(SHARED_INSTAGRAM, XDT);
    const readings = readingsOf(text, new URL(`${IG}/anasaiaofficial/`));
    // Read only as the viewer's identity, which sightings and chips leave out.
    const viewer = readings.filter((r) => r.viewer);
    expect(viewer).toMatchObject([{ platformId: '61752015707', counts: {}, posts: [] }]);
    expect(readings.filter((r) => !r.viewer).map((r) => r.platformId)).not.toContain('61752015707');
    expect(JSON.stringify(extractTexts([text], `${IG}/anasaiaofficial/`))).not.toContain(
      '61752015707',
    );
  });

  it('merges the flattened profile and the timeline of the same account into one card', () => {
    const texts = [readText(SHARED_INSTAGRAM, FLAT), readText(SHARED_INSTAGRAM, XDT)];
    const result = extractTexts(texts, `${IG}/anasaiaofficial/`);
    expect(result).toMatchObject({
      ok: true,
      missing: [],
      snapshot: {
        followers: 740983,
        posts: 467,
        sources: ['instagram/web-profile-info', 'instagram/timeline'],
        recentPosts: [{ id: 'CygtX9ivC0U', likes: 817982, pinned: true }],
      },
    });
  });

  it('starts the flattened profile bio as PROVENANCE.md quotes it', () => {
    const result = extractTexts([readText(SHARED_INSTAGRAM, FLAT)], `${IG}/anasaiaofficial/`);
    expect(result.ok && result.snapshot.bio).toMatch(/^Proud Latina 🇲🇽\nBusiness inquiries: /);
  });

  it('gives a reel page of the timeline capture its author’s card', () => {
    const result = extractTexts([readText(SHARED_INSTAGRAM, XDT)], `${IG}/reel/CygtX9ivC0U/`);
    expect(result).toMatchObject({
      ok: true,
      snapshot: { handle: 'anasaiaofficial', url: `${IG}/anasaiaofficial/` },
    });
  });
});

/** Scout's own media-info body about an invented creator (cora.copies), re-keyed to `code`. */
function bodyAboutSomeoneElse(code: string): string {
  return readText(OWN_INSTAGRAM, 'api-media-info-other-creator.json').replaceAll(
    'C9bReelX7k2',
    code,
  );
}

describeCaptures('whose page a capture is: the authorship rule', SHARED_INSTAGRAM, () => {
  it('the 2021 page names its post’s author: hers, whatever a fetched body says', () => {
    const text = readText(SHARED_INSTAGRAM, SHARED_DATA);
    const url = `${IG}/p/Bb6ZRzAHqRX/`;
    const result = extractTexts([text], url);
    expect(result).toMatchObject({
      ok: true,
      namedBy: 'document',
      snapshot: { handle: '_tanshio_', followers: 22 },
    });
    const planted = extractTexts([text, bodyAboutSomeoneElse('Bb6ZRzAHqRX')], url);
    expect(planted).toEqual(result);
  });

  it.each([
    [XDT, 'CygtX9ivC0U', 'anasaiaofficial'],
    [ADRIAN, 'DEiyb48AeB9', 'adrianhorning'],
  ])('%s alone at its post’s URL is read as named by the readings only', (file, code, handle) => {
    const text = readText(SHARED_INSTAGRAM, file);
    const url = `${IG}/reel/${code}/`;
    // A body names the author, and no document says otherwise: read, but the background files it
    // only when the URL or the document names the creator (lib/extract/authorship.ts).
    expect(extractTexts([text], url)).toMatchObject({
      ok: true,
      namedBy: 'readings',
      snapshot: { handle },
    });
    // With a second body giving the same post to someone else, nobody is the author.
    expect(extractTexts([text, bodyAboutSomeoneElse(code)], url)).toEqual({
      ok: false,
      problem: 'no-data',
      reason: 'no profile data found',
    });
    // Under the author's own post URL, the URL names them: the other body changes nothing.
    const named = `${IG}/${handle}/reel/${code}/`;
    expect(extractTexts([text, bodyAboutSomeoneElse(code)], named)).toEqual(
      extractTexts([text], named),
    );
  });
});
