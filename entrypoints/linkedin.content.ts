import { startContentScript } from '@/lib/content/controller';
import { linkedin } from '@/lib/platforms/linkedin';

export default defineContentScript({
  matches: [...linkedin.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, linkedin),
});
