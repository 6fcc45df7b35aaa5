// `npm start`: Scout loaded into Chromium on the bundled demo creator pages (served over local HTTPS
// at the real hostnames), so a new user sees the card without logging in anywhere. Without a display
// it says so and writes screenshots instead.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ROUTES } from '../tests/fixtures/pages/routes';
import { launchScout } from '../tests/e2e/browser';
import { startDemoServer } from '../tests/e2e/server';

const SHOTS = resolve(import.meta.dirname, '../.scout-demo');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

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
  if (!headless) {
    console.log(
      'Scout is running on the demo creator pages. Close the browser or press Ctrl+C to stop.',
    );
    for (const route of creators) console.log(`  ${server.url(route)}`);
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
    const file = resolve(SHOTS, `${route.creator!.platform}-${route.creator!.handle}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${file}`);
  }
  await scout.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`scout start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
