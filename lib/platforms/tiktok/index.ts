import type { PlatformDefinition } from '../types';
import { tiktokDemo } from './demo';
import { tiktokFacts } from './facts';
import { tiktokTap } from './tap';
import { tiktokUrls } from './url';

/**
 * TikTok as the registry lists it: URL rules, facts, tap rules and demo pages, all light; its
 * readers load with `worker()` in the background. Every post is a video.
 */
export const tiktok: PlatformDefinition<'tiktok', typeof tiktokFacts> = {
  ...tiktokUrls,
  facts: tiktokFacts,
  tap: tiktokTap,
  demo: tiktokDemo,
  worker: () => import('./worker'),
};
