import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Reading } from '../extract/reading';
import { ask } from '../messaging/client';
import type { ExtractResult, PlatformDefinition } from '../platforms/types';
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

/** Readings from the page's own API responses kept for re-merging (bounded: old ones drop first). */
const MAX_BODY_READINGS = 200;
/** Bursts of responses (a page fetching profile and videos together) are merged once. */
const SETTLE_DELAY_MS = 30;

/** One creator page being read: superseded by the next navigation. */
interface Visit {
  href: string;
  url: URL;
  /** Fingerprint of the last result sent, so unchanged re-reads send nothing. */
  sent: string | null;
  domReady: boolean;
  /** The document's readings, kept once they name the page's creator (re-read until then). */
  docReadings: Reading[] | null;
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

/** A snapshot's identity for "did anything change?", ignoring the capture clock. */
const fingerprint = (result: ExtractResult) =>
  result.ok
    ? JSON.stringify({ ...result.snapshot, capturedAt: 0 })
    : `${result.problem}:${result.reason}`;

/**
 * Scout in one host tab. On every (SPA) navigation it decides whether the URL is a creator page,
 * mounts or removes the card, and reads the page: its document once the DOM is ready, and the
 * page's own API responses (from the MAIN-world tap) as they arrive, merged into one snapshot for
 * the creator the URL names — readings about anyone else are discarded by the merge. Each visit
 * supersedes the previous one, so a late result for the last creator never lands under the new URL.
 */
export function startContentScript(ctx: ContentScriptContext, platform: PlatformDefinition): void {
  const frame = new SidebarFrame(ctx);
  let layout: Layout = DEFAULT_LAYOUT;
  /** The keyboard shortcut hides the card in this tab until pressed again. */
  let dismissed = false;
  const bodyReadings: Reading[] = [];
  let visit: Visit | null = null;
  let reported = false;
  /** Whose page the mounted card was opened for. */
  let shownFor: string | null = null;
  let settleTimer: number | undefined;

  const hidden = () => dismissed || isHiddenOn(layout, location.hostname);

  function showCard(): void {
    if (!visit || hidden()) return frame.unmount();
    frame.mount();
    placeAwayFromButtons();
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

  /**
   * The document's readings for this visit. Re-reading a whole page on every API response costs the
   * host page's main thread; once the document has spoken about the URL's creator it is kept. Until
   * then (an SPA page whose embedded data is the previous creator's) it is read again each time.
   */
  function documentReadings(current: Visit): Reading[] {
    if (current.docReadings) return current.docReadings;
    const readings = platform.readDocument?.(document, current.url, Date.now()) ?? [];
    const handle = platform.match(current.url)?.handle;
    if (handle && readings.some((r) => r.handle === handle && Object.keys(r.counts).length > 0)) {
      current.docReadings = readings;
    }
    return readings;
  }

  async function settle(current: Visit): Promise<void> {
    if (current !== visit || !current.domReady || ctx.isInvalid) return;
    const readings = [...documentReadings(current), ...bodyReadings];
    const input = { url: current.url, now: Date.now() };
    const result = platform.settle
      ? platform.settle(readings, input)
      : platform.extract({ ...input, doc: document });
    // A live page is read now: a payload's own clock can trail the local one (server skew, cached
    // bodies), and a richer re-read must never look older than the read before it.
    if (result.ok) result.snapshot.capturedAt = Math.max(result.snapshot.capturedAt, input.now);
    const print = fingerprint(result);
    if (print === current.sent) return;
    current.sent = print;
    const { href, visitAt } = current;
    if (result.ok) await ask('snapshot/submit', { url: href, visitAt, snapshot: result.snapshot });
    else
      await ask('page/status', {
        url: href,
        visitAt,
        state: result.problem,
        reason: result.reason,
      });
    placeAwayFromButtons();
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
      sent: null,
      domReady: false,
      docReadings: null,
      visitAt: nextVisitAt(),
    };
    visit = current;
    // Another creator: a fresh card, in this same task, so the previous creator's numbers are gone
    // before the new URL has been on screen for a frame.
    const target = match.handle ?? `post:${match.postId ?? href}`;
    if (shownFor !== target) frame.unmount();
    shownFor = target;
    showCard();
    await ask('page/status', { url: href, visitAt: current.visitAt, state: 'reading' });
    await domReady(ctx);
    if (current !== visit) return;
    current.domReady = true;
    scheduleSettle();
  }

  function onBody(body: TappedBody): void {
    if (!platform.readBody) return;
    for (const json of body.documents)
      bodyReadings.push(...platform.readBody(json, body.url, Date.now()));
    bodyReadings.splice(0, Math.max(0, bodyReadings.length - MAX_BODY_READINGS));
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
