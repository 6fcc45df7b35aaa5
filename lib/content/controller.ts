import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask } from '../messaging/client';
import type { PlatformDefinition } from '../platforms/types';
import { SidebarFrame } from './sidebar-frame';

function domReady(ctx: ContentScriptContext): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/**
 * Scout in one host tab: on every (SPA) navigation it decides whether the URL is a creator page,
 * mounts or removes the sidebar, reads the page, and tells the background. Each visit aborts the
 * previous one, so a slow read of the last creator never lands under the new URL.
 */
export function startContentScript(ctx: ContentScriptContext, platform: PlatformDefinition): void {
  const frame = new SidebarFrame(ctx);
  let visit: AbortController | null = null;
  let reported = false;
  /** Whose page the mounted sidebar was opened for. */
  let shownFor: string | null = null;

  async function open(href: string): Promise<void> {
    visit?.abort();
    const current = (visit = new AbortController());
    const url = new URL(href);
    const match = platform.match(url);
    if (!match) {
      frame.unmount();
      shownFor = null;
      // Only a tab that showed a creator needs telling that it no longer does.
      if (reported) await ask('page/status', { url: href, state: 'not-creator' });
      return;
    }
    reported = true;
    // Another creator: a fresh sidebar, in this same task, so the previous creator's numbers are
    // gone before the new URL has been on screen for a frame.
    const target = match.handle ?? `post:${match.postId ?? href}`;
    if (shownFor !== target) frame.unmount();
    shownFor = target;
    frame.mount();
    await ask('page/status', { url: href, state: 'reading' });
    await domReady(ctx);
    if (current.signal.aborted || ctx.isInvalid) return;
    const result = platform.extract({ doc: document, url, now: Date.now() });
    if (current.signal.aborted) return;
    if (result.ok) await ask('snapshot/submit', { url: href, snapshot: result.snapshot });
    else await ask('page/status', { url: href, state: result.problem, reason: result.reason });
  }

  const safeOpen = (href: string) =>
    open(href).catch((error: unknown) => console.debug('[scout] page read failed', error));

  void safeOpen(location.href);
  // The event's newUrl: location.href still holds the old URL inside pushState.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => void safeOpen(event.newUrl.href));
}
