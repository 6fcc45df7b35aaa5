import { startContentScript } from '@/lib/content/controller';
import { linkedinPage } from '@/lib/platforms/linkedin/page';

export default defineContentScript({
  matches: [...linkedinPage.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, linkedinPage),
});
