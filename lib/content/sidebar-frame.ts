import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_MARGIN, CARD_TOP, CARD_WIDTH, type Placement } from './layout';

/** The tag of the element that holds Scout's sidebar in a host page. */
export const SIDEBAR_TAG = 'scout-sidebar';

const FRAME_CSS = `
:host { all: initial; }
iframe { display: block; width: 100%; height: 100%; border: 0; background: transparent;
  color-scheme: normal; border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.22); }`;

/** Inline, !important: the host page's stylesheets cannot hide or move the sidebar by accident. */
const HOST_STYLE: Record<string, string> = {
  position: 'fixed',
  top: `${CARD_TOP}px`,
  right: `${CARD_MARGIN}px`,
  width: `${CARD_WIDTH}px`,
  height: 'min(520px, calc(100vh - 96px))',
  'z-index': '2147483646',
  display: 'block',
  margin: '0',
  padding: '0',
};

/**
 * The sidebar: an extension page in an iframe, inside a closed shadow root on `<html>` (which
 * survives a host page wiping `<body>`). Re-attached when the page's own re-render removes it.
 */
export class SidebarFrame {
  private host: HTMLElement | null = null;
  private observer: MutationObserver | null = null;

  constructor(private readonly ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.unmount());
  }

  get mounted(): boolean {
    return this.host !== null;
  }

  mount(): void {
    if (this.host) return;
    const host = document.createElement(SIDEBAR_TAG);
    for (const [name, value] of Object.entries(HOST_STYLE))
      host.style.setProperty(name, value, 'important');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    const iframe = document.createElement('iframe');
    iframe.title = 'Scout';
    // A per-session URL where the browser supports it (use_dynamic_url): no stable id to fingerprint.
    iframe.src = browser.runtime.getURL('/sidebar.html');
    shadow.append(style, iframe);
    this.host = host;
    this.attach();
    this.observer = new MutationObserver(() => {
      if (this.host && !this.host.isConnected) this.attach();
    });
    this.observer.observe(document, { childList: true, subtree: false });
    this.observer.observe(document.documentElement, { childList: true });
  }

  /** Moves the card (side, top, height); the iframe's own layout follows. */
  place({ side, top, height }: Placement): void {
    const style = this.host?.style;
    if (!style) return;
    style.setProperty('top', `${top}px`, 'important');
    style.setProperty('height', `${height}px`, 'important');
    style.setProperty(side, `${CARD_MARGIN}px`, 'important');
    style.setProperty(side === 'right' ? 'left' : 'right', 'auto', 'important');
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
