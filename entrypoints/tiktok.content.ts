import { startContentScript } from '@/lib/content/controller';
import { content } from '@/lib/platforms/tiktok/content';

export default defineContentScript({
  matches: [...content.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, content),
});
