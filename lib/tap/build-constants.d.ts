import type { TapSources } from './allow-list';

declare global {
  /** Every platform's content-script match patterns, written in at build time (wxt.config.ts). */
  const __SCOUT_HOST_MATCHES__: string[];
  /** Every platform's tap rules as pattern sources, written in at build time (wxt.config.ts). */
  const __SCOUT_TAP_SOURCES__: TapSources;
}
