import { afterAll, beforeAll, expect } from 'vitest';
import type { ElementHandle, Frame, Page } from 'playwright-core';
import { launchScout, type ScoutBrowser } from './browser';
import { startDemoServer, type DemoServer } from './server';

/** One demo server and one Chromium with Scout for a test file, started before its tests. */
export function useScout(): { readonly server: DemoServer; readonly scout: ScoutBrowser } {
  const state = {} as { server: DemoServer; scout: ScoutBrowser };
  beforeAll(async () => {
    state.server = await startDemoServer();
    state.scout = await launchScout();
  });
  afterAll(async () => {
    await state.scout?.close();
    await state.server?.close();
  });
  return state;
}

/**
 * One demo server (serving `routes`), a Chromium with Scout and one without, for a test file that
 * compares the two.
 */
export function useScoutAndPlain(routes?: Parameters<typeof startDemoServer>[0]): {
  readonly server: DemoServer;
  readonly scout: ScoutBrowser;
  readonly plain: ScoutBrowser;
} {
  const state = {} as { server: DemoServer; scout: ScoutBrowser; plain: ScoutBrowser };
  beforeAll(async () => {
    state.server = await startDemoServer(routes);
    state.scout = await launchScout();
    state.plain = await launchScout({ extension: false });
  });
  afterAll(async () => {
    await state.scout?.close();
    await state.plain?.close();
    await state.server?.close();
  });
  return state;
}

/** The card's frame once it has loaded (an extension page inside the host page). */
export async function sidebarFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))), {
      timeout: 15_000,
    })
    .toBeTruthy();
  return frame!;
}

/**
 * The element that holds the card in the host page: a plain `<div>` the page cannot tell from its
 * own, found here from the card's frame (inside its closed shadow root).
 */
export async function cardHost(page: Page): Promise<ElementHandle<Element>> {
  const iframe = await (await sidebarFrame(page)).frameElement();
  return (await iframe.evaluateHandle(
    (el) => (el.getRootNode() as ShadowRoot).host,
  )) as ElementHandle<Element>;
}

/** The card's text as it is now ('' while there is none): re-finds the frame on every call. */
export async function sidebarText(page: Page): Promise<string> {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
  if (!frame || frame.isDetached()) return '';
  return (
    (await frame
      .locator('main')
      .textContent({ timeout: 500 })
      .catch(() => '')) ?? ''
  );
}

/** The tab the background filed for this page (optionally: for this creator), once it has. */
export async function tabIdFor(
  scout: ScoutBrowser,
  page: Page,
  creatorKey?: string,
): Promise<number> {
  const url = page.url();
  let id: number | null = null;
  await expect
    .poll(
      async () =>
        (id = await (
          await scout.worker()
        ).evaluate(
          async ([href, key]) => {
            const all = await chrome.storage.session.get(null);
            const hit = Object.entries(all).find(([k, v]) => {
              const record = v as { url?: string; creatorKey?: string };
              return (
                k.startsWith('tab:') && record.url === href && (!key || record.creatorKey === key)
              );
            });
            return hit ? Number(hit[0].slice(4)) : null;
          },
          [url, creatorKey ?? ''] as const,
        )),
      { timeout: 15_000 },
    )
    .not.toBeNull();
  return id!;
}

export interface CreatorView {
  key: string;
  snapshot: { recentPosts: { id: string; views?: number; likes?: number }[]; followers?: number };
  vetting?: { engagement: { basis: string | null; rate: number | null } };
}

/** What the background answers the popup about a tab. */
export async function creatorOfTab(scout: ScoutBrowser, tabId: number): Promise<CreatorView> {
  const page = await scout.context.newPage();
  await page.goto(scout.pageUrl('options.html'));
  const reply = (await page.evaluate(
    (id) =>
      chrome.runtime.sendMessage({
        id: 1,
        type: 'creator/for-tab',
        timestamp: Date.now(),
        data: { tabId: id },
      }),
    tabId,
  )) as { res: { ok: boolean; data: { creator: CreatorView } } };
  await page.close();
  return reply.res.data.creator;
}
