import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingsAbout } from '../../../lib/extract/merge';
import type { Reading } from '../../../lib/extract/reading';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../../lib/model';
import { parseJsonDocuments } from '../../../lib/parsing/json-documents';
import type { ExtractResult } from '../../../lib/platforms/types';
import { INSTAGRAM_SOURCES } from '../../../lib/platforms/instagram/sources';
import {
  COUNT_LOCALES,
  countDomWork,
  damageHtml,
  damageJson,
  exactCountsFrom,
  mapJsonSpans,
  seeded,
  seedOf,
  deepNestings,
  expectLinearInDepth,
  withDeepNesting,
  withoutKeys,
  withUnknownUnits,
  type NestingPlace,
  type Rng,
} from '../damage';
import {
  extractTexts,
  fixtureFiles,
  IG,
  instagram,
  OWN_INSTAGRAM,
  parseDoc,
  readingsOf,
  readText,
  SHARED_INSTAGRAM,
} from './load';

// Bad input is normal input: every real capture and own fixture, damaged many ways, must never
// throw, must give a valid snapshot or a problem, and must never show an 'exact' number that the
// undamaged file does not state exactly for that account (or post).

/** The page each file is read at. */
const URLS: Record<string, string> = {
  'instagram-profile-sharedData-_tanshio_-2021-04.html': `${IG}/_tanshio_/`,
  'instagram-web_profile_info-adrianhorning-2025-01.json': `${IG}/adrianhorning/`,
  'instagram-web_profile_info-flattened-anasaiaofficial-2024-02.json': `${IG}/anasaiaofficial/`,
  'instagram-xdt-user-timeline-graphql-anasaiaofficial-2024-02-EXCERPT.json': `${IG}/anasaiaofficial/`,
  'instagram-api-v1-users-info-natgeo-via-hikerapi-2026-04.json': `${IG}/natgeo/`,
  'a1-profile-2020.json': `${IG}/ole.bakes/`,
  'api-media-info-other-creator.json': `${IG}/cora.copies/`,
  'post-page-collab.html': `${IG}/p/C9cCollab01/`,
  'feed-user-mira-loops.json': `${IG}/mira.loops/`,
  'header-only-profile.html': `${IG}/mira.loops/`,
  'login-wall.html': `${IG}/mira.loops/`,
  'meta-de.html': `${IG}/jonas.kaltbach/`,
  'meta-fr.html': `${IG}/lea.montagne/`,
  'meta-es.html': `${IG}/lucia.serrano/`,
  'meta-ja.html': `${IG}/hiyori.morikawa/`,
  'web-profile-info-zero-posts.json': `${IG}/noor.fresh/`,
  'meta-only-logged-out.html': `${IG}/kai.summit/`,
  'not-found-2021.html': `${IG}/gone.account/`,
  'post-page-2021.html': `${IG}/p/CNz1Image21/`,
  'profile-content-viewer-mixed.json': `${IG}/mira.loops/`,
  'reel-page-2024.html': `${IG}/reel/C9bReelX7k2/`,
  'shared-data-2021.html': `${IG}/ole.bakes/`,
  'timeline-xdt-mira-loops.json': `${IG}/mira.loops/`,
  'timeline-xdt-streamed-mira-loops.txt': `${IG}/mira.loops/`,
  'web-profile-info-hidden-counts.json': `${IG}/nils.still/`,
  'web-profile-info-login-required.json': `${IG}/mira.loops/`,
  'web-profile-info-mira-loops.json': `${IG}/mira.loops/`,
  'web-profile-info-not-found.json': `${IG}/gone.account/`,
  'web-profile-info-private.json': `${IG}/pia.private/`,
  // Feeds, search and grids, read at the profile of one of the accounts they list.
  'users-info-oda-rows.json': `${IG}/oda.rows/`,
  'topsearch-hiking.json': `${IG}/alpine.ana/`,
  'topsearch-de-wandern.json': `${IG}/berg.bea/`,
  'search-box-graphql.json': `${IG}/mira.loops/`,
  'explore-grid-web.json': `${IG}/fjord.films/`,
  'feed-timeline-home.json': `${IG}/fjord.films/`,
  'clips-home.json': `${IG}/ole.bakes/`,
  'clips-user-graphql-streamed-mira-loops.txt': `${IG}/mira.loops/`,
  // Comment pages: read at the post they are on (they say nothing about any account).
  'api-media-comments-mira-loops.json': `${IG}/p/C8tA9bXyZ3w/`,
  'api-media-child-comments-mira-loops.json': `${IG}/p/C8tA9bXyZ3w/`,
  'api-media-comments-truncated-mira-loops.txt': `${IG}/p/C8tA9bXyZ3w/`,
  'api-media-comments-hostile.json': `${IG}/p/C8tA9bXyZ3w/`,
  'api-media-comments-hidden-likes-nils-still.json': `${IG}/p/C8uHid0001a/`,
  'graphql-post-comments-ines-bloom.json': `${IG}/p/DBq7inesFlw/`,
  'post-page-comments-ines-bloom.html': `${IG}/p/DBq7inesFlw/`,
  'graphql-comments-ole-bakes-2021.json': `${IG}/p/CNz1Image21/`,
};

/**
 * Keys whose absence legitimately changes what a file says: a preferred count whose fallback
 * holds another number (play_count → ig_play_count), a hidden-counts flag (without it the payload's
 * like_count is shown), an owner (without it a timeline's post is the timeline's), privacy.
 */
const ALTERNATIVES = [
  'ig_play_count',
  'play_count',
  'video_view_count',
  'like_count',
  'edge_liked_by',
  'comment_count',
  'edge_media_to_comment',
  'like_and_view_counts_disabled',
  'hide_like_and_view_counts',
  'owner',
  'user',
  'is_private',
  'title',
];

type Truth = { counts: Map<string, Set<number>>; posts: Map<string, Map<string, Set<number>>> };

const isHtml = (text: string) => !/^\s*[{[]/.test(text);

/** The file with one kind of key removed everywhere (in an HTML page: in its JSON documents). */
function withoutKey(text: string, key: string): string {
  if (key === 'title') return text.replace(/\stitle="[^"]*"/g, '');
  const drop = (json: unknown) => JSON.stringify(withoutKeys(json, new Set([key])));
  if (isHtml(text)) return mapJsonSpans(text, drop);
  return parseJsonDocuments(text).map(drop).join('\n');
}

/** Every exact number the file (or a version without one alternative key) states about `handle`. */
function truthOf(text: string, url: URL, handle: string): Truth {
  const truth: Truth = { counts: new Map(), posts: new Map() };
  const add = (map: Map<string, Set<number>>, field: string, value: number) =>
    map.set(field, (map.get(field) ?? new Set()).add(value));
  const variants = [text, ...ALTERNATIVES.map((key) => withoutKey(text, key))];
  for (const readings of variants.map((v) => readingsOf(v, url))) {
    for (const r of readingsAbout(handle, readings as Reading[])) {
      for (const [field, c] of Object.entries(r.counts)) {
        if (c?.precision === 'exact') add(truth.counts, field, c.value);
      }
      for (const post of r.posts) {
        const fields = truth.posts.get(post.id) ?? new Map<string, Set<number>>();
        for (const [field, c] of Object.entries(post.counts)) {
          if (c?.precision === 'exact') add(fields, field, c.value);
        }
        truth.posts.set(post.id, fields);
      }
    }
  }
  return truth;
}

function checkExacts(s: ProfileSnapshot, truth: Truth, label: string): void {
  for (const [field, precision] of Object.entries(s.precision)) {
    if (precision !== 'exact') continue;
    const value = s[field as keyof ProfileSnapshot] as number;
    expect(truth.counts.get(field)?.has(value), `${label}: ${field} ${value} as exact`).toBe(true);
  }
  for (const post of s.recentPosts) {
    const known = truth.posts.get(post.id);
    expect(known, `${label}: post ${post.id} is not the creator's`).toBeDefined();
    for (const [field, precision] of Object.entries(post.precision ?? {})) {
      if (precision !== 'exact') continue;
      const value = post[field as keyof typeof post] as number;
      expect(known?.get(field)?.has(value), `${label}: ${post.id} ${field} ${value}`).toBe(true);
    }
  }
}

/** One damaged version of a file. */
function damage(rng: Rng, text: string): string {
  if (isHtml(text)) return damageHtml(rng, text);
  if (rng() < 0.15) return text.slice(0, Math.floor(rng() * text.length));
  const docs = parseJsonDocuments(text);
  const i = Math.floor(rng() * docs.length);
  return docs.map((d, k) => (k === i ? damageJson(rng, d) : JSON.stringify(d))).join('\n');
}

const INPUTS = [
  ...fixtureFiles(SHARED_INSTAGRAM).map((file) => ({ dir: SHARED_INSTAGRAM, file })),
  ...fixtureFiles(OWN_INSTAGRAM).map((file) => ({ dir: OWN_INSTAGRAM, file })),
];

const RUNS = 40;

describe('damaged Instagram pages and bodies', () => {
  it('knows the page of every file it damages', () => {
    expect(INPUTS.length).toBeGreaterThanOrEqual(15);
    for (const { file } of INPUTS) expect(URLS[file], file).toBeDefined();
  });

  it.each(INPUTS.map((input) => [input.file, input] as const))(
    '%s: never throws, never a wrong exact number',
    (_name, { dir, file }) => {
      const text = readText(dir, file);
      const href = URLS[file] ?? `${IG}/nobody/`;
      const url = new URL(href);
      const baseline = extractTexts([text], href);
      const handle = baseline.ok ? baseline.snapshot.handle : '';
      const truth = truthOf(text, url, handle);
      const rng = seeded(seedOf(file));
      for (let run = 0; run < RUNS; run++) {
        const label = `${file} #${run}`;
        const damaged = damage(rng, text);
        let result: ExtractResult | undefined;
        expect(() => (result = extractTexts([damaged], href)), label).not.toThrow();
        expect(() => instagram.extract({ url, now: 0, bodies: [] }), label).not.toThrow();
        if (!result?.ok) continue;
        expect(ProfileSnapshotSchema.safeParse(result.snapshot).success, label).toBe(true);
        if (baseline.ok) expect(result.snapshot.handle, label).toBe(handle);
        checkExacts(result.snapshot, truth, label);
      }
    },
  );
});

/** The DOM readers' scopes: the profile header, its list of counts and their exact titles. */
const SCOPES = 'main, header, header ul, header li, [title], a[href]';

/** The readings taken from the page's own text (not from the JSON it carries). */
const PAGE_SOURCES: ReadonlySet<string> = new Set([INSTAGRAM_SOURCES.dom, INSTAGRAM_SOURCES.meta]);

const PAGE_INPUTS = INPUTS.filter(({ file }) => file.endsWith('.html'));

/** Scout's demo Instagram pages (`npm start`), with a rendered profile header. */
const DEMO_INSTAGRAM = join(OWN_INSTAGRAM, '../pages/instagram');

/** The page a file is read at, and what the undamaged file states exactly. */
function setUp({ dir, file }: (typeof INPUTS)[number]) {
  const text = readText(dir, file);
  const href = URLS[file] ?? `${IG}/nobody/`;
  const url = new URL(href);
  const baseline = extractTexts([text], href);
  const handle = baseline.ok ? baseline.snapshot.handle : '';
  return { text, href, url, baseline, handle, truth: truthOf(text, url, handle) };
}

describe('Instagram pages with unknown unit words after their counts, in 22 languages', () => {
  it('meets exact counts in the undamaged pages, so that the damage takes something away', () => {
    const exact = PAGE_INPUTS.flatMap((i) => {
      const { text, url } = setUp(i);
      return exactCountsFrom(readingsOf(text, url) as Reading[], PAGE_SOURCES);
    });
    expect(exact.length).toBeGreaterThan(3);
  });

  it.each(PAGE_INPUTS.map((input) => [input.file, input] as const))(
    '%s: no count before an unknown unit is exact',
    { timeout: 60_000 },
    (_name, input) => {
      const { text, href, url, baseline, handle, truth } = setUp(input);
      const rng = seeded(seedOf(`units ${input.file}`));
      for (const locale of COUNT_LOCALES) {
        const label = `${input.file} in ${locale}`;
        const damaged = withUnknownUnits(rng, text, locale);
        let readings: Reading[] = [];
        expect(() => (readings = readingsOf(damaged, url) as Reading[]), label).not.toThrow();
        expect(exactCountsFrom(readings, PAGE_SOURCES), label).toEqual([]);
        const result = extractTexts([damaged], href);
        if (!result.ok) continue;
        if (baseline.ok) expect(result.snapshot.handle, label).toBe(handle);
        checkExacts(result.snapshot, truth, label);
      }
    },
  );
});

describe('Instagram pages nested thousands deep around and inside what the DOM readers read', () => {
  it.each(PAGE_INPUTS.map((input) => [input.file, input] as const))(
    '%s: never throws, never a wrong exact, never a post by someone else',
    { timeout: 60_000 },
    (_name, input) => {
      const { text, href, baseline, handle, truth } = setUp(input);
      for (const { damaged, label } of deepNestings(input.file, text, SCOPES)) {
        let result: ExtractResult | undefined;
        expect(() => (result = extractTexts([damaged], href)), label).not.toThrow();
        if (!result?.ok) continue;
        if (baseline.ok) expect(result.snapshot.handle, label).toBe(handle);
        checkExacts(result.snapshot, truth, label);
      }
    },
  );

  // Counted DOM work, not time: nesting twice as deep may cost twice as much, not four times.
  const LINEAR = [
    [OWN_INSTAGRAM, 'header-only-profile.html', `${IG}/mira.loops/`],
    [DEMO_INSTAGRAM, 'profile-lena-trails.html', `${IG}/lena.trails/`],
  ] as const;
  const CASES = LINEAR.flatMap(([dir, file, href]) =>
    (['around', 'inside'] as const).map((place) => [file, place, dir, href] as const),
  );
  it.each(CASES)(
    '%s nested %s: the DOM readers’ work grows linearly with the depth',
    (file, place: NestingPlace, dir, href) => {
      const text = readText(dir, file);
      const url = new URL(href);
      const work = (depth: number) => {
        const html = depth
          ? withDeepNesting(seeded(seedOf(file)), text, SCOPES, { depth, place, count: 6 })
          : text;
        const doc = parseDoc(html);
        return countDomWork(doc, () => instagram.collectDocument!(doc, url, 0)).work;
      };
      expectLinearInDepth(work);
    },
  );
});
