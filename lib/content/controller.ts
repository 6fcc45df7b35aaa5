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
import { CLOSE_FEED_MESSAGE, findProfileButtons, placeCard, TOGGLE_MESSAGE } from './layout';
import { SidebarFrame } from './sidebar-frame';
import { allows, type TapRule } from '../tap/allow-list';
import { CHIPS_KEY, chipsOn, readChipSettings } from '../settings/chips';
import { ChipLayer } from './chips';
import { listenToTap, type TappedBody } from './tap-receiver';
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
  /** The creator whose chip the user activated: the card shows them until closed. */
  let fromFeed: string | null = null;
  /** The keyboard shortcut hides the card in this tab until pressed again. */
  let dismissed = false;
  /** The machine wants the card on the page. */
  let wanted = false;
  let placer: IntersectionObserver | null = null;

  function showCard(): void {
    if (!(wanted || fromFeed) || dismissed || isHiddenOn(layout, location.hostname))
      return frame.unmount();
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
    setTimeout: later(ctx),
    clearTimeout: (id) => window.clearTimeout(id),
  });
  const dispatch = (event: VisitEvent) => {
    if (!ctx.isInvalid) run(event);
  };

  const feed = platform.feed
    ? startFeed(ctx, platform.id, platform.feed, {
        open(handle) {
          void ask('feed/open', { url: location.href, handle }).then((reply) => {
            if (!reply.ok || ctx.isInvalid) return;
            fromFeed = handle;
            dismissed = false;
            showCard();
          });
        },
        close: closeFeedCard,
      })
    : null;

  function closeFeedCard(): void {
    if (fromFeed === null) return;
    fromFeed = null;
    showCard();
    void ask('feed/open', { url: location.href, handle: null });
  }

  function navigate(href: string): void {
    closeFeedCard();
    const match = platform.match(new URL(href));
    const target = match ? (match.handle ?? `post:${match.postId ?? href}`) : null;
    dispatch({ type: 'navigate', href, target, now: Date.now() });
  }

  const listRules = pathsOf(platform.tap.rules.filter((rule) => rule.lists));
  const pageRules = pathsOf(platform.tap.rules.filter((rule) => !rule.lists));
  listenToTap(ctx, platform.tap.rules, (body) => {
    if (matches(listRules, body)) feed?.body(body);
    if (matches(pageRules, body)) dispatch({ type: 'body', url: body.url.href, text: body.text });
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.key === 'Escape') closeFeedCard();
  });
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
    } else if (type === CLOSE_FEED_MESSAGE) {
      closeFeedCard();
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

/** The rules by path alone: the tap has checked the query names already. */
const pathsOf = (rules: readonly TapRule[]): TapRule[] =>
  rules.map((rule) => ({ path: rule.path }));

const matches = (rules: readonly TapRule[], body: TappedBody) =>
  allows(rules, body.url.pathname, () => null);

/**
 * In-feed vetting in one tab: the chip layer while chips are on for the platform (options page),
 * fed by the bodies listing creators, which go to the background one message each.
 */
function startFeed(
  ctx: ContentScriptContext,
  platformId: string,
  side: NonNullable<PlatformContent['feed']>,
  card: { open(handle: string): void; close(): void },
) {
  let on = false;
  let seq = 0;
  const layer = new ChipLayer(side, {
    ask: async (handles) => {
      const reply = await ask('chips/get', { url: location.href, handles });
      return reply.ok ? reply.data : null;
    },
    sendReadings: async (readings) => {
      const reply = await ask('feed/read', { url: location.href, bodies: [], readings });
      return reply.ok ? reply.data : null;
    },
    open: card.open,
    close: card.close,
    setTimeout: later(ctx),
  });
  const follow = (value: unknown) => {
    const next = chipsOn(readChipSettings(value), platformId);
    if (next === on || ctx.isInvalid) return;
    on = next;
    if (on) layer.start();
    else layer.stop();
  };
  void browser.storage.local.get(CHIPS_KEY).then((stored) => follow(stored[CHIPS_KEY]));
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CHIPS_KEY in changes) follow(changes[CHIPS_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (on && document.visibilityState === 'visible') layer.refresh();
  });
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    layer.stop();
  });
  return {
    /** A body listing creators: its sightings filed, its creators' chips drawn. */
    body(body: TappedBody): void {
      if (!on) return;
      const message = {
        url: location.href,
        bodies: [{ seq: ++seq, url: body.url.href, text: body.text }],
      };
      const send = (retries: number): void => {
        void ask('feed/read', message).then((reply) => {
          if (reply.ok) layer.update(reply.data);
          // A stopped worker loses the message: sent once more, then the chips simply stay away.
          else if (reply.error.code === 'unreachable' && retries > 0 && !ctx.isInvalid)
            ctx.setTimeout(() => send(retries - 1), 1000);
        });
      };
      send(1);
    },
  };
}

/**
 * A timer that does nothing once the script is invalidated. Not `ctx.setTimeout`, which adds an
 * abort listener per call and never removes it: the chips' slices and the visits' retries would
 * pile up one listener per timer for as long as the page stays open. It reads the context's abort
 * signal, not `isInvalid`, which asks the extension runtime on every call.
 */
function later(ctx: ContentScriptContext): (fn: () => void, ms: number) => number {
  return (fn, ms) =>
    window.setTimeout(() => {
      if (!ctx.signal.aborted) fn();
    }, ms);
}
