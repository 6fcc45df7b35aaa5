import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_MARGIN, CARD_TOP, CARD_WIDTH, type Placement } from './layout';

const FRAME_CSS = `
iframe { display: block; width: 100%; height: 100%; border: 0; background: transparent;
  color-scheme: normal; border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.22); }`;

/**
 * The host's own box, from inside its closed shadow root: `!important` there outranks any page
 * style, even an important one on the element itself, so the page cannot hide or move the card by
 * accident, and the host carries no attribute of its own.
 */
function hostCss({
  side,
  top,
  height,
}: Placement | { side: 'right'; top: number; height: string }) {
  const other = side === 'right' ? 'left' : 'right';
  const size = typeof height === 'number' ? `${height}px` : height;
  return `:host { all: initial !important; position: fixed !important; top: ${top}px !important;
  ${side}: ${CARD_MARGIN}px !important; ${other}: auto !important; width: ${CARD_WIDTH}px !important;
  height: ${size} !important; z-index: 2147483646 !important; display: block !important;
  margin: 0 !important; padding: 0 !important; }`;
}

const FIRST_PLACE = {
  side: 'right',
  top: CARD_TOP,
  height: 'min(520px, calc(100vh - 96px))',
} as const;

/**
 * The sidebar: an extension page in an iframe, inside a closed shadow root on a plain `<div>`
 * without attributes, appended to `<html>` (which survives a host page wiping `<body>`): nothing in
 * the page's DOM names Scout or differs between loads. Re-attached when the page's own re-render
 * removes it.
 */
export class SidebarFrame {
  private host: HTMLElement | null = null;
  private box: HTMLStyleElement | null = null;
  private observer: MutationObserver | null = null;

  constructor(private readonly ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.unmount());
  }

  get mounted(): boolean {
    return this.host !== null;
  }

  mount(): void {
    if (this.host) return;
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('style');
    box.textContent = hostCss(FIRST_PLACE);
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    const iframe = document.createElement('iframe');
    iframe.title = 'Scout';
    // A per-session URL where the browser supports it (use_dynamic_url): no stable id to fingerprint.
    iframe.src = browser.runtime.getURL('/sidebar.html');
    shadow.append(box, style, iframe);
    this.host = host;
    this.box = box;
    this.attach();
    this.observer = new MutationObserver(() => {
      if (this.host && !this.host.isConnected) this.attach();
    });
    this.observer.observe(document, { childList: true, subtree: false });
    this.observer.observe(document.documentElement, { childList: true });
  }

  /** Moves the card (side, top, height); the iframe's own layout follows. */
  place(placement: Placement): void {
    if (this.box) this.box.textContent = hostCss(placement);
  }

  /** The card's box on screen, or null when not mounted. */
  rect(): DOMRect | null {
    return this.host?.getBoundingClientRect() ?? null;
  }

  unmount(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.host?.remove();
    this.host = null;
    this.box = null;
  }

  private attach(): void {
    if (this.ctx.isInvalid || !this.host) return;
    const root = document.documentElement;
    if (!root) return;
    root.append(this.host);
    // A replaced <html> needs watching afresh.
    this.observer?.observe(root, { childList: true });
  }
}
