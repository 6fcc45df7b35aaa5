import type { PlatformDefinition } from '../types';
import { linkedinDemo } from './demo';
import { linkedinFacts } from './facts';
import { linkedinTap } from './tap';
import { linkedinUrls } from './url';

/**
 * LinkedIn as the registry lists it: URL rules, facts, tap rules and demo pages, all light; its
 * readers load with `worker()` in the background. Companies are `company/<slug>` handles.
 */
export const linkedin: PlatformDefinition<'linkedin', typeof linkedinFacts> = {
  ...linkedinUrls,
  facts: linkedinFacts,
  tap: linkedinTap,
  demo: linkedinDemo,
  worker: () => import('./worker'),
};
