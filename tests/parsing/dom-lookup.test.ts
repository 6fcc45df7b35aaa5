import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  lookupAll,
  lookupElements,
  lookupOne,
  lookupPresence,
  readValue,
  type LookupTable,
  type SelectorEntry,
} from '../../lib/parsing/dom-lookup';
import {
  GRID_LOOKUPS,
  LOGIN_WALL_LOOKUPS,
  META_LOOKUPS,
  PROFILE_LOOKUPS,
} from '../../lib/platforms/tiktok/dom';

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
