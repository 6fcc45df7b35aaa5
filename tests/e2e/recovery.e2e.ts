import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { creatorOfTab, sidebarFrame, sidebarText, tabIdFor, useScout } from './helpers';
import { isMarkedWorker, markWorker, setStorage, stopServiceWorker, stuckWrites } from './worker';

// What a user sees when Scout cannot save, and what happens when the browser stops Scout's
// service worker in the middle of a visit: the card always ends with the creator's numbers.

const env = useScout();

const mara = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes')!;
const MARA_KEY = 'tiktok:mara.bakes';
/**
 * Mara's card once her videos are in (tests/fixtures/pages/tiktok: 38,214 followers, ER 9.36% by
 * views over 17 videos, a video $180–$300); before them it shows an ER from lifetime totals.
 */
const NUMBERS =
  /Followers38,214.*Video\$180–\$300.*Engagement rate9\.4%.*by views · median of 17 videos/;

const videosOf = async (tabId: number) =>
  (await creatorOfTab(env.scout, tabId))?.snapshot.recentPosts.length ?? 0;

describe('recovery', () => {
  it('says the storage is full, with a Retry that saves the page once there is space', async () => {
    await setStorage(env.scout, 'full');
    const page = await env.scout.context.newPage();
    let full = true;
    try {
      await page.goto(env.server.url(mara));
      const frame = await sidebarFrame(page);
      await expect
        .poll(() => sidebarText(page), { timeout: 15_000 })
        .toMatch(/Scout could not save this page.*storage for Scout is full/);
      expect(await sidebarText(page)).not.toMatch(NUMBERS);
      // The page's videos arrive meanwhile: still not saved, still said.
      await page.waitForFunction(() => (window as { __demoVideos?: number }).__demoVideos === 18);
      expect(await sidebarText(page)).toMatch(/storage for Scout is full/);
      const tabId = await tabIdFor(env.scout, page);
      expect(await creatorOfTab(env.scout, tabId)).toBeNull();

      await setStorage(env.scout, 'ok');
      full = false;
      await frame.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toMatch(NUMBERS);
      expect(await sidebarText(page)).toContain('mara.bakes');
      expect(await sidebarText(page)).not.toMatch(/could not save/);
      expect(await videosOf(tabId)).toBe(18);
    } finally {
      if (full) await setStorage(env.scout, 'ok');
      await page.close();
    }
  });

  /** Mara's page with its video list held back until `release` is called. */
  async function openWithVideosHeld(): Promise<{ page: Page; tabId: number; release(): void }> {
    const page = await env.scout.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/post/item_list/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.server.url(mara));
    const tabId = await tabIdFor(env.scout, page, MARA_KEY);
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toContain('mara.bakes');
    expect(await videosOf(tabId)).toBe(0);
    return { page, tabId, release };
  }

  it("ends with the creator's numbers when the service worker is stopped between two reads", async () => {
    const { page, tabId, release } = await openWithVideosHeld();
    await markWorker(env.scout);
    await stopServiceWorker(env.scout, page);
    release();
    // The videos reach a new worker, which holds nothing of this tab: it has everything sent again.
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toMatch(NUMBERS);
    expect(await videosOf(tabId)).toBe(18);
    expect(await isMarkedWorker(env.scout)).toBe(false);
    await page.close();
  });

  it("ends with the creator's numbers when the service worker is stopped while it files the page", async () => {
    const { page, tabId, release } = await openWithVideosHeld();
    await markWorker(env.scout);
    // The worker takes the videos in, and is stopped before it has answered.
    await setStorage(env.scout, 'stuck');
    release();
    await expect.poll(() => stuckWrites(env.scout), { timeout: 15_000 }).toBeGreaterThan(0);
    await stopServiceWorker(env.scout, page);
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toMatch(NUMBERS);
    expect(await videosOf(tabId)).toBe(18);
    expect(await isMarkedWorker(env.scout)).toBe(false);
    await page.close();
  });
});
