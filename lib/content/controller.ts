import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask } from '../messaging/client';
import { MATERIAL_LIMITS } from '../model/material-limits';
import type { CollectScope, PageMaterial, PagePlatform } from '../platforms/types';
import {
  DEFAULT_LAYOUT,
  isHiddenOn,
  LAYOUT_KEY,
  readLayout,
  type Layout,
} from '../settings/layout';
import { findProfileButtons, placeCard, TOGGLE_MESSAGE } from './layout';
import { SidebarFrame } from './sidebar-frame';
import { listenToTap, type TappedBody } from './tap-receiver';

/**
 * The page's own API responses kept as text, so that they can be sent again if the background has
 * lost them (its worker restarted). Bounded by count and size: old ones drop first.
 */
const MAX_BODIES = 60;
const MAX_BODY_CHARS = 12_000_000;
/** How long the DOM waits to be read after the embedded JSON and responses lacked something. */
const DOM_FALLBACK_MS = 300;
/** The longest the card waits for the page's `load` event (after its DOM) before it is made anyway. */
const CARD_LOAD_TIMEOUT_MS = 1500;
/** Bursts of responses (a page fetching profile and videos together) are merged once. */
const SETTLE_DELAY_MS = 30;

/** One creator page being read: superseded by the next navigation. */
interface Visit {
  href: string;
  url: URL;
  domReady: boolean;
  /** The document's material as last collected, and whether the background has it. */
  material: PageMaterial | null;
  materialSent: boolean;
  /** The background found the page's creator in the document: it is not collected again. */
  docDone: boolean;
  /**
   * The embedded JSON alone first: with the page's own API responses it gives the creator and
   * posts on most pages, and then the DOM readers never run on the page. When it does not, the
   * whole document, after DOM_FALLBACK_MS.
   */
  scope: CollectScope;
  domTimer?: number;
  /** When the visit began (wall clock): the background files a tab by its latest visit only. */
  visitAt: number;
}

let lastVisitAt = 0;
/** Strictly increasing wall-clock stamps, across reloads of the page as well. */
function nextVisitAt(): number {
  lastVisitAt = Math.max(Date.now(), lastVisitAt + 1);
  return lastVisitAt;
}

function domReady(ctx: ContentScriptContext): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/** Two collections of a document say the same (texts compared as strings: no parsing). */
function sameMaterial(a: PageMaterial, b: PageMaterial | null): boolean {
  return (
    !!b &&
    a.locale === b.locale &&
    a.texts.length === b.texts.length &&
    a.texts.every((t, i) => t.name === b.texts[i]?.name && t.text === b.texts[i]?.text) &&
    JSON.stringify(a.readings) === JSON.stringify(b.readings)
  );
}

/** The material trimmed to what one message may hold: a page with absurdly many keeps its first. */
function bounded(material: PageMaterial): PageMaterial {
  const { texts, readings, postsPerReading } = MATERIAL_LIMITS;
  return {
    locale: material.locale,
    texts: material.texts.slice(0, texts),
    readings: material.readings
      .slice(0, readings)
      .map((r) =>
        r.posts.length > postsPerReading ? { ...r, posts: r.posts.slice(0, postsPerReading) } : r,
      ),
  };
}

/** Names this content script's life in the page, for the background's bookkeeping. */
function newSession(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Scout in one host tab. On every (SPA) navigation it decides whether the URL is a creator page,
 * mounts or removes the card, and gathers what the page carries: its document's material once the
 * DOM is ready, and the page's own API responses (from the MAIN-world tap) as they arrive. It sends
 * them as text to the background, which parses them and merges one snapshot for the creator the
 * URL names: the host page's main thread never parses or maps JSON for Scout. Each visit
 * supersedes the previous one, so a late result for the last creator never lands under the new URL.
 */
export function startContentScript(ctx: ContentScriptContext, platform: PagePlatform): void {
  const frame = new SidebarFrame(ctx);
  let layout: Layout = DEFAULT_LAYOUT;
  /** The keyboard shortcut hides the card in this tab until pressed again. */
  let dismissed = false;
  const session = newSession();
  /** Bodies received (numbered from 1), and the last number the background has acknowledged. */
  const bodies: { seq: number; url: string; text: string }[] = [];
  let bodySeq = 0;
  let acked = 0;
  /** Whether the background has been sent anything yet (the first message is a full one). */
  let started = false;
  /** Sends run one at a time, in order: each builds on what the last one delivered. */
  let sending: Promise<void> = Promise.resolve();
  let visit: Visit | null = null;
  let reported = false;
  /** Whose page the mounted card was opened for. */
  let shownFor: string | null = null;
  let settleTimer: number | undefined;

  const hidden = () => dismissed || isHiddenOn(layout, location.hostname);

  function showCard(): void {
    if (!visit || hidden()) return frame.unmount();
    if (!visit.domReady) return;
    frame.mount();
    placeAwayFromButtons();
  }

  /**
   * The card's frame is made once the page has loaded (or CARD_LOAD_TIMEOUT_MS after its DOM, on
   * a page slow to load). A frame made while the page is still loading costs the page's main
   * thread more than twice as much, and holds back the page's own `load` event until the card
   * itself has loaded. Later navigations inside the app show it at once.
   */
  function showCardOnceLoaded(): void {
    if (document.readyState === 'complete') return showCard();
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      showCard();
    };
    ctx.addEventListener(window, 'load', () => ctx.setTimeout(show, 0), { once: true });
    ctx.setTimeout(show, CARD_LOAD_TIMEOUT_MS);
  }

  let placer: IntersectionObserver | null = null;

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

  /** Sends what the background does not have yet: all of it when `full` (or when it asks). */
  async function send(current: Visit, full: boolean): Promise<void> {
    if (current !== visit || ctx.isInvalid || !current.material) return;
    const since = full ? 0 : acked;
    const fresh = bodies.filter((b) => b.seq > since);
    started = true;
    const doc = full || !current.materialSent ? current.material : undefined;
    if (!doc && !fresh.length) return;
    const { href: url, visitAt } = current;
    const reply = await ask('page/read', {
      url,
      visitAt,
      session,
      full,
      since,
      ...(doc ? { doc } : {}),
      bodies: fresh,
    });
    if (!reply.ok) return;
    if (reply.data.resend) return full ? undefined : send(current, true);
    acked = Math.max(since, fresh.at(-1)?.seq ?? since);
    if (doc && current.material === doc) current.materialSent = true;
    const { docDone, hasPosts } = reply.data;
    if (docDone && (hasPosts || current.scope === 'all')) {
      current.docDone = true;
      window.clearTimeout(current.domTimer);
    } else if (current.scope === 'texts' && current.domTimer === undefined) {
      // The embedded JSON lacks the creator or posts: the page's own requests may still bring
      // them; if they have not shortly, the DOM is read as well.
      current.domTimer = ctx.setTimeout(() => {
        current.scope = 'all';
        void settle(current);
      }, DOM_FALLBACK_MS);
    }
    placeAwayFromButtons();
  }

  /**
   * Gathers the document (until the background has found the creator in it: an SPA page's DOM and
   * embedded data may still be the previous creator's) and sends what is new.
   */
  function settle(current: Visit): Promise<void> {
    if (current !== visit || !current.domReady || ctx.isInvalid) return Promise.resolve();
    if (!current.docDone) {
      let material = platform.collectDocument(document, current.url, Date.now(), current.scope);
      if (current.scope === 'texts' && !material.texts.length) {
        current.scope = 'all';
        material = platform.collectDocument(document, current.url, Date.now(), 'all');
      }
      material = bounded(material);
      if (!sameMaterial(material, current.material)) {
        current.material = material;
        current.materialSent = false;
      }
    }
    // The first message of this script's life starts the background's record afresh.
    sending = sending.then(() => send(current, !started));
    return sending;
  }

  function scheduleSettle(): void {
    window.clearTimeout(settleTimer);
    const current = visit;
    if (!current) return;
    settleTimer = ctx.setTimeout(() => {
      void settle(current).catch((error: unknown) => console.debug('[scout] read failed', error));
    }, SETTLE_DELAY_MS);
  }

  async function open(href: string): Promise<void> {
    const url = new URL(href);
    const match = platform.match(url);
    if (!match) {
      visit = null;
      frame.unmount();
      shownFor = null;
      // Only a tab that showed a creator needs telling that it no longer does.
      if (reported)
        await ask('page/status', { url: href, visitAt: nextVisitAt(), state: 'not-creator' });
      return;
    }
    reported = true;
    const current: Visit = {
      href,
      url,
      domReady: false,
      material: null,
      materialSent: false,
      docDone: false,
      scope: 'texts',
      visitAt: nextVisitAt(),
    };
    visit = current;
    // Another creator: a fresh card, in this same task, so the previous creator's numbers are gone
    // before the new URL has been on screen for a frame.
    const target = match.handle ?? `post:${match.postId ?? href}`;
    if (shownFor !== target) frame.unmount();
    shownFor = target;
    await ask('page/status', { url: href, visitAt: current.visitAt, state: 'reading' });
    await domReady(ctx);
    if (current !== visit) return;
    current.domReady = true;
    scheduleSettle();
    showCardOnceLoaded();
  }

  function onBody(body: TappedBody): void {
    bodies.push({ seq: ++bodySeq, url: body.url.href, text: body.text });
    let chars = bodies.reduce((sum, b) => sum + b.text.length, 0);
    while (bodies.length > MAX_BODIES || (bodies.length > 1 && chars > MAX_BODY_CHARS))
      chars -= bodies.shift()!.text.length;
    scheduleSettle();
  }

  const safeOpen = (href: string) =>
    open(href).catch((error: unknown) => console.debug('[scout] page read failed', error));

  listenToTap(ctx, onBody);
  void safeOpen(location.href);
  // The event's newUrl: location.href still holds the old URL inside pushState.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => void safeOpen(event.newUrl.href));
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
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (
      sender.id !== browser.runtime.id ||
      (message as { type?: unknown })?.type !== TOGGLE_MESSAGE
    )
      return;
    dismissed = !dismissed;
    showCard();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    placer?.disconnect();
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
