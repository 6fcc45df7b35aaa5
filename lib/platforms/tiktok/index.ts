import type { PlatformDefinition } from '../types';
import { collectTiktokDocument } from './collect';
import { extractTiktok, readTiktokDocument, readTiktokMaterial, settleTiktok } from './extract';
import { tiktokFacts } from './facts';
import { readTiktokBody } from './read-body';
import { tiktokTap } from './tap';
import { tiktokUrls } from './url';

/** TikTok: URL rules, and readers for its pages and the API bodies it fetches. */
export const tiktok: PlatformDefinition = {
  ...tiktokUrls,
  name: tiktokFacts.name,
  facts: tiktokFacts,
  tap: tiktokTap,
  extract: extractTiktok,
  readBody: readTiktokBody,
  readDocument: readTiktokDocument,
  collectDocument: collectTiktokDocument,
  readMaterial: readTiktokMaterial,
  settle: settleTiktok,
};

export { readTiktokBody } from './read-body';
