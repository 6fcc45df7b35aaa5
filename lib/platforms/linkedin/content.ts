import type { PlatformContent } from '../types';
import { collectLinkedinDocument } from './collect';
import { linkedinFeed } from './feed';
import { linkedinTap } from './tap';
import { linkedinUrls } from './url';

/**
 * LinkedIn's page side: what its content script runs on the host page (URL rules, the document
 * collector, the tap rules it checks bodies with, its feeds' creator links and item readings). It
 * imports no JSON reader (JSON-LD, Voyager): they run in the background (worker.ts), on the
 * collected material.
 */
export const content: PlatformContent<'linkedin'> = {
  ...linkedinUrls,
  collectDocument: collectLinkedinDocument,
  tap: linkedinTap,
  feed: linkedinFeed,
};
