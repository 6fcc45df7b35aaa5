import type { PlatformDefinition } from '../types';
import { instagramDemo } from './demo';
import { instagramFacts } from './facts';
import { instagramTap } from './tap';
import { instagramUrls } from './url';

/**
 * Instagram as the registry lists it: URL rules, facts, tap rules and demo pages, all light; its
 * readers load with `worker()` in the background.
 */
export const instagram: PlatformDefinition<'instagram', typeof instagramFacts> = {
  ...instagramUrls,
  facts: instagramFacts,
  tap: instagramTap,
  demo: instagramDemo,
  worker: () => import('./worker'),
};
