import type { PagePlatform } from '../types';
import { collectInstagramDocument } from './collect';
import { instagramTap } from './tap';
import { instagramUrls } from './url';

/**
 * Instagram as the content script sees it: the URL rules and the collector of a document's
 * material. Everything this module imports ships into Instagram's pages, so it imports no JSON
 * reader (`read-body.ts`, `map.ts`, `schemas.ts`, `meta.ts`): the material is read in the
 * background with `instagram.readMaterial`.
 */
export const instagramPage: PagePlatform = {
  ...instagramUrls,
  collectDocument: collectInstagramDocument,
  tap: instagramTap,
};
