import type { Chip } from '../chips/chip';
import type { Reading } from '../extract/reading';
import type { FeedSide } from '../platforms/types';

/** Links this far outside the viewport get their chips before they scroll in. */
const NEAR_VIEWPORT = '300px 0px';
/** Added nodes examined per slice of work; the rest wait for the next slice. */
const NODES_PER_SLICE = 150;
/** Pause between slices, and the wait that gathers links before asking the background. */
const SLICE_GAP_MS = 16;
const ASK_DELAY_MS = 60;
/** Handles asked about per message, and how long before a creator without a chip is asked again. */
const HANDLES_PER_ASK = 200;
const ASK_AGAIN_MS = 30_000;
/** Containers whose links are the page's (or the viewer's) own menus, never a creator in a feed. */
const NOT_FEED =
  'nav, header, [role="navigation"], [role="menu"], [role="menubar"], [role="banner"]';

const CHIP_CSS = `
:host { all: initial !important; display: inline-block !important; vertical-align: middle !important;
  margin: 0 0 0 4px !important; padding: 0 !important; line-height: 1 !important; max-width: 40ch !important; }
button { all: initial; box-sizing: border-box; display: inline-block; cursor: pointer;
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap;
  color: #0b3d2e; background: #d8f3e6; border: 1px solid #8fd1b3; border-radius: 9px; padding: 0 6px;
  max-width: 40ch; overflow: hidden; text-overflow: ellipsis; }
button:hover { background: #c2ecd8; }
button:focus-visible { outline: 2px solid #0b6e4f; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { button { color: #d8f3e6; background: #123d2e; border-color: #2f7d5c; } }`;

/**
 * Beside a block-level link (a whole search row, a name block): floated to the right end of the
 * link's first line, before it, so it neither starts a line of its own nor moves what follows.
 */
const FLOAT_CSS = `:host { float: right !important; margin: 0 0 0 8px !important; }`;

/** What the chip layer needs of the content script around it. */
export interface ChipHooks {
  /** Asks the background for the chips of these creators. */
  ask(handles: string[]): Promise<{ chips: Chip[]; viewer?: string } | null>;
  /** Sends readings a feed item's markup gave (LinkedIn's cards), answered with chips. */
  sendReadings(readings: Reading[]): Promise<{ chips: Chip[]; viewer?: string } | null>;
  /** The user activated the chip of `handle`: open the card for them. */
  open(handle: string): void;
  /** The user pressed Escape on a chip: close the card opened from the feed. */
  close(): void;
  setTimeout(fn: () => void, ms: number): number;
}

/** One chip on the page: our own element, after the page's link, never inside it. */
interface Placed {
  host: HTMLElement;
  button: HTMLButtonElement;
}

/**
 * The chips beside creators' links in feeds, search results and grids (DESIGN "In-feed
 * vetting"). It never touches the page's own elements (no attribute, class, style or wrapper; the
 * links it has seen are remembered in memory): each chip is a plain element of Scout's own with a
 * closed shadow root, inserted after the link, one per creator per feed item. Links are found by
 * one selector over the nodes the page adds, examined in small slices off the input path, and
 * chipped only when in or near the viewport. Chips come from the background (`ask`) and from
 * the answers to the feed bodies the content script forwards (`update`).
 */
export class ChipLayer {
  private readonly known = new Map<string, Chip>();
  private readonly placed = new Map<string, Set<Placed>>();
  /** Feed items (or lone links) that already hold a chip, by creator. */
  private items = new WeakMap<Element, Set<string>>();
  private seen = new WeakSet<Element>();
  private read = new WeakSet<Element>();
  /** Links near the viewport waiting for their creator's chip. */
  private readonly waiting = new Map<string, Set<HTMLAnchorElement>>();
  private readonly asked = new Map<string, number>();
  private readonly queue: Node[] = [];
  private readonly itemsToRead = new Set<Element>();
  /** Each chip's host element, to the creator it names (events are contained at the window). */
  private readonly hosts = new WeakMap<EventTarget, string>();
  /** The chips' two style sheets, parsed once and shared by every chip (null: not supported). */
  private sheets: { inline: CSSStyleSheet; float: CSSStyleSheet } | null | undefined;
  private viewer: string | undefined;
  private sliceArmed = false;
  private askArmed = false;
  private stopped = false;
  private mutations: MutationObserver | null = null;
  private near: IntersectionObserver | null = null;

  constructor(
    private readonly feed: FeedSide,
    private readonly hooks: ChipHooks,
  ) {}

  /** Starts watching the page: the links already there, and every node the page adds. */
  start(): void {
    this.stopped = false;
    for (const type of CONTAINED) window.addEventListener(type, this.contain, true);
    this.near = new IntersectionObserver((entries) => this.onNear(entries), {
      rootMargin: NEAR_VIEWPORT,
    });
    this.mutations = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeType === 1) this.queue.push(node);
      this.armSlice();
    });
    this.mutations.observe(document, { childList: true, subtree: true });
    if (document.body) this.queue.push(document.body);
    this.armSlice();
  }

  /** Removes every chip and stops watching (chips turned off, or the script is invalidated). */
  stop(): void {
    this.stopped = true;
    for (const type of CONTAINED) window.removeEventListener(type, this.contain, true);
    this.mutations?.disconnect();
    this.near?.disconnect();
    this.queue.length = 0;
    for (const set of this.placed.values()) for (const p of set) p.host.remove();
    this.placed.clear();
    this.waiting.clear();
    // Started again, the layer sees the page afresh: every link and item is new to it.
    this.items = new WeakMap();
    this.seen = new WeakSet();
    this.read = new WeakSet();
  }

  /** Chips the background sent (for a feed body's creators, or asked for): drawn or redrawn. */
  update(answer: { chips: Chip[]; viewer?: string } | null): void {
    if (!answer || this.stopped) return;
    if (answer.viewer) this.forgetViewer(answer.viewer);
    const ready: [HTMLAnchorElement, Chip][] = [];
    for (const chip of answer.chips) {
      if (chip.handle === this.viewer) continue;
      this.known.set(chip.handle, chip);
      for (const p of this.placed.get(chip.handle) ?? []) draw(p, chip);
      const links = this.waiting.get(chip.handle);
      this.waiting.delete(chip.handle);
      for (const link of links ?? []) ready.push([link, chip]);
    }
    this.placeAll(ready);
  }

  /** Asks again about every creator with a chip on the page (a visit elsewhere may have vetted them). */
  refresh(): void {
    const handles = [...this.placed.keys()].slice(0, HANDLES_PER_ASK);
    if (handles.length) void this.hooks.ask(handles).then((a) => this.update(a));
  }

  /**
   * The chips' events, caught once for all at the window in the capture phase (one listener per
   * type, not seven per chip): an event on a chip goes no further, so the page's own handlers (a
   * feed item that opens its video on click) never see it. Inside a closed shadow root the event's
   * target here is the chip's host.
   */
  private readonly contain = (event: Event): void => {
    const handle = event.target ? this.hosts.get(event.target) : undefined;
    if (handle === undefined) return;
    event.stopPropagation();
    if (event.type === 'click') {
      event.preventDefault();
      this.hooks.open(handle);
    } else if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
      this.hooks.close();
    }
  };

  /** The shared style sheets, made on first use; null where constructed sheets cannot be adopted. */
  private styleSheets(): { inline: CSSStyleSheet; float: CSSStyleSheet } | null {
    if (this.sheets !== undefined) return this.sheets;
    try {
      const inline = new CSSStyleSheet();
      inline.replaceSync(CHIP_CSS);
      const float = new CSSStyleSheet();
      float.replaceSync(CHIP_CSS + FLOAT_CSS);
      this.sheets = { inline, float };
    } catch {
      this.sheets = null;
    }
    return this.sheets;
  }

  private forgetViewer(viewer: string): void {
    this.viewer = viewer;
    this.known.delete(viewer);
    this.waiting.delete(viewer);
    for (const p of this.placed.get(viewer) ?? []) p.host.remove();
    this.placed.delete(viewer);
  }

  private armSlice(): void {
    if (this.sliceArmed || this.stopped || !this.queue.length) return;
    this.sliceArmed = true;
    this.hooks.setTimeout(() => {
      this.sliceArmed = false;
      this.slice();
    }, SLICE_GAP_MS);
  }

  /** Examines a slice of the added nodes for creators' links, and watches those for the viewport. */
  private slice(): void {
    if (this.stopped) return;
    const nodes = this.queue.splice(0, NODES_PER_SLICE);
    for (const node of nodes) {
      const root = node as Element;
      // A chip of Scout's own, just inserted, holds no page link.
      if (!root.isConnected || this.hosts.has(root)) continue;
      if (root.matches(this.feed.links)) this.consider(root as HTMLAnchorElement);
      for (const link of root.querySelectorAll<HTMLAnchorElement>(this.feed.links))
        this.consider(link);
    }
    this.armSlice();
  }

  private consider(link: HTMLAnchorElement): void {
    if (this.seen.has(link)) return;
    this.seen.add(link);
    this.near?.observe(link);
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    if (this.stopped) return;
    const page = new URL(location.href);
    const ready: [HTMLAnchorElement, Chip][] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const link = entry.target as HTMLAnchorElement;
      this.near?.unobserve(link);
      if (!link.isConnected || link.closest(NOT_FEED)) continue;
      let handle: string | null = null;
      try {
        handle = this.feed.creatorOf(link, page);
      } catch {
        // A platform rule that trips on odd markup must not reach the page: no chip for it.
      }
      if (!handle || handle === this.viewer) continue;
      const item = this.feed.itemOf(link);
      if (item && this.feed.readItem && !this.read.has(item)) {
        this.read.add(item);
        this.itemsToRead.add(item);
      }
      const chip = this.known.get(handle);
      if (chip) ready.push([link, chip]);
      else {
        const links = this.waiting.get(handle) ?? new Set();
        links.add(link);
        this.waiting.set(handle, links);
      }
    }
    this.placeAll(ready);
    this.armAsk();
  }

  private armAsk(): void {
    if (this.askArmed || this.stopped) return;
    this.askArmed = true;
    this.hooks.setTimeout(() => {
      this.askArmed = false;
      this.askNow();
    }, ASK_DELAY_MS);
  }

  /** One message for the creators waiting for a chip, and one for the feed items' readings. */
  private askNow(): void {
    const now = Date.now();
    for (const [handle, links] of this.waiting) {
      for (const link of links) if (!link.isConnected) links.delete(link);
      if (!links.size) this.waiting.delete(handle);
    }
    const handles = [...this.waiting.keys()]
      .filter((h) => now - (this.asked.get(h) ?? -Infinity) > ASK_AGAIN_MS)
      .slice(0, HANDLES_PER_ASK);
    for (const h of handles) this.asked.set(h, now);
    if (handles.length) void this.hooks.ask(handles).then((a) => this.update(a));
    if (!this.itemsToRead.size || !this.feed.readItem) return;
    const page = new URL(location.href);
    const readings: Reading[] = [];
    for (const item of this.itemsToRead) {
      try {
        readings.push(...this.feed.readItem(item, page, now));
      } catch {
        // Odd markup gives no readings, never an error in the page.
      }
    }
    this.itemsToRead.clear();
    if (readings.length) void this.hooks.sendReadings(readings).then((a) => this.update(a));
  }

  /**
   * Puts each creator's chip beside its link, unless the feed item already has one for them. Every
   * layout read (where the chip goes, whether the link flows inline) comes before the first
   * insertion, so a batch of chips costs the page one style recalculation, not one per chip.
   */
  private placeAll(ready: [HTMLAnchorElement, Chip][]): void {
    const plans: { anchor: Element; chip: Chip; inline: boolean }[] = [];
    for (const [link, chip] of ready) {
      const anchor = this.spot(link, chip);
      if (anchor) plans.push({ anchor, chip, inline: false });
    }
    for (const plan of plans) plan.inline = flowsInline(plan.anchor);
    for (const { anchor, chip, inline } of plans) {
      const placed = makeChip(chip, !inline, this.styleSheets());
      // The host is the target a browser shows the window for an event in a closed shadow root;
      // the button too, for a DOM that does not retarget.
      this.hosts.set(placed.host, chip.handle);
      this.hosts.set(placed.button, chip.handle);
      if (inline) anchor.after(placed.host);
      else anchor.before(placed.host);
      const set = this.placed.get(chip.handle) ?? new Set();
      for (const p of set) if (!p.host.isConnected) set.delete(p);
      set.add(placed);
      this.placed.set(chip.handle, set);
    }
  }

  /**
   * The element a creator's chip goes beside for this link (its outermost link: a chip is never
   * inside the page's own <a>), claiming the creator's place in the feed item; null when the item
   * already has their chip or the link has left the page.
   */
  private spot(link: HTMLAnchorElement, chip: Chip): Element | null {
    if (!link.isConnected) return null;
    const item = this.feed.itemOf(link) ?? link;
    const inItem = this.items.get(item) ?? new Set<string>();
    if (inItem.has(chip.handle)) return null;
    // An avatar-only link gives way to the creator's name link in the same item, when there is one.
    if (!link.textContent?.trim()) {
      const named = [...item.querySelectorAll<HTMLAnchorElement>(this.feed.links)].find(
        (other) => other !== link && other.textContent?.trim() && other.href === link.href,
      );
      if (named && !named.closest(NOT_FEED)) return this.spot(named, chip);
    }
    inItem.add(chip.handle);
    this.items.set(item, inItem);
    let anchor: Element = link;
    for (let up = link.parentElement?.closest('a'); up; up = up.parentElement?.closest('a'))
      anchor = up;
    return anchor;
  }
}

/** Events that must not reach the page's own handlers (a feed item opening its video on click). */
const CONTAINED = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'touchstart',
];

/**
 * Whether a chip after this link stays on the link's line: the link flows inline, or sits in a
 * flex row (the chip is one more item of it). A block link's next sibling starts a new line.
 */
function flowsInline(link: Element): boolean {
  const display = getComputedStyle(link).display;
  if (display.startsWith('inline') || display === 'contents' || display === '') return true;
  const parent = link.parentElement;
  if (!parent) return true;
  const row = getComputedStyle(parent);
  return /flex|grid/.test(row.display) && !row.flexDirection.startsWith('column');
}

/**
 * A chip: Scout's own host element with a closed shadow root holding one button. Its styles are
 * the shared sheet where the browser adopts constructed sheets into a shadow root (one parse for
 * every chip on the page), else a style element of its own.
 */
function makeChip(
  chip: Chip,
  float: boolean,
  sheets: { inline: CSSStyleSheet; float: CSSStyleSheet } | null,
): Placed {
  const host = document.createElement('span');
  const shadow = host.attachShadow({ mode: 'closed' });
  let adopted = false;
  if (sheets) {
    try {
      shadow.adoptedStyleSheets = [float ? sheets.float : sheets.inline];
      adopted = true;
    } catch {
      // A content script whose world cannot hand the sheet over: a style element instead.
    }
  }
  if (!adopted) {
    const style = document.createElement('style');
    style.textContent = float ? CHIP_CSS + FLOAT_CSS : CHIP_CSS;
    shadow.append(style);
  }
  const button = document.createElement('button');
  button.type = 'button';
  shadow.append(button);
  const placed = { host, button };
  draw(placed, chip);
  return placed;
}

function draw({ button }: Placed, chip: Chip): void {
  button.textContent = chip.text;
  button.setAttribute('aria-label', chip.label);
  button.title = chip.label;
}
