import { HOST_MATCHES } from '@/lib/platforms/hosts';
import { installTap } from '@/lib/tap/install';

/** The MAIN-world tap: sees the page's own API responses; sends nothing anywhere. */
export default defineContentScript({
  matches: [...HOST_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: () => installTap(window),
});
