import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { launchScout, type ScoutBrowser } from './browser';
import { requestsByScout, startDemoServer, type DemoServer } from './server';

let server: DemoServer;
let scout: ScoutBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  scout = await launchScout();
});

afterAll(async () => {
  await scout?.close();
  await server?.close();
});

const creators = DEMO_ROUTES.filter((r) => r.creator);
const feeds = DEMO_ROUTES.filter((r) => !r.creator && r.file.endsWith('.html'));

/** The sidebar's frame once it has loaded (an extension page inside the host page). */
async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForFunction(() => document.querySelector('scout-sidebar'));
  expect(handle).toBeTruthy();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))), {
      timeout: 15_000,
    })
    .toBeTruthy();
  return frame!;
}

/** The sidebar's text as it is now ('' while there is none): re-finds the frame on every call. */
async function sidebarText(page: Page): Promise<string> {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
  if (!frame || frame.isDetached()) return '';
  return (
    (await frame
      .locator('main')
      .textContent({ timeout: 500 })
      .catch(() => '')) ?? ''
  );
}

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const id = await (
    await scout.worker()
  ).evaluate(async (href) => {
    const all = await chrome.storage.session.get(null);
    const hit = Object.entries(all).find(
      ([k, v]) => k.startsWith('tab:') && (v as { url?: string }).url === href,
    );
    return hit ? Number(hit[0].slice(4)) : null;
  }, url);
  expect(id, `the background has a record of ${url}`).not.toBeNull();
  return id!;
}

describe('Scout in a real Chromium', () => {
  it('starts its service worker', async () => {
    expect((await scout.worker()).url()).toBe(
      `chrome-extension://${scout.extensionId}/background.js`,
    );
  });

  for (const route of creators) {
    it(`shows the sidebar with ${route.creator!.handle} on a ${route.creator!.platform} creator page`, async () => {
      const page = await scout.context.newPage();
      await page.goto(server.url(route));
      await sidebarFrame(page);
      await expect
        .poll(() => sidebarText(page), { timeout: 15_000 })
        .toContain(route.creator!.handle);
      await page.close();
    });
  }

  for (const route of feeds) {
    it(`adds nothing to ${route.host}${route.path} (not a creator page), and follows SPA navigation`, async () => {
      const page = await scout.context.newPage();
      await page.goto(server.url(route)); // resolves on load: the content script has decided by then
      expect(await page.locator('scout-sidebar').count()).toBe(0);
      expect(page.frames().some((f) => f.url().includes('sidebar.html'))).toBe(false);
      // Moving to a creator inside the app brings the sidebar; leaving again removes it.
      const creator = creators.find((c) => c.host === route.host)!;
      // (This feed page loads no creator data, so the card can only say what it is reading.)
      await page.evaluate((path) => history.pushState({}, '', path), creator.path);
      await sidebarFrame(page);
      await expect.poll(() => sidebarText(page), { timeout: 15_000 }).not.toBe('');
      await page.evaluate((path) => history.pushState({}, '', path), route.path);
      await page.waitForFunction(() => !document.querySelector('scout-sidebar'));
      await page.close();
    });
  }

  for (const width of [1280, 1024]) {
    it(`never covers a profile's follow button at ${width} px`, async () => {
      const page = await scout.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      for (const route of creators) {
        await page.goto(server.url(route));
        await sidebarFrame(page);
        await expect.poll(() => sidebarText(page), { timeout: 15_000 }).not.toMatch(/Reading/);
        const follow = page.getByRole('button', { name: /^(Follow|Connect)$/ }).first();
        const [a, b] = [
          await follow.boundingBox(),
          await page.locator('scout-sidebar').boundingBox(),
        ];
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

  it('puts the sidebar back when the host page re-renders it away', async () => {
    const page = await scout.context.newPage();
    await page.goto(server.url(creators[0]!));
    await sidebarFrame(page);
    await page.evaluate(() => {
      document.querySelector('scout-sidebar')?.remove();
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
    const page = await scout.context.newPage();
    await page.goto(server.url(route));
    await sidebarFrame(page);
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain(route.creator!.handle);
    const tabId = await tabIdOf(page);

    const popup = await scout.context.newPage();
    await popup.goto(scout.pageUrl(`popup.html?tab=${tabId}`));
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

    const lists = await scout.context.newPage();
    await lists.goto(scout.pageUrl('shortlists.html'));
    await lists.getByRole('heading', { name: /^Shortlist \(/ }).waitFor();
    await lists.getByRole('link', { name: route.creator!.name }).waitFor();

    await (await sidebarFrame(page)).getByText('On Shortlist').waitFor();
    await Promise.all([page.close(), popup.close(), lists.close()]);
  });

  it('answers forged and malformed messages with an error, never data', async () => {
    const page = await scout.context.newPage();
    await page.goto(server.url(creators[0]!));
    const frame = await sidebarFrame(page);
    // The sidebar is an extension page, but it may not file snapshots: only the tab's own page can.
    const forged = await frame.evaluate(() =>
      chrome.runtime.sendMessage({
        id: 1,
        type: 'snapshot/submit',
        timestamp: Date.now(),
        data: { snapshot: { platform: 'tiktok', handle: 'someone.else' } },
      }),
    );
    expect(forged).toMatchObject({ res: { ok: false, error: { code: 'forbidden-sender' } } });
    const junk = await frame.evaluate(() => chrome.runtime.sendMessage({ hello: 'world' }));
    expect(junk).toMatchObject({ res: { ok: false, error: { code: 'unknown-message' } } });
    await page.close();
  });

  it('files tab → creator in storage.session, which outlives the service worker', async () => {
    const route = creators[0]!;
    const page = await scout.context.newPage();
    await page.goto(server.url(route));
    await sidebarFrame(page);
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain(route.creator!.handle);
    const tabId = await tabIdOf(page);
    const stored = await (
      await scout.worker()
    ).evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId);
    expect(stored[`tab:${tabId}`]).toMatchObject({
      state: 'ready',
      creatorKey: `${route.creator!.platform}:${route.creator!.handle}`,
    });
    await page.close();
  });

  it('made no request of its own to any platform host', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    expect(requestsByScout(server.requests)).toEqual([]);
  });
});
