import { startContentScript } from '@/lib/content/controller';
import { tiktokPage } from '@/lib/platforms/tiktok/page';

export default defineContentScript({
  matches: [...tiktokPage.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, tiktokPage),
});
