import { describe, expect, it } from 'vitest';
import { extractTexts, NOW, OWN_TIKTOK, parseDoc, readText, tiktok } from './load';

// Scout's own pages and bodies (tests/fixtures/tiktok): invented people in the shapes of the real
// formats (NOTES-tiktok-instagram.md §1.1), one per situation a user can meet.
const own = (file: string) => readText(OWN_TIKTOK, file);
const TT = 'https://www.tiktok.com';

function snapshotOf(files: string[], href: string, at?: number) {
  const result = extractTexts(files.map(own), href, at);
  if (!result.ok) throw new Error(`${files.join(' + ')}: ${result.reason}`);
  return result.snapshot;
}

describe('a current profile page (UNIVERSAL_DATA, 2025)', () => {
  it('reads the exact statsV2 counts over the rounded stats, meta and DOM texts', () => {
    const s = snapshotOf(['profile-universal-2025.html'], `${TT}/@nadia.draws`);
    expect(s).toMatchObject({
      handle: 'nadia.draws',
      platformId: '7211111111111111111',
      displayName: 'Nadia Draws',
      bio: 'Ink sketches of city corners ✏️\nCommissions open',
      verified: false,
      isPrivate: false,
      followers: 23_457,
      following: 318,
      likes: 412_906,
      posts: 142,
      precision: { followers: 'exact', following: 'exact', likes: 'exact', posts: 'exact' },
      capturedAt: NOW,
    });
  });

  it('takes the grid tiles as posts with their rounded view counts and id dates', () => {
    const s = snapshotOf(['profile-universal-2025.html'], `${TT}/@nadia.draws`);
    expect(s.recentPosts).toEqual([
      {
        id: '7499914841949394567',
        url: 'https://www.tiktok.com/@nadia.draws/video/7499914841949394567',
        postedAt: Date.UTC(2025, 4, 2, 18, 20),
        kind: 'video',
        views: 12_100,
        precision: { views: 'rounded' },
      },
      {
        id: '7495318797447056078',
        url: 'https://www.tiktok.com/@nadia.draws/video/7495318797447056078',
        postedAt: Date.UTC(2025, 3, 20, 9, 5),
        kind: 'video',
        views: 8455,
        precision: { views: 'exact' },
      },
    ]);
    expect(s.sources).toEqual(['tiktok/universal-data', 'dom']);
  });

  it('merges the page with its API bodies: newest exact counts, every post of hers, newest first', () => {
    const s = snapshotOf(
      [
        'profile-universal-2025.html',
        'api-user-detail-nadia-draws.json',
        'api-item-list-nadia-draws.json',
      ],
      `${TT}/@nadia.draws`,
    );
    expect(s).toMatchObject({ followers: 23_461, likes: 413_020, posts: 143 });
    expect(s.capturedAt).toBe(1746300060000);
    expect(s.recentPosts.map((p) => [p.id, p.kind, p.pinned, p.sponsored])).toEqual([
      ['7499914841949394567', 'video', false, false],
      ['7495318797447056078', 'carousel', false, false],
      ['7480669952491699989', 'video', false, true],
      ['7466419251004683090', 'image', false, undefined],
      ['7433110491136235412', 'video', true, false],
    ]);
    expect(s.recentPosts[0]).toMatchObject({
      likes: 3107,
      comments: 95,
      shares: 40,
      views: 12_134,
      saves: 210,
      precision: { likes: 'exact', views: 'exact', saves: 'exact' },
    });
    // Only stats, no statsV2, on this photo post: 15600 plays are TikTok-rounded.
    expect(s.recentPosts[3]).toMatchObject({ views: 15_600, precision: { views: 'rounded' } });
  });

  it('never lets a duet by someone else into her posts', () => {
    const s = snapshotOf(['api-item-list-nadia-draws.json'], `${TT}/@nadia.draws`);
    expect(s.recentPosts.map((p) => p.id)).not.toContain('7498304229220050123');
    expect(JSON.stringify(s)).not.toContain('bram.builds');
  });

  it('attributes author-less items to the account the page asked item_list for (secUid)', () => {
    const body = JSON.parse(own('api-item-list-nadia-draws.json'));
    const page = new URL(`${TT}/@nadia.draws`);
    const request = new URL(
      `${TT}/api/post/item_list/?aid=1988&count=35&secUid=MS4wLjABAAAAnadiaDrawsSecUid00000000000000000000000000000000000`,
    );
    const withUrl = tiktok.extract({ url: page, now: NOW, bodies: [{ json: body, url: request }] });
    const withoutUrl = tiktok.extract({ url: page, now: NOW, bodies: [{ json: body, url: page }] });
    const ids = (r: typeof withUrl) => (r.ok ? r.snapshot.recentPosts.map((p) => p.id) : []);
    expect(ids(withUrl)).toContain('7460056686453499701');
    expect(ids(withoutUrl)).not.toContain('7460056686453499701');
  });
});

describe('the situations a page can be in', () => {
  it('a login wall is "sign-in required"', () => {
    expect(extractTexts([own('login-wall.html')], `${TT}/@nadia.draws`)).toEqual({
      ok: false,
      problem: 'sign-in-required',
      reason: 'sign-in required',
    });
  });

  it('a login modal over a profile that rendered is no wall', () => {
    const html = own('profile-universal-2025.html').replace(
      '<main>',
      '<div data-e2e="login-modal"><h2>Log in to TikTok</h2></div><main>',
    );
    expect(extractTexts([html], `${TT}/@nadia.draws`).ok).toBe(true);
  });

  it('a private account is a snapshot with isPrivate, its counts and no posts', () => {
    const s = snapshotOf(['private-account.html'], `${TT}/@pia.private`);
    expect(s).toMatchObject({
      handle: 'pia.private',
      isPrivate: true,
      followers: 1288,
      following: 96,
      likes: 20_417,
      posts: 37,
      recentPosts: [],
    });
  });

  it('a private account known only from item_list status 10222 is "private"', () => {
    expect(extractTexts([own('api-item-list-private.json')], `${TT}/@pia.private`)).toMatchObject({
      ok: false,
      problem: 'private',
      reason: 'private account',
    });
  });

  it('an account that does not exist (10202) or was banned (10221) is "not found"', () => {
    for (const file of ['not-found.html', 'api-user-detail-banned.json']) {
      expect(extractTexts([own(file)], `${TT}/@gone.account`)).toEqual({
        ok: false,
        problem: 'not-found',
        reason: 'account not found',
      });
    }
  });

  it('an account with no videos has 0 posts, exactly, and no recent posts', () => {
    const result = extractTexts([own('no-videos.html')], `${TT}/@empty.easel`);
    expect(result).toMatchObject({
      ok: true,
      snapshot: {
        posts: 0,
        likes: 0,
        followers: 57,
        recentPosts: [],
        precision: { posts: 'exact' },
      },
      missing: ['recentPosts'],
    });
  });

  it('a page whose markup changed still reads from the DOM, rounded', () => {
    const result = extractTexts([own('dom-only-profile.html')], `${TT}/@oskar.runs`);
    expect(result).toMatchObject({ ok: true, missing: ['posts'] });
    if (!result.ok) return;
    expect(result.snapshot).toMatchObject({
      handle: 'oskar.runs',
      displayName: 'Oskar Runs',
      bio: 'Trail running, mostly uphill',
      followers: 12_400,
      following: 301,
      likes: 1_100_000,
      precision: { followers: 'rounded', following: 'exact', likes: 'rounded' },
      sources: ['dom'],
    });
    expect(result.snapshot.recentPosts.map((p) => [p.id, p.kind, p.views])).toEqual([
      ['7499739607283594311', 'video', 21_400],
      ['7495479858720532622', 'video', 9812],
      ['7480431581806648533', 'image', 1_200_000],
    ]);
  });

  it('viewer data and recommended creators mixed into the page never become the profile', () => {
    const s = snapshotOf(['viewer-mixed.html'], `${TT}/@bram.builds`);
    expect(s).toMatchObject({
      handle: 'bram.builds',
      followers: 5120,
      following: 430,
      likes: 61_234,
      posts: 64,
      recentPosts: [],
      sources: ['tiktok/universal-data'],
    });
    const text = JSON.stringify(s);
    for (const other of ['quiet.viewer', 'fenna.films', '999999', '1200000']) {
      expect(text).not.toContain(other);
    }
  });

  it('the For You feed is not a creator page; read under a profile URL it has no profile data', () => {
    expect(extractTexts([own('foryou.html')], `${TT}/foryou`)).toEqual({
      ok: false,
      problem: 'not-creator',
      reason: 'not a TikTok creator page',
    });
    for (const handle of ['nadia.draws', 'quiet.viewer']) {
      expect(extractTexts([own('foryou.html')], `${TT}/@${handle}`)).toEqual({
        ok: false,
        problem: 'no-data',
        reason: 'no profile data found',
      });
    }
  });

  it("a video page gives its author's card and the video, from the payload's author", () => {
    for (const urlHandle of ['juno.sings', 'old.juno']) {
      const s = snapshotOf(['video-page.html'], `${TT}/@${urlHandle}/video/7497343015539092977`);
      expect(s).toMatchObject({
        handle: 'juno.sings',
        url: 'https://www.tiktok.com/@juno.sings',
        verified: true,
        followers: 88_146,
        following: 143,
        likes: 2_301_554,
        posts: 412,
        precision: { followers: 'exact', likes: 'exact' },
      });
      expect(s.recentPosts).toEqual([
        expect.objectContaining({
          id: '7497343015539092977',
          postedAt: Date.UTC(2025, 3, 25, 20),
          likes: 15_214,
          views: 187_333,
          sponsored: false,
        }),
      ]);
    }
  });
});

describe('older vintages', () => {
  it('SIGI_STATE (2022): the profile from UserModule, its items from ItemModule, nobody else', () => {
    const s = snapshotOf(['sigi-state-2022.html'], `${TT}/@theo.climbs`);
    expect(s).toMatchObject({
      handle: 'theo.climbs',
      platformId: '6900000000000000011',
      followers: 9870,
      following: 201,
      likes: 156_300,
      posts: 88,
      precision: { followers: 'exact', following: 'exact', likes: 'rounded', posts: 'exact' },
      sources: ['tiktok/sigi-state'],
    });
    // createTime comes as a string in this vintage; items are keyed by id in any order.
    expect(s.recentPosts.map((p) => [p.id, p.postedAt, p.likes, p.precision?.likes])).toEqual([
      ['7108368443376828121', 1655046000000, 1204, 'exact'],
      ['7103459295758611232', 1653903000000, 15_600, 'rounded'],
      ['7082079378056963943', 1648925100000, 8800, 'exact'],
    ]);
  });

  it("window['SIGI_STATE']= inside sigi-persisted-data (2021) reads the same way", () => {
    const s = snapshotOf(['sigi-window-2021.html'], `${TT}/@ivy.paints`);
    expect(s).toMatchObject({
      handle: 'ivy.paints',
      followers: 48_300,
      likes: 1_900_000,
      posts: 51,
      precision: { followers: 'rounded', likes: 'rounded', posts: 'exact' },
    });
    expect(s.recentPosts.map((p) => p.id)).toEqual(['7032682529690049454', '7014425912206053365']);
  });

  it('__NEXT_DATA__ (2020): userInfo and items, without the viewer or a guest’s item', () => {
    const s = snapshotOf(['next-data-2020.html'], `${TT}/@lumi.cooks`);
    expect(s).toMatchObject({
      handle: 'lumi.cooks',
      verified: true,
      followers: 741_200,
      following: 52,
      likes: 9_800_000,
      posts: 233,
      sources: ['tiktok/next-data'],
    });
    expect(s.recentPosts.map((p) => [p.id, p.sponsored])).toEqual([
      ['6907673211574895676', false],
      ['6905075615355385987', true],
      ['6902478019135876298', false],
    ]);
    expect(JSON.stringify(s)).not.toMatch(/quiet\.viewer|guest\.chef/);
  });
});

describe('tiktok.extract in the content script', () => {
  it('reads the document it is given', () => {
    const doc = parseDoc(own('profile-universal-2025.html'));
    const result = tiktok.extract({ doc, url: new URL(`${TT}/@nadia.draws`), now: NOW });
    expect(result).toMatchObject({ ok: true, snapshot: { followers: 23_457 } });
  });

  it('is not a creator page for URLs outside the page kinds', () => {
    const result = tiktok.extract({ url: new URL(`${TT}/explore`), now: NOW });
    expect(result).toMatchObject({ ok: false, problem: 'not-creator' });
  });

  it('has no profile data without a document or bodies', () => {
    expect(tiktok.extract({ url: new URL(`${TT}/@nadia.draws`), now: NOW })).toMatchObject({
      ok: false,
      problem: 'no-data',
    });
  });
});
