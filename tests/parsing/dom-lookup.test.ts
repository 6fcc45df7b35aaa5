import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  lookupAll,
  lookupElements,
  lookupOne,
  lookupPresence,
  readValue,
  SKIP,
  STOP,
  walk,
  type LookupTable,
  type SelectorEntry,
} from '../../lib/parsing/dom-lookup';
import {
  HEADER_LOOKUPS as IG_HEADER,
  LOGIN_WALL_LOOKUPS as IG_LOGIN,
  META_LOOKUPS as IG_META,
} from '../../lib/platforms/instagram/dom';
import {
  GRID_LOOKUPS,
  LOGIN_WALL_LOOKUPS,
  META_LOOKUPS,
  PROFILE_LOOKUPS,
} from '../../lib/platforms/tiktok/dom';
import { countDomWork } from '../platforms/damage';

/** Scout's own pages (invented people) whose elements the tables are checked against. */
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const PAGE_DIRS = ['tiktok', 'instagram', 'pages/tiktok', 'pages/instagram'].map((d) =>
  join(FIXTURES, d),
);

const doc = (html: string) => parseHTML(html).document as unknown as Document;

const TABLE = {
  handle: [{ selector: '[data-e2e="user-title"]', variant: 'header' }],
  followers: [
    { selector: '[data-e2e="followers-count"]', variant: 'header 2024' },
    { selector: '[aria-label$="followers"]', variant: 'header 2021' },
  ],
  description: [{ selector: 'meta[name="description"]', attribute: 'content', variant: 'meta' }],
} satisfies LookupTable<string>;

describe('lookupAll', () => {
  it('finds each name and says which variant found it', () => {
    const d = doc(`<head><meta name="description" content="  12 Likes.  3 Fans. "></head>
      <body><h1 data-e2e="user-title">  jane.doe </h1><span aria-label="1.2K followers">1.2K</span></body>`);
    expect(lookupAll(d, TABLE)).toEqual({
      values: { handle: 'jane.doe', followers: '1.2K', description: '12 Likes. 3 Fans.' },
      missing: [],
      variants: { handle: 'header', followers: 'header 2021', description: 'meta' },
    });
  });

  it('reports misses by name instead of letting undefined flow on', () => {
    const d = doc('<body><h1 data-e2e="user-title"></h1><p>nothing here</p></body>');
    const result = lookupAll(d, TABLE);
    expect(result.values).toEqual({});
    expect(result.missing).toEqual(['handle', 'followers', 'description']);
  });

  it('treats an invalid selector as a miss, never an exception', () => {
    const broken = { x: [{ selector: '[data-e2e=', variant: 'typo' }] } satisfies LookupTable<'x'>;
    expect(() => lookupAll(doc('<p></p>'), broken)).not.toThrow();
    expect(lookupAll(doc('<p></p>'), broken).missing).toEqual(['x']);
  });
});

describe('lookupOne, lookupElements, lookupPresence, readValue', () => {
  const d = doc(`<div data-e2e="user-post-item"><a href="/@a/video/1">x</a></div>
    <div data-e2e="user-post-item"><a href="/@a/video/2">y</a></div><div data-e2e="login-modal"></div>`);

  it('gives the first non-empty value with its element', () => {
    expect(lookupOne(d, GRID_LOOKUPS.link)?.element.getAttribute('href')).toBe('/@a/video/1');
  });

  it('gives every element of the first entry that matches', () => {
    expect(lookupElements(d, GRID_LOOKUPS.items)?.elements).toHaveLength(2);
    expect(lookupElements(d, [{ selector: '[data-e2e="none"]', variant: 'v' }])).toBeNull();
  });

  it('sees an empty marker element (a modal container) as present', () => {
    expect(lookupPresence(d, LOGIN_WALL_LOOKUPS.wall)).toBe('login modal');
    expect(lookupOne(d, LOGIN_WALL_LOOKUPS.wall)).toBeNull();
  });

  it('collapses whitespace', () => {
    const p = doc('<p> a\n  b\t c </p>').querySelector('p')!;
    expect(readValue(p)).toBe('a b c');
  });
});

describe("Scout's TikTok selector tables", () => {
  const tables = { PROFILE_LOOKUPS, GRID_LOOKUPS, META_LOOKUPS, LOGIN_WALL_LOOKUPS };
  const entries = Object.entries(tables).flatMap(([table, t]) =>
    Object.entries(t as Record<string, readonly SelectorEntry[]>).flatMap(([name, list]) =>
      list.map((entry) => [`${table}.${name}`, entry] as const),
    ),
  );

  it.each(entries)('%s selects by stable attributes, never by class', (_name, entry) => {
    expect(entry.selector).not.toMatch(/\.[A-Za-z_-]|\[class/);
    expect(entry.selector).toMatch(/data-e2e|aria-|meta\[|href/);
  });

  it.each(entries)('%s says which page variant it covers', (_name, entry) => {
    expect(entry.variant.trim().length).toBeGreaterThan(3);
  });
});

describe('lookups are one walk, and read what querySelectorAll would', () => {
  const tables: Record<string, LookupTable<string>> = {
    'tiktok PROFILE_LOOKUPS': PROFILE_LOOKUPS,
    'tiktok GRID_LOOKUPS': GRID_LOOKUPS,
    'tiktok META_LOOKUPS': META_LOOKUPS,
    'tiktok LOGIN_WALL_LOOKUPS': LOGIN_WALL_LOOKUPS,
    'instagram META_LOOKUPS': IG_META,
    'instagram HEADER_LOOKUPS': IG_HEADER,
    'instagram LOGIN_WALL_LOOKUPS': IG_LOGIN,
  };
  const entries = Object.entries(tables).flatMap(([table, t]) =>
    Object.entries(t).flatMap(([name, list]) =>
      list.map((entry) => [`${table}.${name}: ${entry.selector}`, entry] as const),
    ),
  );
  const pages = PAGE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => doc(readFileSync(join(dir, f), 'utf8'))),
  );

  it.each(entries)('%s finds the elements querySelectorAll finds, on every page', (_n, entry) => {
    let matched = 0;
    for (const page of pages) {
      const native = [...page.querySelectorAll(entry.selector)];
      expect(lookupElements(page, [entry])?.elements ?? []).toEqual(native);
      matched += native.length;
    }
    // Only these three fallbacks are on none of Scout's pages; every other entry is compared on
    // elements it finds.
    const unmatched = ['twitter:description', 'login-form', 'canonical'];
    if (!unmatched.some((u) => entry.selector.includes(u))) expect(matched).toBeGreaterThan(0);
  });

  it('reads the combinators the tables use, and nothing it does not know', () => {
    const d = doc(`<header><ul><li id="a">1</li><li>2<ul><li id="c">3</li></ul></li></ul>
      <h2 data-x="pre-mid-post">h</h2></header><ul><li id="d">4</li></ul>`);
    const ids = (selector: string) =>
      (lookupElements(d, [{ selector, variant: 'v' }])?.elements ?? []).map((e) => e.id);
    expect(ids('header ul > li')).toEqual(['a', '', 'c']);
    expect(ids('header > ul > li')).toEqual(['a', '']);
    expect(ids('ul li#c, li#d')).toEqual(['c', 'd']);
    expect(ids('[data-x*="mid"], h2[data-x$="post"]')).toHaveLength(1);
    for (const unknown of [
      '.cls',
      'li:first-child',
      "[id='a']",
      'ul + ul',
      'ul ~ ul',
      '> li',
      'li,',
    ]) {
      expect(lookupElements(d, [{ selector: unknown, variant: 'v' }]), unknown).toBeNull();
    }
  });

  it('passes over an empty candidate’s subtree: nested candidates cost one read', () => {
    const depth = 3000;
    const html = '<div data-e2e="user-title">'.repeat(depth) + '</div>'.repeat(depth);
    const nested = doc(`<body>${html}<h1 data-e2e="user-title">jane</h1></body>`);
    const { work, result } = countDomWork(nested, () => lookupOne(nested, PROFILE_LOOKUPS.handle));
    expect(result?.value).toBe('jane');
    expect(work).toBeLessThan(20 * depth);
  });

  it('gives the outermost matches only when asked (a tile nested in a tile is part of it)', () => {
    const d = doc(`<div data-e2e="user-post-item" id="o"><div data-e2e="user-post-item"></div></div>
      <div data-e2e="user-post-item" id="p"></div>`);
    expect(lookupElements(d, GRID_LOOKUPS.items)?.elements).toHaveLength(3);
    const outer = lookupElements(d, GRID_LOOKUPS.items, { outermost: true })?.elements;
    expect(outer?.map((e) => e.id)).toEqual(['o', 'p']);
  });
});

describe('walk', () => {
  const d = doc(
    '<main><a id="a"><b id="b"></b></a><i id="i"><u id="u"></u></i><s id="s"></s></main>',
  );
  const main = d.querySelector('main')!;

  it('visits in document order with depths, and leaves after the descendants', () => {
    const seen: string[] = [];
    walk(
      main,
      (el, depth) => void seen.push(`${el.tagName.toLowerCase()}${depth}`),
      (el) => void seen.push(`/${el.tagName.toLowerCase()}`),
    );
    expect(seen.join(' ')).toBe('main0 a1 b2 /b /a i1 u2 /u /i s1 /s /main');
  });

  it('skips a subtree on SKIP and ends on STOP', () => {
    const seen: string[] = [];
    walk(main, (el) => {
      seen.push(el.id || el.tagName.toLowerCase());
      if (el.id === 'a') return SKIP;
      if (el.id === 'u') return STOP;
    });
    expect(seen).toEqual(['main', 'a', 'i', 'u']);
  });

  it('walks 100,000 levels deep without running out of stack', () => {
    const deep = doc('<body></body>');
    let at: Element = deep.querySelector('body')!;
    for (let i = 0; i < 100_000; i++) at = at.appendChild(deep.createElement('div'));
    let count = 0;
    expect(() => walk(deep.querySelector('body')!, () => void count++)).not.toThrow();
    expect(count).toBe(100_001);
  });
});
