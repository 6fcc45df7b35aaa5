import { describe, expect, it } from 'vitest';
import { readingsAbout } from '../../../lib/extract/merge';
import type { Reading } from '../../../lib/extract/reading';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../../lib/model';
import {
  extractTexts,
  fixtureFiles,
  guessProfileUrl,
  OWN_TIKTOK,
  parseDoc,
  readingsOf,
  readText,
  SHARED_TIKTOK,
  tiktok,
} from './load';
import { TIKTOK_SOURCES } from '../../../lib/platforms/tiktok/sources';
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

// Bad input is normal input: every capture and fixture, damaged in the ways pages and bodies get
// damaged (cut short, keys gone, types changed, huge strings, absurd nesting), must never throw and
// never show a number as 'exact' that the undamaged file does not say exactly. Deterministic: each
// file's damage comes from a PRNG seeded with the file's name.

/** The JSON islands of a page: where each JSON text starts and ends in the HTML. */
function islandSpans(html: string): [number, number][] {
  const spans: [number, number][] = [];
  const script = /<script[^>]*>([\s\S]*?)<\/script>/g;
  for (let m = script.exec(html); m; m = script.exec(html)) {
    const start = m.index + m[0].indexOf('>') + 1;
    const body = m[1] ?? '';
    try {
      JSON.parse(body);
      spans.push([start, start + body.length]);
      continue;
    } catch {
      // not a JSON script: look for window['X']= assignments
    }
    const assign = /window\[['"][\w$]+['"]\]=/g;
    for (let a = assign.exec(body); a; a = assign.exec(body)) {
      const from = a.index + a[0].length;
      let depth = 0;
      let inString = false;
      for (let i = from; i < body.length; i++) {
        const c = body[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if ((c === '}' || c === ']') && --depth === 0) {
          spans.push([start + from, start + i + 1]);
          break;
        }
      }
    }
  }
  return spans;
}

const JUNK_COUNTS = ['', 'NaN', '-5', '1e999', '∞', '9'.repeat(400), '<b>', '12abc', '٣٫٤'];

/** One mutation of an HTML page: its text, one of its islands, or its visible counts. */
function mutateHtml(rng: Rng, html: string): string {
  const kind = pick(rng, [
    'truncate',
    'island',
    'island',
    'island',
    'counts',
    'huge-text',
  ] as const);
  if (kind === 'truncate') return html.slice(0, Math.floor(rng() * html.length));
  if (kind === 'counts') {
    return html.replace(/(data-e2e="[\w-]*count[\w-]*"[^>]*>)([^<]*)</g, (_m, open: string) => {
      return `${open}${pick(rng, JUNK_COUNTS)}<`;
    });
  }
  if (kind === 'huge-text') {
    const at = html.indexOf('<body>') + 6;
    return `${html.slice(0, at)}<p data-e2e="user-bio">${'x'.repeat(300_000)}</p>${html.slice(at)}`;
  }
  const spans = islandSpans(html);
  if (!spans.length) return html.slice(0, Math.floor(rng() * html.length));
  const [from, to] = pick(rng, spans);
  const mutated = damageJson(rng, JSON.parse(html.slice(from, to)));
  return html.slice(0, from) + mutated + html.slice(to);
}

/** What the undamaged file says exactly about its account: field → values, post id → field → values. */
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
    for (const post of r.posts) {
      const fields = truth.posts.get(post.id) ?? new Map<string, Set<number>>();
      for (const [field, c] of Object.entries(post.counts)) {
        if (c?.precision === 'exact') add(fields, field, c.value);
      }
      truth.posts.set(post.id, fields);
    }
  }
  return truth;
}

/** Every 'exact' number in the snapshot is one the undamaged file states exactly. */
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
    for (const [field, precision] of Object.entries(post.precision ?? {})) {
      if (precision !== 'exact') continue;
      const value = post[field as keyof typeof post] as number;
      expect(known?.get(field)?.has(value), `${label}: post ${post.id} ${field} ${value}`).toBe(
        true,
      );
    }
  }
}

const INPUTS = [
  ...fixtureFiles(SHARED_TIKTOK).map((f) => ({ dir: SHARED_TIKTOK, file: f, own: false })),
  ...fixtureFiles(OWN_TIKTOK).map((f) => ({ dir: OWN_TIKTOK, file: f, own: true })),
];

/** The page URL each own fixture is read at (others: the account the file is about). */
const OWN_URLS: Record<string, string> = {
  'login-wall.html': 'https://www.tiktok.com/@nadia.draws',
  'not-found.html': 'https://www.tiktok.com/@gone.account',
  'api-user-detail-banned.json': 'https://www.tiktok.com/@gone.account',
  'api-item-list-private.json': 'https://www.tiktok.com/@pia.private',
  'foryou.html': 'https://www.tiktok.com/@nadia.draws',
  'video-page.html': 'https://www.tiktok.com/@juno.sings/video/7497343015539092977',
};

const RUNS = 40;

describe('damaged TikTok pages and bodies', () => {
  it('has real captures and own fixtures to damage', () => {
    expect(INPUTS.filter((i) => i.own).length).toBeGreaterThanOrEqual(10);
  });

  it.each(INPUTS.map((i) => [i.file, i] as const))(
    '%s: never throws, never a wrong exact',
    (_f, input) => {
      const text = readText(input.dir, input.file);
      const href = OWN_URLS[input.file] ?? guessProfileUrl(text);
      const url = new URL(href);
      const baseline = extractTexts([text], href);
      const handle = baseline.ok ? baseline.snapshot.handle : (tiktok.match(url)?.handle ?? '');
      const truth = truthOf(readingsOf(text, url), handle);
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
          result = extractTexts([damaged], href);
        }, label).not.toThrow();
        if (!result?.ok) continue;
        expect(ProfileSnapshotSchema.safeParse(result.snapshot).success, label).toBe(true);
        checkAgainstTruth(result.snapshot, truth, label);
      }
    },
  );
});

/** The DOM readers' scopes: the profile header's and the grid's `data-e2e` elements, and links. */
const SCOPES = '[data-e2e], main, header, a[href]';

/** The readings taken from the page's own text (not from the JSON it carries). */
const PAGE_SOURCES: ReadonlySet<string> = new Set([TIKTOK_SOURCES.dom, TIKTOK_SOURCES.meta]);

const PAGE_INPUTS = INPUTS.filter((i) => i.file.endsWith('.html'));

/** The page a file is read at, and what the undamaged file states exactly. */
function setUp(input: (typeof INPUTS)[number]) {
  const text = readText(input.dir, input.file);
  const href = OWN_URLS[input.file] ?? guessProfileUrl(text);
  const url = new URL(href);
  const baseline = extractTexts([text], href);
  const handle = baseline.ok ? baseline.snapshot.handle : (tiktok.match(url)?.handle ?? '');
  const readings = readingsOf(text, url);
  return { text, href, url, readings, truth: truthOf(readings, handle) };
}

describe('TikTok pages with unknown unit words after their counts, in 22 languages', () => {
  it('meets exact counts in the undamaged pages, so that the damage takes something away', () => {
    const exact = PAGE_INPUTS.flatMap((i) => exactCountsFrom(setUp(i).readings, PAGE_SOURCES));
    expect(exact.length).toBeGreaterThan(0);
  });

  it.each(PAGE_INPUTS.map((i) => [i.file, i] as const))(
    '%s: no count before an unknown unit is exact',
    { timeout: 60_000 },
    (_file, input) => {
      const { text, href, url, truth } = setUp(input);
      const rng = seeded(seedOf(`units ${input.file}`));
      for (const locale of COUNT_LOCALES) {
        const label = `${input.file} in ${locale}`;
        const damaged = withUnknownUnits(rng, text, locale);
        let readings: Reading[] = [];
        expect(() => (readings = readingsOf(damaged, url)), label).not.toThrow();
        expect(exactCountsFrom(readings, PAGE_SOURCES), label).toEqual([]);
        const result = extractTexts([damaged], href);
        if (result.ok) checkAgainstTruth(result.snapshot, truth, label);
      }
    },
  );
});

describe('TikTok pages nested thousands deep around and inside what the DOM readers read', () => {
  it.each(PAGE_INPUTS.map((i) => [i.file, i] as const))(
    '%s: never throws, never a wrong exact, never a post by someone else',
    { timeout: 60_000 },
    (_file, input) => {
      const { text, href, truth } = setUp(input);
      for (const { damaged, label } of deepNestings(input.file, text, SCOPES)) {
        let result: ReturnType<typeof extractTexts> | undefined;
        expect(() => (result = extractTexts([damaged], href)), label).not.toThrow();
        if (result?.ok) checkAgainstTruth(result.snapshot, truth, label);
      }
    },
  );

  // Counted DOM work, not time: nesting twice as deep may cost twice as much, not four times.
  const LINEAR = ['dom-only-profile.html', 'profile-universal-2025.html', 'login-wall.html'];
  it.each(LINEAR.flatMap((file) => (['around', 'inside'] as const).map((p) => [file, p] as const)))(
    '%s nested %s: the DOM readers’ work grows linearly with the depth',
    (file, place: NestingPlace) => {
      const input = INPUTS.find((i) => i.file === file && i.own)!;
      const { text, url } = setUp(input);
      const work = (depth: number) => {
        const html = depth
          ? withDeepNesting(seeded(seedOf(file)), text, SCOPES, { depth, place, count: 6 })
          : text;
        const doc = parseDoc(html);
        return countDomWork(doc, () => tiktok.collectDocument!(doc, url, 0)).work;
      };
      expectLinearInDepth(work);
    },
  );
});
