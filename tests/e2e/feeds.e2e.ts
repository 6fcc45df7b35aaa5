import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_FEEDS, type DemoFeed, type FeedCreator } from '../fixtures/pages/feeds';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import type { ScoutBrowser } from './browser';
import { sidebarFrame, sidebarText, useScoutAndPlain } from './helpers';
import type { LoggedRequest } from './server';

// In-feed vetting as a marketer meets it: the demo feeds (tests/fixtures/pages/feeds.ts) load their
// own API bodies like the real apps; Scout reads them as they pass and puts a chip beside each
// creator it knows. Chips are found the way a screen reader finds them (the accessibility tree:
// a button whose name begins "Scout"), then looked at in the page (where it sits, which link).

const env = useScoutAndPlain();

const TIERS = ['emerging', 'nano', 'micro', 'macro', 'mega'] as const;
const feedNamed = (name: string) => DEMO_FEEDS.find((f) => f.name === name)!;

/** What one chip is, read from the accessibility tree and from where it sits in the page. */
interface ShownChip {
  name: string;
  /** The creator of the link it belongs to (the element just before it), as Scout keys it. */
  creator: string | null;
  href: string | null;
  /** Which feed item it is in (a path of child indexes), to count chips per creator per item. */
  item: string;
  inLink: boolean;
  visible: boolean;
  /** Its box overlaps its link's box (one of its line boxes, for an inline link). */
  onLine: boolean;
  /** Its link is one of the page's non-creator links (hashtags, sounds, navigation). */
  notCreator: boolean;
  /** Its link is the viewer's own. */
  viewer: boolean;
}

/** The creator a profile link names, as Scout keys it (lower-case; LinkedIn companies prefixed). */
function creatorOfHref(feed: DemoFeed, href: string | null): string | null {
  if (!href) return null;
  const path = new URL(href, `https://${feed.host}/`).pathname;
  const m =
    feed.platform === 'tiktok'
      ? /^\/@([^/]+)\/?$/.exec(path)
      : feed.platform === 'instagram'
        ? /^\/([^/]+)\/?$/.exec(path)
        : /^\/(in\/|company\/)([^/]+)\/?$/.exec(path);
  if (!m) return null;
  if (feed.platform === 'linkedin')
    return (m[1] === 'company/' ? 'company/' : '') + m[2]!.toLowerCase();
  return decodeURIComponent(m[1]!).toLowerCase();
}

/** Runs on a chip's button, in the page: where it sits. */
function placeOfChip(
  this: HTMLElement,
  items: string,
  notCreators: string,
  viewer: string,
): Omit<ShownChip, 'name' | 'creator'> {
  const host = (this.getRootNode() as ShadowRoot).host as HTMLElement;
  // After an inline link; floated to the end of a block link's first line, just before it.
  const floated = getComputedStyle(host).float !== 'none';
  const link = floated ? host.nextElementSibling : host.previousElementSibling;
  const anchor = link?.localName === 'a' ? link : null;
  const box = this.getBoundingClientRect();
  const style = getComputedStyle(this);
  const lines = anchor ? [...anchor.getClientRects()] : [];
  const item = host.closest(items) ?? host.closest('li,article') ?? host.parentElement!;
  const path: number[] = [];
  for (let el: Element | null = item; el && el.parentElement; el = el.parentElement)
    path.unshift([...el.parentElement.children].indexOf(el));
  const href = anchor?.getAttribute('href') ?? null;
  return {
    href,
    item: path.join('.'),
    inLink: !!host.closest('a'),
    visible:
      box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0',
    onLine: lines.some((line) => box.top < line.bottom && box.bottom > line.top),
    notCreator: !!anchor?.matches(notCreators),
    viewer: !!href && new URL(href, location.href).pathname === viewer,
  };
}

/** Every chip on the page now, found through the accessibility tree (closed shadow roots too). */
async function chipsOn(page: Page, feed: DemoFeed): Promise<ShownChip[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const chips: ShownChip[] = [];
    for (const node of nodes) {
      const name = String(node.name?.value ?? '');
      if (node.ignored || node.role?.value !== 'button' || !/^Scout\b/.test(name)) continue;
      if (node.backendDOMNodeId === undefined) continue;
      const { object } = await cdp.send('DOM.resolveNode', {
        backendNodeId: node.backendDOMNodeId,
      });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: placeOfChip.toString(),
        arguments: [{ value: feed.items }, { value: feed.notCreators }, { value: feed.viewer }],
        returnByValue: true,
      });
      const place = result.value as Omit<ShownChip, 'name' | 'creator'>;
      chips.push({ name, creator: creatorOfHref(feed, place.href), ...place });
    }
    return chips;
  } finally {
    await cdp.detach();
  }
}

interface DemoFeedState {
  pages: number;
  items: number;
  bodies: { url: string; text: string }[];
  done: boolean;
  loadMore?: () => void;
}

/** Opens a feed and scrolls it as a reader does until the page has loaded both its pages. */
async function openToTheEnd(browser: ScoutBrowser, feed: DemoFeed): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(env.server.url({ host: feed.host, path: feed.path }));
  const state = () =>
    page.evaluate(() => (window as { __demoFeed?: DemoFeedState }).__demoFeed ?? null);
  await expect
    .poll(async () => (await state())?.pages ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 1200);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return (await state())?.done;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  expect((await state())!.items).toBe(feed.counts[1]);
  return page;
}

/** Scrolls through the page top to bottom (chips are made for links near the viewport). */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
}

/** The chips of each creator the feed should show one for, once every one of them is there. */
async function chipsFor(page: Page, feed: DemoFeed, known: FeedCreator[]): Promise<ShownChip[]> {
  let chips: ShownChip[] = [];
  await expect
    .poll(
      async () => {
        await scrollThrough(page);
        chips = await chipsOn(page, feed);
        return known.map((c) => c.handle).filter((h) => !chips.some((chip) => chip.creator === h));
      },
      { timeout: 20_000, message: 'creators without a chip' },
    )
    .toEqual([]);
  return chips;
}

/** The figures and tier a creator's chip must show: the feed's own, or what a visit gave. */
function expected(creator: FeedCreator, visited: boolean) {
  if (visited && creator.history) return { ...creator.history, rounded: false };
  return {
    tier: creator.tier!,
    figures: creator.figures,
    rounded: creator.precision === 'rounded',
  };
}

function expectChips(
  feed: DemoFeed,
  chips: ShownChip[],
  known: FeedCreator[],
  visited = false,
): void {
  for (const creator of known) {
    const want = expected(creator, visited);
    for (const chip of chips.filter((c) => c.creator === creator.handle)) {
      const what = `${feed.name}: ${creator.handle}'s chip "${chip.name}"`;
      const tiers = TIERS.filter((t) => new RegExp(`\\b${t}\\b`, 'i').test(chip.name));
      expect(tiers, `${what}: exactly one tier word`).toEqual([want.tier]);
      expect(
        want.figures.some((f) => chip.name.includes(want.rounded ? `≈${f}` : f)),
        `${what}: one of ${want.figures.join(' / ')}${want.rounded ? ' after ≈' : ''}`,
      ).toBe(true);
      expect(chip.visible, `${what}: visible`).toBe(true);
      expect(chip.inLink, `${what}: outside the page's <a>`).toBe(false);
      expect(chip.onLine, `${what}: on its link's line`).toBe(true);
    }
  }
  const unknown = new Set(feed.creators.filter((c) => !known.includes(c)).map((c) => c.handle));
  for (const chip of chips) {
    expect(chip.creator, `"${chip.name}" belongs to a creator link`).not.toBeNull();
    expect(chip.notCreator, `"${chip.name}" beside ${chip.href}`).toBe(false);
    expect(chip.viewer, `"${chip.name}" beside the viewer's own link`).toBe(false);
    expect(unknown.has(chip.creator!), `${chip.creator} has no follower count yet`).toBe(false);
  }
  const perItem = new Map<string, number>();
  for (const chip of chips) {
    const key = `${chip.item} ${chip.creator}`;
    perItem.set(key, (perItem.get(key) ?? 0) + 1);
  }
  expect(
    [...perItem].filter(([, n]) => n > 1),
    'one chip per creator per item',
  ).toEqual([]);
}

/** The requests a navigation to the feed and a scroll to its end make. */
async function feedRequests(browser: ScoutBrowser, feed: DemoFeed): Promise<string[]> {
  const from = env.server.requests.length;
  const page = await openToTheEnd(browser, feed);
  if (browser === env.scout) {
    await chipsFor(page, feed, knownFromFeed(feed));
  }
  await page.close();
  return env.server.requests
    .slice(from)
    .filter((r: LoggedRequest) => r.path !== '/favicon.ico')
    .map((r) => `${r.method} ${r.host}${r.path} ${r.status}`)
    .sort();
}

const knownFromFeed = (feed: DemoFeed) => feed.creators.filter((c) => c.tier !== null);

describe.each(DEMO_FEEDS.filter((f) => f.platform !== 'linkedin'))(
  'the $name demo feed',
  (feed) => {
    it('puts a chip with the tier and follower figure beside every creator it knows, page 2 too', async () => {
      const known = knownFromFeed(feed);
      expect(known.length, 'the demo shows creators with counts').toBeGreaterThan(2);
      const page = await openToTheEnd(env.scout, feed);
      const chips = await chipsFor(page, feed, known);
      expectChips(feed, chips, known);
      if (feed.creators.some((c) => c.page === 2)) {
        const second = known.filter((c) => c.page === 2);
        expect(second.every((c) => chips.some((chip) => chip.creator === c.handle))).toBe(true);
      }
      // The page's own fetches got what the server sent, byte for byte.
      const bodies = await page.evaluate(
        () => (window as { __demoFeed?: DemoFeedState }).__demoFeed!.bodies,
      );
      for (const file of feed.bodies) {
        const route = DEMO_ROUTES.find((r) => r.file === file)!;
        const sent = readFileSync(resolve(import.meta.dirname, '../fixtures/pages', file), 'utf8');
        const received = bodies.filter((b) => new URL(b.url, page.url()).pathname === route.path);
        expect(received.map((b) => b.text)).toContain(sent);
      }
      await page.close();
    });
  },
);

describe('the LinkedIn demo feed', () => {
  const feed = DEMO_FEEDS.find((f) => f.platform === 'linkedin')!;

  it('chips companies from their follower line, and persons once Scout has vetted them', async () => {
    // The feed alone: companies carry "N followers"; persons show a headline, so no chip yet.
    const fromFeed = knownFromFeed(feed);
    expect(fromFeed.length).toBeGreaterThan(0);
    let page = await openToTheEnd(env.scout, feed);
    expectChips(feed, await chipsFor(page, feed, fromFeed), fromFeed);
    await page.close();

    // A visit to a person's profile gives Scout their count: the feed then chips them too.
    const visited = feed.creators.filter((c) => c.history);
    expect(visited.length).toBeGreaterThan(0);
    for (const creator of visited) {
      const profile = await env.scout.context.newPage();
      await profile.goto(env.server.url({ host: feed.host, path: creator.history!.path }));
      await sidebarFrame(profile);
      await expect
        .poll(() => sidebarText(profile), { timeout: 15_000 })
        .toMatch(/Engagement rate\s*[\d.]+\s*%/);
      await profile.close();
    }
    page = await openToTheEnd(env.scout, feed);
    const known = [...fromFeed, ...visited];
    const chips = await chipsFor(page, feed, known);
    expectChips(feed, chips, known, true);
    for (const creator of visited) {
      const chip = chips.find((c) => c.creator === creator.handle)!;
      expect(chip.name, 'says when Scout vetted them').toMatch(/vetted/i);
    }
    await page.close();
  });
});

describe.each(DEMO_FEEDS)('the $name demo feed, with and without Scout', (feed) => {
  it('asks the server for exactly what the same scroll asks without Scout', async () => {
    const without = await feedRequests(env.plain, feed);
    const withScout = await feedRequests(env.scout, feed);
    expect(without.length).toBeGreaterThan(2);
    expect(withScout).toEqual(without);
  });
});

describe('from chip to card to shortlist', () => {
  it('opens the creator’s card from a search result’s chip, and Save puts them on the list', async () => {
    const feed = feedNamed('search');
    const creator = knownFromFeed(feed).find((c) => c.page === 1)!;
    const page = await openToTheEnd(env.scout, feed);
    const chips = await chipsFor(page, feed, [creator]);
    expect(chips.some((c) => c.creator === creator.handle)).toBe(true);
    const before = page.url();

    // Clicked as a person clicks: at the chip's place on screen.
    const box = await chipBox(page, feed, creator.handle);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await sidebarFrame(page);
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toContain(creator.handle);
    expect(await sidebarText(page)).toMatch(/from the feed/i);
    // Found again: the card may have been remounted while its answer arrived.
    const frame = await sidebarFrame(page);
    const name = (
      (await frame.getByRole('heading').first().textContent({ timeout: 15_000 })) ?? ''
    ).trim();
    expect(name.length).toBeGreaterThan(0);
    expect(page.url(), 'the click did not reach the page’s own link').toBe(before);

    await frame.getByRole('button', { name: 'Save to shortlist' }).click({ timeout: 15_000 });
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toMatch(/On Shortlist/);

    const lists = await env.scout.context.newPage();
    await lists.goto(env.scout.pageUrl('shortlists.html'));
    await expect
      .poll(
        async () =>
          (await lists
            .locator('main')
            .textContent({ timeout: 2_000 })
            .catch(() => '')) ?? '',
        { timeout: 15_000 },
      )
      .toContain(name);
    await lists.close();

    // Escape closes the card the chip opened.
    await page.keyboard.press('Escape');
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).not.toMatch(/from the feed/i);
    await page.close();
  }, 120_000);
});

/** Where a creator's first chip is on screen, scrolled into view. */
async function chipBox(page: Page, feed: DemoFeed, handle: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    for (const node of nodes) {
      const name = String(node.name?.value ?? '');
      if (node.role?.value !== 'button' || !/^Scout\b/.test(name) || !node.backendDOMNodeId)
        continue;
      const { object } = await cdp.send('DOM.resolveNode', {
        backendNodeId: node.backendDOMNodeId,
      });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `function () {
          const host = this.getRootNode().host;
          const link = getComputedStyle(host).float !== 'none' ? host.nextElementSibling : host.previousElementSibling;
          this.scrollIntoView({ block: 'center' });
          const r = this.getBoundingClientRect();
          return { href: link && link.getAttribute('href'), x: r.x, y: r.y, width: r.width, height: r.height };
        }`,
        returnByValue: true,
      });
      const box = result.value as {
        href: string;
        x: number;
        y: number;
        width: number;
        height: number;
      };
      if (creatorOfHref(feed, box.href) === handle) return box;
    }
    throw new Error(`no chip for ${handle}`);
  } finally {
    await cdp.detach();
  }
}
