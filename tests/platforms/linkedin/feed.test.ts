import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reading } from '../../../lib/extract/reading';
import { sightingsFrom } from '../../../lib/extract/sightings';
import type { ProfileSnapshot } from '../../../lib/model';
import { content } from '../../../lib/platforms/linkedin/content';
import { linkedinFeed as feed } from '../../../lib/platforms/linkedin/feed';
import { linkedinUrls } from '../../../lib/platforms/linkedin/url';
import { describeCaptures } from '../../captures';
import { DEMO_FEEDS } from '../../fixtures/pages/feeds';
import { NOW, OWN_LINKEDIN, OWN_NOW, parseDoc, readText, SHARED_LINKEDIN } from './load';

// LinkedIn's feed side on the host page (lib/platforms/linkedin/feed.ts): which links are a
// creator's (a chip goes beside them), which feed item each sits in (one chip per creator per
// item), and what an item's markup says about each account in it. Read on the demo feed as its
// own script renders it, on Scout's own pages (tests/fixtures/linkedin) and on the real reshare
// capture. What is asserted is what a chip would show: whose it is, the follower figure, the posts.

const FEED_URL = new URL('https://www.linkedin.com/feed/');
const PLATFORM = { id: 'linkedin' as const, profileUrl: linkedinUrls.profileUrl };

const own = (file: string) => parseDoc(readText(OWN_LINKEDIN, file));

function byId(doc: Document, id: string): HTMLAnchorElement {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el as HTMLAnchorElement;
}

const linksIn = (root: ParentNode) => [...root.querySelectorAll<HTMLAnchorElement>(feed.links)];

/** The items around the page's creator links, once each, in document order (as the CLI reads them). */
function itemsOf(doc: Document, page = FEED_URL): Element[] {
  const items = new Set<Element>();
  for (const link of linksIn(doc)) {
    const item = feed.creatorOf(link, page) ? feed.itemOf(link) : null;
    if (item) items.add(item);
  }
  return [...items];
}

const readItem = (item: Element, page = FEED_URL, now = OWN_NOW) => feed.readItem!(item, page, now);
const readAll = (doc: Document, page = FEED_URL, now = OWN_NOW) =>
  itemsOf(doc, page).flatMap((item) => readItem(item, page, now));

/** What a chip beside the account would hold, from one reading. */
const view = (r: Reading) => ({
  handle: r.handle,
  name: r.displayName,
  followers: r.counts.followers,
  posts: r.posts.map((p) => p.id),
});

const exact = (value: number) => ({ value, precision: 'exact' as const });
const rounded = (value: number) => ({ value, precision: 'rounded' as const });

const sightings = (readings: readonly Reading[], now = OWN_NOW) =>
  sightingsFrom(PLATFORM, readings, now);
const sightingOf = (list: readonly ProfileSnapshot[], handle: string) =>
  list.find((s) => s.handle === handle);

// ─── The demo feed, rendered by its own script ──────────────────────────────────────────────────

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const DEMO = DEMO_FEEDS.find((f) => f.platform === 'linkedin')!;

interface DemoState {
  pages: number;
  items: number;
  loadMore(): void;
}

/**
 * The demo feed page (tests/fixtures/pages/linkedin/feed.html) with its demo-app.js run in a
 * happy-dom window, its Voyager calls answered with the demo's own bodies, scrolled to its end.
 */
async function renderDemoFeed(): Promise<Window> {
  const window = new Window({ url: `https://${DEMO.host}${DEMO.path}` });
  const html = readFileSync(join(PAGES, DEMO.route.file), 'utf8');
  window.document.write(html.replace(/<script\b[^>]*><\/script>/g, ''));
  const bodies = new Map<string, string>([
    ['0', DEMO.bodies[0]],
    ['5', DEMO.bodies[1]],
  ]);
  const served = (url: string) =>
    url.startsWith('/voyager/api/me')
      ? 'linkedin/api-me-viewer.json'
      : bodies.get(/[?&]start=(\d+)/.exec(url)?.[1] ?? '');
  Object.assign(window, {
    fetch: (url: string) => {
      const file = served(String(url));
      if (!file) return Promise.reject(new Error(`the demo serves no ${String(url)}`));
      const text = readFileSync(join(PAGES, file), 'utf8');
      return Promise.resolve({ text: () => Promise.resolve(text) });
    },
    IntersectionObserver: class {
      observe() {}
      disconnect() {}
    },
  });
  window.eval(readFileSync(join(PAGES, 'linkedin/demo-app.js'), 'utf8'));
  const state = () => (window as unknown as { __demoFeed: DemoState }).__demoFeed;
  await vi.waitFor(() => expect(state().items).toBe(DEMO.counts[0]));
  state().loadMore();
  await vi.waitFor(() => expect(state().items).toBe(DEMO.counts[1]));
  return window;
}

describe('the demo LinkedIn feed, as its script renders both pages', () => {
  let window: Window;
  let doc: Document;
  const cards = () => [...doc.querySelectorAll(DEMO.items)];

  beforeAll(async () => {
    window = await renderDemoFeed();
    doc = window.document as unknown as Document;
  });
  afterAll(async () => {
    await window.happyDOM.close();
  });

  it('is the page side the content script runs', () => {
    expect(content.feed).toBe(feed);
    expect(cards()).toHaveLength(DEMO.counts[1]);
  });

  it('names every creator it shows, persons by their /in/ slug and companies as company/<slug>', () => {
    const named = linksIn(doc)
      .map((a) => feed.creatorOf(a, FEED_URL))
      .filter((h): h is string => h !== null);
    expect(new Set(named)).toEqual(new Set(DEMO.creators.map((c) => c.handle)));
    for (const link of linksIn(doc)) {
      const handle = feed.creatorOf(link, FEED_URL);
      const path = new URL(link.getAttribute('href')!, FEED_URL).pathname;
      if (path.startsWith('/company/')) expect(handle).toBe(`company/${path.split('/')[2]}`);
      else if (handle !== null) expect(`/in/${handle}/`).toBe(path);
    }
  });

  it('names no one for hashtags, the navigation and the viewer’s own links', () => {
    const notCreators = [...doc.querySelectorAll<HTMLAnchorElement>(DEMO.notCreators)];
    expect(notCreators.length).toBeGreaterThan(0);
    for (const a of notCreators) expect(feed.creatorOf(a, FEED_URL), a.outerHTML).toBeNull();
    const viewer = [...doc.querySelectorAll<HTMLAnchorElement>(`a[href="${DEMO.viewer}"]`)];
    expect(viewer.length).toBeGreaterThan(0);
    for (const a of viewer) expect(feed.creatorOf(a, FEED_URL)).toBeNull();
  });

  it('gives one item per card: avatar, name and time links (and a repost header) are that card', () => {
    for (const card of cards()) {
      const links = linksIn(card).filter((a) => feed.creatorOf(a, FEED_URL));
      expect(links.length).toBeGreaterThanOrEqual(3);
      for (const a of links) expect(feed.itemOf(a)).toBe(card);
    }
    expect(itemsOf(doc)).toEqual(cards());
  });

  it('gives each company actor its own "N followers" and each person none, on every card', () => {
    for (const card of cards()) {
      const readings = readItem(card, FEED_URL, NOW);
      expect(readings, card.getAttribute('data-urn')!).toHaveLength(1);
      const [author] = readings;
      const creator = DEMO.creators.find((c) => c.handle === author!.handle);
      expect(creator).toBeDefined();
      if (author!.handle!.startsWith('company/')) {
        expect(author!.counts.followers).toEqual({
          value: creator!.followers,
          precision: creator!.precision,
        });
      } else {
        expect(author!.counts.followers).toBeUndefined();
      }
      expect(author!.posts.map((p) => p.id)).toEqual([
        card.getAttribute('data-urn')!.replace('urn:li:activity:', ''),
      ]);
    }
  });

  it('never gives the person who reposted a card ("X reposted this") the card or its count', () => {
    const reposted = cards().filter((c) => /reposted this/.test(c.textContent ?? ''));
    expect(reposted.length).toBeGreaterThan(0);
    for (const card of reposted) {
      const header = card.querySelector<HTMLAnchorElement>('.update-components-header a')!;
      const reposter = feed.creatorOf(header, FEED_URL)!;
      expect(reposter).toBeTruthy();
      expect(readItem(card, FEED_URL, NOW).map((r) => r.handle)).not.toContain(reposter);
    }
  });

  it('files one sighting per creator with the follower figure the feed’s bodies give', () => {
    const seen = sightings(readAll(doc, FEED_URL, NOW), NOW);
    expect(new Set(seen.map((s) => s.handle))).toEqual(new Set(DEMO.creators.map((c) => c.handle)));
    for (const creator of DEMO.creators) {
      const s = sightingOf(seen, creator.handle);
      expect(s?.followers ?? null, creator.handle).toBe(creator.followers);
    }
  });
});

// ─── Scout's own pages ──────────────────────────────────────────────────────────────────────────

describe('which links on a LinkedIn page are a creator’s (creatorOf)', () => {
  const doc = own('feed-cards.html');
  const creator = (id: string) => feed.creatorOf(byId(doc, id), FEED_URL);

  it('names the actors of the cards, persons and companies, from any of their links', () => {
    expect(creator('lena-avatar')).toBe('lena-hoff-writes');
    expect(creator('lena-name')).toBe('lena-hoff-writes');
    expect(creator('fjordline-name')).toBe('company/fjordline-media');
    expect(creator('pia-name')).toBe('pia-lund');
    expect(creator('kiln-name')).toBe('company/kiln-studio');
    expect(creator('omar-comment-name')).toBe('omar-quist');
  });

  it('names no one for an @mention in a post’s text or in a comment', () => {
    expect(creator('mention-omar')).toBeNull();
    expect(creator('mention-lena')).toBeNull();
  });

  it('names no one for hashtags, search links, member-id URLs and numeric company ids', () => {
    for (const id of [
      'hashtag',
      'search-link',
      'member-id-avatar',
      'member-id-name',
      'numeric-avatar',
      'numeric-name',
    ]) {
      expect(creator(id), id).toBeNull();
    }
  });

  it('names no one in the navigation, even the viewer’s own "View Profile"', () => {
    const nav = [...doc.querySelectorAll<HTMLAnchorElement>('#global-nav a')];
    expect(nav.map((a) => a.getAttribute('href'))).toContain('/in/viewer-person/');
    for (const a of nav) expect(feed.creatorOf(a, FEED_URL)).toBeNull();
  });

  it('names only profile and company pages, never their sub-pages or other sites', () => {
    const snippet = parseDoc(`<html><body><main>
      <div><a id="rel" href="/in/Nadia-Berg/">Nadia</a></div>
      <div><a id="sub" href="https://se.linkedin.com/in/nadia-berg?trk=x">Nadia</a></div>
      <div><a id="posts" href="/company/kiln-studio/posts/">Kiln</a></div>
      <div><a id="about" href="/company/kiln-studio/about/">Kiln</a></div>
      <div><a id="feed" href="/feed/">Home</a></div>
      <div><a id="hash" href="/feed/hashtag/?keywords=video">#video</a></div>
      <div><a id="people" href="/search/results/people/?keywords=%2Fin%2Fnadia">People</a></div>
      <div><a id="contact" href="/in/nadia-berg/overlay/contact-info/">Contact info</a></div>
      <div><a id="activity" href="/in/nadia-berg/recent-activity/all/">Show all</a></div>
      <div><a id="jobs" href="/company/kiln-studio/jobs/">Jobs</a></div>
      <div><a id="other" href="https://example.com/in/nadia-berg">elsewhere</a></div>
      <div><a id="broken" href="http://[broken/in/x">broken</a></div>
      <div><a id="none">no href</a></div>
      <p>Liked by <a id="sentence" href="/in/ben-ek/">Ben Ek</a></p>
    </main></body></html>`);
    const named = (id: string) => feed.creatorOf(byId(snippet, id), FEED_URL);
    expect(named('rel')).toBe('nadia-berg');
    expect(named('sub')).toBe('nadia-berg');
    expect(named('posts')).toBe('company/kiln-studio');
    expect(named('about')).toBe('company/kiln-studio');
    for (const id of [
      'feed',
      'hash',
      'people',
      'contact',
      'activity',
      'jobs',
      'other',
      'broken',
      'none',
      'sentence',
    ]) {
      expect(named(id), id).toBeNull();
    }
  });
});

describe('the feed item around a link (itemOf)', () => {
  it('keeps a card’s avatar, name, time and repost-header links in the card', () => {
    const doc = own('feed-cards.html');
    const card = doc.getElementById('card-fjordline');
    for (const id of ['pia-avatar', 'pia-name', 'fjordline-avatar', 'fjordline-name']) {
      expect(feed.itemOf(byId(doc, id)), id).toBe(card);
    }
  });

  it('makes a reshared post inside a card its own item, and a comment its own', () => {
    const doc = own('feed-cards.html');
    expect(feed.itemOf(byId(doc, 'omar-name'))).toBe(doc.getElementById('card-omar'));
    expect(feed.itemOf(byId(doc, 'kiln-name'))).toBe(doc.getElementById('reshared-kiln'));
    expect(feed.itemOf(byId(doc, 'kiln-avatar'))).toBe(doc.getElementById('reshared-kiln'));
    expect(feed.itemOf(byId(doc, 'omar-comment-name'))).toBe(doc.getElementById('comment-omar'));
  });

  it('gives each search result and "People also viewed" row its own item', () => {
    const search = own('search-people.html');
    const row = (id: string) => search.getElementById(id)!;
    expect(row('row-nadia').contains(feed.itemOf(byId(search, 'nadia-avatar')))).toBe(true);
    expect(feed.itemOf(byId(search, 'nadia-avatar'))).toBe(feed.itemOf(byId(search, 'nadia-name')));
    expect(row('row-tobias').contains(feed.itemOf(byId(search, 'tobias-name')))).toBe(true);
    const aside = own('profile-aside.html');
    expect(feed.itemOf(byId(aside, 'ola-avatar'))).toBe(aside.getElementById('row-ola'));
    expect(feed.itemOf(byId(aside, 'ola-name'))).toBe(aside.getElementById('row-ola'));
  });

  it('gives no item in the navigation', () => {
    const doc = own('feed-cards.html');
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('#global-nav a')) {
      expect(feed.itemOf(a)).toBeNull();
    }
  });
});

describe('what a feed item’s markup says about each account in it (readItem)', () => {
  it('a person’s post: her name and post counts, never a count that is only in her text', () => {
    const doc = own('feed-cards.html');
    expect(readItem(doc.getElementById('card-lena')!).map(view)).toEqual([
      {
        handle: 'lena-hoff-writes',
        name: 'Lena Hoff',
        followers: undefined,
        posts: ['7339547138460632672'],
      },
    ]);
    const [lena] = readItem(doc.getElementById('card-lena')!);
    expect(lena!.posts[0]!.counts).toEqual({
      likes: exact(214),
      comments: exact(31),
      shares: exact(9),
    });
    expect(JSON.stringify(readAll(doc))).not.toContain('50000');
  });

  it('a company’s post under "Pia Lund reposted this": the company’s 12,345, nothing for Pia', () => {
    const doc = own('feed-cards.html');
    expect(readItem(doc.getElementById('card-fjordline')!).map(view)).toEqual([
      {
        handle: 'company/fjordline-media',
        name: 'Fjordline Media',
        followers: exact(12_345),
        posts: ['7339260248067936124'],
      },
    ]);
  });

  it('a reshare: the resharer gets the post, the reshared company only its own 2,340', () => {
    const doc = own('feed-cards.html');
    expect(readItem(doc.getElementById('card-omar')!).map(view)).toEqual([
      {
        handle: 'omar-quist',
        name: 'Omar Quist',
        followers: undefined,
        posts: ['7339577337450430563'],
      },
      { handle: 'company/kiln-studio', name: 'Kiln Studio', followers: exact(2340), posts: [] },
    ]);
    expect(readItem(doc.getElementById('reshared-kiln')!).map(view)).toEqual([
      { handle: 'company/kiln-studio', name: 'Kiln Studio', followers: exact(2340), posts: [] },
    ]);
  });

  it('a card by an account linked only by id, and a comment by one, say nothing about anyone', () => {
    const doc = own('feed-cards.html');
    expect(readItem(doc.getElementById('card-numeric')!)).toEqual([]);
    expect(readItem(doc.getElementById('comment-member')!)).toEqual([]);
    expect(readItem(doc.getElementById('comment-omar')!).map(view)).toEqual([
      { handle: 'omar-quist', name: 'Omar Quist', followers: undefined, posts: [] },
    ]);
  });

  it('the whole feed page: one sighting per account, each with only its own count', () => {
    const seen = sightings(readAll(own('feed-cards.html')));
    expect(seen.map((s) => [s.handle, s.followers])).toEqual([
      ['lena-hoff-writes', undefined],
      ['omar-quist', undefined],
      ['company/fjordline-media', 12_345],
      ['company/kiln-studio', 2340],
    ]);
  });

  it('people search rows: the row’s name and a count only where it sits on that row', () => {
    const doc = own('search-people.html');
    const page = new URL('https://www.linkedin.com/search/results/people/?keywords=video');
    const row = (id: string) =>
      readItem(feed.itemOf(doc.getElementById(id)!.querySelector('a')!)!, page).map(view);
    expect(row('row-nadia')).toEqual([
      { handle: 'nadia-berg', name: 'Nadia Berg', followers: rounded(12_000), posts: [] },
    ]);
    expect(row('row-tobias')).toEqual([
      { handle: 'tobias-lind', name: 'Tobias Lind', followers: exact(3120), posts: [] },
    ]);
    // "8,450 followers" after Sam Lee's link: not known to be Ivo's, and never Sam's.
    expect(row('row-ivo')).toEqual([
      { handle: 'ivo-marsh', name: 'Ivo Marsh', followers: undefined, posts: [] },
    ]);
    const all = readAll(doc, page);
    expect(all.map((r) => r.handle)).toEqual(['nadia-berg', 'tobias-lind', 'ivo-marsh']);
  });

  it('people search rows of no one (out of network, a member id) give nothing', () => {
    const doc = own('search-people.html');
    for (const id of ['row-member', 'row-dana']) {
      expect(readItem(doc.getElementById(id)!), id).toEqual([]);
    }
  });

  it('"People also viewed": each row’s name, its count only when on that row', () => {
    const doc = own('profile-aside.html');
    const page = new URL('https://www.linkedin.com/in/kai-moreno/');
    expect(readAll(doc, page).map(view)).toEqual([
      { handle: 'hanna-sky', name: 'Hanna Sky', followers: undefined, posts: [] },
      { handle: 'ola-brenner', name: 'Ola Brenner', followers: exact(24_500), posts: [] },
      { handle: 'ben-ek', name: 'Ben Ek', followers: undefined, posts: [] },
    ]);
  });

  it('"People also viewed" on guest and hashed pages: the name from its heading, never the row’s text', () => {
    const guest = own('guest-profile.html');
    const page = new URL('https://www.linkedin.com/in/mara-lindqvist/');
    expect(readAll(guest, page).map(view)).toEqual([
      { handle: 'jon-berg', name: 'Jon Berg', followers: exact(8120), posts: [] },
    ]);
    const hashed = own('loggedin-profile-hashed.html');
    const jon = readAll(hashed, page).filter((r) => r.handle === 'jon-berg');
    expect(jon.map(view)).toEqual([
      { handle: 'jon-berg', name: 'Jon Berg', followers: exact(8120), posts: [] },
    ]);
  });

  it('gives nothing, and never throws, for items of no one', () => {
    const doc = parseDoc(`<html><body>
      <code><div id="hidden" data-urn="urn:li:activity:7339547138460632672"><a href="/in/x-y/">X</a> <time>1d</time><span>9 followers</span></div></code>
      <div id="empty"></div><li id="bare"><a href="/in/">nobody</a><span>12 followers</span></li>
    </body></html>`);
    for (const id of ['hidden', 'empty', 'bare']) {
      expect(readItem(doc.getElementById(id)!), id).toEqual([]);
    }
    const detached = doc.createElement('div');
    detached.innerHTML = '<a href="/in/x-y/">X</a>';
    expect(() => readItem(detached)).not.toThrow();
  });
});

// ─── The real reshare capture ───────────────────────────────────────────────────────────────────

const RESHARE =
  'public-post-reshare_2026-06_tarapowers_resharing-inscape-publishing_d_public_post.html';
const RESHARE_URL = new URL(
  'https://www.linkedin.com/posts/tarapowers_looking-for-a-tool-that-builds-relationships-activity-7463608443963318272-2kSA',
);

describeCaptures('the real reshare page through the feed side', SHARED_LINKEDIN, () => {
  const doc = () => parseDoc(readText(SHARED_LINKEDIN, RESHARE));

  it('has three items: her card, the reshared company post inside it, her author card', () => {
    const items = itemsOf(doc(), RESHARE_URL);
    expect(items.map((i) => readItem(i, RESHARE_URL, NOW).map((r) => r.handle))).toEqual([
      ['tarapowers', 'company/inscape-publishing'],
      ['company/inscape-publishing'],
      ['tarapowers'],
    ]);
  });

  it('gives tarapowers her 9,143 and company/inscape-publishing its 29,754, never hers', () => {
    const readings = readAll(doc(), RESHARE_URL, NOW);
    for (const r of readings) {
      if (r.counts.followers?.value === 29_754) expect(r.handle).toBe('company/inscape-publishing');
      if (r.handle === 'tarapowers') expect(r.counts.followers?.value ?? 9143).toBe(9143);
    }
    const seen = sightings(readings, NOW);
    expect(seen.map((s) => [s.handle, s.followers])).toEqual([
      ['tarapowers', 9143],
      ['company/inscape-publishing', 29_754],
    ]);
    expect(sightingOf(seen, 'tarapowers')?.recentPosts.map((p) => p.id)).toEqual([
      '7463608443963318272',
    ]);
  });
});
