// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chip } from '@/lib/chips/chip';
import { ChipLayer, type ChipHooks } from '@/lib/content/chips';
import type { FeedSide } from '@/lib/platforms/types';

/** A feed whose creator links are `/@handle` and whose items are articles (invented markup). */
const FEED: FeedSide = {
  links: 'a[href]',
  creatorOf: (link) => link.getAttribute('href')?.match(/^\/@([a-z0-9._]+)$/)?.[1] ?? null,
  itemOf: (link) => link.closest('article'),
};

const chip = (handle: string, label = `Scout: micro, ≈38.2K followers — open card`): Chip => ({
  handle,
  text: 'micro · ≈38.2K',
  label,
});

/** Every link the page shows is in the viewport: the observer reports each one at once. */
class EveryLinkVisible {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() =>
      this.callback(
        [{ target, isIntersecting: true } as IntersectionObserverEntry],
        this as unknown as IntersectionObserver,
      ),
    );
  }
  unobserve() {}
  disconnect() {}
}

/** Shadow roots Scout attaches are closed: the test keeps a handle on them to read the chips. */
const roots = new Map<Element, ShadowRoot>();
const attach = Element.prototype.attachShadow;

let asked: string[][];
let opened: string[];
let closed: number;
let answers: Record<string, Chip>;
let layer: ChipLayer;

const flush = async () => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 80));
  }
};

/** The chips on the page: the element before each, and its button's accessible name. */
function chips() {
  return [...roots.entries()]
    .filter(([host]) => host.isConnected)
    .map(([host, root]) => ({
      host,
      after: host.previousElementSibling,
      button: root.querySelector('button')!,
      label: root.querySelector('button')!.getAttribute('aria-label'),
    }));
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', EveryLinkVisible);
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  asked = [];
  opened = [];
  closed = 0;
  answers = {};
  const hooks: ChipHooks = {
    ask: async (handles) => {
      asked.push(handles);
      return {
        chips: handles.flatMap((h) => (answers[h] ? [answers[h]] : [])),
        viewer: 'me.myself',
      };
    },
    sendReadings: async () => null,
    open: (handle) => opened.push(handle),
    close: () => void closed++,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  };
  layer = new ChipLayer(FEED, hooks);
});

afterEach(() => {
  layer.stop();
  Element.prototype.attachShadow = attach;
  roots.clear();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const ITEM = (handle: string, extra = '') => `
  <article>
    <a href="/@${handle}"><img alt=""></a>
    <a href="/@${handle}">${handle}</a>
    <p>caption <a href="/tag/bread">#bread</a> <a href="/music/sound-1">♬ sound</a>${extra}</p>
  </article>`;

describe('the chip layer', () => {
  it('puts one chip per creator per feed item, after the name link, outside every link', async () => {
    answers = { 'ana.cooks': chip('ana.cooks'), 'ben.bakes': chip('ben.bakes') };
    document.body.innerHTML = `<main>${ITEM('ana.cooks')}${ITEM('ben.bakes')}${ITEM('ana.cooks')}</main>`;
    const before = [...document.querySelectorAll('main *')].map((e) => e.outerHTML);
    layer.start();
    await flush();
    const placed = chips();
    expect(placed).toHaveLength(3);
    for (const c of placed) {
      expect(c.after?.tagName).toBe('A');
      expect(c.after?.textContent).not.toBe('');
      expect(c.host.closest('a')).toBeNull();
      expect(c.label).toMatch(/^Scout: micro, ≈38\.2K followers/);
    }
    // The page's own elements are as they were: no attribute, class or wrapper added.
    const mine = new Set(placed.map((c) => c.host));
    const after = [...document.querySelectorAll('main *')]
      .filter((e) => !mine.has(e))
      .map((e) => e.outerHTML.replace(/<span><\/span>/g, ''));
    expect(after).toEqual(before);
  });

  it('gives no chip to hashtags, sounds, the viewer, the page’s menus or creators Scout knows nothing of', async () => {
    answers = { 'ana.cooks': chip('ana.cooks'), 'me.myself': chip('me.myself') };
    document.body.innerHTML = `
      <nav><a href="/@ana.cooks">ana.cooks</a></nav>
      <header><a href="/@me.myself">Profile</a></header>
      <main>${ITEM('nobody.known')}${ITEM('me.myself')}</main>`;
    layer.start();
    await flush();
    expect(chips()).toHaveLength(0);
    expect(asked.flat()).not.toContain('bread');
  });

  it('chips the items a second page appends, and redraws a chip when more is known', async () => {
    answers = { 'ana.cooks': chip('ana.cooks') };
    document.body.innerHTML = `<main>${ITEM('ana.cooks')}</main>`;
    layer.start();
    await flush();
    answers['cleo.cuts'] = chip('cleo.cuts');
    document.querySelector('main')!.insertAdjacentHTML('beforeend', ITEM('cleo.cuts'));
    await flush();
    expect(chips().map((c) => c.after?.textContent)).toEqual(['ana.cooks', 'cleo.cuts']);

    layer.update({ chips: [chip('ana.cooks', 'Scout: macro, 120,345 followers — open card')] });
    expect(chips()[0]!.label).toBe('Scout: macro, 120,345 followers — open card');
  });

  it('opens the card on activation, closes it on Escape, and keeps its clicks from the page', async () => {
    answers = { 'ana.cooks': chip('ana.cooks') };
    document.body.innerHTML = `<main>${ITEM('ana.cooks')}</main>`;
    const pageClicks = vi.fn();
    document.querySelector('article')!.addEventListener('click', pageClicks);
    layer.start();
    await flush();
    const { button } = chips()[0]!;
    button.click();
    expect(opened).toEqual(['ana.cooks']);
    expect(pageClicks).not.toHaveBeenCalled();
    button.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(closed).toBe(1);
  });

  it('removes every chip when turned off', async () => {
    answers = { 'ana.cooks': chip('ana.cooks') };
    document.body.innerHTML = `<main>${ITEM('ana.cooks')}</main>`;
    layer.start();
    await flush();
    expect(chips()).toHaveLength(1);
    layer.stop();
    expect(chips()).toHaveLength(0);
  });

  it('chips the page again when turned back on', async () => {
    answers = { 'ana.cooks': chip('ana.cooks') };
    document.body.innerHTML = `<main>${ITEM('ana.cooks')}</main>`;
    layer.start();
    await flush();
    layer.stop();
    layer.start();
    await flush();
    expect(chips().map((c) => c.after?.textContent)).toEqual(['ana.cooks']);
  });
});
