import { describe, expect, it } from 'vitest';
import { mayFile } from '../../../lib/extract/authorship';
import type { ProfileSnapshot } from '../../../lib/model';
import type { ExtractResult } from '../../../lib/platforms/types';
import { extractTexts, NOW, OWN_TIKTOK, parseDoc, readText, tiktok } from './load';

// Whose page a TikTok page is (lib/extract/authorship.ts), on Scout's own invented pages and
// bodies: a body about someone else never becomes the page's creator, and counts stay with the
// account object they sit on.
const own = (file: string) => readText(OWN_TIKTOK, file);
const TT = 'https://www.tiktok.com';
const JUNO_VIDEO = '7497343015539092977';
const VIDEO_URL = `${TT}/@juno.sings/video/${JUNO_VIDEO}`;
const JUNO_SEC_UID = 'MS4wLjABAAAAjunoSingsSecUid0000000000000000000000000000000000000';

function snapshotOf(result: ExtractResult): ProfileSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.problem}: ${result.reason}`);
  return result.snapshot;
}

/** The page's answer for its document plus bodies the page fetched from `requests`. */
function withBodies(
  href: string,
  html: string | null,
  bodies: readonly [file: string, request: string][],
) {
  const url = new URL(href);
  const readings = html === null ? [] : tiktok.readDocument!(parseDoc(html), url, NOW);
  for (const [file, request] of bodies) {
    readings.push(...tiktok.readBody!(JSON.parse(own(file)), new URL(request, TT), NOW));
  }
  return tiktok.settle!(readings, { url, now: NOW });
}

const OTHER_BODIES: [string, string][] = [
  ['api-item-detail-other-creator.json', `/api/item/detail/?itemId=${JUNO_VIDEO}`],
  ['api-item-list-other-creator.json', `/api/post/item_list/?count=35&secUid=${JUNO_SEC_UID}`],
];

describe('a video page whose page fetched a body about another creator with the video’s id', () => {
  it('stays the video author’s: her counts and the video’s own stats, nothing of the other', () => {
    const alone = snapshotOf(withBodies(VIDEO_URL, own('video-page.html'), []));
    const result = withBodies(VIDEO_URL, own('video-page.html'), OTHER_BODIES);
    const s = snapshotOf(result);
    expect(s).toMatchObject({ handle: 'juno.sings', followers: 88_146, likes: 2_301_554 });
    expect(s.recentPosts).toEqual(alone.recentPosts);
    expect(s.recentPosts[0]).toMatchObject({ id: JUNO_VIDEO, likes: 15_214, views: 187_333 });
    const text = JSON.stringify(s);
    for (const planted of ['cora.copies', '4412345', '777777', '7777777', 'not juno']) {
      expect(text).not.toContain(planted);
    }
    expect(result).toMatchObject({ namedBy: 'url' });
  });

  it('gives no creator when only such a body names one (the URL’s creator has no data)', () => {
    expect(withBodies(VIDEO_URL, null, OTHER_BODIES)).toEqual({
      ok: false,
      problem: 'no-data',
      reason: 'no profile data found',
    });
  });

  it('changed from “first reading with the id wins”: the body came first and still loses', () => {
    const url = new URL(VIDEO_URL);
    const body = tiktok.readBody!(JSON.parse(own(OTHER_BODIES[0]![0])), url, NOW);
    const doc = tiktok.readDocument!(parseDoc(own('video-page.html')), url, NOW);
    const s = snapshotOf(tiktok.settle!([...body, ...doc], { url, now: NOW }));
    expect(s.handle).toBe('juno.sings');
  });
});

describe('a video URL whose handle is not the document’s author (a renamed account)', () => {
  const renamed = `${TT}/@old.juno/video/${JUNO_VIDEO}`;

  it('takes the author the document consistently names, and says the document named her', () => {
    const result = withBodies(renamed, own('video-page.html'), OTHER_BODIES);
    expect(snapshotOf(result)).toMatchObject({ handle: 'juno.sings', followers: 88_146 });
    expect(result).toMatchObject({ namedBy: 'document' });
    expect(mayFile(tiktok.match(new URL(renamed))!, 'juno.sings', 'document')).toBe(true);
  });

  it('gives no creator when the document itself names two authors for the video', () => {
    // A leftover SIGI block giving the same video to someone else: the document disagrees with
    // itself, so neither the URL's handle nor either author is taken.
    const sigi = JSON.stringify({
      ItemModule: { [JUNO_VIDEO]: { id: JUNO_VIDEO, author: 'cora.copies', stats: {} } },
      UserModule: { users: { 'cora.copies': { uniqueId: 'cora.copies' } }, stats: {} },
    });
    const html = own('video-page.html').replace(
      '</head>',
      `<script id="SIGI_STATE" type="application/json">${sigi}</script></head>`,
    );
    for (const href of [VIDEO_URL, renamed]) {
      expect(extractTexts([html], href)).toMatchObject({ ok: false, problem: 'no-data' });
    }
  });

  it('never lets a fetched body rename the creator: without a document the URL’s handle stays', () => {
    const result = withBodies(`${TT}/@cora.copies/video/${JUNO_VIDEO}`, null, OTHER_BODIES);
    // The URL names cora.copies and the body is hers: her own numbers, under her own name.
    expect(snapshotOf(result)).toMatchObject({ handle: 'cora.copies', followers: 4_412_345 });
    expect(result).toMatchObject({ namedBy: 'url' });
  });
});

describe('duets and stitches: two accounts in one item', () => {
  const body = own('api-item-list-duet-stitch.json');

  it("gives the duetter and stitcher their own posts and counts, nobody else's", () => {
    const s = snapshotOf(extractTexts([body], `${TT}/@kit.duets`));
    expect(s).toMatchObject({
      handle: 'kit.duets',
      followers: 6200,
      likes: 48_231,
      posts: 57,
      precision: { followers: 'exact', likes: 'exact', posts: 'exact' },
    });
    expect(s.recentPosts.map((p) => p.id)).toEqual(['7499012902854782778', '7498583403184947461']);
    expect(s.recentPosts[0]).toMatchObject({ likes: 412, views: 6040 });
  });

  it('gives the duetted and stitched accounts nothing of the duet or stitch', () => {
    const sol = snapshotOf(extractTexts([body], `${TT}/@sol.sings`));
    // Her own original, in the same list, is hers, with the stats on her own item.
    expect(sol.recentPosts.map((p) => p.id)).toEqual(['7495576925487722282']);
    expect(sol.followers).toBe(1_300_000);
    expect(extractTexts([body], `${TT}/@max.talks`)).toMatchObject({ ok: false });
    const readings = tiktok.readBody!(JSON.parse(body), new URL(`${TT}/@kit.duets`), NOW);
    expect(readings.map((r) => r.handle).sort()).toEqual(['kit.duets', 'sol.sings']);
  });

  it('a duet’s id under the duetted account’s URL gives her only her own numbers, never the duet', () => {
    const url = `${TT}/@sol.sings/video/7499012902854782778`;
    const result = withBodies(url, null, [['api-item-list-duet-stitch.json', '/api/item/detail/']]);
    // The URL names sol.sings: only her own item's numbers could be hers, never the duet.
    const s = snapshotOf(result);
    expect(s.handle).toBe('sol.sings');
    expect(s.recentPosts.map((p) => p.id)).not.toContain('7499012902854782778');
  });
});

describe('reposts', () => {
  const request = `/api/repost/item_list/?count=30&secUid=MS4wLjABAAAAnadiaDrawsSecUid00000000000000000000000000000000000`;

  it('are never the reposter’s posts, even the ones that name no author', () => {
    const url = new URL(`${TT}/@nadia.draws`);
    const profile = tiktok.readDocument!(parseDoc(own('profile-universal-2025.html')), url, NOW);
    const reposts = tiktok.readBody!(
      JSON.parse(own('api-repost-item-list-nadia-draws.json')),
      new URL(request, TT),
      NOW,
    );
    const s = snapshotOf(tiktok.settle!([...profile, ...reposts], { url, now: NOW }));
    const ids = s.recentPosts.map((p) => p.id);
    expect(ids).not.toContain('7497724411455221298');
    expect(ids).not.toContain('7498153908509560975');
    expect(s.followers).toBe(23_457);
  });

  it('an author-less item is the account’s own only in its own post list', () => {
    const body = JSON.parse(own('api-repost-item-list-nadia-draws.json'));
    const posts = new URL(request.replace('/api/repost/', '/api/post/'), TT);
    const asked = tiktok.readBody!(body, posts, NOW).find((r) => !r.handle);
    expect(asked?.altIds).toEqual([
      'MS4wLjABAAAAnadiaDrawsSecUid00000000000000000000000000000000000',
    ]);
    expect(tiktok.readBody!(body, new URL(request, TT), NOW).some((r) => !r.handle)).toBe(false);
  });
});

describe('suggested accounts on a profile page', () => {
  it('are never merged into the profile', () => {
    const result = extractTexts([own('profile-suggested-accounts.html')], `${TT}/@ada.weaves`);
    const s = snapshotOf(result);
    expect(s).toMatchObject({
      handle: 'ada.weaves',
      followers: 14_288,
      following: 96,
      likes: 201_377,
      posts: 77,
    });
    expect(s.recentPosts.map((p) => p.id).sort()).toEqual([
      '7497724411455221298',
      '7499442399417354471',
    ]);
    const text = JSON.stringify(s);
    for (const other of ['loom.larsen', 'yarn.yusuf', '2400000', '880000', '1500000']) {
      expect(text).not.toContain(other);
    }
  });

  it('read under a suggested account’s URL, the page has only that account’s own block', () => {
    const s = snapshotOf(
      extractTexts([own('profile-suggested-accounts.html')], `${TT}/@loom.larsen`),
    );
    expect(s).toMatchObject({ handle: 'loom.larsen', followers: 2_400_000 });
    expect(JSON.stringify(s)).not.toContain('ada.weaves');
    expect(JSON.stringify(s)).not.toContain('14288');
  });
});
