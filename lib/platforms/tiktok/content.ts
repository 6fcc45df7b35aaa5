import type { PlatformContent } from '../types';
import { collectTiktokDocument } from './collect';
import { tiktokFeed } from './feed';
import { tiktokTap } from './tap';
import { tiktokUrls } from './url';

/**
 * TikTok's page side: what its content script runs on the host page (URL rules, the document
 * collector, the tap rules it checks bodies with, its feeds' creator links). It imports no JSON
 * reader: the material is read in the background (worker.ts).
 */
export const content: PlatformContent<'tiktok'> = {
  ...tiktokUrls,
  collectDocument: collectTiktokDocument,
  tap: tiktokTap,
  feed: tiktokFeed,
};
