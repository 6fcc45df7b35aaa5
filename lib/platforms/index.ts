import type { Platform } from '../model/snapshot';
import type { PlatformFacts } from './facts';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { tiktok } from './tiktok';
import type { PageMatch, PlatformDefinition, PlatformWorker } from './types';

/**
 * THE registry: adding a platform is one folder under lib/platforms plus its line here (README,
 * "Adding a platform"). It is light: the model, the metrics, extension pages and wxt.config.ts
 * import it without loading any reader (each platform's worker side loads with `worker()`).
 */
const REGISTERED = [tiktok, instagram, linkedin] as const;

/** Every registered platform, in the registry's order (which the UI and exports follow). */
export const PLATFORMS: readonly PlatformDefinition[] = REGISTERED;

/** Every registered platform's id, in the registry's order: the model's platform list. */
export const PLATFORM_IDS = REGISTERED.map((p) => p.id);

export function platformById(id: Platform): PlatformDefinition {
  const found = PLATFORMS.find((p) => p.id === id);
  if (!found) throw new Error(`platform ${id} is not registered`);
  return found;
}

/** The platform whose host this is, or null. */
export function platformForUrl(url: URL): PlatformDefinition | null {
  if (url.protocol !== 'https:') return null;
  return PLATFORMS.find((p) => p.ownsHost(url.hostname)) ?? null;
}

/** What a URL is: a platform and page kind, or null for anything that is not a creator page. */
export function matchPage(href: string | URL): PageMatch | null {
  let url: URL;
  try {
    url = typeof href === 'string' ? new URL(href) : href;
  } catch {
    return null;
  }
  return platformForUrl(url)?.match(url) ?? null;
}

/** Every registered platform's facts, by id. */
export const PLATFORM_FACTS = Object.fromEntries(PLATFORMS.map((p) => [p.id, p.facts])) as Readonly<
  Record<Platform, PlatformFacts>
>;

/** Each platform's id with its facts, in the registry's order. */
export const FACTS_IN_ORDER = PLATFORMS.map((p) => [p.id, p.facts] as const);

/** A platform's name, words, engagement strategy, benchmarks and rate-card rows. */
export function platformFacts(id: Platform): PlatformFacts {
  return PLATFORM_FACTS[id];
}

/** Every deliverable a registered platform sells ("video", "reel"...), as its facts name them. */
export type Deliverable =
  (typeof REGISTERED)[number]['facts']['rates']['deliverables'][number]['id'];

/** Every platform's worker side, loaded, by id. */
export type Workers = ReadonlyMap<Platform, PlatformWorker>;

/**
 * Loads every registered platform's worker side, once per call: the background calls it once at
 * start (its listeners are registered at once, as MV3 requires, and wait for it), the CLI once per
 * run.
 */
export async function loadWorkers(): Promise<Workers> {
  const loaded = await Promise.all(PLATFORMS.map(async (p) => [p.id, await p.worker()] as const));
  return new Map(loaded);
}

export type {
  DemoRoute,
  PageKind,
  PageMatch,
  PlatformContent,
  PlatformDefinition,
  PlatformWorker,
} from './types';
export type { Noun, PlatformFacts } from './facts';
