import type { PagePlatform } from '../types';
import { collectLinkedinDocument } from './collect';
import { linkedinTap } from './tap';
import { linkedinUrls } from './url';

/**
 * What LinkedIn's content script needs: the URL rules and the document collector. It imports no
 * JSON reader (JSON-LD, Voyager): they run in the background, on the collected material.
 */
export const linkedinPage: PagePlatform = {
  ...linkedinUrls,
  collectDocument: collectLinkedinDocument,
  tap: linkedinTap,
};
