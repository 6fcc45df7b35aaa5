import { installTap } from '@/lib/tap/install';

/**
 * The MAIN-world tap: sees the page's own API responses; sends nothing anywhere. It imports no
 * platform: wxt.config.ts reads the registry at build time and writes its host matches and tap
 * rules in as constants, so the tap stays tiny.
 */
export default defineContentScript({
  matches: __SCOUT_HOST_MATCHES__,
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: () => installTap(window, __SCOUT_TAP_SOURCES__),
});
