import { describe, expect, it } from 'vitest';
import { readingsAbout } from '../../../lib/extract/merge';
import type { Reading } from '../../../lib/extract/reading';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../../lib/model';
import {
  extractTexts,
  fixtureFiles,
  linkedin,
  NOW,
  OWN_LINKEDIN,
  OWN_NOW,
  parseDoc,
  readingsOf,
  readText,
  SHARED_LINKEDIN,
} from './load';
import { linkedinFeed } from '../../../lib/platforms/linkedin/feed';
import { LINKEDIN_SOURCES } from '../../../lib/platforms/linkedin/sources';
import {
  choose as pick,
  COUNT_LOCALES,
  countDomWork,
  damageJson,
  exactCountsFrom,
  seeded,
  seedOf,
  deepNestings,
  expectLinearInDepth,
  withDeepNesting,
  withUnknownUnits,
  type NestingPlace,
  type Rng,
} from '../damage';

// Bad input is normal input: every capture and own fixture, damaged the ways pages and bodies get
// damaged (elements gone or unwrapped, attributes and class names changed, cut short, JSON keys
// gone, types changed, huge strings, absurd nesting), must never throw and never show a number as
// 'exact' that the undamaged file does not state exactly, nor a post that is not the creator's.
// Deterministic: each file's damage comes from a PRNG seeded with the file's name.

const JUNK = ['', 'NaN', '-5 followers', '1e999 reactions', '∞', '9'.repeat(400), '12abc comments'];

/**
 * One mutation of an HTML page, on its DOM: an element removed or unwrapped, attributes dropped,
 * every class name re-hashed, a text replaced by junk, a JSON island damaged, or the page cut
 * after a tag (a half-streamed page).
 */
function mutateHtml(rng: Rng, html: string): string {
  const kind = pick(rng, [
    'remove',
    'remove',
    'unwrap',
    'attribute',
    'classes',
    'junk',
    'island',
    'cut',
  ] as const);
  if (kind === 'cut') {
    const ends = [...html.matchAll(/>/g)].map((m) => m.index + 1);
    return html.slice(0, pick(rng, ends.length ? ends : [0]));
  }
  const doc = parseDoc(html);
  const elements = [...doc.querySelectorAll('*')].filter(
    (e) => !['HTML', 'HEAD', 'BODY'].includes(e.tagName.toUpperCase()),
  );
  if (kind === 'classes') {
    for (const e of elements) {
      if (e.hasAttribute('class')) e.setAttribute('class', Math.floor(rng() * 1e12).toString(36));
    }
  } else if (kind === 'island') {
    // Once per run: a damaged island is not damaged again (its nesting may be absurd by now).
    const islands = [...doc.querySelectorAll('script[type="application/ld+json"], code')];
    const island = islands.length ? pick(rng, islands) : undefined;
    try {
      // Strings stay smaller than in bodies: the test's HTML parser, not Scout, is slow on them.
      if (island)
        island.textContent = damageJson(rng, JSON.parse(island.textContent ?? ''), {
          huge: 20_000,
        });
    } catch {
      // not JSON (an empty <code>): nothing to damage
    }
  }
  for (let n = 1 + Math.floor(rng() * 3); n > 0 && elements.length; n--) {
    const el = pick(rng, elements);
    if (kind === 'remove') el.remove();
    else if (kind === 'unwrap') el.replaceWith(...el.childNodes);
    else if (kind === 'attribute') {
      const names = el.getAttributeNames();
      if (names.length) el.removeAttribute(pick(rng, names));
    } else if (kind === 'junk' && !el.children.length) el.textContent = pick(rng, JUNK);
  }
  return doc.toString();
}

/** What the undamaged file states exactly: profile fields, and per post of the creator's. */
interface Truth {
  handle: string;
  counts: Map<string, Set<number>>;
  posts: Map<string, Map<string, Set<number>>>;
}

function truthOf(readings: readonly Reading[], handle: string): Truth {
  const truth: Truth = { handle, counts: new Map(), posts: new Map() };
  const add = (map: Map<string, Set<number>>, field: string, value: number) =>
    map.set(field, (map.get(field) ?? new Set()).add(value));
  for (const r of readingsAbout(handle, readings)) {
    for (const [field, c] of Object.entries(r.counts)) {
      if (c?.precision === 'exact') add(truth.counts, field, c.value);
    }
    for (const post of r.posts) truth.posts.set(post.id, truth.posts.get(post.id) ?? new Map());
  }
  // A post's exact counts may come from any payload that names the post (author-less ones too).
  for (const r of readings) {
    if (r.handle !== undefined && r.handle !== handle) continue;
    for (const post of r.posts) {
      const fields = truth.posts.get(post.id);
      if (!fields) continue;
      for (const [field, c] of Object.entries(post.counts)) {
        if (c?.precision === 'exact') add(fields, field, c.value);
      }
    }
  }
  return truth;
}

function checkAgainstTruth(snapshot: ProfileSnapshot, truth: Truth, label: string): void {
  expect(snapshot.handle, label).toBe(truth.handle);
  for (const [field, precision] of Object.entries(snapshot.precision)) {
    if (precision !== 'exact') continue;
    const value = snapshot[field as keyof ProfileSnapshot] as number;
    expect(truth.counts.get(field)?.has(value), `${label}: ${field} ${value} exact`).toBe(true);
  }
  for (const post of snapshot.recentPosts) {
    const known = truth.posts.get(post.id);
    expect(known, `${label}: post ${post.id} is not the creator's`).toBeDefined();
    expect(post.views, `${label}: views`).toBeUndefined();
    for (const [field, precision] of Object.entries(post.precision ?? {})) {
      if (precision !== 'exact') continue;
      const value = post[field as keyof typeof post] as number;
      expect(known?.get(field)?.has(value), `${label}: post ${post.id} ${field} ${value}`).toBe(
        true,
      );
    }
  }
}

/** The page each file is read at, and for bodies the request they answered. */
const PAGES: Record<string, { url: string; request?: string }> = {
  'public-profile_2023-04_dulithawijewantha_public_profile_v3_excerpt.html': {
    url: 'https://sg.linkedin.com/in/dulithawijewantha',
  },
  'public-profile_2025_jasonagxie_jsonld-only.html': {
    url: 'https://www.linkedin.com/in/jasonagxie',
  },
  'public-post_2025-03_honzajavorek_d_public_post_excerpt.html': {
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7300443605666545664/',
  },
  'company-page-guest_c2021_24i_metatags-via-google-cse.json': {
    url: 'https://www.linkedin.com/company/24i/',
  },
  'profile-loggedin_2021-07_ru-locale_alexandr-tretiakov_bpr-guid-codeblocks_excerpt.html': {
    url: 'https://www.linkedin.com/in/alexandr-tretiakov-ba831051/',
  },
  'activity-loggedin_2024-09_comments-tab_fragment.html': {
    url: 'https://www.linkedin.com/in/pabloborda/recent-activity/comments/',
  },
  'voyager-feed-updatesV2_2023-05_normalized-json_excerpt.json': {
    url: 'https://www.linkedin.com/in/someone/recent-activity/all/',
    request: 'https://www.linkedin.com/voyager/api/feed/updatesV2?q=feed',
  },
  'guest-profile.html': { url: 'https://se.linkedin.com/in/mara-lindqvist' },
  'loggedin-profile-hashed.html': { url: 'https://www.linkedin.com/in/mara-lindqvist/' },
  'creator-mode-profile.html': { url: 'https://www.linkedin.com/in/tomas-oyelaran/' },
  'profile-de.html': { url: 'https://de.linkedin.com/in/jonas-weber-b2b/' },
  'profile-ru.html': { url: 'https://ru.linkedin.com/in/alisa-morozova/' },
  'activity-all.html': { url: 'https://www.linkedin.com/in/mara-lindqvist/recent-activity/all/' },
  'company-page.html': { url: 'https://www.linkedin.com/company/nordlys-analytics/' },
  'post-person.html': {
    url: 'https://se.linkedin.com/posts/mara-lindqvist_pricing-annual-plans-activity-7335209808694267620-Ab1c',
  },
  'post-company.html': {
    url: 'https://www.linkedin.com/posts/nordlys-analytics_pricing-index-activity-7336773864653286530-Zz9q',
  },
  'post-reshare.html': {
    url: 'https://www.linkedin.com/posts/elin-sand_onboarding-that-sticks-activity-7338112686490834567-Qx2w',
  },
  'jsonld-zero-visible.html': { url: 'https://www.linkedin.com/in/ines-duarte/' },
  'rounded-vs-jsonld.html': { url: 'https://www.linkedin.com/in/tom-achebe/' },
  'authwall.html': { url: 'https://www.linkedin.com/in/mara-lindqvist/' },
  'voyager-profile-updates.json': {
    url: 'https://www.linkedin.com/in/mara-lindqvist/recent-activity/all/',
    request: 'https://www.linkedin.com/voyager/api/identity/profileUpdatesV2?q=memberShareFeed',
  },
  'voyager-social-counts.json': {
    url: 'https://www.linkedin.com/in/mara-lindqvist/recent-activity/all/',
    request: 'https://www.linkedin.com/voyager/api/feed/updatesV2?q=feed',
  },
  'voyager-networkinfo.json': {
    url: 'https://www.linkedin.com/in/mara-lindqvist/',
    request: 'https://www.linkedin.com/voyager/api/identity/profiles/mara-lindqvist/networkinfo',
  },
  'voyager-dash-profile.json': {
    url: 'https://www.linkedin.com/in/mara-lindqvist/',
    request: 'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerIdentityDashProfiles.1',
  },
  'voyager-me.json': {
    url: 'https://www.linkedin.com/in/viewer-person/',
    request: 'https://www.linkedin.com/voyager/api/me',
  },
  // The feed pages and bodies: read at the feed, a search, a profile, or at a creator they list.
  'feed-cards.html': { url: 'https://www.linkedin.com/feed/' },
  'search-people.html': { url: 'https://www.linkedin.com/search/results/people/?keywords=video' },
  'profile-aside.html': { url: 'https://www.linkedin.com/in/kai-moreno/' },
  'voyager-feed-updates.json': {
    url: 'https://www.linkedin.com/company/fjordline-media/',
    request: 'https://www.linkedin.com/voyager/api/feed/updatesV2?count=6&q=feed&start=0',
  },
  'voyager-search-clusters.json': {
    url: 'https://www.linkedin.com/in/nadia-berg/',
    request: 'https://www.linkedin.com/voyager/api/search/dash/clusters?q=all&start=0',
  },
  // Comments (comments.test.ts): post pages read at their post, bodies at the post they answer.
  'post-comments-guest.html': {
    url: 'https://pt.linkedin.com/posts/sofia-almeida_onboarding-emails-activity-7336330947199099456-Rt9e',
  },
  'post-comments-reshare.html': {
    url: 'https://www.linkedin.com/posts/ravi-menon_cloud-costs-activity-7338478094674287401-Hq3z',
  },
  'post-comments-loggedin.html': {
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7337863546929806321/',
  },
  'post-comments-sdui.html': {
    url: 'https://www.linkedin.com/posts/sofia-almeida_onboarding-emails-activity-7336330947199099456-Rt9e',
  },
  'activity-comments.html': {
    url: 'https://www.linkedin.com/in/sofia-almeida/recent-activity/all/',
  },
  'voyager-comments-dash.json': {
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7337863546929806321/',
    request:
      'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerSocialDashComments.1&queryName=SocialDashCommentsBySocialDetail',
  },
  'voyager-comments-classic.json': {
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7336330947199099456/',
    request:
      'https://www.linkedin.com/voyager/api/feed/comments?count=10&q=comments&start=10&updateId=activity:7336330947199099456',
  },
  'voyager-company.json': {
    url: 'https://www.linkedin.com/company/nordlys-analytics/',
    request: 'https://www.linkedin.com/voyager/api/organization/companies?q=universalName',
  },
};

const INPUTS = [
  ...fixtureFiles(SHARED_LINKEDIN).map((file) => ({ dir: SHARED_LINKEDIN, file, now: NOW })),
  ...fixtureFiles(OWN_LINKEDIN).map((file) => ({ dir: OWN_LINKEDIN, file, now: OWN_NOW })),
];

const RUNS = 40;

describe('damaged LinkedIn pages and bodies', () => {
  it('has own fixtures to damage, each with the page it is read at', () => {
    const own = fixtureFiles(OWN_LINKEDIN);
    expect(own.length).toBeGreaterThanOrEqual(15);
    for (const file of own) expect(PAGES[file], file).toBeDefined();
  });

  it.each(INPUTS.map((i) => [i.file, i] as const))(
    '%s: never throws, never a wrong exact, never a post by someone else',
    { timeout: 60_000 },
    (_file, input) => {
      const text = readText(input.dir, input.file);
      // Other real captures (Scout is checked against more than PROVENANCE lists) read at a
      // profile URL: the checks hold whatever the page is about.
      const page = PAGES[input.file] ?? { url: 'https://www.linkedin.com/in/someone/' };
      const url = new URL(page.url);
      const files = (t: string) => [page.request ? { text: t, request: page.request } : t];
      const baseline = extractTexts(files(text), page.url, { now: input.now });
      const request = page.request ? new URL(page.request) : undefined;
      const readings = readingsOf(text, url, input.now, request);
      const handle = baseline.ok
        ? baseline.snapshot.handle
        : (linkedin.match(url)?.handle ?? readings.find((r) => r.handle)?.handle ?? '');
      const truth = truthOf(readings, handle);
      const rng = seeded(seedOf(input.file));
      const isJson = input.file.endsWith('.json');
      const json = isJson ? (JSON.parse(text) as unknown) : undefined;

      for (let run = 0; run < RUNS; run++) {
        const damaged = isJson
          ? rng() < 0.15
            ? text.slice(0, Math.floor(rng() * text.length))
            : damageJson(rng, json)
          : mutateHtml(rng, text);
        const label = `${input.file} run ${run}`;
        let result: ReturnType<typeof extractTexts> | undefined;
        expect(() => {
          result = extractTexts(files(damaged), page.url, { now: input.now });
        }, label).not.toThrow();
        if (!result?.ok) continue;
        expect(ProfileSnapshotSchema.safeParse(result.snapshot).success, label).toBe(true);
        checkAgainstTruth(result.snapshot, truth, label);
      }
    },
  );
});

/**
 * The DOM readers' scopes: post cards, the top card's and Activity's sections around the name,
 * and what they read inside (headings, times, list items with counts, links).
 */
const SCOPES =
  '[data-urn], [data-activity-urn], main, section, h1, #content_collections, time, li, a[href], button';

/** The readings taken from the page's own text (not from the JSON it carries). */
const PAGE_SOURCES: ReadonlySet<string> = new Set([LINKEDIN_SOURCES.dom, LINKEDIN_SOURCES.meta]);

const PAGE_INPUTS = INPUTS.filter((i) => i.file.endsWith('.html'));

/** The page a file is read at, and its answer undamaged (truth: what it states exactly). */
function setUp(input: (typeof INPUTS)[number]) {
  const text = readText(input.dir, input.file);
  const page = PAGES[input.file] ?? { url: 'https://www.linkedin.com/in/someone/' };
  const url = new URL(page.url);
  const baseline = extractTexts([text], page.url, { now: input.now });
  const readings = readingsOf(text, url, input.now);
  const handle = baseline.ok
    ? baseline.snapshot.handle
    : (linkedin.match(url)?.handle ?? readings.find((r) => r.handle)?.handle ?? '');
  return { text, page, url, readings, truth: truthOf(readings, handle) };
}

describe('LinkedIn pages with unknown unit words after their counts, in 22 languages', () => {
  it('meets exact counts in the undamaged pages, so that the damage takes something away', () => {
    const exact = PAGE_INPUTS.flatMap((i) => exactCountsFrom(setUp(i).readings, PAGE_SOURCES));
    expect(exact.length).toBeGreaterThan(5);
  });

  it.each(PAGE_INPUTS.map((i) => [i.file, i] as const))(
    '%s: no count before an unknown unit is exact, no post is someone else’s',
    { timeout: 60_000 },
    (_file, input) => {
      const { text, page, url, truth } = setUp(input);
      const rng = seeded(seedOf(`units ${input.file}`));
      for (const locale of COUNT_LOCALES) {
        const label = `${input.file} in ${locale}`;
        const damaged = withUnknownUnits(rng, text, locale);
        let readings: Reading[] = [];
        expect(() => (readings = readingsOf(damaged, url, input.now)), label).not.toThrow();
        expect(exactCountsFrom(readings, PAGE_SOURCES), label).toEqual([]);
        const result = extractTexts([damaged], page.url, { now: input.now });
        if (result.ok) checkAgainstTruth(result.snapshot, truth, label);
      }
    },
  );
});

describe('LinkedIn pages nested thousands deep around and inside what the DOM readers read', () => {
  it.each(PAGE_INPUTS.map((i) => [i.file, i] as const))(
    '%s: never throws, never a wrong exact, never a post by someone else',
    { timeout: 60_000 },
    (_file, input) => {
      const { text, page, truth } = setUp(input);
      for (const { damaged, label } of deepNestings(input.file, text, SCOPES)) {
        let result: ReturnType<typeof extractTexts> | undefined;
        expect(() => {
          result = extractTexts([damaged], page.url, { now: input.now });
        }, label).not.toThrow();
        if (result?.ok) checkAgainstTruth(result.snapshot, truth, label);
      }
    },
  );

  // Counted DOM work, not time: nesting twice as deep may cost twice as much, not four times.
  const LINEAR = [
    'activity-all.html',
    'guest-profile.html',
    'post-person.html',
    'company-page.html',
  ];
  it.each(LINEAR.flatMap((file) => (['around', 'inside'] as const).map((p) => [file, p] as const)))(
    '%s nested %s: the DOM readers’ work grows linearly with the depth',
    (file, place: NestingPlace) => {
      const input = INPUTS.find((i) => i.file === file && i.dir === OWN_LINKEDIN)!;
      const { text, url } = setUp(input);
      const work = (depth: number) => {
        const html = depth
          ? withDeepNesting(seeded(seedOf(file)), text, SCOPES, { depth, place })
          : text;
        const doc = parseDoc(html);
        return countDomWork(doc, () => linkedin.collectDocument!(doc, url, input.now)).work;
      };
      expectLinearInDepth(work);
    },
  );

  it('reads a feed twice as long with twice the work (cards side by side, one parent)', () => {
    const input = INPUTS.find((i) => i.file === 'activity-all.html' && i.dir === OWN_LINKEDIN)!;
    const { text, url } = setUp(input);
    const work = (cards: number) => {
      const doc = parseDoc(text);
      const card = doc.querySelector('[data-urn]')!;
      for (let k = 0; k < cards; k++) {
        const copy = card.cloneNode(true) as Element;
        copy.setAttribute('data-urn', `urn:li:activity:${7300000000000000000 + k}`);
        card.parentNode!.insertBefore(copy, card);
      }
      return countDomWork(doc, () => linkedin.collectDocument!(doc, url, input.now)).work;
    };
    const [flat, once, twice] = [0, 400, 800].map(work) as [number, number, number];
    expect(once - flat).toBeGreaterThanOrEqual(400);
    expect(twice - flat).toBeLessThan(2.5 * (once - flat));
  });
});

/** What the feed side reads from a page: every item around a creator link, read once. */
function feedReadings(doc: Document, url: URL, now: number): Reading[] {
  const items = new Set<Element>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(linkedinFeed.links)) {
    const item = linkedinFeed.creatorOf(link, url) ? linkedinFeed.itemOf(link) : null;
    if (item) items.add(item);
  }
  return [...items].flatMap((item) => linkedinFeed.readItem!(item, url, now));
}

/** Per account, the exact follower counts and the posts the undamaged page's feed side gives it. */
function feedTruth(readings: readonly Reading[]) {
  const truth = new Map<string, { followers: Set<number>; posts: Set<string> }>();
  for (const r of readings) {
    const t = truth.get(r.handle!) ?? { followers: new Set(), posts: new Set() };
    if (r.counts.followers?.precision === 'exact') t.followers.add(r.counts.followers.value);
    for (const p of r.posts) t.posts.add(p.id);
    truth.set(r.handle!, t);
  }
  return truth;
}

const FEED_INPUTS = PAGE_INPUTS.filter((i) =>
  [
    'feed-cards.html',
    'search-people.html',
    'profile-aside.html',
    'post-reshare.html',
    'guest-profile.html',
    'loggedin-profile-hashed.html',
    'public-post-reshare_2026-06_tarapowers_resharing-inscape-publishing_d_public_post.html',
  ].includes(i.file),
);

describe('damaged LinkedIn feed pages, read item by item (the feed side)', () => {
  it('has feed pages to damage', () => {
    expect(FEED_INPUTS.filter((i) => i.dir === OWN_LINKEDIN).length).toBe(6);
  });

  it.each(FEED_INPUTS.map((i) => [i.file, i] as const))(
    '%s: never throws, never an exact count or a post the page does not give that account',
    { timeout: 60_000 },
    (_file, input) => {
      const { text, url } = setUp(input);
      const truth = feedTruth(feedReadings(parseDoc(text), url, input.now));
      expect(truth.size).toBeGreaterThan(0);
      const rng = seeded(seedOf(`feed ${input.file}`));
      for (let run = 0; run < RUNS; run++) {
        const label = `${input.file} run ${run}`;
        const doc = parseDoc(mutateHtml(rng, text));
        let readings: Reading[] = [];
        expect(() => (readings = feedReadings(doc, url, input.now)), label).not.toThrow();
        for (const r of readings) {
          const known = truth.get(r.handle!);
          const followers = r.counts.followers;
          if (followers?.precision === 'exact') {
            expect(
              known?.followers.has(followers.value),
              `${label}: ${r.handle} ${followers.value}`,
            ).toBe(true);
          }
          for (const p of r.posts) {
            expect(known?.posts.has(p.id), `${label}: post ${p.id} given to ${r.handle}`).toBe(
              true,
            );
          }
        }
      }
    },
  );
});
