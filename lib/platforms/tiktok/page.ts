import type { PagePlatform } from '../types';
import { collectTiktokDocument } from './collect';
import { tiktokTap } from './tap';
import { tiktokUrls } from './url';

/** What TikTok's content script needs: URL rules and the document collector, no JSON readers. */
export const tiktokPage: PagePlatform = {
  ...tiktokUrls,
  collectDocument: collectTiktokDocument,
  tap: tiktokTap,
};
