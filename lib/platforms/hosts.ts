import { PLATFORMS } from './index';

/**
 * Match patterns for every host Scout reads: each registered platform's. The only host access the
 * extension asks for: content-script matches and the sidebar's web-accessible scope are built from
 * this list (wxt.config.ts).
 */
export const HOST_MATCHES: readonly string[] = PLATFORMS.flatMap((p) => p.matches);
