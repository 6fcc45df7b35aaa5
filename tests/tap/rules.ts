import { PLATFORMS } from '@/lib/platforms';
import { isAllowed, rulesForHost, tapSources } from '@/lib/tap/allow-list';

/** The allow-list the tap is built with: every registered platform's rules, as sources. */
export const TAP_SOURCES = tapSources(PLATFORMS);

/** Whether the tap copies a response of this URL (and query name), by the rules of its host. */
export function tapCopies(href: string, query: string | null = null): boolean {
  const url = new URL(href);
  return isAllowed(url, query, rulesForHost(url.hostname, TAP_SOURCES));
}
