import { collectIslandTexts } from '../../parsing/json-islands';
import type { CollectScope, PageMaterial } from '../types';
import { pageLocale, readLoginWall, readMetaDescription, readProfileDom } from './dom';

/** The embedded JSON carriers by vintage, newest first (NOTES §1.1), with their source ids. */
export const TIKTOK_ISLANDS = [
  '__UNIVERSAL_DATA_FOR_REHYDRATION__',
  'SIGI_STATE',
  'sigi-persisted-data',
  '__NEXT_DATA__',
] as const;

/**
 * What a TikTok document carries, gathered on the page: the embedded JSON carriers as text
 * (UNIVERSAL_DATA, SIGI_STATE in its script and `window['SIGI_STATE']=` forms, NEXT_DATA), and the
 * readings of the meta description, the visible profile and a login wall (not for
 * `scope: 'texts'`). DOM reads and string copies only. Never throws.
 */
export function collectTiktokDocument(
  doc: Document,
  url: URL,
  now: number,
  scope: CollectScope = 'all',
): PageMaterial {
  void url;
  void now;
  const material: PageMaterial = { locale: 'en', texts: [], readings: [] };
  try {
    material.locale = pageLocale(doc);
    material.texts = collectIslandTexts(doc, { names: TIKTOK_ISLANDS });
    if (scope === 'texts') return material;
    const readings = [
      readMetaDescription(doc, material.locale),
      readProfileDom(doc, material.locale),
      readLoginWall(doc),
    ];
    for (const reading of readings) if (reading) material.readings.push(reading);
  } catch {
    // Nothing here throws on page content; a bug must still not reach the host page.
  }
  return material;
}
