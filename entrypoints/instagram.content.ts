import { startContentScript } from '@/lib/content/controller';
import { instagram } from '@/lib/platforms/instagram';

export default defineContentScript({
  matches: [...instagram.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, instagram),
});
