import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { collectIslandTexts } from '../../../lib/parsing/json-islands';
import { content as linkedinPage } from '../../../lib/platforms/linkedin/content';
import type { PageMaterial } from '../../../lib/platforms/types';
import {
  fixtureFiles,
  linkedin,
  NOW,
  OWN_LINKEDIN,
  OWN_NOW,
  parseDoc,
  readText,
  SHARED_LINKEDIN,
} from './load';
import { describeCaptures } from '../../captures';

// A document's material: what the content script gathers on the page (DOM readings, embedded JSON
// as text) and the background reads. Reading the material after a structured clone (the message
// between them) must say exactly what reading the document says, and gathering it must parse no
// JSON.

const collect = linkedin.collectDocument!;
const readMaterial = linkedin.readMaterial!;
const readDocument = linkedin.readDocument!;

/** Every page kind, and pages that are none: each file is read at each of them. */
const HREFS = [
  'https://www.linkedin.com/in/mara-lindqvist/',
  'https://www.linkedin.com/company/nordlys-analytics/',
  'https://www.linkedin.com/in/mara-lindqvist/recent-activity/all/',
  'https://www.linkedin.com/feed/update/urn:li:activity:7335209808694267620/',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/authwall?trk=public_profile',
];

const htmlFiles = (dir: string) => fixtureFiles(dir).filter((f) => f.endsWith('.html'));

/** The material of `html` at `href`, sent through a structured clone, read; and the document read. */
function bothWays(html: string, href: string, now: number) {
  const url = new URL(href);
  const material = structuredClone(collect(parseDoc(html), url, now));
  return {
    viaMaterial: readMaterial(material, url, now),
    direct: readDocument(parseDoc(html), url, now),
  };
}

/** Collects the material with JSON.parse watched; the document is parsed before the watch. */
function collectWatched(html: string, href: string, now: number) {
  const doc = parseDoc(html);
  const parse = vi.spyOn(JSON, 'parse');
  try {
    const material = collect(doc, new URL(href), now);
    return { material, parses: parse.mock.calls.length };
  } finally {
    parse.mockRestore();
  }
}

function expectPlainTexts(material: PageMaterial) {
  for (const t of material.texts) {
    expect(typeof t.name).toBe('string');
    expect(typeof t.kind).toBe('string');
    expect(typeof t.text).toBe('string');
  }
}

describe("material of Scout's own pages", () => {
  const files = htmlFiles(OWN_LINKEDIN);

  it('has the own pages', () => {
    expect(files).toEqual(expect.arrayContaining(['guest-profile.html', 'post-person.html']));
  });

  it.each(files)('%s reads the same through its cloned material', (file) => {
    const html = readText(OWN_LINKEDIN, file);
    for (const href of HREFS) {
      const { viaMaterial, direct } = bothWays(html, href, OWN_NOW);
      expect(viaMaterial).toStrictEqual(direct);
    }
  });

  it.each(files)('%s is collected without JSON.parse, as strings', (file) => {
    for (const href of HREFS) {
      const { material, parses } = collectWatched(readText(OWN_LINKEDIN, file), href, OWN_NOW);
      expect(parses).toBe(0);
      expectPlainTexts(material);
    }
  });

  it.each(files)('%s: its ld+json texts are the ones the shared island collector finds', (file) => {
    const doc = parseDoc(readText(OWN_LINKEDIN, file));
    const material = collect(doc, new URL(HREFS[0]!), OWN_NOW);
    expect(material.texts.filter((t) => t.kind === 'ld-json')).toEqual(
      collectIslandTexts(doc).filter((t) => t.kind === 'ld-json'),
    );
  });

  it('carries the JSON-LD as text and the DOM readings as readings', () => {
    const doc = parseDoc(readText(OWN_LINKEDIN, 'guest-profile.html'));
    const url = new URL('https://se.linkedin.com/in/mara-lindqvist');
    const material = collect(doc, url, OWN_NOW);
    expect(material.locale).toBe('en-US');
    expect(material.texts.map((t) => t.kind)).toEqual(['ld-json']);
    expect(material.readings.map((r) => r.source)).not.toContain('linkedin/json-ld');
    const readings = readMaterial(material, url, OWN_NOW);
    expect(readings[0]).toMatchObject({
      source: 'linkedin/json-ld',
      handle: 'mara-lindqvist',
      counts: { followers: { value: 12_480, precision: 'exact' } },
    });
    // The DOM readings come back as they were made, marked as the page's own document's.
    expect(readings.slice(-material.readings.length)).toEqual(
      material.readings.map((r) => ({ ...r, origin: 'document' })),
    );
  });

  it('parses the texts when the material is read', () => {
    const doc = parseDoc(readText(OWN_LINKEDIN, 'post-person.html'));
    const url = new URL(HREFS[3]!);
    const material = collect(doc, url, OWN_NOW);
    const parse = vi.spyOn(JSON, 'parse');
    readMaterial(material, url, OWN_NOW);
    expect(parse).toHaveBeenCalled();
  });
});

describeCaptures('material of the real captures', SHARED_LINKEDIN, () => {
  const files = htmlFiles(SHARED_LINKEDIN);
  const loggedIn =
    'profile-loggedin_2021-07_ru-locale_alexandr-tretiakov_bpr-guid-codeblocks_excerpt.html';

  it.each(files)('%s reads the same through its cloned material', (file) => {
    const html = readText(SHARED_LINKEDIN, file);
    for (const href of HREFS) {
      const { viaMaterial, direct } = bothWays(html, href, NOW);
      expect(viaMaterial).toStrictEqual(direct);
    }
  });

  it.each(files)('%s is collected without JSON.parse, as strings', (file) => {
    for (const href of HREFS) {
      const { material, parses } = collectWatched(readText(SHARED_LINKEDIN, file), href, NOW);
      expect(parses).toBe(0);
      expectPlainTexts(material);
    }
  });

  it('carries the bpr-guid code blocks as datalet and code texts, paired when read', () => {
    const url = new URL('https://www.linkedin.com/in/alexandr-tretiakov-ba831051/');
    const material = collect(parseDoc(readText(SHARED_LINKEDIN, loggedIn)), url, NOW);
    const datalets = material.texts.filter((t) => t.kind === 'datalet');
    const codes = material.texts.filter((t) => t.kind === 'code');
    expect(datalets).toHaveLength(10);
    expect(datalets[0]?.name).toBe('datalet-bpr-guid-1229173');
    expect(codes.map((t) => `datalet-${t.name}`)).toEqual(datalets.map((t) => t.name));
    const readings = readMaterial(structuredClone(material), url, NOW);
    expect(readings).toContainEqual(
      expect.objectContaining({
        source: 'linkedin/voyager',
        handle: 'alexandr-tretiakov-ba831051',
        counts: expect.objectContaining({ followers: { value: 948, precision: 'exact' } }),
      }),
    );
  });
});

const NETWORKINFO = readText(OWN_LINKEDIN, 'voyager-networkinfo.json');
const MARA = new URL('https://www.linkedin.com/in/mara-lindqvist/');
const REQUEST = '/voyager/api/identity/profiles/mara-lindqvist/networkinfo';

/** HTML-escaped, as LinkedIn writes JSON inside `<code>`. */
const escape = (json: string) =>
  json.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A logged-in 2021-style page: datalet/code pairs (ids and JSON texts as given), no visible data. */
function bigPipePage(pairs: { id: string; datalet: string; body: string }[], extra = '') {
  const blocks = pairs
    .map(
      ({ id, datalet, body }) =>
        `<code style="display: none" id="datalet-${id}">${escape(datalet)}</code>\n` +
        `<code style="display: none" id="${id}">${escape(body)}</code>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head></head><body>${blocks}${extra}</body></html>`;
}

const datalet = (request: string, body: string) =>
  JSON.stringify({ request, status: 200, body, method: 'GET' });

describe('Voyager code blocks', () => {
  it('pairs each datalet with the block it names, and copies no other code block', () => {
    const html = bigPipePage(
      [
        { id: 'bpr-guid-1', datalet: datalet('/voyager/api/me', 'bpr-guid-1'), body: '{}' },
        { id: 'bpr-guid-2', datalet: datalet(REQUEST, 'bpr-guid-2'), body: NETWORKINFO },
      ],
      '<code id="bpr-guid-12">{"data":{}}</code><code id="snippet">x = 1</code>',
    );
    const { material, parses } = collectWatched(html, MARA.href, OWN_NOW);
    expect(parses).toBe(0);
    expect(material.texts.map((t) => [t.kind, t.name])).toEqual([
      ['datalet', 'datalet-bpr-guid-1'],
      ['datalet', 'datalet-bpr-guid-2'],
      ['code', 'bpr-guid-1'],
      ['code', 'bpr-guid-2'],
    ]);
    expect(material.texts[3]?.text).toBe(NETWORKINFO);
    const readings = readMaterial(structuredClone(material), MARA, OWN_NOW);
    expect(readings).toEqual([
      expect.objectContaining({
        source: 'linkedin/voyager',
        handle: 'mara-lindqvist',
        counts: expect.objectContaining({ followers: { value: 12_480, precision: 'exact' } }),
      }),
    ]);
    expect(readings).toStrictEqual(readDocument(parseDoc(html), MARA, OWN_NOW));
  });

  it('reads a block by the id its datalet names, wherever the block is', () => {
    const html =
      `<html><body><code id="bpr-guid-7">${escape(NETWORKINFO)}</code>` +
      `<code id="datalet-x">${escape(datalet(REQUEST, 'bpr-guid-7'))}</code></body></html>`;
    const readings = readMaterial(collect(parseDoc(html), MARA, OWN_NOW), MARA, OWN_NOW);
    expect(readings.map((r) => r.source)).toEqual(['linkedin/voyager']);
  });
});

describe('broken or truncated embedded JSON', () => {
  const good = { id: 'bpr-guid-2', datalet: datalet(REQUEST, 'bpr-guid-2'), body: NETWORKINFO };
  const cut = (text: string) => text.slice(0, Math.floor(text.length / 2));

  it.each([
    ['a truncated response', { ...good, body: cut(NETWORKINFO) }],
    ['a truncated datalet', { ...good, datalet: cut(good.datalet) }],
    ['a response that is not JSON', { ...good, body: 'window.x = 1;' }],
    ['a datalet without its block', { ...good, id: 'bpr-guid-3' }],
    ['a datalet with a bad request', { ...good, datalet: datalet('http://[', 'bpr-guid-2') }],
  ])('%s reads as nothing, without an exception', (_, pair) => {
    const html = bigPipePage([pair]);
    const { material, parses } = collectWatched(html, MARA.href, OWN_NOW);
    expect(parses).toBe(0);
    expect(() => readMaterial(structuredClone(material), MARA, OWN_NOW)).not.toThrow();
    expect(readMaterial(structuredClone(material), MARA, OWN_NOW)).toEqual([]);
    expect(readDocument(parseDoc(html), MARA, OWN_NOW)).toEqual([]);
  });

  it('a truncated code block beside a whole one: only the whole one is read', () => {
    const truncated = {
      id: 'bpr-guid-1',
      datalet: datalet(REQUEST, 'bpr-guid-1'),
      body: cut(NETWORKINFO),
    };
    const html = bigPipePage([truncated, good]);
    const readings = readMaterial(collect(parseDoc(html), MARA, OWN_NOW), MARA, OWN_NOW);
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ handle: 'mara-lindqvist', source: 'linkedin/voyager' });
  });

  it('a truncated or broken ld+json reads as nothing; a whole one beside it is read', () => {
    const html = readText(OWN_LINKEDIN, 'guest-profile.html');
    const ldJson = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(ldJson).toBeTruthy();
    const script = (text: string) => `<script type="application/ld+json">${text}</script>`;
    const page = (scripts: string) => `<html><head>${scripts}</head><body></body></html>`;
    const url = new URL('https://se.linkedin.com/in/mara-lindqvist');
    for (const broken of [cut(ldJson!), '{"@context": "http://schema.org", "@graph": [', '']) {
      const alone = collect(parseDoc(page(script(broken))), url, OWN_NOW);
      expect(alone.texts).toHaveLength(1);
      expect(readMaterial(structuredClone(alone), url, OWN_NOW)).toEqual([]);
      const beside = collect(parseDoc(page(script(broken) + script(ldJson!))), url, OWN_NOW);
      expect(readMaterial(beside, url, OWN_NOW).map((r) => r.source)).toEqual(['linkedin/json-ld']);
    }
  });

  it('a malformed material reads as nothing, without an exception', () => {
    const url = MARA;
    const bad = [
      null,
      {},
      { locale: 'en', texts: 'x', readings: null },
      { locale: 'en', texts: [null, 1, { name: 1, kind: 'datalet', text: '{}' }], readings: [] },
      { locale: 'en', texts: [{ name: 'a', kind: 'ld-json', text: 42 }], readings: [] },
    ] as unknown as PageMaterial[];
    for (const material of bad) {
      expect(() => readMaterial(material, url, OWN_NOW)).not.toThrow();
      expect(readMaterial(material, url, OWN_NOW)).toEqual([]);
    }
  });

  it('a document whose DOM cannot be read gives an empty material, without an exception', () => {
    const broken = new Proxy({} as Document, {
      get() {
        throw new Error('detached');
      },
    });
    expect(() => collect(broken, MARA, OWN_NOW)).not.toThrow();
    expect(collect(broken, MARA, OWN_NOW)).toEqual({ locale: 'en', texts: [], readings: [] });
  });
});

/** The project files a module imports at run time (type-only imports left out), transitively. */
function runtimeImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      if (m[1] || !m[2]?.startsWith('.')) continue;
      visit(resolve(dirname(file), `${m[2]}.ts`));
    }
  };
  visit(entry);
  return seen;
}

describe('the content script entry (content.ts)', () => {
  const LIB = resolve(import.meta.dirname, '../../../lib');

  it('is the URL rules and the collector', () => {
    expect(linkedinPage.collectDocument).toBe(linkedin.collectDocument);
    expect(linkedinPage.match(MARA)).toEqual(linkedin.match(MARA));
    expect(linkedinPage.matches).toEqual(linkedin.matches);
  });

  it('imports no JSON reader', () => {
    const files = [...runtimeImports(resolve(LIB, 'platforms/linkedin/content.ts'))].map((f) =>
      f.slice(LIB.length + 1),
    );
    expect(files).toContain('platforms/linkedin/collect.ts');
    for (const reader of [
      'platforms/linkedin/voyager.ts',
      'platforms/linkedin/json-ld.ts',
      'platforms/linkedin/worker.ts',
      'extract/lenient.ts',
    ]) {
      expect(files).not.toContain(reader);
    }
  });
});
