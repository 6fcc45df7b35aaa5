import type { Platform } from '../model/snapshot';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { tiktok } from './tiktok';
import type { PageMatch, PlatformDefinition } from './types';

/** THE registry: adding a platform is one folder under lib/platforms plus one line here. */
export const PLATFORMS: readonly PlatformDefinition[] = [tiktok, instagram, linkedin];

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

export type { PageKind, PageMatch, PlatformDefinition } from './types';
export type { Noun, PlatformFacts } from './facts';
export { platformFacts, type Deliverable } from './facts-registry';
