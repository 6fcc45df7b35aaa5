import type { PlatformDefinition } from '../types';
import { collectTiktokDocument } from './collect';
import { extractTiktok, readTiktokDocument, readTiktokMaterial, settleTiktok } from './extract';
import { readTiktokBody } from './read-body';
import { tiktokUrls } from './url';

/** TikTok: URL rules, and readers for its pages and the API bodies it fetches. */
export const tiktok: PlatformDefinition = {
  ...tiktokUrls,
  name: 'TikTok',
  extract: extractTiktok,
  readBody: readTiktokBody,
  readDocument: readTiktokDocument,
  collectDocument: collectTiktokDocument,
  readMaterial: readTiktokMaterial,
  settle: settleTiktok,
};

export { readTiktokBody } from './read-body';
