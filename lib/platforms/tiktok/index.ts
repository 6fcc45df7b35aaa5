import type { PlatformDefinition } from '../types';
import { extractFromUrl } from '../url-snapshot';
import { tiktokUrls } from './url';

export const tiktok: PlatformDefinition = {
  ...tiktokUrls,
  name: 'TikTok',
  extract: (input) => extractFromUrl(tiktokUrls, input),
};
