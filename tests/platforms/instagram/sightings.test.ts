import { describe, expect, it } from 'vitest';
import { chipFor } from '../../../lib/chips/chip';
import type { Reading } from '../../../lib/extract/reading';
import { sightingsFrom } from '../../../lib/extract/sightings';
import type { Post, ProfileSnapshot } from '../../../lib/model';
import { parseJsonDocuments } from '../../../lib/parsing/json-documents';
import { instagramUrls } from '../../../lib/platforms/instagram/url';
import { describeCaptures } from '../../captures';
import {
  extractTexts,
  IG,
  instagram,
  NOW,
  OWN_INSTAGRAM,
  parseDoc,
  readingsOf,
  readText,
  SHARED_INSTAGRAM,
} from './load';

// Feeds, search and grids (NOTES-feeds-youtube.md §2): each body gives one sighting per account it
// shows, with only what that account's own objects say, read the way the background reads a
// tapped body (each JSON document through readBody) and filed by sightingsFrom.

const PLATFORM = { id: 'instagram' as const, profileUrl: instagramUrls.profileUrl };
const API = `${IG}/api/v1`;
const GRAPHQL = `${IG}/graphql/query`;

const own = (file: string) => readText(OWN_INSTAGRAM, file);

/** The readings of a body as the tap hands it over: every document, from its API URL. */
function bodyReadings(text: string, api: string): Reading[] {
  return readingsOf(text, new URL(api), new URL(api));
}

/** The sightings of bodies read together, by handle. */
function sightings(...bodies: (readonly [text: string, api: string])[]) {
  const readings = bodies.flatMap(([text, api]) => bodyReadings(text, api));
  return byHandle(sightingsFrom(PLATFORM, readings, NOW));
}

function byHandle(list: ProfileSnapshot[]): Record<string, ProfileSnapshot> {
  const map: Record<string, ProfileSnapshot> = {};
  for (const s of list) map[s.handle] = s;
  return map;
}

function post(s: ProfileSnapshot | undefined, id: string): Post | undefined {
  return s?.recentPosts.find((p) => p.id === id);
}

/** The chip's accessible name for a sighting (no visit), or null when it gets none. */
const chipLabel = (s: ProfileSnapshot | undefined) =>
  s ? (chipFor({ sighting: s }, NOW)?.label ?? null) : null;

describe('a user card (api/v1/users/<pk>/info/)', () => {
  const api = `${API}/users/57700000001/info/`;

  it('is one sighting with exact counts', () => {
    const all = sightings([own('users-info-oda-rows.json'), api]);
    expect(Object.keys(all)).toEqual(['oda.rows']);
    expect(all['oda.rows']).toMatchObject({
      platformId: '57700000001',
      displayName: 'Oda Rows',
      bio: 'Rowing the fjords at dawn · Bergen',
      verified: false,
      followers: 48_213,
      following: 512,
      posts: 388,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      recentPosts: [],
    });
    expect(chipLabel(all['oda.rows'])).toMatch(/^Scout: micro, 48,213 followers/);
  });
});

describeCaptures('a real user card (PROVENANCE.md: natgeo)', SHARED_INSTAGRAM, () => {
  const file = 'instagram-api-v1-users-info-natgeo-via-hikerapi-2026-04.json';

  it('is natgeo alone, with its exact counts', () => {
    const text = readText(SHARED_INSTAGRAM, file);
    const all = sightings([text, 'https://i.instagram.com/api/v1/users/787132/info/']);
    expect(Object.keys(all)).toEqual(['natgeo']);
    expect(all['natgeo']).toMatchObject({
      platformId: '787132',
      displayName: 'National Geographic',
      bio: 'Step into wonder and find your inner explorer with National Geographic 🌎',
      verified: true,
      isPrivate: false,
      followers: 274_988_518,
      following: 193,
      posts: 31_529,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
    });
    expect(chipLabel(all['natgeo'])).toMatch(/^Scout: mega, 274,988,518 followers/);
  });
});

describe('top search (web/search/topsearch, fbsearch/topsearch)', () => {
  const api = `${API}/web/search/topsearch/?context=blended&query=hiking`;
  const text = own('topsearch-hiking.json');
  const all = sightings([text, api]);

  it('gives one sighting per account, none for the hashtag or the place', () => {
    expect(Object.keys(all).sort()).toEqual([
      'alpine.ana',
      'fell.runner_99',
      'hut.hopper',
      'trail.tomas',
    ]);
  });

  it('reads "12.3M followers" as rounded, shown with ≈', () => {
    expect(all['alpine.ana']).toMatchObject({
      displayName: 'Ana Alpine',
      verified: true,
      followers: 12_300_000,
      precision: { followers: 'rounded' },
    });
    expect(chipLabel(all['alpine.ana'])).toMatch(/^Scout: mega, ≈12\.3M followers/);
  });

  it('keeps an exact follower_count over the same account’s rounded text', () => {
    expect(all['hut.hopper']).toMatchObject({
      followers: 52_000,
      precision: { followers: 'exact' },
    });
  });

  it('reads a full figure beside the handle as exact, and "Followed by …" as no count', () => {
    expect(all['fell.runner_99']).toMatchObject({
      followers: 9876,
      precision: { followers: 'exact' },
    });
    expect(all['trail.tomas']).toMatchObject({ displayName: 'Tomás Trail' });
    expect(all['trail.tomas']).not.toHaveProperty('followers');
    expect(chipLabel(all['trail.tomas'])).toBeNull();
  });

  it('gives each grid media to its author, reels with play_count as views', () => {
    expect(all['alpine.ana']?.recentPosts).toMatchObject([
      {
        id: 'C9hAnaRidge',
        kind: 'video',
        url: `${IG}/reel/C9hAnaRidge/`,
        views: 9_120_400, // play_count; ig_play_count is 8,911,000
        likes: 402_113,
        comments: 3120,
      },
    ]);
    expect(all['fell.runner_99']?.recentPosts).toMatchObject([
      { id: 'C9hFellPhot', kind: 'image', likes: 812, comments: 33 },
    ]);
  });

  it('leaves the counts of media sent before their metadata unknown, not zero', () => {
    const carousel = post(all['trail.tomas'], 'C9hTomasCar');
    const photo = post(all['hut.hopper'], 'C9hHutPhoto');
    expect(carousel).toMatchObject({ kind: 'carousel' });
    expect(photo).toMatchObject({ kind: 'image' });
    for (const p of [carousel, photo]) {
      expect(p).not.toHaveProperty('likes');
      expect(p).not.toHaveProperty('comments');
      expect(p).not.toHaveProperty('views');
    }
    // Placeholder zeros on a delayed media are not its counts either.
    const zeros = text.replace(
      '"has_delayed_metadata": true,',
      '"has_delayed_metadata": true, "like_count": 0, "comment_count": 0,',
    );
    expect(zeros).not.toBe(text);
    const again = sightings([zeros, api]);
    expect(post(again['trail.tomas'], 'C9hTomasCar')).not.toHaveProperty('likes');
    expect(post(again['trail.tomas'], 'C9hTomasCar')).not.toHaveProperty('comments');
  });

  it('leaves another language’s follower texts unknown: bodies carry no UI language', () => {
    const de = sightings([own('topsearch-de-wandern.json'), api]);
    expect(Object.keys(de).sort()).toEqual(['berg.bea', 'huetten.hans']);
    // "1,2 Mio. Follower" and "12.345 Follower": never 1, 12 or 12.345 read as English.
    for (const s of Object.values(de)) {
      expect(s.displayName).toBeTruthy();
      expect(s).not.toHaveProperty('followers');
      expect(chipLabel(s)).toBeNull();
    }
  });

  it('reads at most 100 accounts of one list', () => {
    const list = Array.from({ length: 500 }, (_, i) => ({
      position: i,
      user: { pk: String(7_000_000 + i), username: `hiker.${i}`, follower_count: 1000 + i },
    }));
    const many = sightings([JSON.stringify({ list, status: 'ok' }), api]);
    expect(Object.keys(many)).toHaveLength(100);
    expect(many['hiker.0']).toMatchObject({ followers: 1000 });
  });
});

describe('the GraphQL search box (xdt_api__v1__fbsearch__topsearch_connection)', () => {
  it('reads each user’s rounded follower text, and no hashtag', () => {
    const all = sightings([own('search-box-graphql.json'), GRAPHQL]);
    expect(Object.keys(all).sort()).toEqual(['fjord.films', 'mira.loops']);
    expect(all['mira.loops']).toMatchObject({
      platformId: '48213377120',
      followers: 38_200,
      precision: { followers: 'rounded' },
    });
    expect(chipLabel(all['mira.loops'])).toMatch(/^Scout: micro, ≈38\.2K followers/);
    expect(all['fjord.films']).toMatchObject({
      followers: 1_200_000,
      precision: { followers: 'rounded' },
    });
  });
});

describe('Explore (discover/web/explore_grid, sectional_items)', () => {
  const all = sightings([own('explore-grid-web.json'), `${API}/discover/web/explore_grid/`]);

  it('gives a collab reel to its owner, and the coauthor a sighting of its own without it', () => {
    expect(all['fjord.films']?.recentPosts).toMatchObject([
      { id: 'C9iCollab01', views: 1_213_400, likes: 48_210, comments: 512 },
    ]);
    expect(all['mira.loops']).toMatchObject({ displayName: 'Mira Loops', recentPosts: [] });
  });

  it('knows no follower count from a grid’s media.user: the media, not the audience', () => {
    for (const s of Object.values(all)) {
      expect(s, s.handle).not.toHaveProperty('followers');
      expect(chipLabel(s)).toBeNull();
    }
    expect(all['ole.bakes']?.recentPosts).toMatchObject([
      { id: 'C9iOleBread', views: 84_200, likes: 3301, comments: 140 },
    ]);
  });

  it('leaves the delayed photo and carousel without counts', () => {
    const kai = all['kai.summit'];
    expect(kai?.recentPosts.map((p) => [p.id, p.kind])).toEqual([
      ['C9iKaiPhoto', 'image'],
      ['C9iKaiCarou', 'carousel'],
    ]);
    for (const p of kai?.recentPosts ?? []) {
      expect(Object.keys(p).filter((k) => ['likes', 'comments', 'views'].includes(k))).toEqual([]);
    }
  });
});

describe('the home feed (xdt_api__v1__feed__timeline__connection)', () => {
  const feed = [own('feed-timeline-home.json'), GRAPHQL] as const;

  it('gives each post and suggested reel to its author; an @mention is nobody’s sighting', () => {
    const all = sightings(feed);
    expect(all['fjord.films']).toMatchObject({
      verified: true,
      recentPosts: [{ id: 'C9jFjordPho', kind: 'image', likes: 22_140, comments: 301 }],
    });
    expect(all['fjord.films']).not.toHaveProperty('followers');
    expect(all['ole.bakes']?.recentPosts).toMatchObject([
      { id: 'C9jOleCrust', kind: 'video', views: 101_200 },
    ]);
    expect(all).not.toHaveProperty('mira.loops');
  });

  it('never makes the viewer a sighting, once a body names the viewer', () => {
    // Without a word about the viewer, their own post is just a post.
    expect(sightings(feed)).toHaveProperty('scout.tester');
    const withViewer = sightings(feed, [own('profile-content-viewer-mixed.json'), GRAPHQL]);
    expect(withViewer).not.toHaveProperty('scout.tester');
    expect(withViewer['fjord.films']).toBeDefined();
    expect(JSON.stringify(withViewer)).not.toMatch(/61000000001|C9jScoutOwn/);
  });

  it('marks the page’s config.viewer as the viewer, by handle and id, with nothing else', () => {
    const url = new URL(`${IG}/p/CNz1Image21/`);
    const page = instagram.readDocument!(parseDoc(own('post-page-2021.html')), url, NOW);
    const viewers = page.filter((r) => r.viewer);
    expect(viewers).toMatchObject([
      { handle: 'scout.tester', platformId: '61000000001', counts: {}, posts: [] },
    ]);
    expect(viewers[0]).not.toHaveProperty('bio');
    const readings = [...page, ...bodyReadings(...feed)];
    expect(byHandle(sightingsFrom(PLATFORM, readings, NOW))).not.toHaveProperty('scout.tester');
  });
});

describe('the reels feed (api/v1/clips/home/)', () => {
  it('gives each reel to its owner; an invited coauthor keeps its own count, not the reel', () => {
    const all = sightings([own('clips-home.json'), `${API}/clips/home/`]);
    expect(all['kai.summit']?.recentPosts).toMatchObject([
      { id: 'C9kKaiClimb', views: 40_210, likes: 1880, comments: 61 },
    ]);
    expect(all['ole.bakes']?.recentPosts.map((p) => p.id)).toEqual(['C9kOleFjord']);
    expect(all['ole.bakes']).not.toHaveProperty('followers');
    expect(all['fjord.films']).toMatchObject({ followers: 1_204_331, recentPosts: [] });
  });
});

describe('a profile’s reels, streamed (xdt_user_clips_graphql with @defer)', () => {
  const text = own('clips-user-graphql-streamed-mira-loops.txt');
  const docs = parseJsonDocuments(text);
  const part = (...indexes: number[]) =>
    [indexes.map((i) => JSON.stringify(docs[i])).join('\n'), GRAPHQL] as const;

  it('reads nothing from the first part alone: pk and play_count name no post and no one', () => {
    expect(docs).toHaveLength(4);
    expect(sightings(part(0))).toEqual({});
    expect(bodyReadings(...part(0)).flatMap((r) => r.posts)).toEqual([]);
  });

  it('gives a collab reel’s owner its count and the reel; the browsed profile gets neither', () => {
    const all = sightings([text, GRAPHQL]);
    expect(all['fjord.films']).toMatchObject({
      followers: 1_204_331,
      precision: { followers: 'exact' },
      verified: true,
      recentPosts: [{ id: 'C9mCollab02', views: 1_213_400, likes: 48_210, comments: 512 }],
    });
    expect(all['mira.loops']).toMatchObject({
      followers: 38_214,
      recentPosts: [{ id: 'C9mOwnReel3', views: 61_240, likes: 2950, comments: 88 }],
    });
    expect(JSON.stringify(all['mira.loops'])).not.toMatch(/1204331|C9mCollab02/);
  });

  it('never gives the profile the collaborator’s count, even when the collab is all it shows', () => {
    const all = sightings(part(0, 1, 2));
    expect(all['mira.loops']).toMatchObject({ displayName: 'Mira Loops', recentPosts: [] });
    expect(all['mira.loops']).not.toHaveProperty('followers');
    expect(chipLabel(all['mira.loops'])).toBeNull();
    expect(chipLabel(all['fjord.films'])).toMatch(/^Scout: mega, 1,204,331 followers/);
  });

  it('gives the profile page its own reels and count', () => {
    const result = extractTexts([text], `${IG}/mira.loops/reels/`);
    expect(result).toMatchObject({
      ok: true,
      snapshot: { handle: 'mira.loops', followers: 38_214 },
    });
    expect(result.ok && result.snapshot.recentPosts.map((p) => p.id)).toEqual(['C9mOwnReel3']);
  });

  it('reads the reels field under its argument-bearing name as well', () => {
    const full = { ...(docs[2] as { data: Record<string, unknown> }).data };
    const body = { data: { '1$xdt_user_clips_graphql(data:$data)': { items: [{ media: full }] } } };
    const all = sightings([JSON.stringify(body), GRAPHQL]);
    expect(all['fjord.films']?.recentPosts.map((p) => p.id)).toEqual(['C9mCollab02']);
  });
});
