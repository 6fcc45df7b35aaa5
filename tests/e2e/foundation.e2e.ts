import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { cardHost, sidebarFrame, sidebarText, tabIdFor, useScout } from './helpers';
import { requestsByScout } from './server';
import { isMarkedWorker, markWorker, stopServiceWorker } from './worker';

const env = useScout();

const creators = DEMO_ROUTES.filter((r) => r.creator);
const feeds = DEMO_ROUTES.filter((r) => !r.creator && r.file.endsWith('.html'));

const tabIdOf = (page: Page) => tabIdFor(env.scout, page);

describe('Scout in a real Chromium', () => {
  it('starts its service worker', async () => {
    expect((await env.scout.worker()).url()).toBe(
      `chrome-extension://${env.scout.extensionId}/background.js`,
    );
  });

  for (const route of creators) {
    it(`shows the sidebar with ${route.creator!.handle} on a ${route.creator!.platform} creator page`, async () => {
      const page = await env.scout.context.newPage();
      await page.goto(env.server.url(route));
      await sidebarFrame(page);
      await expect
        .poll(() => sidebarText(page), { timeout: 15_000 })
        .toContain(route.creator!.handle);
      await page.close();
    });
  }

  it("never holds back a creator page's own load event with the card", async () => {
    const page = await env.scout.context.newPage();
    await page.addInitScript(() => {
      window.addEventListener('load', () => {
        // The card's frame counts among the page's frames, even inside a closed shadow root.
        (window as { __cardAtLoad?: boolean }).__cardAtLoad = window.length > 0;
      });
    });
    await page.goto(env.server.url(creators[0]!), { waitUntil: 'load' });
    // The card's frame is made after the page has loaded, and then it shows the creator.
    expect(await page.evaluate(() => (window as { __cardAtLoad?: boolean }).__cardAtLoad)).toBe(
      false,
    );
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain(creators[0]!.creator!.handle);
    await page.close();
  });

  for (const route of feeds) {
    it(`adds nothing to ${route.host}${route.path} (not a creator page), and follows SPA navigation`, async () => {
      const page = await env.scout.context.newPage();
      await page.goto(env.server.url(route)); // resolves on load: the content script has decided by then
      expect(await page.evaluate(() => window.length)).toBe(0);
      expect(page.frames().some((f) => f.url().includes('sidebar.html'))).toBe(false);
      // Moving to a creator inside the app brings the sidebar; leaving again removes it.
      const creator = creators.find((c) => c.host === route.host)!;
      // (This feed page loads no creator data, so the card can only say what it is reading.)
      await page.evaluate((path) => history.pushState({}, '', path), creator.path);
      await sidebarFrame(page);
      await expect.poll(() => sidebarText(page), { timeout: 15_000 }).not.toBe('');
      await page.evaluate((path) => history.pushState({}, '', path), route.path);
      await page.waitForFunction(() => window.length === 0);
      await page.close();
    });
  }

  for (const width of [1280, 1024]) {
    it(`never covers a profile's follow button at ${width} px`, async () => {
      const page = await env.scout.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      // Profile pages: an activity page has only other people's follow buttons.
      for (const route of creators.filter((r) => !r.path.includes('/recent-activity/'))) {
        await page.goto(env.server.url(route));
        await sidebarFrame(page);
        await expect.poll(() => sidebarText(page), { timeout: 15_000 }).not.toMatch(/Reading/);
        const follow = page.getByRole('button', { name: /^(Follow|Connect)$/ }).first();
        const [a, b] = [await follow.boundingBox(), await (await cardHost(page)).boundingBox()];
        expect(a && b, `${route.path}: follow button and card are on screen`).toBeTruthy();
        const overlap =
          a!.x < b!.x + b!.width &&
          b!.x < a!.x + a!.width &&
          a!.y < b!.y + b!.height &&
          b!.y < a!.y + a!.height;
        expect(overlap, `${route.path} at ${width} px`).toBe(false);
      }
      await page.close();
    });
  }

  it('hides and shows the card in its tab when the keyboard shortcut is pressed', async () => {
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(creators[0]!));
    await sidebarFrame(page);
    const tabId = await tabIdOf(page);
    // Headless Chromium does not route browser-level shortcuts to extensions: send what the
    // background sends on the command (the manifest's command is checked in build-checks).
    const press = async () =>
      (await env.scout.worker()).evaluate(
        (id) => chrome.tabs.sendMessage(id, { type: 'scout/toggle-card' }),
        tabId,
      );
    await press();
    await page.waitForFunction(() => window.length === 0);
    await press();
    await sidebarFrame(page);
    await page.close();
  });

  it('lets the keyboard reach every control of the card, folded and expanded', async () => {
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(creators[0]!));
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toMatch(/Engagement rate\s*[\d.]+/);
    const frame = await sidebarFrame(page);
    for (const expand of [false, true]) {
      if (expand) await frame.getByRole('button', { name: /Details/ }).click();
      const controls = await frame.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'button, a[href], input, select, textarea, summary',
          ),
        ]
          .filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(controls.length).toBeGreaterThan(2);
      // Start on the card's first control, as a keyboard user arriving in it would.
      const selector = 'button, a[href], input, select, textarea, summary';
      await frame.locator(selector).first().focus();
      const reached = new Set<string>();
      for (let i = 0; i <= controls.length + 2; i++) {
        const focused = await frame.evaluate(
          () => document.activeElement?.outerHTML.slice(0, 80) ?? '',
        );
        if (focused) reached.add(focused);
        await page.keyboard.press('Tab');
      }
      for (const control of controls) expect([...reached], control).toContain(control);
    }
    await page.close();
  });

  it('puts the sidebar back when the host page re-renders it away', async () => {
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(creators[0]!));
    await sidebarFrame(page);
    await (
      await cardHost(page)
    ).evaluate((host) => {
      host.remove();
      document.body.replaceWith(document.createElement('body'));
    });
    await sidebarFrame(page);
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain(creators[0]!.creator!.handle);
    await page.close();
  });

  it('saves a creator in the popup; the shortlists page and the sidebar show it', async () => {
    const route = creators.find((c) => c.creator!.platform === 'instagram')!;
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(route));
    await sidebarFrame(page);
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain(route.creator!.handle);
    const tabId = await tabIdOf(page);

    const popup = await env.scout.context.newPage();
    await popup.goto(env.scout.pageUrl(`popup.html?tab=${tabId}`));
    await expect
      .poll(
        () =>
          popup
            .locator('main')
            .textContent({ timeout: 500 })
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toContain(route.creator!.handle);
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText('Saved to Shortlist').waitFor();

    const lists = await env.scout.context.newPage();
    await lists.goto(env.scout.pageUrl('shortlists.html'));
    await lists.getByRole('heading', { name: /^Shortlist \(/ }).waitFor();
    await lists.getByRole('link', { name: route.creator!.name }).waitFor();

    await (await sidebarFrame(page)).getByText('On Shortlist').waitFor();
    await Promise.all([page.close(), popup.close(), lists.close()]);
  });

  it('answers forged and malformed messages with an error, never data', async () => {
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(creators[0]!));
    const frame = await sidebarFrame(page);
    // The sidebar is an extension page, but it may not say what a page carries: only the tab's own
    // content script can.
    const forged = await frame.evaluate(() =>
      chrome.runtime.sendMessage({
        id: 1,
        type: 'page/read',
        timestamp: Date.now(),
        data: {
          url: 'https://www.tiktok.com/@someone.else',
          visitAt: Date.now(),
          session: 'forged',
          full: true,
          since: 0,
          doc: {
            locale: 'en',
            texts: [],
            readings: [{ source: 'dom', handle: 'someone.else', counts: {}, posts: [] }],
          },
          bodies: [],
        },
      }),
    );
    expect(forged).toMatchObject({ res: { ok: false, error: { code: 'forbidden-sender' } } });
    const junk = await frame.evaluate(() => chrome.runtime.sendMessage({ hello: 'world' }));
    expect(junk).toMatchObject({ res: { ok: false, error: { code: 'unknown-message' } } });
    await page.close();
  });

  it('files tab → creator in storage.session, which outlives the service worker', async () => {
    const route = creators[0]!;
    const key = `${route.creator!.platform}:${route.creator!.handle}`;
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(route));
    await sidebarFrame(page);
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain(route.creator!.handle);
    const tabId = await tabIdOf(page);
    await markWorker(env.scout);
    await stopServiceWorker(env.scout, page);
    // The card asks again: a new worker starts, and answers from what storage.session kept.
    const answer = await (
      await sidebarFrame(page)
    ).evaluate(() =>
      chrome.runtime.sendMessage({
        id: 1,
        type: 'creator/for-tab',
        timestamp: Date.now(),
        data: {},
      }),
    );
    expect(answer).toMatchObject({
      res: {
        ok: true,
        data: { tabId, page: { state: 'ready', creatorKey: key }, creator: { key } },
      },
    });
    expect(await isMarkedWorker(env.scout)).toBe(false);
    const stored = await (
      await env.scout.worker()
    ).evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId);
    expect(stored[`tab:${tabId}`]).toMatchObject({ state: 'ready', creatorKey: key });
    await page.close();
  });

  it('made no request of its own to any platform host', () => {
    expect(env.server.requests.length).toBeGreaterThan(0);
    expect(requestsByScout(env.server.requests)).toEqual([]);
  });
});
