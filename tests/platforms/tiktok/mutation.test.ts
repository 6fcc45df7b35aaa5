import { describe, expect, it } from 'vitest';
import { readingsAbout } from '../../../lib/extract/merge';
import type { Reading } from '../../../lib/extract/reading';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../../lib/model';
import { tiktok } from '../../../lib/platforms/tiktok';
import {
  extractTexts,
  fixtureFiles,
  guessProfileUrl,
  OWN_TIKTOK,
  readingsOf,
  readText,
  SHARED_TIKTOK,
} from './load';

// Bad input is normal input: every capture and fixture, damaged in the ways pages and bodies get
// damaged (cut short, keys gone, types changed, huge strings, absurd nesting), must never throw and
// never show a number as 'exact' that the undamaged file does not say exactly. Deterministic: each
// file's damage comes from a PRNG seeded with the file's name.

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Rng = () => number;
type Json = unknown;
type Path = (string | number)[];
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** Every path to a value in the JSON, breadth-first, at most `limit` of them. */
function paths(root: Json, limit = 5000): Path[] {
  const out: Path[] = [];
  const queue: [Json, Path][] = [[root, []]];
  while (queue.length && out.length < limit) {
    const [value, path] = queue.shift()!;
    if (path.length) out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => queue.push([v, [...path, i]]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) queue.push([v, [...path, k]]);
    }
  }
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | null {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    node = node?.[key] as Record<string | number, Json>;
    if (!node || typeof node !== 'object') return null;
  }
  return node;
}

/** A value of another type than `v` (never a new plausible number for a number). */
function otherType(rng: Rng, v: Json): Json {
  if (typeof v === 'number') return pick(rng, [String(v), 'abc', true, null, [v], { v }]);
  if (typeof v === 'string') return pick(rng, [0, false, null, [v], { v }]);
  if (typeof v === 'boolean') return pick(rng, [String(v), 1, null, [v]]);
  if (Array.isArray(v)) return pick(rng, [{}, 'list', 1, null]);
  if (v && typeof v === 'object') return pick(rng, ['[object]', 1, [], null, true]);
  return pick(rng, ['null', 0, {}, []]);
}

/** Stands for a deeply nested value until the JSON is text (JSON.stringify would recurse). */
const DEEP = '@@deep-nesting@@';

/** One structural mutation of a JSON value, serialised (deep nesting is spliced in as text). */
function mutateJson(rng: Rng, json: Json): string {
  const root = structuredClone(json);
  const all = paths(root);
  const kind = pick(rng, ['delete', 'swap', 'huge', 'deep', 'delete', 'swap'] as const);
  const n = 1 + Math.floor(rng() * 4);
  for (let i = 0; i < n && all.length; i++) {
    const path = pick(rng, all);
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    if (!parent || !(key in parent)) continue;
    if (kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (kind === 'swap') {
      parent[key] = otherType(rng, parent[key]);
    } else if (kind === 'huge') {
      parent[key] = pick(rng, ['x', '9', '\u{1F600}', '<script>', '\\u0000']).repeat(200_000);
    } else {
      parent[key] = DEEP;
    }
  }
  const depth = 2000 + Math.floor(rng() * 20_000);
  const nest = pick(rng, ['[', '{"a":']);
  const deep =
    nest === '['
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return JSON.stringify(root).split(JSON.stringify(DEEP)).join(deep);
}

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
  const mutated = mutateJson(rng, JSON.parse(html.slice(from, to)));
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
      const rng = prng(seedOf(input.file));
      const isJson = input.file.endsWith('.json');
      const json = isJson ? (JSON.parse(text) as Json) : undefined;

      for (let run = 0; run < RUNS; run++) {
        const damaged = isJson
          ? rng() < 0.15
            ? text.slice(0, Math.floor(rng() * text.length))
            : mutateJson(rng, json)
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
