import type { PlatformContent } from '../types';
import { collectInstagramDocument } from './collect';
import { instagramTap } from './tap';
import { instagramUrls } from './url';

/**
 * Instagram's page side: what its content script runs on the host page (URL rules, the collector
 * of a document's material, the tap rules it checks bodies with). Everything this module imports
 * ships into Instagram's pages, so it imports no JSON reader (`read-body.ts`, `map.ts`,
 * `schemas.ts`, `meta.ts`): the material is read in the background (worker.ts).
 */
export const content: PlatformContent<'instagram'> = {
  ...instagramUrls,
  collectDocument: collectInstagramDocument,
  tap: instagramTap,
};
