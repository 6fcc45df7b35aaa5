import { describe, expect, it, vi } from 'vitest';
import { content as tiktokPage } from '../../../lib/platforms/tiktok/content';
import {
  fixtureFiles,
  guessProfileUrl,
  NOW,
  OWN_TIKTOK,
  parseDoc,
  readText,
  SHARED_TIKTOK,
  tiktok,
} from './load';

// A document's material: what TikTok's content script gathers on the page (DOM readings, the
// embedded JSON as text) and the background reads. Read after a structured clone (the message
// between them), it must say exactly what reading the document says; gathering it parses no JSON.

const collect = tiktok.collectDocument!;
const readMaterial = tiktok.readMaterial!;

/** Every HTML page: Scout's own, and the real captures when they are beside the project. */
const PAGES = [
  ...fixtureFiles(OWN_TIKTOK).map((file) => [file, OWN_TIKTOK] as const),
  ...fixtureFiles(SHARED_TIKTOK).map((file) => [file, SHARED_TIKTOK] as const),
].filter(([file]) => file.endsWith('.html'));

describe('TikTok document material', () => {
  it('covers the own pages', () => {
    expect(PAGES.map(([file]) => file)).toEqual(
      expect.arrayContaining(['profile-universal-2025.html', 'sigi-window-2021.html']),
    );
  });

  it.each(PAGES)('%s reads the same through its cloned material', (file, dir) => {
    const html = readText(dir, file);
    const url = new URL(guessProfileUrl(html));
    const material = structuredClone(collect(parseDoc(html), url, NOW));
    expect(readMaterial(material, url, NOW)).toStrictEqual(
      tiktok.readDocument!(parseDoc(html), url, NOW),
    );
  });

  it.each(PAGES)('%s is collected without JSON.parse, as strings', (file, dir) => {
    const doc = parseDoc(readText(dir, file));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const material = collect(doc, new URL('https://www.tiktok.com/@someone'), NOW);
      expect(parse).not.toHaveBeenCalled();
      for (const t of material.texts) expect(typeof t.text).toBe('string');
    } finally {
      parse.mockRestore();
    }
  });

  it("is what TikTok's content script collects", () => {
    expect(tiktokPage.collectDocument).toBe(tiktok.collectDocument);
    expect(tiktokPage.match(new URL('https://www.tiktok.com/@nadia.draws'))?.handle).toBe(
      'nadia.draws',
    );
  });

  it('reads a broken or oversized island as nothing, without throwing', () => {
    const page = (island: string) =>
      `<html lang="en"><head><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${island}</script></head><body></body></html>`;
    const url = new URL('https://www.tiktok.com/@nadia.draws');
    for (const island of ['{"__DEFAULT_SCOPE__": {"webapp.user-detail": ', '{}'.repeat(10)]) {
      const material = structuredClone(collect(parseDoc(page(island)), url, NOW));
      expect(material.texts).toHaveLength(1);
      expect(readMaterial(material, url, NOW)).toEqual([]);
    }
    const huge = collect(parseDoc(page(`{"x":"${'a'.repeat(8_000_001)}"}`)), url, NOW);
    // An island over the cap is not copied into the message at all.
    expect(huge.texts[0]!.text.length).toBeLessThan(10);
    expect(readMaterial(huge, url, NOW)).toEqual([]);
  });
});
