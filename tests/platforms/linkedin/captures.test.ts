import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/model';
import { pageLocale, readCard } from '../../../lib/platforms/linkedin/dom';
import { relativeTime, timeFromId } from '../../../lib/platforms/linkedin/text';
import type { ExtractResult } from '../../../lib/platforms/types';
import {
  extractTexts,
  fixtureFiles,
  linkedin,
  NOW,
  OWN_LINKEDIN,
  parseDoc,
  readingsOf,
  readText,
  SHARED_LINKEDIN,
  SHARED_PRESENT,
} from './load';
import { describeCaptures } from '../../captures';

// The real LinkedIn captures live in ../shared/fixtures/linkedin (or SCOUT_FIXTURES) and are never
// copied into the project (PROVENANCE.md). A checkout without that folder cannot run these tests:
// they are skipped, and the reason is printed so that a green run never hides that they did not.

const FILES = {
  guest: 'public-profile_2023-04_dulithawijewantha_public_profile_v3_excerpt.html',
  jsonLdOnly: 'public-profile_2025_jasonagxie_jsonld-only.html',
  post: 'public-post_2025-03_honzajavorek_d_public_post_excerpt.html',
  company: 'company-page-guest_c2021_24i_metatags-via-google-cse.json',
  loggedIn:
    'profile-loggedin_2021-07_ru-locale_alexandr-tretiakov_bpr-guid-codeblocks_excerpt.html',
  activity: 'activity-loggedin_2024-09_comments-tab_fragment.html',
  feed: 'voyager-feed-updatesV2_2023-05_normalized-json_excerpt.json',
  reshare: 'public-post-reshare_2026-06_tarapowers_resharing-inscape-publishing_d_public_post.html',
} as const;

// Describe bodies run even when the folder is absent (their tests are then skipped): read nothing.
const text = (file: string) => (SHARED_PRESENT ? readText(SHARED_LINKEDIN, file) : '');

/** The content script's path: `linkedin.extract` on the parsed page at its URL. */
function extractPage(file: string, href: string): ExtractResult {
  return linkedin.extract({ doc: parseDoc(text(file)), url: new URL(href), now: NOW });
}

function snapshotOf(result: ExtractResult) {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.problem}: ${result.reason}`);
  expect(ProfileSnapshotSchema.safeParse(result.snapshot).success).toBe(true);
  return result.snapshot;
}

describeCaptures('real LinkedIn captures', SHARED_LINKEDIN, () => {
  it('has every capture PROVENANCE.md lists', () => {
    expect(fixtureFiles(SHARED_LINKEDIN)).toEqual(expect.arrayContaining(Object.values(FILES)));
  });

  // Scout is checked against other real captures too: whatever the folder holds is read without an
  // exception, and what it gives is valid, with no views (LinkedIn shows none).
  it.each(fixtureFiles(SHARED_LINKEDIN))('%s reads without an exception', (file) => {
    const body = text(file);
    for (const href of [
      'https://www.linkedin.com/in/someone/',
      'https://www.linkedin.com/company/someone/',
      'https://www.linkedin.com/feed/update/urn:li:activity:7300443605666545664/',
    ]) {
      const url = new URL(href);
      expect(() => readingsOf(body, url)).not.toThrow();
      const readings = readingsOf(body, url);
      expect(readings.flatMap((r) => r.posts).every((p) => p.counts.views === undefined)).toBe(
        true,
      );
      const result = extractTexts([body], href);
      if (result.ok) expect(ProfileSnapshotSchema.safeParse(result.snapshot).success).toBe(true);
    }
  });

  describe('guest profile 2023-04 (dulithawijewantha)', () => {
    const url = 'https://sg.linkedin.com/in/dulithawijewantha';

    it('reads the exact JSON-LD followers over the rounded "6K followers", and "500+" as a floor', () => {
      const snapshot = snapshotOf(extractPage(FILES.guest, url));
      expect(snapshot).toMatchObject({
        platform: 'linkedin',
        handle: 'dulithawijewantha',
        url: 'https://www.linkedin.com/in/dulithawijewantha/',
        displayName: 'Dulitha Wijewantha',
        followers: 5740,
        connections: 500,
        precision: { followers: 'exact', connections: 'lower-bound' },
        capturedAt: NOW,
      });
      expect(snapshot.sources).toEqual(expect.arrayContaining(['linkedin/json-ld', 'dom']));
    });

    it('takes the top-card headline as the bio (whitespace collapsed, as the page shows it)', () => {
      expect(snapshotOf(extractPage(FILES.guest, url)).bio).toBe(
        'Building businesses on the Internet | AI/ ML Experimenter 🔬 | Web3 Degen 🧪 | Co-Founder @ Aristotle 🧠 | Helping Founders setup & scale tech teams 🧑🏼💻 CA(Co-Founder)',
      );
    });

    it('sees the visible "6K followers" as rounded, never as exact', () => {
      const dom = readingsOf(text(FILES.guest), new URL(url)).find((r) => r.source === 'dom');
      expect(dom?.counts.followers).toEqual({ value: 6000, precision: 'rounded' });
    });

    it('keeps the three posts it only liked out of recentPosts', () => {
      expect(snapshotOf(extractPage(FILES.guest, url)).recentPosts).toEqual([]);
    });

    it('reads the page in its locale meta (en_US), whatever the sg. subdomain', () => {
      expect(pageLocale(parseDoc(text(FILES.guest)))).toBe('en-US');
    });
  });

  it('reads the 2025 JSON-LD-only profile (jasonagxie): 800 followers, no connections', () => {
    const snapshot = snapshotOf(
      extractPage(FILES.jsonLdOnly, 'https://www.linkedin.com/in/jasonagxie'),
    );
    expect(snapshot).toMatchObject({
      handle: 'jasonagxie',
      displayName: 'Jason Xie',
      followers: 800,
      precision: { followers: 'exact' },
    });
    expect(snapshot.connections).toBeUndefined();
  });

  describe('guest post page 2025-03 (honzajavorek)', () => {
    const url =
      'https://cz.linkedin.com/posts/honzajavorek_p%C5%AFl-rok-samostudia-programov%C3%A1n%C3%AD-a-%C4%8Dlov%C4%9Bk-activity-7300443605666545664-S7yp';

    it("gives the author's card: 4263 followers from JSON-LD, the headline under the name", () => {
      const snapshot = snapshotOf(extractPage(FILES.post, url));
      expect(snapshot).toMatchObject({
        handle: 'honzajavorek',
        url: 'https://www.linkedin.com/in/honzajavorek/',
        displayName: 'Honza Javorek',
        bio: 'Tvořím junior.guru, které pomáhá juniorním programátorům',
        followers: 4263,
        precision: { followers: 'exact' },
      });
    });

    it('holds the post: 310 reactions, 72 comments, the JSON-LD date; no reposts, no views', () => {
      const [post, ...rest] = snapshotOf(extractPage(FILES.post, url)).recentPosts;
      expect(rest).toEqual([]);
      expect(post).toMatchObject({
        id: '7300443605666545664',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7300443605666545664/',
        postedAt: Date.parse('2025-02-26T09:16:31.243Z'),
        likes: 310,
        comments: 72,
        precision: { likes: 'exact', comments: 'exact' },
      });
      expect(post?.caption).toMatch(/^„Půl rok samostudia programování/);
      expect(post?.shares).toBeUndefined();
      expect(post?.views).toBeUndefined();
    });

    it('never counts the person the post mentions (stanislavhruska)', () => {
      const readings = readingsOf(text(FILES.post), new URL(url));
      expect(readings.some((r) => r.handle === 'stanislavhruska')).toBe(false);
    });

    it('decodes the activity id to within 31 ms of datePublished', () => {
      expect(new Date(timeFromId('7300443605666545664', NOW)!).toISOString()).toBe(
        '2025-02-26T09:16:31.274Z',
      );
    });

    it('keeps the post its author’s when a fetched body gives it to someone else', () => {
      // Scout's own profile-updates body, edited so that Mara Lindqvist's first update carries
      // this post's activity id: the page's JSON-LD names its author, and the body loses.
      const forged = readText(OWN_LINKEDIN, 'voyager-profile-updates.json').replaceAll(
        '7338478849231516506',
        '7300443605666545664',
      );
      const result = extractTexts(
        [
          text(FILES.post),
          {
            text: forged,
            request:
              'https://www.linkedin.com/voyager/api/identity/profileUpdatesV2?q=memberShareFeed',
          },
        ],
        url,
      );
      expect(result).toMatchObject({
        ok: true,
        namedBy: 'document',
        snapshot: { handle: 'honzajavorek', followers: 4263 },
      });
      expect(JSON.stringify(result)).not.toContain('mara-lindqvist');
    });

    it('reads the same answer at the feed/update URL of the post', () => {
      const snapshot = snapshotOf(
        extractPage(
          FILES.post,
          'https://www.linkedin.com/feed/update/urn:li:activity:7300443605666545664/',
        ),
      );
      expect(snapshot).toMatchObject({ handle: 'honzajavorek', followers: 4263 });
    });
  });

  describe('guest post page 2026-06: a person (tarapowers) resharing a company post', () => {
    const url =
      'https://www.linkedin.com/posts/tarapowers_looking-for-a-tool-that-builds-relationships-activity-7463608443963318272-2kSA';

    it('reads as Tara Powers with 9,143 followers, never the company’s 29,754', () => {
      const result = extractPage(FILES.reshare, url);
      const snapshot = snapshotOf(result);
      expect(snapshot).toMatchObject({
        handle: 'tarapowers',
        url: 'https://www.linkedin.com/in/tarapowers/',
        displayName: 'Tara Powers',
        followers: 9143,
        precision: { followers: 'exact' },
      });
      expect(result).toMatchObject({ namedBy: 'document' });
      expect(JSON.stringify(snapshot)).not.toContain('29754');
      expect(JSON.stringify(snapshot)).not.toContain('inscape-publishing');
    });

    it('holds her post with its 3 reactions, not the reshared company post', () => {
      const { recentPosts } = snapshotOf(extractPage(FILES.reshare, url));
      expect(recentPosts).toMatchObject([
        { id: '7463608443963318272', likes: 3, precision: { likes: 'exact' } },
      ]);
    });

    it('gives the reshared company its own 29,754, on its own reading only', () => {
      const readings = readingsOf(text(FILES.reshare), new URL(url));
      const withCount = readings.filter((r) => r.counts.followers?.value === 29_754);
      expect(withCount.map((r) => r.handle)).toEqual(['company/inscape-publishing']);
      const tara = readings.filter((r) => r.handle === 'tarapowers');
      expect(tara.map((r) => r.counts.followers?.value).filter(Boolean)).toEqual([9_143]);
    });
  });

  describe('logged-in profile 2021-07 with voyager <code> blocks (ru UI)', () => {
    const url = 'https://www.linkedin.com/in/alexandr-tretiakov-ba831051/';

    it('reads networkinfo of the viewed profile: 948 followers, 500 connections as a floor', () => {
      const snapshot = snapshotOf(extractPage(FILES.loggedIn, url));
      expect(snapshot).toMatchObject({
        handle: 'alexandr-tretiakov-ba831051',
        platformId: '182913968',
        followers: 948,
        connections: 500,
        precision: { followers: 'exact', connections: 'lower-bound' },
        sources: ['linkedin/voyager'],
      });
    });

    it('never takes the viewer (/voyager/api/me: Mariia Derzhanivska) for the profile', () => {
      const snapshot = snapshotOf(extractPage(FILES.loggedIn, url));
      expect(snapshot.displayName).toBeUndefined();
      expect(snapshot.bio).toBeUndefined();
      const readings = readingsOf(text(FILES.loggedIn), new URL(url));
      // She is only marked as the viewer (never a sighting), with nothing about her read.
      const viewer = readings.filter((r) => r.handle === 'mariia-derzhanivska');
      expect(viewer).toEqual([expect.objectContaining({ viewer: true, counts: {}, posts: [] })]);
      expect(viewer[0]).not.toHaveProperty('displayName');
      expect(JSON.stringify(readings)).not.toContain('Derzhanivska');
    });

    it('knows the UI is Russian from the i18n bundle', () => {
      expect(pageLocale(parseDoc(text(FILES.loggedIn)))).toBe('ru-RU');
    });
  });

  describe('guest company page c.2021 (24i), as a search engine saved its meta tags', () => {
    const result = (
      SHARED_PRESENT ? JSON.parse(text(FILES.company)) : { snippet: '', pagemap: { metatags: [] } }
    ) as {
      snippet: string;
      pagemap: { metatags: Record<string, string>[] };
    };
    const tags = result.pagemap.metatags[0] ?? {};
    /** The page's head rebuilt from the harvested tags: parser-level, as the page would give them. */
    const head = (description: string) =>
      parseDoc(
        `<html><head><meta name="locale" content="${tags['locale']}">` +
          `<meta property="og:url" content="${tags['og:url']}">` +
          `<meta property="og:description" content="${description.replace(/"/g, '&quot;')}">` +
          `</head><body></body></html>`,
      );
    const companyUrl = new URL('https://www.linkedin.com/company/24i');

    it('reads "24i | 3,796 followers on LinkedIn." as 3796 exact followers of company/24i', () => {
      const readings = linkedin.readDocument!(head(tags['og:description'] ?? ''), companyUrl, NOW);
      const result = linkedin.settle!(readings, { url: companyUrl, now: NOW });
      expect(snapshotOf(result)).toMatchObject({
        handle: 'company/24i',
        url: 'https://www.linkedin.com/company/24i/',
        displayName: '24i',
        followers: 3796,
        precision: { followers: 'exact' },
        sources: ['linkedin/meta'],
      });
    });

    it('reads the search engine\'s snippet ("3796 followers", comma stripped) alike', () => {
      const readings = linkedin.readDocument!(head(result.snippet), companyUrl, NOW);
      expect(readings[0]?.counts.followers).toEqual({ value: 3796, precision: 'exact' });
    });

    it('is not a LinkedIn payload itself: read as a body it says nothing', () => {
      expect(readingsOf(text(FILES.company), companyUrl)).toEqual([]);
    });
  });

  describe("someone else's post on a logged-in activity page (comments tab, 2024-09)", () => {
    const url = new URL('https://www.linkedin.com/in/pabloborda/recent-activity/comments/');
    const doc = parseDoc(text(FILES.activity));
    const card = doc.querySelector('[data-urn]')!;
    const capturedAt = Date.UTC(2024, 8, 20, 12);

    it('reads the card: 2,948 reactions, 221 comments, 305 reposts, all exact', () => {
      const read = readCard(card, url.href, 'en', capturedAt);
      expect(read?.post).toMatchObject({
        id: '7242285086220460033',
        counts: {
          likes: { value: 2948, precision: 'exact' },
          comments: { value: 221, precision: 'exact' },
          shares: { value: 305, precision: 'exact' },
        },
      });
      expect(read?.post.counts.views).toBeUndefined();
    });

    it('attributes it to its actor Nihad Kerić, not to Pablo whose comment header is above', () => {
      const read = readCard(card, url.href, 'en', capturedAt);
      expect(read?.actors).toEqual(['pabloborda', 'nihkrc']);
      expect(read?.author).toBe('nihkrc');
    });

    it('dates it by its id (2024-09-18), which the visible "2d" agrees with', () => {
      const read = readCard(card, url.href, 'en', capturedAt);
      expect(new Date(read!.post.postedAt!).toISOString()).toMatch(/^2024-09-18T/);
      const shown = relativeTime('2d •', capturedAt)!;
      expect(Math.abs(shown - read!.post.postedAt!)).toBeLessThan(86_400_000);
    });

    it("never puts it in Pablo's recentPosts", () => {
      const readings = readingsOf(text(FILES.activity), url);
      const pablo = readings.filter((r) => r.handle === 'pabloborda');
      expect(pablo.flatMap((r) => r.posts)).toEqual([]);
      const result = extractTexts([text(FILES.activity)], url.href);
      expect(result.ok ? result.snapshot.recentPosts : []).toEqual([]);
    });
  });

  describe("the viewer's main feed (voyager updatesV2, normalized JSON, 2023-05)", () => {
    const request = new URL('https://www.linkedin.com/voyager/api/feed/updatesV2?q=feed');
    const readings = readingsOf(text(FILES.feed), request, NOW);
    const posts = readings.flatMap((r) => r.posts);
    const byId = (id: string) => posts.find((p) => p.id === id);

    it('reads numLikes / numComments / numShares of every post (not comments), exact', () => {
      expect(posts.map((p) => p.id).sort()).toEqual(
        [
          '7058091184245624832',
          '7060221630244900864',
          '7059294092807012352',
          '7024851382486581248',
          '7058424411250466816',
          '7061232894400225280',
          '7062123930194513920',
        ].sort(),
      );
      const exact = (value: number) => ({ value, precision: 'exact' });
      expect(byId('7058091184245624832')?.counts).toEqual({
        likes: exact(35767),
        comments: exact(1553),
        shares: exact(865),
      });
      expect(byId('7060221630244900864')?.counts).toEqual({
        likes: exact(62106),
        comments: exact(2012),
        shares: exact(6062),
      });
      expect(byId('7059294092807012352')?.counts.likes).toEqual(exact(169));
      expect(byId('7024851382486581248')?.counts).toMatchObject({
        likes: exact(85),
        comments: exact(0),
      });
      expect(byId('7058424411250466816')?.counts.shares).toEqual(exact(0));
    });

    it('leaves views out, though the body has numViews for videos (3955336)', () => {
      expect(posts.every((p) => p.counts.views === undefined)).toBe(true);
    });

    it('dates each post by its id', () => {
      expect(new Date(byId('7058091184245624832')!.postedAt!).toISOString()).toMatch(/^2023-04-29/);
    });

    it("names no author, so no creator's recentPosts ever takes these posts", () => {
      expect(readings.every((r) => r.handle === undefined)).toBe(true);
      const body = { text: text(FILES.feed), request: request.href };
      const result = extractTexts(
        [text(FILES.guest), body],
        'https://sg.linkedin.com/in/dulithawijewantha',
      );
      expect(snapshotOf(result).recentPosts).toEqual([]);
    });
  });
});
