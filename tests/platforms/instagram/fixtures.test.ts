import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../../lib/model';
import { parseJson } from '../../../lib/parsing/json-islands';
import type { ExtractResult } from '../../../lib/platforms/types';
import {
  extractTexts,
  IG,
  instagram,
  NOW,
  OWN_INSTAGRAM,
  parseDoc,
  readingsOf,
  readText,
} from './load';

// Scout's own Instagram fixtures (tests/fixtures/instagram): the shapes of the real formats
// (NOTES-tiktok-instagram.md §2), with invented people and numbers.

const own = (file: string) => readText(OWN_INSTAGRAM, file);

function snapshotOf(files: readonly string[], href: string): ProfileSnapshot {
  const result = extractTexts(files.map(own), href);
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
  expect(ProfileSnapshotSchema.safeParse(result.snapshot).success).toBe(true);
  return result.snapshot;
}

const postIds = (s: ProfileSnapshot) => s.recentPosts.map((p) => p.id);
const post = (s: ProfileSnapshot, id: string) => s.recentPosts.find((p) => p.id === id);

describe('web_profile_info with every kind of post (mira.loops)', () => {
  const s = snapshotOf(['web-profile-info-mira-loops.json'], `${IG}/mira.loops/`);

  it('reads the profile with exact counts', () => {
    expect(s).toMatchObject({
      handle: 'mira.loops',
      platformId: '48213377120',
      displayName: 'Mira Loops',
      followers: 38214,
      following: 612,
      posts: 214,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      sources: ['instagram/web-profile-info'],
    });
  });

  it('lists the creator’s own posts newest first, a reel once although two timelines hold it', () => {
    expect(postIds(s)).toEqual([
      'C8qTnR2sA1x',
      'C8pWk3LmQ0v',
      'C8nZ7yHbE4t',
      'C8kR1fVdW9s',
      'C8hQ5uPcT2r',
    ]);
  });

  it('leaves out a collaborator’s post from the creator’s list', () => {
    expect(postIds(s)).not.toContain('C8fX0oNaY6q');
  });

  it('reads a pinned carousel', () => {
    expect(post(s, 'C8qTnR2sA1x')).toMatchObject({ kind: 'carousel', pinned: true, likes: 1520 });
  });

  it('reads a reel with its views, linked as a reel', () => {
    expect(post(s, 'C8pWk3LmQ0v')).toMatchObject({
      kind: 'video',
      url: `${IG}/reel/C8pWk3LmQ0v/`,
      views: 48210,
      likes: 2104,
      comments: 87,
      precision: { views: 'exact', likes: 'exact', comments: 'exact' },
    });
  });

  it('keeps hidden likes unknown (not 0) and says they are hidden', () => {
    const hidden = post(s, 'C8nZ7yHbE4t');
    expect(hidden).toMatchObject({ likesHidden: true, comments: 12 });
    expect(hidden).not.toHaveProperty('likes');
    expect(hidden?.precision).not.toHaveProperty('likes');
  });

  it('marks a paid partnership (sponsor user) and an #ad caption as sponsored', () => {
    expect(post(s, 'C8kR1fVdW9s')?.sponsored).toBe(true);
    expect(post(s, 'C8hQ5uPcT2r')?.sponsored).toBe(true);
    expect(post(s, 'C8pWk3LmQ0v')).not.toHaveProperty('sponsored');
  });

  it('gives the collaborator only their own post when their page is the one open', () => {
    const other = snapshotOf(['web-profile-info-mira-loops.json'], `${IG}/hut.hopper/`);
    expect(postIds(other)).toEqual(['C8fX0oNaY6q']);
    expect(other).not.toHaveProperty('followers');
  });
});

describe('the private-API feed (api/v1/feed/user/)', () => {
  const file = own('feed-user-mira-loops.json');

  it('reads plays, carousels, pins, hidden likes and partnerships', () => {
    const s = snapshotOf(['feed-user-mira-loops.json'], `${IG}/mira.loops/`);
    expect(s).toMatchObject({ handle: 'mira.loops', platformId: '48213377120', precision: {} });
    expect(post(s, 'C8tA9bXyZ3w')).toMatchObject({
      kind: 'video',
      views: 61234, // play_count, the count the reels grid shows (ig_play_count 58120)
      likes: 3012,
      comments: 95,
      pinned: false,
      sponsored: false,
    });
    // timeline_pinned_user_ids holds the owner's pk as a number here.
    expect(post(s, 'C8sB8cWxY2v')).toMatchObject({
      kind: 'carousel',
      pinned: true,
      sponsored: true,
    });
    expect(post(s, 'C8rC7dVwX1u')).toMatchObject({ likesHidden: true, comments: 9 });
    expect(post(s, 'C8rC7dVwX1u')).not.toHaveProperty('likes');
    expect(post(s, 'C8qD6eUvW0t')).toMatchObject({ sponsored: true, likes: 1408 });
  });

  it('gives an item without an owner to the account the request named, and to nobody else', () => {
    const url = new URL(`${IG}/mira.loops/`);
    const byPk = readingsOf(file, url, new URL(`${IG}/api/v1/feed/user/48213377120/?count=12`));
    const byName = readingsOf(file, url, new URL(`${IG}/api/v1/feed/user/mira.loops/username/`));
    const fromPage = readingsOf(file, url);
    const ids = (rs: typeof fromPage) => rs.flatMap((r) => r.posts.map((p) => p.id));
    expect(ids(byPk)).toContain('C8pE5fTuV9s');
    expect(ids(byName)).toContain('C8pE5fTuV9s');
    expect(ids(fromPage)).not.toContain('C8pE5fTuV9s');
    const settled = instagram.settle!(byPk, { url, now: NOW });
    expect(settled.ok && postIds(settled.snapshot)).toContain('C8pE5fTuV9s');
  });

  it('merges with the GraphQL timeline: one post per code, the pinned one kept with its flag', () => {
    const s = snapshotOf(
      [
        'feed-user-mira-loops.json',
        'timeline-xdt-mira-loops.json',
        'web-profile-info-mira-loops.json',
      ],
      `${IG}/mira.loops/`,
    );
    expect(new Set(postIds(s)).size).toBe(postIds(s).length);
    expect(post(s, 'C8tA9bXyZ3w')).toMatchObject({ views: 61234, likes: 3012 });
    expect(post(s, 'C9aPin0ned1')).toMatchObject({ pinned: true, kind: 'carousel' });
    expect(postIds(s)).not.toContain('C8zCollab01');
    expect(s.followers).toBe(38214);
  });
});

describe('ids beyond 2^53', () => {
  const body = (user: string) =>
    `{"items":[{"code":"C8wBigId001","pk":3399999999999999999,"taken_at":1719000000,` +
    `"media_type":1,"like_count":10,"comment_count":2,"user":${user}}],"status":"ok"}`;
  const read = (text: string) => instagram.readBody!(parseJson(text), new URL(`${IG}/zoe.n/`), NOW);

  it('takes the pk from its string twin when the number has lost digits', () => {
    const readings = read(
      body('{"pk":18446744073709551557,"pk_id":"18446744073709551557","username":"zoe.n"}'),
    );
    expect(readings[0]?.platformId).toBe('18446744073709551557');
  });

  it('drops an id that only exists as a number beyond 2^53, never keeping a wrong one', () => {
    const readings = read(body('{"pk":18446744073709551557,"username":"zoe.n"}'));
    expect(readings[0]).toMatchObject({ handle: 'zoe.n' });
    expect(readings[0]).not.toHaveProperty('platformId');
    expect(readings[0]?.posts[0]?.id).toBe('C8wBigId001');
  });
});

describe('several JSON documents in one body', () => {
  it('reads each streamed part of the timeline', () => {
    const s = snapshotOf(['timeline-xdt-streamed-mira-loops.txt'], `${IG}/mira.loops/`);
    expect(postIds(s)).toEqual(['C8vStream01', 'C8vStream02', 'C8vStream03']);
    expect(s.recentPosts.map((p) => p.kind)).toEqual(['image', 'video', 'carousel']);
  });

  it('reads an array of documents as several documents', () => {
    const docs = [
      parseJson(own('web-profile-info-private.json')),
      parseJson(own('timeline-xdt-mira-loops.json')),
    ];
    const readings = instagram.readBody!(docs, new URL(`${IG}/mira.loops/`), NOW);
    expect(readings.map((r) => r.handle)).toEqual(
      expect.arrayContaining(['pia.private', 'mira.loops']),
    );
  });
});

describe('private accounts, decided as TikTok does', () => {
  it('are a snapshot with isPrivate, their counts and no posts', () => {
    const result = extractTexts([own('web-profile-info-private.json')], `${IG}/pia.private/`);
    expect(result).toMatchObject({
      ok: true,
      missing: ['recentPosts'],
      snapshot: { isPrivate: true, followers: 1203, following: 380, posts: 57, recentPosts: [] },
    });
  });

  it('show no posts even when the viewer follows them and the payload has some', () => {
    const body = JSON.parse(own('web-profile-info-private.json'));
    body.data.user.edge_owner_to_timeline_media.edges = [
      {
        node: {
          __typename: 'GraphImage',
          shortcode: 'C8xFriend01',
          owner: { id: '52000000042', username: 'pia.private' },
          edge_liked_by: { count: 40 },
          edge_media_to_comment: { count: 3 },
          taken_at_timestamp: 1719000000,
        },
      },
    ];
    const result = extractTexts([JSON.stringify(body)], `${IG}/pia.private/`);
    expect(result.ok && result.snapshot.recentPosts).toEqual([]);
  });
});

describe('pages without a profile', () => {
  it.each([
    ['login-wall.html', `${IG}/mira.loops/`, 'sign-in-required'],
    ['web-profile-info-login-required.json', `${IG}/mira.loops/`, 'sign-in-required'],
    ['not-found-2021.html', `${IG}/gone.account/`, 'not-found'],
    ['web-profile-info-not-found.json', `${IG}/gone.account/`, 'not-found'],
  ])('%s is %s', (file, href, problem) => {
    expect(extractTexts([own(file)], href)).toMatchObject({ ok: false, problem });
  });

  it('lets data beat a login form: a logged-out page that shows its counts is read', () => {
    const result = extractTexts(
      [own('login-wall.html'), own('meta-only-logged-out.html')],
      `${IG}/kai.summit/`,
    );
    expect(result).toMatchObject({ ok: true, snapshot: { followers: 1_200_000 } });
  });

  it.each([
    `${IG}/explore/`,
    `${IG}/`,
    `${IG}/reels/`,
    `${IG}/direct/inbox/`,
    `${IG}/accounts/edit/`,
  ])('%s is not a creator page, whatever the page holds', (href) => {
    expect(extractTexts([own('web-profile-info-mira-loops.json')], href)).toEqual({
      ok: false,
      problem: 'not-creator',
      reason: 'not an Instagram creator page',
    });
  });

  it('says no-data for a post page whose post the page has not loaded', () => {
    expect(extractTexts([own('reel-page-2024.html')], `${IG}/p/C0therPost1/`)).toMatchObject({
      ok: false,
      problem: 'no-data',
    });
  });
});

describe('a public account without posts', () => {
  it('has posts 0 (exact), no recent posts, and says so without throwing', () => {
    const result = extractTexts([own('web-profile-info-zero-posts.json')], `${IG}/noor.fresh/`);
    expect(result).toMatchObject({
      ok: true,
      missing: ['recentPosts'],
      snapshot: {
        handle: 'noor.fresh',
        isPrivate: false,
        followers: 57,
        following: 112,
        posts: 0,
        precision: { followers: 'exact', following: 'exact', posts: 'exact' },
        recentPosts: [],
      },
    });
  });
});

describe('hidden like counts', () => {
  const s = snapshotOf(['web-profile-info-hidden-counts.json'], `${IG}/nils.still/`);

  it('applies the profile’s hide_like_and_view_counts to posts that do not say otherwise', () => {
    for (const id of ['C8uHid0001a', 'C8uHid0002b']) {
      const p = post(s, id);
      expect(p).toMatchObject({ likesHidden: true });
      expect(p).not.toHaveProperty('likes');
      expect(p).not.toHaveProperty('views');
    }
  });

  it('reads a post that says its counts are shown', () => {
    expect(post(s, 'C8uShow003c')).toMatchObject({ likesHidden: false, likes: 311 });
  });
});

describe('the viewer’s own account never becomes the profile', () => {
  it.each([
    ['profile-content-viewer-mixed.json', `${IG}/mira.loops/`],
    ['shared-data-2021.html', `${IG}/ole.bakes/`],
    ['timeline-xdt-mira-loops.json', `${IG}/mira.loops/`],
  ])('%s: the creator is read, scout.tester is not', (file, href) => {
    const result = extractTexts([own(file)], href);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/scout\.tester|Scout Tester|61000000001/);
    expect(extractTexts([own(file)], `${IG}/scout.tester/`)).toMatchObject({
      ok: false,
      problem: 'no-data',
    });
  });

  it('reads the creator from the profile GraphQL beside xdt_viewer', () => {
    const s = snapshotOf(['profile-content-viewer-mixed.json'], `${IG}/mira.loops/`);
    expect(s).toMatchObject({ followers: 38214, following: 612, posts: 214 });
  });
});

describe('older formats', () => {
  it('reads a 2021 _sharedData page, pinned unknown (the format has no pinned field)', () => {
    const s = snapshotOf(['shared-data-2021.html'], `${IG}/ole.bakes/`);
    expect(s).toMatchObject({
      platformId: '3121004455',
      followers: 8412,
      following: 301,
      posts: 96,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
    });
    expect(s.recentPosts.map((p) => [p.id, p.kind])).toEqual([
      ['COb3Side021', 'carousel'],
      ['COa2Video21', 'video'],
      ['CNz1Image21', 'image'],
    ]);
    expect(post(s, 'COa2Video21')?.views).toBe(5120);
    for (const p of s.recentPosts) expect(p).not.toHaveProperty('pinned');
  });

  it('reads a ?__a=1 body', () => {
    const s = snapshotOf(['a1-profile-2020.json'], `${IG}/ole.bakes/`);
    expect(s).toMatchObject({ followers: 8412, sources: ['instagram/graphql-page'] });
    expect(post(s, 'CFa1Video01')).toMatchObject({ views: 5120, likes: 655, comments: 41 });
  });
});

describe('post and reel pages give the author’s card', () => {
  it('2021 post page: the author from __additionalDataLoaded, with their counts', () => {
    const s = snapshotOf(['post-page-2021.html'], `${IG}/p/CNz1Image21/`);
    expect(s).toMatchObject({
      handle: 'ole.bakes',
      url: `${IG}/ole.bakes/`,
      followers: 8412,
      posts: 96,
      recentPosts: [{ id: 'CNz1Image21', likes: 377, comments: 12, kind: 'image' }],
    });
  });

  it('2024 reel page: the author from the preloaded media, never the viewer', () => {
    for (const href of [`${IG}/reel/C9bReelX7k2/`, `${IG}/mira.loops/reel/C9bReelX7k2/`]) {
      const s = snapshotOf(['reel-page-2024.html'], href);
      expect(s).toMatchObject({
        handle: 'mira.loops',
        displayName: 'Mira Loops',
        sources: ['instagram/page-data'],
        recentPosts: [{ id: 'C9bReelX7k2', views: 120400, likes: 8421, kind: 'video' }],
      });
      expect(s).not.toHaveProperty('followers');
    }
  });

  it('a post URL naming another handle still gives the post’s author', () => {
    const s = snapshotOf(['reel-page-2024.html'], `${IG}/hut.hopper/reel/C9bReelX7k2/`);
    expect(s.handle).toBe('mira.loops');
  });
});

describe('summaries and the visible header', () => {
  it('reads a logged-out page from its meta description, rounded where abbreviated', () => {
    const result = extractTexts([own('meta-only-logged-out.html')], `${IG}/kai.summit/`);
    expect(result).toEqual<ExtractResult>({
      ok: true,
      missing: ['recentPosts'],
      namedBy: 'url',
      snapshot: {
        platform: 'instagram',
        handle: 'kai.summit',
        url: `${IG}/kai.summit/`,
        followers: 1_200_000,
        following: 1024,
        posts: 2328,
        precision: { followers: 'rounded', following: 'exact', posts: 'exact' },
        recentPosts: [],
        capturedAt: NOW,
        sources: ['instagram/meta'],
      },
    });
  });

  it.each([
    ['meta-de.html', 'jonas.kaltbach', 1_200_000, 305, 1234],
    ['meta-fr.html', 'lea.montagne', 12_300, 1024, 87],
    ['meta-es.html', 'lucia.serrano', 1_200_000, 310, 845], // "1,2 M seguidores"
    ['meta-ja.html', 'hiyori.morikawa', 123_000, 310, 845], // "フォロワー12.3万人": label first
  ])('reads %s with the page’s own locale', (file, handle, followers, following, posts) => {
    const s = snapshotOf([file], `${IG}/${handle}/`);
    expect(s).toMatchObject({
      followers,
      following,
      posts,
      precision: { followers: 'rounded', following: 'exact', posts: 'exact' },
    });
  });

  it('reads the Japanese summary by position, the handle from og:url (full-width parens)', () => {
    const s = snapshotOf(['meta-ja.html'], `${IG}/hiyori.morikawa/`);
    expect(s).toMatchObject({ handle: 'hiyori.morikawa', sources: ['instagram/meta'] });
    expect(extractTexts([own('meta-ja.html')], `${IG}/kai.summit/`)).toMatchObject({ ok: false });
  });

  it('does not read a post page’s description as profile counts', () => {
    const readings = readingsOf(own('reel-page-2024.html'), new URL(`${IG}/reel/C9bReelX7k2/`));
    expect(readings.find((r) => r.source === 'instagram/meta')).toBeUndefined();
  });

  it('reads the header: the exact number from its title, the handle from its links', () => {
    const s = snapshotOf(['header-only-profile.html'], `${IG}/mira.loops/`);
    expect(s).toMatchObject({
      followers: 38214,
      following: 612,
      posts: 214,
      precision: { followers: 'exact', following: 'exact', posts: 'exact' },
      sources: ['dom'],
    });
  });

  it('falls back to the header’s abbreviated text, as rounded', () => {
    const html = own('header-only-profile.html').replace(' title="38,214"', '');
    const result = extractTexts([html], `${IG}/mira.loops/`);
    expect(result).toMatchObject({
      ok: true,
      snapshot: { followers: 38_200, precision: { followers: 'rounded' } },
    });
  });

  it('ignores a header that names another profile (stale after SPA navigation)', () => {
    expect(extractTexts([own('header-only-profile.html')], `${IG}/kai.summit/`)).toMatchObject({
      ok: false,
      problem: 'no-data',
    });
  });

  it('prefers the exact JSON count to the rounded summary of the same page', () => {
    const html = own('meta-only-logged-out.html').replace(/kai\.summit/g, 'mira.loops');
    const result = extractTexts(
      [html, own('web-profile-info-mira-loops.json')],
      `${IG}/mira.loops/`,
    );
    expect(result).toMatchObject({
      ok: true,
      snapshot: { followers: 38214, precision: { followers: 'exact' } },
    });
  });
});

describe('instagram.extract, as the content script calls it', () => {
  it('merges the document with the bodies the page received', () => {
    const url = new URL(`${IG}/mira.loops/`);
    const result = instagram.extract({
      doc: parseDoc(own('header-only-profile.html')),
      url,
      now: NOW,
      bodies: [
        {
          json: parseJson(own('timeline-xdt-mira-loops.json')),
          url: new URL(`${IG}/graphql/query`),
        },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      missing: [],
      snapshot: { followers: 38214, sources: ['dom', 'instagram/timeline'] },
    });
  });

  it.each([null, 1, 'x', [], [[[]]], { data: 1 }, { data: { user: 5 } }, { items: {} }])(
    'reads junk %j as nothing, never throwing',
    (junk) => {
      expect(instagram.readBody!(junk, new URL(`${IG}/x/`), NOW)).toEqual([]);
    },
  );
});

describe('smaller shapes', () => {
  const url = new URL(`${IG}/mira.loops/`);
  const read = (json: unknown) => instagram.readBody!(json, url, NOW);

  it('reads the reels tab, whose nodes and items wrap the media in `media`', () => {
    const media = {
      code: 'C8yReelTab1',
      media_type: 2,
      product_type: 'clips',
      play_count: 9100,
      like_count: 700,
      comment_count: 12,
      taken_at: 1719000000,
      user: { pk: '48213377120', username: 'mira.loops' },
    };
    const graphql = read({
      data: { xdt_api__v1__clips__user__connection_v2: { edges: [{ node: { media } }] } },
    });
    const privateApi = read({ items: [{ media }], status: 'ok' });
    for (const readings of [graphql, privateApi]) {
      expect(readings[0]?.posts[0]).toMatchObject({
        id: 'C8yReelTab1',
        kind: 'video',
        counts: { views: { value: 9100, precision: 'exact' } },
      });
    }
  });

  it('reads a `{ user }` body (users/<pk>/info) with flat counts', () => {
    const [reading] = read({
      user: { pk: 48213377120, username: 'mira.loops', follower_count: 38214, media_count: 214 },
      status: 'ok',
    });
    expect(reading).toMatchObject({
      handle: 'mira.loops',
      platformId: '48213377120',
      counts: { followers: { value: 38214 }, posts: { value: 214 } },
    });
  });

  it('reads the demo page Scout ships for its end-to-end tests', () => {
    const html = readFileSync(
      resolve(import.meta.dirname, '../../fixtures/pages/instagram/profile-lena-trails.html'),
      'utf8',
    );
    const result = extractTexts([html], `${IG}/lena.trails/`);
    expect(result).toMatchObject({
      ok: true,
      snapshot: {
        handle: 'lena.trails',
        followers: 38214,
        following: 512,
        posts: 214,
        precision: { followers: 'exact' },
      },
    });
    // The sidebar heads the card with the handle when no display name is known.
    expect(result.ok && result.snapshot).not.toHaveProperty('displayName');
  });
});
