import type { PlatformDefinition } from '../types';
import { extractFromUrl } from '../url-snapshot';
import { instagramUrls } from './url';

export const instagram: PlatformDefinition = {
  ...instagramUrls,
  name: 'Instagram',
  extract: (input) => extractFromUrl(instagramUrls, input),
};
