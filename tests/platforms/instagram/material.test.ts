import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ISLAND_CHARS } from '../../../lib/parsing/json-islands';
import { content as instagramPage } from '../../../lib/platforms/instagram/content';
import { instagramUrls } from '../../../lib/platforms/instagram/url';
import type { PageMaterial } from '../../../lib/platforms/types';
import {
  fixtureFiles,
  IG,
  instagram,
  NOW,
  OWN_INSTAGRAM,
  parseDoc,
  readText,
  SHARED_INSTAGRAM,
} from './load';
import { describeCaptures } from '../../captures';

// The document split in two: the content script collects a page's material (DOM readings and the
// embedded JSON as text, never parsed) and the background reads it. Read together they must say
// exactly what readDocument says, after a structured clone (the message passing in between).

/** The demo pages Scout ships for its end-to-end tests. */
const DEMO_INSTAGRAM = resolve(import.meta.dirname, '../../fixtures/pages/instagram');

const htmlIn = (dir: string) =>
  fixtureFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file, dir] as const);

const OWN_PAGES = [...htmlIn(OWN_INSTAGRAM), ...htmlIn(DEMO_INSTAGRAM)];
const SHARED_PAGES = htmlIn(SHARED_INSTAGRAM);

/** Each page is read at a profile URL (the header is read) and at a post URL (it is not). */
const URLS = [`${IG}/mira.loops/`, `${IG}/ole.bakes/`, `${IG}/p/CNz1Image21/`];

const collect = (html: string, href: string) =>
  instagramPage.collectDocument(parseDoc(html), new URL(href), NOW);
const read = (material: PageMaterial, href: string) =>
  instagram.readMaterial!(material, new URL(href), NOW);
const readDocument = (html: string, href: string) =>
  instagram.readDocument!(parseDoc(html), new URL(href), NOW);

/** The material, cloned as a message is, read in the background: what readDocument says. */
function expectSameReadings(html: string, label: string): void {
  for (const href of URLS) {
    const material = structuredClone(collect(html, href));
    expect(read(material, href), `${label} at ${href}`).toStrictEqual(readDocument(html, href));
  }
}

/** The material of a page collected with JSON.parse watched: it must never be called. */
function collectWatched(html: string, href: string): PageMaterial {
  const doc = parseDoc(html);
  const parse = vi.spyOn(JSON, 'parse');
  const material = instagramPage.collectDocument(doc, new URL(href), NOW);
  expect(parse).not.toHaveBeenCalled();
  parse.mockRestore();
  return material;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the content script’s Instagram page', () => {
  it('has the URL rules and the same collector as the full definition', () => {
    expect(instagramPage.id).toBe('instagram');
    expect(instagramPage.matches).toEqual(instagramUrls.matches);
    expect(instagramPage.match(new URL(`${IG}/mira.loops/`))).toEqual(
      instagramUrls.match(new URL(`${IG}/mira.loops/`)),
    );
    expect(instagramPage.collectDocument).toBe(instagram.collectDocument);
  });
});

describe('own Instagram pages: collected, cloned, read = readDocument', () => {
  it('has pages to check', () => {
    expect(OWN_PAGES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(OWN_PAGES)('%s', (file, dir) => {
    expectSameReadings(readText(dir, file), file);
  });
});

describeCaptures('real Instagram captures: collected, cloned, read', SHARED_INSTAGRAM, () => {
  it('has an HTML capture to check', () => {
    expect(SHARED_PAGES.length).toBeGreaterThan(0);
  });

  it.each(SHARED_PAGES)('%s = readDocument', (file, dir) => {
    expectSameReadings(readText(dir, file), file);
  });

  it.each(SHARED_PAGES)('%s is collected without JSON.parse, as text', (file, dir) => {
    const material = collectWatched(readText(dir, file), `${IG}/_tanshio_/`);
    expect(material.texts.length).toBeGreaterThan(0);
    for (const t of material.texts) expect(typeof t.text).toBe('string');
  });
});

describe('collecting a page', () => {
  it.each(OWN_PAGES)('%s: no JSON.parse, texts as strings, plain data', (file, dir) => {
    const material = collectWatched(readText(dir, file), `${IG}/mira.loops/`);
    expect(typeof material.locale).toBe('string');
    for (const t of material.texts) {
      expect([typeof t.name, typeof t.kind, typeof t.text]).toEqual(['string', 'string', 'string']);
    }
    expect(structuredClone(material)).toStrictEqual(material);
  });

  it('collects each carrier as text and the DOM as readings; only reading parses', () => {
    const html = readText(OWN_INSTAGRAM, 'post-page-2021.html');
    const material = collectWatched(html, `${IG}/p/CNz1Image21/`);
    expect(material.texts.map((t) => t.name)).toEqual(['_sharedData', '__additionalDataLoaded']);
    expect(material.texts[1]?.text).toMatch(/^\{"graphql": \{"shortcode_media": /);
    const parse = vi.spyOn(JSON, 'parse');
    expect(read(material, `${IG}/p/CNz1Image21/`)).not.toEqual([]);
    expect(parse).toHaveBeenCalled();
  });

  it('keeps the locale and the DOM readings the page gives', () => {
    const material = collect(readText(OWN_INSTAGRAM, 'meta-de.html'), `${IG}/jonas.kaltbach/`);
    expect(material).toMatchObject({
      locale: 'de',
      texts: [],
      readings: [{ source: 'instagram/meta', handle: 'jonas.kaltbach' }],
    });
  });

  it('never throws on something that is not a document', () => {
    const notADoc = {} as Document;
    expect(instagramPage.collectDocument(notADoc, new URL(`${IG}/mira.loops/`), NOW)).toEqual({
      locale: 'en',
      texts: [],
      readings: [],
    });
  });
});

/**
 * A page with every carrier, in this document order, and every DOM reading. The second preloaded
 * block mentions nothing Scout reads, so it is not collected.
 */
const EVERYTHING = `<!doctype html><html lang="en"><head>
  <meta name="description" content="8,412 Followers, 56 Following, 96 Posts - See Instagram photos and videos from Ole Bakes (@ole.bakes)" />
  <script type="application/ld+json">{"@type":"Person","name":"Ole Bakes","alternateName":"@ole.bakes","mainEntityofPage":{"interactionStatistic":{"interactionType":"http://schema.org/FollowAction","userInteractionCount":"8412"}}}</script>
  <script type="text/javascript">window._sharedData = {"entry_data":{"ProfilePage":[{"graphql":{"user":{"id":"3121004455","username":"ole.bakes","edge_followed_by":{"count":8412}}}}]}};</script>
  <script type="application/json" data-sjs>{"require":[["ScheduledServerJS",{"data":{"user":{"pk":"48213377120","username":"mira.loops","follower_count":38214}}}]]}</script>
  <script type="application/json" data-sjs>{"require":[["CometSSRMergedContentInjector",{"data":{"user":{"username":"not.read"}}}]]}</script>
  <script type="text/javascript">window.__additionalDataLoaded('/p/CNz1Image21/',{"graphql":{"shortcode_media":{"shortcode":"CNz1Image21","taken_at_timestamp":1618800000,"owner":{"id":"3121004455","username":"ole.bakes"}}}});</script>
</head><body><main><header><section>
  <h2>mira.loops</h2>
  <ul>
    <li><span>214</span> posts</li>
    <li><a href="/mira.loops/followers/"><span title="38,214">38.2K</span> followers</a></li>
    <li><a href="/mira.loops/following/"><span>612</span> following</a></li>
  </ul>
</section></header>
<form id="loginForm"><input name="password" type="password" /></form></main></body></html>`;

describe('reading a page’s material', () => {
  it('reads in today’s order: _sharedData, then the scripts in document order, then the DOM', () => {
    const href = `${IG}/ole.bakes/`;
    const material = collectWatched(EVERYTHING, href);
    expect(material.texts.map((t) => t.name)).toEqual([
      '_sharedData',
      'ld+json',
      'page-data',
      '__additionalDataLoaded',
    ]);
    const readings = read(structuredClone(material), href);
    expect(readings.map((r) => [r.source, r.handle, r.problem])).toEqual([
      ['instagram/shared-data', 'ole.bakes', undefined],
      ['instagram/json-ld', 'ole.bakes', undefined],
      ['instagram/page-data', 'mira.loops', undefined],
      ['instagram/shared-data', 'ole.bakes', undefined],
      ['instagram/meta', 'ole.bakes', undefined],
      ['dom', 'mira.loops', undefined],
      ['dom', undefined, 'sign-in-required'],
    ]);
    expect(readings).toStrictEqual(readDocument(EVERYTHING, href));
  });

  it.each([
    ['null', null],
    ['an empty object', {}],
    ['texts that are not texts', { texts: [null, 1, { name: '_sharedData' }, { text: '{}' }] }],
    [
      'texts of unknown names',
      { texts: [{ name: 'window', kind: 'script', text: '{"data":{}}' }] },
    ],
    [
      'a _sharedData text of an unknown kind',
      { texts: [{ name: '_sharedData', kind: 'x', text: '{}' }] },
    ],
    ['readings that are not a list', { locale: 'en', texts: [], readings: 'dom' }],
  ])('reads %s as nothing, without throwing', (_label, material) => {
    expect(read(material as unknown as PageMaterial, `${IG}/mira.loops/`)).toEqual([]);
  });
});

/** The JSON each carrier holds about big.one, each padded with `pad` characters. */
function carriers(pad: number): string[] {
  const p = `"pad":"${'x'.repeat(pad)}"`;
  const user = `{"id":"900","username":"big.one","edge_followed_by":{"count":5},${p}}`;
  return [
    `{"entry_data":{"ProfilePage":[{"graphql":{"user":${user}}}]}}`,
    `{"@type":"Person","alternateName":"@big.one",${p}}`,
    `{"require":[["ScheduledServerJS",{"data":{"user":${user}}}]]}`,
    `{"graphql":{"user":${user}}}`,
  ];
}

/** A page with every carrier, each holding `change(json)`, and a meta description about kai.summit. */
function pageWith(pad: number, change = (json: string) => json): string {
  const [shared, ld, pageData, additional] = carriers(pad).map(change);
  return `<html lang="en"><head>
  <meta name="description" content="9 Followers, 8 Following, 7 Posts - See Instagram photos and videos from Kai (@kai.summit)" />
  <script type="application/json" id="_sharedData">${shared}</script>
  <script type="text/javascript">window._sharedData = ${shared};</script>
  <script type="application/ld+json">${ld}</script>
  <script type="application/json" data-sjs>${pageData}</script>
  <script type="text/javascript">window.__additionalDataLoaded('/big.one/',${additional});</script>
</head><body></body></html>`;
}

describe('oversized and broken islands', () => {
  const href = `${IG}/big.one/`;
  const META_ONLY = [['instagram/meta', 'kai.summit']];
  const sources = (readings: readonly { source: string; handle?: string }[]) =>
    readings.map((r) => [r.source, r.handle]);

  it('reads every carrier of the same page when it is small and whole (the control)', () => {
    const html = pageWith(1000);
    expect(sources(read(structuredClone(collectWatched(html, href)), href))).toEqual([
      ['instagram/shared-data', 'big.one'],
      ['instagram/shared-data', 'big.one'],
      ['instagram/json-ld', 'big.one'],
      ['instagram/page-data', 'big.one'],
      ['instagram/shared-data', 'big.one'],
      ...META_ONLY,
    ]);
  });

  it('reads oversized islands as nothing and ships none of their text', () => {
    const html = pageWith(MAX_ISLAND_CHARS);
    const material = collectWatched(html, href);
    expect(JSON.stringify(material).length).toBeLessThan(10_000);
    const readings = read(structuredClone(material), href);
    expect(sources(readings)).toEqual(META_ONLY);
    expect(readings).toStrictEqual(readDocument(html, href));
  });

  it.each([
    ['cut short', (json: string) => json.slice(0, 60)],
    ['with a stray bracket', (json: string) => json.replace('"pad"', ']"pad"')],
    ['with brackets never closed', (json: string) => json.replace('"pad":', '"pad":[[[[')],
    ['in single quotes', (json: string) => json.replaceAll('"', "'")],
  ])('reads islands %s as nothing, without throwing', (_label, breakJson) => {
    const html = pageWith(1000, breakJson);
    let readings: ReturnType<typeof read> = [];
    expect(
      () => (readings = read(structuredClone(collectWatched(html, href)), href)),
    ).not.toThrow();
    expect(sources(readings)).toEqual(META_ONLY);
    expect(readings).toStrictEqual(readDocument(html, href));
  });
});
