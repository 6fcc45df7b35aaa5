// `npm start`: Scout loaded into Chromium on the bundled demo creator pages and demo feeds (served
// over local HTTPS at the real hostnames), so a new user sees the card and the feed chips without
// logging in anywhere. Without a display it says so and writes screenshots instead.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_FEEDS, type DemoFeed } from '../tests/fixtures/pages/feeds';
import { DEMO_ROUTES } from '../tests/fixtures/pages/routes';
import { launchScout } from '../tests/e2e/browser';
import { startDemoServer } from '../tests/e2e/server';

const SHOTS = resolve(import.meta.dirname, '../.scout-demo');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** What a demo feed page says of itself (its app script keeps it on `window`). */
type DemoWindow = Window & { __demoFeed?: { pages: number; done: boolean } };

/**
 * Scrolls a demo feed to its end the way a reader would, a screen at a time, so its second page
 * loads and every link has been near the viewport once; then back to the top.
 */
async function scrollThrough(page: Page): Promise<void> {
  await page.bringToFront();
  await page
    .waitForFunction(() => ((window as DemoWindow).__demoFeed?.pages ?? 0) > 0, undefined, {
      timeout: 10_000,
    })
    .catch(() => {});
  for (let screen = 0; screen < 100; screen++) {
    const end = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.75);
      const bottom =
        window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      return bottom && !!(window as DemoWindow).__demoFeed?.done;
    });
    if (end) break;
    // Give the feed's next page and Scout's chips a moment to follow the scroll.
    await page.waitForTimeout(200);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
}

async function main(): Promise<void> {
  const server = await startDemoServer();
  const scout = await launchScout({ headless });
  const creators = DEMO_ROUTES.filter((r) => r.creator);
  const pages = [];
  for (const route of creators) {
    const page = await scout.context.newPage();
    await page.goto(server.url(route));
    pages.push({ page, route });
  }
  const feeds: { page: Page; feed: DemoFeed }[] = [];
  for (const feed of DEMO_FEEDS) {
    const page = await scout.context.newPage();
    await page.goto(server.url(feed));
    feeds.push({ page, feed });
  }
  if (!headless) {
    console.log(
      'Scout is running on the demo creator pages and feeds. Close the browser or press Ctrl+C to stop.',
    );
    for (const route of creators) console.log(`  ${server.url(route)}`);
    for (const feed of DEMO_FEEDS)
      console.log(`  ${server.url(feed)}  (${feed.name}: scroll to the end for its second page)`);
    await new Promise<void>((done) => scout.context.on('close', () => done()));
    await server.close();
    return;
  }
  console.log('No display found: writing screenshots of the demo pages instead.');
  mkdirSync(SHOTS, { recursive: true });
  for (const { page, route } of pages) {
    await page
      .waitForFunction(() => window.length > 0, undefined, {
        timeout: 10_000,
      })
      .catch(() => {});
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
    await frame
      ?.locator('h1')
      .waitFor({ timeout: 10_000 })
      .catch(() => {});
    // A creator with two demo pages (profile and activity) gets one file per page.
    const tab = /\/recent-activity\//.test(route.path) ? '-activity' : '';
    const file = resolve(SHOTS, `${route.creator!.platform}-${route.creator!.handle}${tab}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${file}`);
  }
  for (const { page, feed } of feeds) {
    await scrollThrough(page);
    const name = feed.name.toLowerCase().replaceAll(' ', '-');
    const file = resolve(SHOTS, `${feed.platform}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${file}`);
  }
  await scout.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`scout start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
