import { startContentScript } from '@/lib/content/controller';
import { tiktok } from '@/lib/platforms/tiktok';

export default defineContentScript({
  matches: [...tiktok.matches],
  runAt: 'document_start',
  globalName: false,
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, tiktok),
});
