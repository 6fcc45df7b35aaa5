import type { PlatformDefinition } from '../types';
import { extractFromUrl } from '../url-snapshot';
import { linkedinUrls } from './url';

export const linkedin: PlatformDefinition = {
  ...linkedinUrls,
  name: 'LinkedIn',
  extract: (input) => extractFromUrl(linkedinUrls, input),
};
