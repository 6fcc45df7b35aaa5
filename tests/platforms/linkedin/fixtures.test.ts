import { describe, expect, it } from 'vitest';
import { sightingsFrom } from '../../../lib/extract/sightings';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../../lib/model';
import { readCard } from '../../../lib/platforms/linkedin/dom';
import { linkedinUrls } from '../../../lib/platforms/linkedin/url';
import type { ExtractResult } from '../../../lib/platforms/types';
import {
  extractTexts,
  linkedin,
  OWN_LINKEDIN,
  OWN_NOW,
  parseDoc,
  readingsOf,
  readText,
} from './load';

// Scout's own invented LinkedIn pages and bodies (tests/fixtures/linkedin), one per format and
// trap the issue names. Their clock is OWN_NOW (2025-06-14T12:00Z).

const own = (file: string) => readText(OWN_LINKEDIN, file);
const read = (files: (string | { file: string; request: string })[], href: string) =>
  extractTexts(
    files.map((f) => (typeof f === 'string' ? own(f) : { text: own(f.file), request: f.request })),
    href,
    { now: OWN_NOW },
  );

function snapshotOf(result: ExtractResult): ProfileSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.problem}: ${result.reason}`);
  expect(ProfileSnapshotSchema.safeParse(result.snapshot).success).toBe(true);
  return result.snapshot;
}

const ids = (s: ProfileSnapshot) => s.recentPosts.map((p) => p.id);
const exact = (value: number) => ({ value, precision: 'exact' as const });

const MARA = 'https://www.linkedin.com/in/mara-lindqvist/';
const ACTIVITY = `${MARA}recent-activity/all/`;
const NORDLYS = 'https://www.linkedin.com/company/nordlys-analytics/';

const POSTS = {
  tiers: '7338478849231516506',
  panel: '7338860111463007639',
  annual: '7336084321076465414',
  jonsReposted: '7333372703542512019',
  priyasCommented: '7337810696602005055',
  maraPostPage: '7335209808694267620',
};

describe('guest profile', () => {
  const snapshot = snapshotOf(
    read(['guest-profile.html'], 'https://se.linkedin.com/in/mara-lindqvist'),
  );

  it('reads name, headline, exact JSON-LD followers and "500+ connections" as a floor', () => {
    expect(snapshot).toMatchObject({
      handle: 'mara-lindqvist',
      url: MARA,
      displayName: 'Mara Lindqvist',
      bio: 'Pricing lead at Nordlys Analytics | Weekly notes on SaaS pricing',
      followers: 12_480,
      connections: 500,
      precision: { followers: 'exact', connections: 'lower-bound' },
      capturedAt: OWN_NOW,
    });
  });

  it('neither takes a post it only liked nor the "People also viewed" counts', () => {
    expect(snapshot.recentPosts).toEqual([]);
    const readings = readingsOf(own('guest-profile.html'), new URL(MARA), OWN_NOW);
    expect(readings.some((r) => r.handle === 'jon-berg')).toBe(false);
  });
});

describe('logged-in profile with hashed class names (2024 style)', () => {
  const html = own('loggedin-profile-hashed.html');
  const snapshot = snapshotOf(read(['loggedin-profile-hashed.html'], MARA));

  it('reads connections in the top card and followers in the Activity header', () => {
    expect(snapshot).toMatchObject({
      handle: 'mara-lindqvist',
      displayName: 'Mara Lindqvist',
      followers: 12_480,
      connections: 387,
      precision: { followers: 'exact', connections: 'exact' },
    });
  });

  it("ignores the nav's, Interests', aside's and a reposted card's counts", () => {
    for (const other of [41, 1_204_331, 8_120, 7_310]) {
      expect([snapshot.followers, snapshot.connections]).not.toContain(other);
    }
  });

  it("lists her post from the Activity card, not the company's post she reposted", () => {
    expect(ids(snapshot)).toEqual([POSTS.tiers]);
    expect(snapshot.recentPosts[0]).toMatchObject({ likes: 1024, comments: 87 });
  });

  it('reads nothing for another URL (a stale page of the previous SPA profile)', () => {
    const result = read(['loggedin-profile-hashed.html'], 'https://www.linkedin.com/in/jon-berg/');
    expect(result).toMatchObject({ ok: false, problem: 'no-data' });
  });

  it('reads no top card whose owner the page does not name', () => {
    const doc = parseDoc(html);
    for (const a of doc.querySelectorAll('a[href*="/mara-lindqvist/"]')) a.removeAttribute('href');
    const readings = linkedin.readDocument!(doc, new URL(MARA), OWN_NOW);
    expect(readings.some((r) => r.handle === 'mara-lindqvist' && r.counts.followers)).toBe(false);
  });
});

describe('logged-in profile in creator mode', () => {
  const url = 'https://www.linkedin.com/in/tomas-oyelaran/';

  it('reads the top card\'s followers first, then "500+ connections" as a floor', () => {
    const snapshot = snapshotOf(read(['creator-mode-profile.html'], url));
    expect(snapshot).toMatchObject({
      handle: 'tomas-oyelaran',
      displayName: 'Tomas Oyelaran',
      followers: 48_210,
      connections: 500,
      precision: { followers: 'exact', connections: 'lower-bound' },
    });
  });

  it("ignores the nav's, About's, Interests' and aside's counts", () => {
    const snapshot = snapshotOf(read(['creator-mode-profile.html'], url));
    for (const other of [41, 9_800, 1_204_331, 8_120]) {
      expect([snapshot.followers, snapshot.connections]).not.toContain(other);
    }
  });
});

describe('profiles in other UI languages', () => {
  it('reads a German page with its locale: "12.345 Follower", "500+ Kontakte"', () => {
    const snapshot = snapshotOf(
      read(['profile-de.html'], 'https://de.linkedin.com/in/jonas-weber-b2b'),
    );
    expect(snapshot).toMatchObject({
      handle: 'jonas-weber-b2b',
      url: 'https://www.linkedin.com/in/jonas-weber-b2b/',
      displayName: 'Jonas Weber',
      followers: 12_345,
      connections: 500,
      precision: { followers: 'exact', connections: 'lower-bound' },
    });
  });

  it('reads "12.345" as no count at all (never as 12) when the page claims English', () => {
    const html = own('profile-de.html').replace('lang="de"', 'lang="en"').replace('de_DE', 'en_US');
    const result = extractTexts([html], 'https://de.linkedin.com/in/jonas-weber-b2b', {
      now: OWN_NOW,
    });
    expect(snapshotOf(result).followers).toBeUndefined();
  });

  it('reads a Russian page: "12 345 подписчиков", "Более 500 контактов" as a floor', () => {
    const snapshot = snapshotOf(
      read(['profile-ru.html'], 'https://ru.linkedin.com/in/alisa-morozova/'),
    );
    expect(snapshot).toMatchObject({
      handle: 'alisa-morozova',
      displayName: 'Алиса Морозова',
      followers: 12_345,
      connections: 500,
      precision: { followers: 'exact', connections: 'lower-bound' },
    });
  });
});

describe('activity page: own posts, a repost and a comment', () => {
  const snapshot = snapshotOf(read(['activity-all.html'], ACTIVITY));

  it('keeps only her own posts, newest first', () => {
    expect(ids(snapshot)).toEqual([POSTS.panel, POSTS.tiers, POSTS.annual]);
    expect(ids(snapshot)).not.toContain(POSTS.jonsReposted);
    expect(ids(snapshot)).not.toContain(POSTS.priyasCommented);
  });

  it('reads reactions, comments and reposts from aria-labels, exact', () => {
    expect(snapshot.recentPosts.find((p) => p.id === POSTS.tiers)).toMatchObject({
      postedAt: Date.UTC(2025, 5, 11, 8, 15),
      likes: 1024,
      comments: 87,
      shares: 12,
      precision: { likes: 'exact', comments: 'exact', shares: 'exact' },
    });
  });

  it('keeps "1.2K reactions" rounded, and a post without a counts bar without counts', () => {
    expect(snapshot.recentPosts.find((p) => p.id === POSTS.annual)).toMatchObject({
      likes: 1200,
      comments: 140,
      precision: { likes: 'rounded', comments: 'exact' },
    });
    const panel = snapshot.recentPosts.find((p) => p.id === POSTS.panel);
    expect(panel?.likes).toBeUndefined();
    expect(panel?.comments).toBeUndefined();
  });

  it('gives the posts by others to their authors, at parser level', () => {
    const readings = readingsOf(own('activity-all.html'), new URL(ACTIVITY), OWN_NOW);
    const owner = (id: string) => readings.find((r) => r.posts.some((p) => p.id === id))?.handle;
    expect(owner(POSTS.jonsReposted)).toBe('jon-berg');
    expect(owner(POSTS.priyasCommented)).toBe('priya-nair-pm');
    // Her comment under Priya's post (its own "4 reactions") is not the post's count.
    const priya = readings.find((r) => r.handle === 'priya-nair-pm')?.posts[0];
    expect(priya?.counts.likes).toEqual(exact(812));
  });

  it('resolves the relative time against the capture clock when the id has no time', () => {
    const doc = parseDoc(own('activity-all.html'));
    const card = doc.querySelector(`[data-urn="urn:li:activity:${POSTS.tiers}"]`)!;
    card.setAttribute('data-urn', 'urn:li:activity:123456');
    const got = readCard(card, ACTIVITY, 'en', OWN_NOW);
    expect(got?.post.postedAt).toBe(OWN_NOW - 3 * 86_400_000);
    expect(got?.author).toBe('mara-lindqvist');
  });

  it('takes the exact count of a tapped update over the rounded "1.2K"', () => {
    const body = {
      file: 'voyager-profile-updates.json',
      request:
        'https://www.linkedin.com/voyager/api/identity/profileUpdatesV2?q=memberShareFeed&count=10',
    };
    const merged = snapshotOf(read(['activity-all.html', body], ACTIVITY));
    expect(merged.recentPosts.find((p) => p.id === POSTS.annual)).toMatchObject({
      likes: 1187,
      comments: 140,
      shares: 9,
      precision: { likes: 'exact', comments: 'exact', shares: 'exact' },
    });
    expect(ids(merged)).not.toContain(POSTS.jonsReposted);
    expect(merged.recentPosts.every((p) => p.views === undefined)).toBe(true);
  });

  it("joins author-less counts to her posts only, never to others' or to comments", () => {
    const body = {
      file: 'voyager-social-counts.json',
      request: 'https://www.linkedin.com/voyager/api/feed/updatesV2?q=feed',
    };
    const merged = snapshotOf(read(['activity-all.html', body], ACTIVITY));
    expect(merged.recentPosts.find((p) => p.id === POSTS.panel)).toMatchObject({
      likes: 3,
      comments: 0,
      shares: 0,
    });
    expect(ids(merged)).toEqual([POSTS.panel, POSTS.tiers, POSTS.annual]);
  });
});

describe('company page', () => {
  const snapshot = snapshotOf(read(['company-page.html'], NORDLYS));

  it('reads the exact followers and the name (handle company/<slug>)', () => {
    expect(snapshot).toMatchObject({
      handle: 'company/nordlys-analytics',
      url: NORDLYS,
      displayName: 'Nordlys Analytics',
      followers: 3412,
      precision: { followers: 'exact' },
    });
  });

  it("lists the company's posts with their counts", () => {
    expect(snapshot.recentPosts).toMatchObject([
      { id: '7339247916812041018', likes: 58, comments: 4 },
      { id: '7330532740301589620', likes: 121, comments: 9 },
    ]);
  });

  it.each([
    ['de_DE', 'Nordlys Analytics | 3.412 Follower auf LinkedIn. Preisanalysen für SaaS.'],
    ['fr_FR', 'Nordlys Analytics | 3 412 abonnés sur LinkedIn. Analyse des prix.'],
    ['ru_RU', 'Nordlys Analytics | Подписчиков в LinkedIn: 3 412. Аналитика цен.'],
    ['en_US', 'Nordlys Analytics | 3K followers on LinkedIn. Pricing analytics.'],
  ])('reads the %s summary "%s"', (locale, description) => {
    const doc = parseDoc(
      `<html><head><meta name="locale" content="${locale}">` +
        `<meta property="og:url" content="${NORDLYS}">` +
        `<meta property="og:description" content="${description}"></head><body></body></html>`,
    );
    const [reading] = linkedin.readDocument!(doc, new URL(NORDLYS), OWN_NOW);
    expect(reading).toMatchObject({
      handle: 'company/nordlys-analytics',
      displayName: 'Nordlys Analytics',
      counts: {
        followers: locale === 'en_US' ? { value: 3000, precision: 'rounded' } : exact(3412),
      },
    });
  });

  it("never reads a person's About text as a summary", () => {
    const doc = parseDoc(
      `<html><head><meta property="og:url" content="${MARA}">` +
        `<meta name="description" content="Founder | 10K followers on LinkedIn. I write."></head></html>`,
    );
    expect(linkedin.readDocument!(doc, new URL(MARA), OWN_NOW)).toEqual([]);
  });

  it("reads the same on the company's posts tab, and from its tapped lookup body", () => {
    expect(snapshotOf(read(['company-page.html'], `${NORDLYS}posts/`)).followers).toBe(3412);
    const body = snapshotOf(read(['voyager-company.json'], NORDLYS));
    expect(body).toMatchObject({ followers: 3412, platformId: '88123' });
  });
});

describe('public post pages', () => {
  it("by a person: the author's card and the post, not the person it mentions", () => {
    const url =
      'https://se.linkedin.com/posts/mara-lindqvist_pricing-annual-plans-activity-7335209808694267620-Ab1c';
    const snapshot = snapshotOf(read(['post-person.html'], url));
    expect(snapshot).toMatchObject({
      handle: 'mara-lindqvist',
      displayName: 'Mara Lindqvist',
      bio: 'Pricing lead at Nordlys Analytics | Weekly notes on SaaS pricing',
      followers: 12_480,
    });
    expect(snapshot.recentPosts.find((p) => p.id === POSTS.maraPostPage)).toMatchObject({
      postedAt: Date.parse('2025-06-02T07:45:00.120Z'),
      likes: 214,
      comments: 31,
      precision: { likes: 'exact', comments: 'exact' },
    });
    const readings = readingsOf(own('post-person.html'), new URL(url), OWN_NOW);
    expect(readings.some((r) => r.handle === 'jon-berg')).toBe(false);
  });

  it('reads a post page\'s "12 reposts" as shares, exact', () => {
    const url =
      'https://se.linkedin.com/posts/mara-lindqvist_pricing-annual-plans-activity-7335209808694267620-Ab1c';
    const html = own('post-person.html').replace(
      '31 Comments</a>',
      '31 Comments</a>\n      <span data-test-id="social-actions__reposts">12 reposts</span>',
    );
    expect(html).toContain('12 reposts');
    const snapshot = snapshotOf(extractTexts([html], url, { now: OWN_NOW }));
    expect(snapshot.recentPosts.find((p) => p.id === POSTS.maraPostPage)).toMatchObject({
      likes: 214,
      comments: 31,
      shares: 12,
      precision: { likes: 'exact', comments: 'exact', shares: 'exact' },
    });
  });

  it('by a company: the visible "3,412 followers" beats the JSON-LD 0', () => {
    const url =
      'https://www.linkedin.com/posts/nordlys-analytics_pricing-index-activity-7336773864653286530-Zz9q';
    const snapshot = snapshotOf(read(['post-company.html'], url));
    expect(snapshot).toMatchObject({
      handle: 'company/nordlys-analytics',
      url: NORDLYS,
      followers: 3412,
      precision: { followers: 'exact' },
    });
    expect(snapshot.recentPosts).toMatchObject([{ id: '7336773864653286530', likes: 58 }]);
  });

  it('by a company whose page shows no count: followers unknown, never 0', () => {
    const html = own('post-company.html').replace(/<p[^>]*>3,412 followers<\/p>/g, '');
    const url = 'https://www.linkedin.com/feed/update/urn:li:activity:7336773864653286530/';
    const snapshot = snapshotOf(extractTexts([html], url, { now: OWN_NOW }));
    expect(snapshot.followers).toBeUndefined();
    expect(snapshot.precision.followers).toBeUndefined();
  });
});

describe('JSON-LD beside visible counts', () => {
  it('a JSON-LD 0 beside a visible "842 followers" is unknown: 842 is read', () => {
    const snapshot = snapshotOf(
      read(['jsonld-zero-visible.html'], 'https://www.linkedin.com/in/ines-duarte/'),
    );
    expect(snapshot).toMatchObject({
      followers: 842,
      connections: 312,
      precision: { followers: 'exact', connections: 'exact' },
    });
  });

  it('a rounded "6K followers" loses to the exact JSON-LD 5912', () => {
    const url = 'https://www.linkedin.com/in/tom-achebe/';
    const snapshot = snapshotOf(read(['rounded-vs-jsonld.html'], url));
    expect(snapshot).toMatchObject({ followers: 5912, precision: { followers: 'exact' } });
    const dom = readingsOf(own('rounded-vs-jsonld.html'), new URL(url)).find(
      (r) => r.source === 'dom',
    );
    expect(dom?.counts.followers).toEqual({ value: 6000, precision: 'rounded' });
  });
});

describe('login wall', () => {
  it('says sign-in required, with no numbers', () => {
    expect(read(['authwall.html'], MARA)).toEqual({
      ok: false,
      problem: 'sign-in-required',
      reason: 'sign-in required',
    });
  });

  it('stays a wall when it links its canonical profile URL: a heading is no profile data', () => {
    const html = own('authwall.html').replace(
      '<title>',
      `<link rel="canonical" href="${MARA}"><title>`,
    );
    expect(extractTexts([html], MARA, { now: OWN_NOW })).toMatchObject({
      ok: false,
      problem: 'sign-in-required',
    });
  });

  it('gives way to profile data read elsewhere on the same page', () => {
    const snapshot = snapshotOf(read(['authwall.html', 'voyager-networkinfo.json'], MARA));
    expect(snapshot.followers).toBe(12_480);
  });
});

describe('voyager bodies', () => {
  const body = (file: string, request: string) =>
    readingsOf(own(file), new URL(MARA), OWN_NOW, new URL(request));

  it('networkinfo: followers, connections below the cap exact, the member id', () => {
    const [reading] = body(
      'voyager-networkinfo.json',
      'https://www.linkedin.com/voyager/api/identity/profiles/mara-lindqvist/networkinfo',
    );
    expect(reading).toMatchObject({
      handle: 'mara-lindqvist',
      platformId: '404123',
      counts: { followers: exact(12_480), connections: exact(387) },
    });
  });

  it("networkinfo saved beside its page (no request URL) is the page profile's", () => {
    const snapshot = snapshotOf(read(['voyager-networkinfo.json'], MARA));
    expect(snapshot).toMatchObject({ followers: 12_480, connections: 387 });
  });

  it("dash profile: name, headline, followers; a stranger's following state is nobody's", () => {
    const readings = body(
      'voyager-dash-profile.json',
      'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerIdentityDashProfiles.1',
    );
    expect(readings).toEqual([
      expect.objectContaining({
        handle: 'mara-lindqvist',
        displayName: 'Mara Lindqvist',
        bio: 'Pricing lead at Nordlys Analytics | Weekly notes on SaaS pricing',
        counts: { followers: exact(12_480) },
      }),
    ]);
  });

  it('/voyager/api/me is the viewer: only marked so, never read as a profile', () => {
    const [viewer, ...rest] = body('voyager-me.json', 'https://www.linkedin.com/voyager/api/me');
    expect(rest).toEqual([]);
    expect(viewer).toEqual({
      source: 'linkedin/voyager',
      handle: 'viewer-person',
      platformId: '777001',
      viewer: true,
      counts: {},
      posts: [],
      origin: 'body',
    });
    // Saved without its request, it is known by its shape: still only the viewer.
    expect(readingsOf(own('voyager-me.json'), new URL(MARA), OWN_NOW)).toEqual([viewer]);
    const snapshot = snapshotOf(
      extractTexts(
        [
          { text: own('voyager-networkinfo.json'), request: `${MARA}` },
          { text: own('voyager-me.json'), request: 'https://www.linkedin.com/voyager/api/me' },
        ],
        MARA,
        { now: OWN_NOW },
      ),
    );
    expect(snapshot.displayName).toBeUndefined();
  });

  it("profile updates: her posts by actor, the reposted one (with a header) nobody's", () => {
    const readings = body(
      'voyager-profile-updates.json',
      'https://www.linkedin.com/voyager/api/identity/profileUpdatesV2?q=memberShareFeed',
    );
    const mine = readings.filter((r) => r.handle === 'mara-lindqvist').flatMap((r) => r.posts);
    expect(mine.map((p) => p.id).sort()).toEqual([POSTS.annual, POSTS.tiers].sort());
    expect(readings.filter((r) => r.handle === 'jon-berg').flatMap((r) => r.posts)).toEqual([]);
    const snapshot = snapshotOf(read(['voyager-profile-updates.json'], ACTIVITY));
    expect(ids(snapshot)).toEqual([POSTS.tiers, POSTS.annual]);
    expect(snapshot).toMatchObject({ displayName: 'Mara Lindqvist', platformId: '404123' });
  });

  it('dash updates (GraphQL, 2024+): actor by backendUrn, counts by fsd_ URN', () => {
    const id = POSTS.tiers;
    const json = {
      data: { data: { feedDashProfileUpdatesByMemberShareFeed: { '*elements': ['u1', 'u2'] } } },
      included: [
        {
          $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
          entityUrn: 'urn:li:fsd_profile:ACoAAB1maraXx',
          objectUrn: 'urn:li:member:404123',
          publicIdentifier: 'mara-lindqvist',
        },
        {
          $type: 'com.linkedin.voyager.dash.feed.Update',
          entityUrn: 'u1',
          metadata: { backendUrn: `urn:li:activity:${id}` },
          actor: { backendUrn: 'urn:li:member:404123' },
          '*socialDetail': 'sd1',
        },
        {
          $type: 'com.linkedin.voyager.dash.social.SocialDetail',
          entityUrn: 'sd1',
          '*totalSocialActivityCounts': `urn:li:fsd_socialActivityCounts:urn:li:activity:${id}`,
        },
        {
          $type: 'com.linkedin.voyager.dash.feed.SocialActivityCounts',
          entityUrn: `urn:li:fsd_socialActivityCounts:urn:li:activity:${id}`,
          numLikes: 1024,
          numComments: 87,
          numShares: 12,
          numImpressions: 40_210,
        },
        {
          $type: 'com.linkedin.voyager.dash.feed.Update',
          entityUrn: 'u2',
          metadata: { backendUrn: `urn:li:activity:${POSTS.jonsReposted}` },
          actor: { navigationContext: { actionTarget: 'https://www.linkedin.com/in/jon-berg' } },
          '*resharedUpdate': 'u3',
        },
      ],
    };
    const readings = linkedin.readBody!(
      json,
      new URL(
        'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerFeedDashProfileUpdates.1',
      ),
      OWN_NOW,
    );
    const mine = readings.find((r) => r.handle === 'mara-lindqvist' && r.posts.length);
    expect(mine?.posts).toEqual([
      {
        id,
        url: `https://www.linkedin.com/feed/update/urn:li:activity:${id}/`,
        postedAt: Date.UTC(2025, 5, 11, 8, 15),
        counts: { likes: exact(1024), comments: exact(87), shares: exact(12) },
      },
    ]);
    expect(readings.flatMap((r) => r.posts).map((p) => p.id)).not.toContain(POSTS.jonsReposted);
  });

  const sightingsOf = (...files: [file: string, request: string][]) =>
    sightingsFrom(
      { id: 'linkedin', profileUrl: linkedinUrls.profileUrl },
      files.flatMap(([file, request]) => body(file, request)),
      OWN_NOW,
    );
  /** What a chip would show: who, the follower figure and its precision, the posts seen. */
  const chip = (s: ProfileSnapshot) => [
    s.handle,
    s.followers,
    s.precision.followers,
    s.recentPosts.map((p) => p.id),
  ];
  const FEED = 'https://www.linkedin.com/voyager/api/feed/updatesV2?count=6&q=feed&start=0';
  const SEARCH = 'https://www.linkedin.com/voyager/api/search/dash/clusters?q=all&start=0';
  const ME = 'https://www.linkedin.com/voyager/api/me';

  it('feed updates: each actor its own, a company its "N followers", a person none', () => {
    const seen = sightingsOf(['voyager-feed-updates.json', FEED]);
    expect(seen.map(chip)).toEqual([
      ['company/fjordline-media', 12_345, 'exact', ['7339260248067936124']],
      ['lena-hoff-writes', undefined, undefined, ['7339547138460632672']],
      ['omar-quist', undefined, undefined, []],
      ['company/kiln-studio', 2340, 'exact', []],
      ['company/northbeam-analytics', 1200, 'rounded', ['7338475074358947688']],
      ['company/haus-achtel', undefined, undefined, ['7338218382950449103']],
    ]);
    expect(seen[1]).toMatchObject({ displayName: 'Lena Hoff', platformId: '880101' });
    // Her text's "50,000 followers" is no count of hers; the German "12.345 Follower" stays
    // unknown (never 12); Pia, who reposted Kiln's post, and the member linked only by id
    // (her "9,100 followers") are nobody here.
    const text = JSON.stringify(seen);
    for (const never of ['50000', 'pia-lund', '9100', 'acoaac9']) {
      expect(text.toLowerCase()).not.toContain(never);
    }
  });

  it('feed updates: a post reshared or under a "reposted this" header is not its actor’s', () => {
    const readings = body('voyager-feed-updates.json', FEED);
    const posts = (handle: string) =>
      readings.filter((r) => r.handle === handle).flatMap((r) => r.posts.map((p) => p.id));
    expect(posts('omar-quist')).toEqual([]);
    expect(posts('company/kiln-studio')).toEqual([]);
    expect(posts('company/northbeam-analytics')).toEqual(['7338475074358947688']);
  });

  it('people search (EntityResultViewModel): name, headline and an English "N followers"', () => {
    const seen = sightingsOf(['voyager-search-clusters.json', SEARCH]);
    expect(seen.map(chip)).toEqual([
      ['nadia-berg', 12_000, 'rounded', []],
      ['tobias-lind', 3120, 'exact', []],
      ['company/kiln-studio', 2340, 'exact', []],
      ['giulia-rossi-video', undefined, undefined, []],
      ['viewer-person', 640, 'exact', []],
    ]);
    expect(seen[0]).toMatchObject({
      displayName: 'Nadia Berg',
      bio: 'Creator | Video marketing for small brands',
      platformId: '5510011',
    });
    // A company's subtitle is its industry and place, not a bio.
    expect(seen[2]).not.toHaveProperty('bio');
    // Out-of-network members and results linked by member id are nobody.
    expect(JSON.stringify(seen)).not.toMatch(/LinkedIn Member|Dana Roe|5000/);
  });

  it('people search through GraphQL reads the same', () => {
    const graphql =
      'https://www.linkedin.com/voyager/api/graphql?variables=(start:0)&queryId=voyagerSearchDashClusters.b09';
    expect(sightingsOf(['voyager-search-clusters.json', graphql]).map(chip)).toEqual(
      sightingsOf(['voyager-search-clusters.json', SEARCH]).map(chip),
    );
  });

  it('people search read with /voyager/api/me: the viewer’s own result is never a sighting', () => {
    const seen = sightingsOf(['voyager-search-clusters.json', SEARCH], ['voyager-me.json', ME]);
    expect(seen.map((s) => s.handle)).toEqual([
      'nadia-berg',
      'tobias-lind',
      'company/kiln-studio',
      'giulia-rossi-video',
    ]);
  });

  it('unknown shapes give nothing', () => {
    for (const json of [null, 1, 'x', [], {}, { data: 1 }, { included: 'x' }]) {
      expect(linkedin.readBody!(json, new URL(MARA), OWN_NOW)).toEqual([]);
    }
  });
});
