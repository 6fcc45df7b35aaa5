import { startContentScript } from '@/lib/content/controller';
import { instagramPage } from '@/lib/platforms/instagram/page';

export default defineContentScript({
  matches: [...instagramPage.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, instagramPage),
});
