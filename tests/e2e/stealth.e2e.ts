import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { meetingNames } from '@/lib/tap/channel';
import { DEMO_ROUTES, PROBE_ROUTES } from '../fixtures/pages/routes';
import { EXTENSION_DIR, type ScoutBrowser } from './browser';
import { creatorOfTab, sidebarText, tabIdFor, useScoutAndPlain } from './helpers';
import type { LoggedRequest } from './server';

// The page's own script as the adversary (tests/fixtures/pages/probe/adversary.js): it has read
// Scout's built source, listens from its first line, forges what Scout used to accept, and looks
// for any trace of Scout, beside the same page in the same Chromium without Scout.

const probe = PROBE_ROUTES.find((r) => r.creator)!;
const PROBE_KEY = 'tiktok:nia.probes';
/** The page's own numbers (probe/tiktok-profile-nia-probes.html, api-item-list-nia-probes.json). */
const PAGE_FOLLOWERS = 52_288;
const PAGE_VIDEOS = 6;
const PLANTED_VIDEO = '7777777777777777777';

const env = useScoutAndPlain([...DEMO_ROUTES, ...PROBE_ROUTES]);

/**
 * Every string literal in the built content scripts that could be an event name (a word with a
 * ':', '/' or '-' in it), Scout's old names, and WXT's names as they were built from the
 * extension id (which is public for an installed extension).
 */
function builtEventNames(extensionId: string): string[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const names = new Set(['scout:tap', 'scout:tap-ready', 'scout:tap-hello']);
  const entries: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    entries.push(file.replace(/\.js$/, ''));
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, , text] of code.matchAll(/(["'`])([A-Za-z][\w.:/-]{2,80})\1/g))
      if (/[:/-]/.test(text!)) names.add(text!);
  }
  for (const entry of entries)
    for (const event of ['wxt:locationchange', 'wxt:content-script-started'])
      names.add(`${extensionId}:${entry}:${event}`);
  return [...names];
}

interface Probe {
  meeting: { hello: string; answer: string };
  heard: string[];
  forge(names: string[]): { answered: number; dispatched: number };
  loadVideos(): Promise<number>;
  scan(word: string): string[];
  shape(): { html: string[]; body: string[]; resources: string[] } & Record<string, unknown>;
  natives(): Record<string, unknown>;
  errors(): Promise<Record<string, unknown>>;
  unhandled(): Promise<unknown>;
}
declare const window: { __probe: Probe };

async function openProbe(context: BrowserContext, names: string[] = []): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${env.server.url(probe)}#${encodeURIComponent(JSON.stringify({ names }))}`);
  return page;
}

const cardShown = async (page: Page) =>
  expect.poll(() => sidebarText(page), { timeout: 15_000 }).toMatch(/nia\.probes[\s\S]*52,288/);

describe('a page script looking for Scout', () => {
  it('hears nothing on any name in Scout’s source, listening from its first line', async () => {
    const names = builtEventNames(env.scout.extensionId);
    expect(names).toEqual(expect.arrayContaining(['scout:tap', 'wxt:locationchange']));
    const page = await openProbe(env.scout.context, names);
    // The page computes the meeting names exactly as Scout does for this load.
    const [origin, meeting] = await page.evaluate(() => [
      performance.timeOrigin,
      window.__probe.meeting,
    ]);
    expect(meeting).toEqual(meetingNames(String(origin)));
    await cardShown(page);
    // Scout at work: the page's own API response through the tap, an in-app navigation and back.
    expect(await page.evaluate(() => window.__probe.loadVideos())).toBe(PAGE_VIDEOS);
    const tabId = await tabIdFor(env.scout, page, PROBE_KEY);
    await expect
      .poll(async () => (await creatorOfTab(env.scout, tabId))?.snapshot.recentPosts.length, {
        timeout: 15_000,
      })
      .toBe(PAGE_VIDEOS);
    await page.evaluate(() => history.pushState({}, '', '/foryou'));
    await page.evaluate(() => history.back());
    await cardShown(page);
    expect(await page.evaluate(() => window.__probe.heard)).toEqual([]);
    await page.close();
  });

  it('changes none of the creator’s numbers with forged events, and Scout keeps reading', async () => {
    const names = builtEventNames(env.scout.extensionId);
    const page = await openProbe(env.scout.context);
    const tabId = await tabIdFor(env.scout, page, PROBE_KEY);
    await expect
      .poll(async () => (await creatorOfTab(env.scout, tabId))?.snapshot.followers, {
        timeout: 15_000,
      })
      .toBe(PAGE_FOLLOWERS);
    const forged = await page.evaluate((n) => window.__probe.forge(n), names);
    expect(forged.answered).toBe(0);
    expect(forged.dispatched).toBeGreaterThan(names.length * 4);
    // The page's own response after the forgeries: once Scout has read it, it had every chance
    // to read the forged ones too.
    expect(await page.evaluate(() => window.__probe.loadVideos())).toBe(PAGE_VIDEOS);
    await expect
      .poll(async () => (await creatorOfTab(env.scout, tabId))?.snapshot.recentPosts.length, {
        timeout: 15_000,
      })
      .toBe(PAGE_VIDEOS);
    const creator = (await creatorOfTab(env.scout, tabId))!;
    expect(creator.key).toBe(PROBE_KEY);
    expect(creator.snapshot.followers).toBe(PAGE_FOLLOWERS);
    expect(creator.snapshot.recentPosts.map((p) => p.id)).not.toContain(PLANTED_VIDEO);
    await cardShown(page);
    expect(await sidebarText(page)).not.toMatch(/7\.8M|7,777,777|100M/);
    await page.close();
  });

  it('finds no element, attribute, global, stack frame or native that differs without Scout', async () => {
    const seen = async (browser: ScoutBrowser) => {
      const page = await openProbe(browser.context);
      if (browser === env.scout) await cardShown(page);
      const result = await page.evaluate(async () => ({
        scan: window.__probe.scan('scout'),
        shape: window.__probe.shape(),
        natives: window.__probe.natives(),
        errors: await window.__probe.errors(),
        unhandled: await window.__probe.unhandled(),
      }));
      await page.close();
      return result;
    };
    const withScout = await seen(env.scout);
    const without = await seen(env.plain);
    expect(withScout.scan).toEqual([]);
    expect(withScout.natives).toEqual(without.natives);
    expect(withScout.errors).toEqual(without.errors);
    expect(withScout.unhandled).toEqual(without.unhandled);
    // The card's host is one more generic element: a <div> without attributes under <html>.
    expect(withScout.shape.html).toEqual([...without.shape.html, 'div']);
    expect(withScout.shape).toEqual({ ...without.shape, html: withScout.shape.html });
    expect(withScout.shape.resources.filter((r) => /extension:/.test(r))).toEqual([]);
  });
});

describe('no request of its own', () => {
  /** What one browser asked the server for while a demo profile loads and the app moves on. */
  async function navigationRequests(browser: ScoutBrowser): Promise<string[]> {
    const from = env.server.requests.length;
    const page = await browser.context.newPage();
    const mara = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes')!;
    await page.goto(env.server.url(mara));
    await page.waitForFunction(() => (window as { __demoVideos?: number }).__demoVideos === 18);
    await page.getByRole('link', { name: 'Ravi Fixes Bikes' }).click();
    await page.waitForFunction(
      () =>
        (window as { __demoProfile?: string }).__demoProfile === 'ravi.fixes.bikes' &&
        (window as { __demoVideos?: number }).__demoVideos === 12,
    );
    if (browser === env.scout) {
      // Scout has done all it does for this visit: Ravi's videos are filed.
      const tabId = await tabIdFor(browser, page, 'tiktok:ravi.fixes.bikes');
      await expect
        .poll(async () => (await creatorOfTab(browser, tabId))?.snapshot.recentPosts.length, {
          timeout: 15_000,
        })
        .toBe(12);
    }
    await page.close();
    return env.server.requests
      .slice(from)
      .filter((r: LoggedRequest) => r.path !== '/favicon.ico')
      .map((r) => `${r.method} ${r.host}${r.path} ${r.status}`)
      .sort();
  }

  it('asks the server for exactly what the same navigation asks without Scout', async () => {
    const without = await navigationRequests(env.plain);
    const withScout = await navigationRequests(env.scout);
    expect(without).toEqual(
      expect.arrayContaining([
        'GET www.tiktok.com/api/user/detail/ 200',
        'GET www.tiktok.com/@mara.bakes 200',
      ]),
    );
    expect(withScout).toEqual(without);
  });
});
