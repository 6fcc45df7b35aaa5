import type { Platform } from '../model/snapshot';
import type { PlatformFacts } from './facts';
import { instagramFacts } from './instagram/facts';
import { linkedinFacts } from './linkedin/facts';
import { tiktokFacts } from './tiktok/facts';

/**
 * Every registered platform's facts, by id, in the registry's order. The metrics and the extension
 * pages ask here rather than the registry itself so that they do not load the platforms' readers
 * (those stay in the background's bundle). Each definition in lib/platforms/<id>/index.ts carries
 * the same object as `facts`; the registry test checks that the two agree.
 */
const FACTS = {
  tiktok: tiktokFacts,
  instagram: instagramFacts,
  linkedin: linkedinFacts,
} as const satisfies Record<Platform, PlatformFacts>;

export const PLATFORM_FACTS: Readonly<Record<Platform, PlatformFacts>> = FACTS;

/** Each platform's id with its facts, in the registry's order. */
export const FACTS_IN_ORDER = Object.entries(FACTS) as readonly (readonly [
  Platform,
  PlatformFacts,
])[];

/** A platform's name, words, engagement strategy, benchmarks and rate-card rows. */
export function platformFacts(id: Platform): PlatformFacts {
  return FACTS[id];
}

/** Every deliverable a registered platform sells ("video", "reel"...), as its facts name them. */
export type Deliverable = (typeof FACTS)[Platform]['rates']['deliverables'][number]['id'];
