import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask, RESEND_MESSAGE } from '../messaging/client';
import type { PlatformContent } from '../platforms/types';
import {
  DEFAULT_LAYOUT,
  isHiddenOn,
  LAYOUT_KEY,
  readLayout,
  type Layout,
} from '../settings/layout';
import { findProfileButtons, placeCard, TOGGLE_MESSAGE } from './layout';
import { SidebarFrame } from './sidebar-frame';
import { listenToTap } from './tap-receiver';
import { runVisits, type VisitEvent } from './visit-machine';

/** Names this content script's life in the page, for the background's bookkeeping. */
function newSession(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Scout in one host tab: the DOM and browser side of the visit machine (visit-machine.ts), which
 * decides what to collect, send and show. It sends the page's material as text to the background,
 * which parses it and files one snapshot for the creator the URL names: the host page's main
 * thread never parses or maps JSON for Scout.
 */
export function startContentScript(ctx: ContentScriptContext, platform: PlatformContent): void {
  const frame = new SidebarFrame(ctx);
  let layout: Layout = DEFAULT_LAYOUT;
  /** The keyboard shortcut hides the card in this tab until pressed again. */
  let dismissed = false;
  /** The machine wants the card on the page. */
  let wanted = false;
  let placer: IntersectionObserver | null = null;

  function showCard(): void {
    if (!wanted || dismissed || isHiddenOn(layout, location.hostname)) return frame.unmount();
    frame.mount();
    placeAwayFromButtons();
  }

  /**
   * Keeps the card off the profile's own buttons. Their boxes come from an IntersectionObserver,
   * which reports after the page's own layout: reading getBoundingClientRect here would force a
   * synchronous layout of the host page on every update.
   */
  function placeAwayFromButtons(): void {
    placer?.disconnect();
    if (!frame.mounted) return;
    const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });
    const buttons = document.body ? findProfileButtons(document) : [];
    if (!buttons.length) return frame.place(placeCard(layout, viewport(), []));
    const boxes = new Map<Element, DOMRectReadOnly>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) boxes.set(entry.target, entry.boundingClientRect);
      if (boxes.size < buttons.length) return;
      observer.disconnect();
      frame.place(placeCard(layout, viewport(), [...boxes.values()]));
    });
    placer = observer;
    for (const button of buttons) observer.observe(button);
  }

  const run = runVisits(newSession(), {
    collect: (href, scope) => platform.collectDocument(document, new URL(href), Date.now(), scope),
    send: (message) => ask('page/read', message),
    status: (message) => ask('page/status', message),
    card(show) {
      wanted = show;
      showCard();
    },
    place: placeAwayFromButtons,
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  });
  const dispatch = (event: VisitEvent) => {
    if (!ctx.isInvalid) run(event);
  };

  function navigate(href: string): void {
    const match = platform.match(new URL(href));
    const target = match ? (match.handle ?? `post:${match.postId ?? href}`) : null;
    dispatch({ type: 'navigate', href, target, now: Date.now() });
  }

  listenToTap(ctx, platform.tap.rules, (body) =>
    dispatch({ type: 'body', url: body.url.href, text: body.text }),
  );
  navigate(location.href);
  if (document.readyState !== 'loading') dispatch({ type: 'dom-ready' });
  else
    ctx.addEventListener(document, 'DOMContentLoaded', () => dispatch({ type: 'dom-ready' }), {
      once: true,
    });
  // After the load event, not inside it: the page's own load handlers run first.
  if (document.readyState === 'complete') dispatch({ type: 'loaded' });
  else
    ctx.addEventListener(
      window,
      'load',
      () => ctx.setTimeout(() => dispatch({ type: 'loaded' }), 0),
      { once: true },
    );
  // The event's newUrl: location.href still holds the old URL inside pushState.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => navigate(event.newUrl.href));
  ctx.addEventListener(window, 'resize', () => placeAwayFromButtons());

  void browser.storage.local.get(LAYOUT_KEY).then((stored) => {
    layout = readLayout(stored[LAYOUT_KEY]);
    showCard();
  });
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(LAYOUT_KEY in changes)) return;
    layout = readLayout(changes[LAYOUT_KEY]?.newValue);
    showCard();
  };
  browser.storage.onChanged.addListener(onStorage);
  const onMessage = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (answer: unknown) => void,
  ) => {
    if (sender.id !== browser.runtime.id) return;
    const type = (message as { type?: unknown } | null)?.type;
    if (type === RESEND_MESSAGE) {
      // Answered at once: the background only needs to know that someone is here to send.
      sendResponse(true);
      dispatch({ type: 'resend' });
    } else if (type === TOGGLE_MESSAGE) {
      dismissed = !dismissed;
      showCard();
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    placer?.disconnect();
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
