// The bench's measures in real Chromium (imported by scripts/bench.ts): what Scout costs a host page
// and how fast its card shows numbers. They need a build (.output/chrome-mv3) and a Chromium; without
// either, bench.ts says so on stderr and prints the other measures.
//
// What the numbers are:
// - `host-page.script-ms.tiktok`: CDP `Performance.getMetrics` ScriptDuration of the demo TikTok page
//   (/@mara.bakes) with Scout minus without, per alternating pair of loads, median. The metric is
//   scoped to the page's target, i.e. JavaScript run on the main thread of the host page's renderer:
//   the page's own scripts, Scout's isolated-world content script (compiling it, collecting the
//   document, passing the tapped bodies on as text, making the card's frame) and its MAIN-world tap
//   (and the bench's own tiny polling, the same in both browsers). It does not count what the card
//   does inside its frame (a chrome-extension:// iframe runs out of process, in its own renderer)
//   nor the background service worker, where the page's JSON is parsed and read.
// - `host-page.script-ms.tiktok-floor`: the same, for the least any reader of this design puts in
//   the page: Scout's build with its TikTok content script replaced by FLOOR_SCRIPT, which only
//   answers the tap's handshake, sends the embedded JSON and the tapped bodies to the background as
//   text (one message each) and makes the card's frame after load. Its card shows the same numbers.
//   What `host-page.script-ms.tiktok` adds above it is the cost of Scout's own content-script logic. Read after `load`, the page's video list (18 videos) and,
//   with Scout, the card's engagement number, plus a short settle.
// - `card.latency-ms`: wall clock from the background storing the tab record with a creatorKey (the
//   content script's first snapshot, seen by a storage.session.onChanged listener installed in the
//   service worker) to the card's DOM first showing an "Engagement rate N%" (a MutationObserver put
//   into the sidebar frame by an init script). Both stamps are Date.now() on one machine's clock.
// - `card.navigation-to-numbers-ms`: from just before `page.goto` (Node's Date.now()) to that same
//   first engagement number in the card.
// Nothing is added to product code: the probes are evaluated from outside as plain strings (tsx's
// name-keeping helpers would break serialised functions).
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { token } from '../lib/tap/channel';
import { benchFeedPages, LONG_TASK_MS, scoutTasks, type TraceEvent } from '../lib/bench/feed';
import { median, type MeasureResult } from '../lib/bench/measure';
import { DEMO_ROUTES } from '../tests/fixtures/pages/routes';
import { chromiumPath, EXTENSION_DIR, launchScout, type ScoutBrowser } from '../tests/e2e/browser';
import { startDemoServer, type DemoServer } from '../tests/e2e/server';

const PAGES_DIR = resolve(import.meta.dirname, '../tests/fixtures/pages');

/** The browser runs per measure at most (each run is a page load; keeps the bench near a minute). */
export const MAX_BROWSER_RUNS = 7;
/**
 * Pairs of loads for the host-page cost at most: a page load's script time varies by several ms
 * from one load to the next on a shared machine, so its median needs more pairs than the others.
 */
export const MAX_HOST_PAIRS = 15;

const BUDGETS = {
  hostScriptMs: 10,
  cardLatencyMs: 100,
  navigationToNumbersMs: 500,
} as const;

/** Quiet time after the numbers are in, before the page's script time is read. */
const SETTLE_MS = 300;
const TIMEOUT_MS = 15_000;
const ER_PATTERN = 'Engagement rate\\s*[\\d.]+\\s*%';

export interface BrowserBench {
  results: Record<string, MeasureResult>;
  labels: Record<string, string>;
}

/** Why the browser measures cannot run here (no build, no Chromium), or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    return `no build in ${EXTENSION_DIR} (run npm run build)`;
  }
  const stale = newerSource(statSync(join(EXTENSION_DIR, 'manifest.json')).mtimeMs);
  if (stale) return `the build in ${EXTENSION_DIR} is older than ${stale} (run npm run build)`;
  try {
    chromiumPath();
  } catch {
    return 'no Chromium (set CHROMIUM_PATH or apt-get install chromium)';
  }
  return null;
}

/** A source file changed after the build was made (it would measure code that no longer ships). */
function newerSource(builtAt: number): string | null {
  const root = resolve(import.meta.dirname, '..');
  for (const dir of ['lib', 'entrypoints', 'components']) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (statSync(path).mtimeMs > builtAt) return path.slice(root.length + 1);
    }
  }
  return null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Cumulative ScriptDuration (seconds) of the page's target since Performance.enable. */
async function scriptSeconds(cdp: {
  send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }>;
}): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = metrics.find((m) => m.name === 'ScriptDuration');
  if (!metric) throw new Error('Performance.getMetrics returned no ScriptDuration');
  return metric.value;
}

/** The card's frame, once the content script has mounted it (polled from outside the page). */
async function sidebarFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html') && !f.isDetached());
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the card never appeared');
    await sleep(20);
  }
}

/** Waits for the card to show an engagement number (polling the sidebar's renderer, not the page's). */
async function cardNumbers(page: Page): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  const pattern = new RegExp(ER_PATTERN);
  for (;;) {
    // Re-found every time: the card may be remounted while the page's data arrives.
    const frame = await sidebarFrame(page);
    const text = await frame
      .locator('main')
      .textContent({ timeout: 500 })
      .catch(() => '');
    if (text && pattern.test(text)) return;
    if (Date.now() > deadline) throw new Error('the card never showed an engagement rate');
    await sleep(20);
  }
}

/** Script seconds the demo page's renderer spent on one fresh load, up to numbers plus settle. */
async function hostPageLoad(browser: ScoutBrowser, url: string, withScout: boolean) {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await scriptSeconds(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction('window.__demoVideos === 18', null, {
      polling: 50,
      timeout: TIMEOUT_MS,
    });
    if (withScout) await cardNumbers(page);
    await sleep(SETTLE_MS);
    const after = await scriptSeconds(cdp);
    await cdp.detach();
    return after - before;
  } finally {
    await page.close();
  }
}

// In the service worker: stamp every tab record that names a creator (idempotent; the worker may
// have been restarted by Chromium, so it is installed again before each run).
const WORKER_PROBE = `(() => {
  if (globalThis.__scoutBench) return;
  globalThis.__scoutBench = [];
  chrome.storage.session.onChanged.addListener((changes) => {
    const at = Date.now();
    for (const key of Object.keys(changes)) {
      const value = changes[key].newValue;
      if (key.startsWith('tab:') && value && value.creatorKey) {
        globalThis.__scoutBench.push({ key, url: String(value.url || ''), at });
      }
    }
  });
})()`;
const WORKER_TAKE = `(globalThis.__scoutBench || []).splice(0)`;

// In the sidebar frame only (an init script runs in every frame of the page): stamp the first time
// the card's DOM shows an engagement number.
const SIDEBAR_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
  const pattern = new RegExp(${JSON.stringify(ER_PATTERN)});
  const observer = new MutationObserver(() => {
    const main = document.querySelector('main');
    if (main && pattern.test(main.textContent || '')) {
      window.__scoutBenchEr = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** One load with Scout: [card latency, navigation to numbers] in ms. */
async function cardRun(scout: ScoutBrowser, url: string): Promise<[number, number]> {
  const worker = await scout.worker();
  await worker.evaluate(WORKER_PROBE);
  await worker.evaluate(WORKER_TAKE);
  const page = await scout.context.newPage();
  try {
    await page.addInitScript({ content: SIDEBAR_PROBE });
    const start = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await cardNumbers(page);
    const frame = await sidebarFrame(page);
    await frame.waitForFunction('window.__scoutBenchEr !== undefined', null, {
      polling: 50,
      timeout: TIMEOUT_MS,
    });
    const shownAt = (await frame.evaluate('window.__scoutBenchEr')) as number;
    const log = (await (await scout.worker()).evaluate(WORKER_TAKE)) as {
      key: string;
      url: string;
      at: number;
    }[];
    const ready = log
      .filter((e) => e.at >= start && e.url === page.url())
      .sort((a, b) => a.at - b.at)[0];
    if (!ready) throw new Error('the background never filed the tab (or its worker restarted)');
    return [shownAt - ready.at, shownAt - start];
  } finally {
    await page.close();
  }
}

// The floor's TikTok content script (see the header): the page's side of Scout with nothing but what
// the design cannot do without. Plain JavaScript, written into a copy of the build.
const FLOOR_SCRIPT = `(() => {
  const session = 'floor-' + Math.random().toString(36).slice(2);
  const visitAt = Date.now();
  let sent = false;
  let seq = 0;
  const send = (data) => chrome.runtime
    .sendMessage({ id: seq, type: 'page/read', timestamp: Date.now(), data })
    .catch(() => undefined);
  const base = () => ({ url: location.href, visitAt, session, bodies: [] });
  const bodies = [];
  const onBody = (event) => {
    const detail = event.detail;
    if (typeof detail !== 'string') return;
    const at = detail.indexOf('\\n');
    const body = { seq: ++seq, url: detail.slice(0, at), text: detail.slice(at + 1) };
    if (!sent) return void bodies.push(body);
    void send({ ...base(), full: false, since: seq - 1, bodies: [body] });
  };
  // The tap's channel (lib/tap/channel.ts, the same names): meet over document, then listen on the
  // node the meeting exchanged; give up at the first page script.
  const token = ${token.toString()};
  const seed = String(performance.timeOrigin);
  const hello = token(seed + '|m');
  const answer = token(seed + '|a');
  const mine = document.createElement('div');
  let met = false;
  const openOn = (node, nonce) => {
    met = true;
    document.removeEventListener(hello, onHello);
    watch.disconnect();
    const ready = () => node.dispatchEvent(new CustomEvent(token(nonce + '|r'), { detail: '' }));
    node.addEventListener(token(nonce + '|b'), onBody);
    node.addEventListener(token(nonce + '|h'), ready);
    ready();
  };
  const onHello = (event) => {
    const theirs = event.relatedTarget;
    if (met || !theirs || theirs === mine) return;
    const nonce = String(Math.random()).slice(2);
    openOn(theirs, nonce);
    theirs.dispatchEvent(new CustomEvent(answer, { detail: nonce }));
  };
  const watch = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.localName === 'script'))) {
      document.removeEventListener(hello, onHello);
      watch.disconnect();
    }
  });
  mine.addEventListener(answer, (event) => {
    if (!met && typeof event.detail === 'string') openOn(mine, event.detail);
  });
  document.addEventListener(hello, onHello);
  document.dispatchEvent(new MouseEvent(hello, { relatedTarget: mine }));
  if (!met) watch.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    const island = document.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__');
    const texts = island
      ? [{ name: island.id, kind: 'json-script', text: island.textContent || '' }]
      : [];
    sent = true;
    void send({ ...base(), full: true, since: 0, doc: { locale: 'en', texts, readings: [] }, bodies });
  });
  window.addEventListener('load', () => setTimeout(() => {
    const host = document.createElement('div');
    const box = document.createElement('style');
    box.textContent = ':host{position:fixed!important;top:72px!important;right:16px!important;width:340px!important;height:520px!important;z-index:2147483646!important}';
    const frame = document.createElement('iframe');
    frame.src = chrome.runtime.getURL('/sidebar.html');
    host.attachShadow({ mode: 'closed' }).append(box, frame);
    document.documentElement.append(host);
  }, 0));
})();`;

/** A copy of the build whose TikTok content script is FLOOR_SCRIPT; removed by the caller. */
function floorBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scout-floor-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'content-scripts/tiktok.js'), FLOOR_SCRIPT);
  return dir;
}

function result(samples: number[], budget: number): MeasureResult {
  return { median: round(median(samples)), unit: 'ms', budget, runs: samples.length };
}

// ─── In-feed chips (`feed-chips.`) ───────────────────────────────────────────────────────────────
//
// On the demo For You page (/foryou): its own script fetches /api/recommend/item_list/ page by page,
// renders each item with its author's name link, and Scout puts a chip after that link once the
// background knows the author's follower count (every demo body carries `authorStats`). A chip is
// Scout's own attribute-less `span` child of the item's `.info` row (the page's own spans there all
// have a class); each run also checks, through CDP's DOM with shadow roots pierced, that every one
// of them holds a button whose accessible name begins "Scout".
// - `feed-chips.latency-ms`: per fresh load (viewport tall enough for both pages, so every item
//   is on screen), the second page's request is held by the bench until the first page's chips are
//   in and the page is quiet, then let through to the demo server. From that response's
//   `responseEnd` (Resource Timing) to the first animation frame in which every item it added has
//   its chip in the DOM with a box: stamped by a MutationObserver and requestAnimationFrame in an
//   isolated world of the bench's own (CDP Page.createIsolatedWorld), never by Scout.
// - `feed-chips.script-ms-per-100-items`: the page's renderer's ScriptDuration (CDP) with Scout
//   minus without, per alternating pair of loads, while the feed appends 100 invented items (ten
//   bodies of ten, lib/bench/feed.ts, served to the page's own fetches by request interception) as
//   the reader scrolls to the end with the mouse wheel, up to every item's chip plus a settle.
//   The window also covers the chips of the first page's items below the first screen (seven).
//   The bench runs no script in the page inside the window (scrolling, positions and the chip count
//   go through CDP's Input, Page and DOM domains).
// - `feed-chips.longest-task-ms`: in traced loads with Scout (CDP Tracing, separate from the timed
//   pairs), the longest main-thread task of the host page that ran any of Scout's content scripts;
//   within 50 ms means no long task of Scout's. The label counts the long tasks (> 50 ms) that a
//   PerformanceObserver in the bench's isolated world saw during the timed appends, with and without.

export const FEED_PREFIX = 'feed-chips.';
/** Pairs of appends at most (each is about 6 s of scrolling per browser). */
const MAX_FEED_PAIRS = 5;
/** Traced appends at most (tracing slows the page: these give task lengths, not script time). */
const MAX_FEED_TRACES = 3;
const FEED_BUDGETS = { latencyMs: 200, scriptMsPer100: 10, longestTaskMs: LONG_TASK_MS } as const;
/** The invented pages appended after the demo's first: 10 bodies of 10 items. */
const BENCH_PAGES = 10;
const BENCH_PER_PAGE = 10;
const FEED_VIEWPORT = { width: 1280, height: 800 };
/** Tall enough for both demo pages' 16 items at once (each about 340 px). */
const TALL_VIEWPORT = { width: 1280, height: 7000 };
const WHEEL_PX = 700;
const WHEEL_GAP_MS = 60;
/** After the last chip, before the page's script time is read. */
const FEED_SETTLE_MS = 300;
/** The quiet time after the first page's chips, before a measurement starts. */
const QUIET_MS = 500;

const ITEM = '[data-e2e="recommend-list-item-container"]';
const CHIP_HOST = `${ITEM} .info > span:not([class])`;
const FEED_API = /\/api\/recommend\/item_list\//;

type Cdp = CDPSession;

/** The demo For You route and its two bodies as the demo server serves them. */
function forYou() {
  const route = DEMO_ROUTES.find((r) => r.host === 'www.tiktok.com' && r.path === '/foryou');
  const body = (cursor: string) =>
    DEMO_ROUTES.find((r) => r.path === '/api/recommend/item_list/' && r.query?.cursor === cursor);
  const first = body('0');
  const second = body('1');
  if (!route || !first || !second) throw new Error('the demo For You routes are missing');
  const items = (file: string) =>
    (JSON.parse(readFileSync(join(PAGES_DIR, file), 'utf8')) as { itemList: unknown[] }).itemList
      .length;
  return {
    route,
    firstItems: items(first.file),
    secondItems: items(second.file),
    template: JSON.parse(readFileSync(join(PAGES_DIR, first.file), 'utf8')) as unknown,
  };
}

/** An execution context of the bench's own in the page's main frame (not the page's, not Scout's). */
async function isolatedWorld(cdp: Cdp): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'scout-bench',
  });
  return executionContextId;
}

async function evaluateIn(cdp: Cdp, contextId: number, expression: string): Promise<unknown> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`bench probe failed: ${exceptionDetails.text}`);
  return result.value;
}

/** Elements matching `selector` now, counted by CDP's DOM (no script in the page). */
async function countNodes(cdp: Cdp, selector: string): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  return nodeIds.length;
}

/** Buttons anywhere in the page, shadow roots pierced, whose accessible name begins "Scout". */
async function scoutButtons(cdp: Cdp): Promise<number> {
  const { nodes } = await cdp.send('DOM.getFlattenedDocument', { depth: -1, pierce: true });
  return nodes.filter((node) => {
    if (node.nodeName !== 'BUTTON') return false;
    const attributes = node.attributes ?? [];
    const at = attributes.indexOf('aria-label');
    return at !== -1 && at % 2 === 0 && (attributes[at + 1] ?? '').startsWith('Scout');
  }).length;
}

/** Waits until CDP's DOM counts at least `count` of `selector` (polled from outside the page). */
async function untilCount(cdp: Cdp, selector: string, count: number, what: string) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const have = await countNodes(cdp, selector);
    if (have >= count) return have;
    if (Date.now() > deadline)
      throw new Error(`${what}: ${have} of ${count} after ${TIMEOUT_MS} ms`);
    await sleep(50);
  }
}

// In the bench's isolated world, before the second page is let through: stamps the first animation
// frame in which every item after the first `first` has its chip with a box. The observer only
// counts (no layout); boxes are read in the frame, where layout happens anyway.
const latencyProbe = (first: number, added: number) => `(() => {
  const items = () => [...document.querySelectorAll(${JSON.stringify(ITEM)})].slice(${first});
  const chipOf = (item) => item.querySelector('.info > span:not([class])');
  const state = (window.__scoutBenchLatency = { at: null });
  const inFrame = () => {
    const all = items();
    const shown = all.every((item) => {
      const host = chipOf(item);
      if (!host || !host.isConnected) return false;
      const box = host.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && host.checkVisibility();
    });
    if (shown) state.at = performance.now();
    else requestAnimationFrame(inFrame);
  };
  const observer = new MutationObserver(() => {
    const all = items();
    if (all.length >= ${added} && all.every(chipOf)) {
      observer.disconnect();
      requestAnimationFrame(inFrame);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
})()`;

const RESPONSE_END = `(() => {
  const entry = performance.getEntriesByType('resource')
    .find((e) => e.name.includes('/api/recommend/item_list/') && /[?&]cursor=1(&|$)/.test(e.name));
  return entry ? entry.responseEnd : null;
})()`;

/** One fresh load with Scout: ms from the second page's response to all its chips on screen. */
async function chipLatencyRun(scout: ScoutBrowser, url: string, feed: ReturnType<typeof forYou>) {
  const page = await scout.context.newPage();
  try {
    await page.setViewportSize(TALL_VIEWPORT);
    let release: (() => Promise<void>) | null = null;
    const asked = new Promise<void>((done) => {
      void page.route(FEED_API, async (route) => {
        const cursor = new URL(route.request().url()).searchParams.get('cursor');
        if (cursor !== '1') return route.continue();
        release = () => route.continue();
        done();
      });
    });
    const cdp = await scout.context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await cdp.send('DOM.enable');
    await untilCount(cdp, CHIP_HOST, feed.firstItems, "the first page's chips");
    await asked;
    await sleep(QUIET_MS);
    const world = await isolatedWorld(cdp);
    await evaluateIn(cdp, world, latencyProbe(feed.firstItems, feed.secondItems));
    await release!();
    const deadline = Date.now() + TIMEOUT_MS;
    let shownAt: number | null = null;
    while (shownAt === null) {
      if (Date.now() > deadline) throw new Error("the second page's chips never all showed");
      await sleep(50);
      shownAt = (await evaluateIn(cdp, world, 'window.__scoutBenchLatency.at')) as number | null;
    }
    const responseEnd = (await evaluateIn(cdp, world, RESPONSE_END)) as number | null;
    if (responseEnd === null) throw new Error("the second page's response has no timing entry");
    const chips = feed.firstItems + feed.secondItems;
    const buttons = await scoutButtons(cdp);
    if (buttons !== chips) throw new Error(`${buttons} buttons named "Scout…" for ${chips} chips`);
    return shownAt - responseEnd;
  } finally {
    await page.close();
  }
}

// In the bench's isolated world of a timed append: the long tasks of the page's main thread.
const LONG_TASKS_PROBE = `(() => {
  const seen = (window.__scoutBenchLongTasks = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  }).observe({ type: 'longtask' });
})()`;

/** What one append of the invented pages cost the page. */
interface AppendRun {
  scriptMs: number;
  longTasks: number;
  /** Trace events of the window, when traced. */
  events?: TraceEvent[];
}

/**
 * One fresh load of the For You page, then the reader scrolls to its end while the page appends
 * the invented pages; with Scout, up to every item's chip. `trace` records the window instead of
 * timing it.
 */
async function appendRun(
  browser: ScoutBrowser,
  url: string,
  feed: ReturnType<typeof forYou>,
  bodies: readonly string[],
  options: { withScout: boolean; trace?: boolean },
): Promise<AppendRun> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(FEED_VIEWPORT);
    let served = 0;
    await page.route(FEED_API, async (route) => {
      const cursor = Number(new URL(route.request().url()).searchParams.get('cursor'));
      const body = bodies[cursor - 1];
      if (cursor === 0 || body === undefined) return route.continue();
      served = Math.max(served, cursor);
      await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
    });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await cdp.send('DOM.enable');
    await untilCount(cdp, ITEM, feed.firstItems, "the first page's items");
    // The chips of the first screen's items (two or three), in both browsers' time alike.
    if (options.withScout) await untilCount(cdp, CHIP_HOST, 2, 'the first chips');
    const world = await isolatedWorld(cdp);
    await evaluateIn(cdp, world, LONG_TASKS_PROBE);
    await page.mouse.move(FEED_VIEWPORT.width / 2, FEED_VIEWPORT.height / 2);
    await sleep(QUIET_MS);

    const events: TraceEvent[] = [];
    if (options.trace) {
      cdp.on('Tracing.dataCollected', ({ value }) =>
        events.push(...(value as unknown as TraceEvent[])),
      );
      await cdp.send('Tracing.start', {
        traceConfig: {
          includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
        },
        transferMode: 'ReportEvents',
      });
    }
    const before = await scriptSeconds(cdp);
    const deadline = Date.now() + 4 * TIMEOUT_MS;
    for (;;) {
      await page.mouse.wheel(0, WHEEL_PX);
      await sleep(WHEEL_GAP_MS);
      const { cssVisualViewport: view, cssContentSize: content } =
        await cdp.send('Page.getLayoutMetrics');
      if (served === bodies.length && view.pageY + view.clientHeight >= content.height - 2) break;
      if (Date.now() > deadline) throw new Error(`the feed stopped at page ${served}`);
    }
    const items = feed.firstItems + bodies.length * BENCH_PER_PAGE;
    await untilCount(cdp, ITEM, items, 'the appended items');
    if (options.withScout) await untilCount(cdp, CHIP_HOST, items, 'the appended chips');
    await sleep(FEED_SETTLE_MS);
    const after = await scriptSeconds(cdp);
    if (options.trace) {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
    }
    const longTasks = ((await evaluateIn(cdp, world, 'window.__scoutBenchLongTasks')) as number[])
      .length;
    if (options.withScout) {
      const buttons = await scoutButtons(cdp);
      if (buttons !== items)
        throw new Error(`${buttons} buttons named "Scout…" for ${items} chips`);
    }
    return { scriptMs: (after - before) * 1000, longTasks, ...(options.trace ? { events } : {}) };
  } finally {
    await page.close();
  }
}

/** The chips' measures on the demo For You page (see the section's header). */
async function feedMeasures(server: DemoServer, runs: number, bench: BrowserBench) {
  const feed = forYou();
  const url = server.url(feed.route);
  const bodies = benchFeedPages(feed.template, BENCH_PAGES, BENCH_PER_PAGE);
  const appended = BENCH_PAGES * BENCH_PER_PAGE;
  const opened: ScoutBrowser[] = [];
  try {
    const scout = await launchScout();
    opened.push(scout);
    const plain = await launchScout({ extension: false });
    opened.push(plain);
    const origin = `chrome-extension://${scout.extensionId}`;

    // Untimed first loads: a fresh profile's first page pays for caches and code compiles.
    await chipLatencyRun(scout, url, feed);
    await appendRun(scout, url, feed, bodies, { withScout: true });
    await appendRun(plain, url, feed, bodies, { withScout: false });

    const latencyMs: number[] = [];
    for (let i = 0; i < Math.min(runs, MAX_BROWSER_RUNS); i++) {
      latencyMs.push(await chipLatencyRun(scout, url, feed));
    }
    const scriptMs: number[] = [];
    const longTasks = { scout: 0, plain: 0 };
    for (let i = 0; i < Math.min(runs, MAX_FEED_PAIRS); i++) {
      // Rotate which browser goes first, so drift over the run does not favour one side.
      const order = i % 2 ? [false, true] : [true, false];
      const ms: Record<string, number> = {};
      for (const withScout of order) {
        const run = await appendRun(withScout ? scout : plain, url, feed, bodies, { withScout });
        ms[String(withScout)] = run.scriptMs;
        longTasks[withScout ? 'scout' : 'plain'] += run.longTasks;
      }
      scriptMs.push((((ms.true ?? 0) - (ms.false ?? 0)) * 100) / appended);
    }
    const longestMs: number[] = [];
    for (let i = 0; i < Math.min(runs, MAX_FEED_TRACES); i++) {
      const run = await appendRun(scout, url, feed, bodies, { withScout: true, trace: true });
      longestMs.push(scoutTasks(run.events ?? [], origin)[0]?.ms ?? 0);
    }
    const pairs = scriptMs.length;

    Object.assign(bench.results, {
      'feed-chips.latency-ms': result(latencyMs, FEED_BUDGETS.latencyMs),
      'feed-chips.script-ms-per-100-items': result(scriptMs, FEED_BUDGETS.scriptMsPer100),
      'feed-chips.longest-task-ms': result(longestMs, FEED_BUDGETS.longestTaskMs),
    });
    Object.assign(bench.labels, {
      'feed-chips.latency-ms': `demo For You: 2nd page's responseEnd → all ${feed.secondItems} of its items' chips in a frame`,
      'feed-chips.script-ms-per-100-items': `ScriptDuration with Scout − without while the feed appends ${appended} items, per 100`,
      'feed-chips.longest-task-ms': `longest host task running Scout (trace); long tasks in ${pairs} appends: ${longTasks.scout} with Scout, ${longTasks.plain} without`,
    });
  } finally {
    for (const browser of opened.reverse()) await browser.close().catch(() => undefined);
  }
}

/** The creator-page measures (`host-page.`, `card.`) on the demo TikTok profile. */
async function creatorPageMeasures(server: DemoServer, runs: number, bench: BrowserBench) {
  const n = Math.min(runs, MAX_BROWSER_RUNS);
  const pairs = Math.min(runs, MAX_HOST_PAIRS);
  const route = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes');
  if (!route) throw new Error('the demo route /@mara.bakes is missing');
  const opened: ScoutBrowser[] = [];
  const floorDir = floorBuild();
  try {
    const scout = await launchScout();
    opened.push(scout);
    const floor = await launchScout({ extensionDir: floorDir });
    opened.push(floor);
    const plain = await launchScout({ extension: false });
    opened.push(plain);
    const url = server.url(route);

    // One untimed load each: the first load in a fresh profile pays for caches and code compiles.
    await hostPageLoad(scout, url, true);
    await hostPageLoad(floor, url, true);
    await hostPageLoad(plain, url, false);
    const hostMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Rotate which browser goes first, so drift over the run does not favour one side.
      const loads = [
        () => hostPageLoad(scout, url, true),
        () => hostPageLoad(floor, url, true),
        () => hostPageLoad(plain, url, false),
      ];
      const seconds: number[] = [];
      for (let k = 0; k < loads.length; k++) {
        const at = (k + i) % loads.length;
        seconds[at] = await loads[at]!();
      }
      const [withScout = 0, withFloor = 0, without = 0] = seconds;
      hostMs.push((withScout - without) * 1000);
      floorMs.push((withFloor - without) * 1000);
    }
    for (const browser of [plain, floor]) {
      await browser.close();
      opened.splice(opened.indexOf(browser), 1);
    }

    const latencyMs: number[] = [];
    const navigationMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const [latency, navigation] = await cardRun(scout, url);
      latencyMs.push(latency);
      navigationMs.push(navigation);
    }

    Object.assign(bench.results, {
      'host-page.script-ms.tiktok': result(hostMs, BUDGETS.hostScriptMs),
      'host-page.script-ms.tiktok-floor': result(floorMs, BUDGETS.hostScriptMs),
      'card.latency-ms': result(latencyMs, BUDGETS.cardLatencyMs),
      'card.navigation-to-numbers-ms': result(navigationMs, BUDGETS.navigationToNumbersMs),
    });
    Object.assign(bench.labels, {
      'host-page.script-ms.tiktok':
        "host renderer's ScriptDuration with Scout − without (demo TikTok page, CDP)",
      'host-page.script-ms.tiktok-floor':
        'the same for the least the design needs: tap, one message per payload, the card frame',
      'card.latency-ms': 'tab record with creator stored → card shows engagement rate',
      'card.navigation-to-numbers-ms': 'page.goto → card shows engagement rate',
    });
  } finally {
    for (const browser of opened.reverse()) await browser.close().catch(() => undefined);
    rmSync(floorDir, { recursive: true, force: true });
  }
}

/**
 * Runs the browser measures: those whose id starts with `only` (all without it; see bench.ts's
 * `--only`), each group `min(runs, its maximum)` times.
 */
export async function browserMeasures(runs: number, only?: string): Promise<BrowserBench> {
  const wants = (prefix: string) =>
    only === undefined || prefix.startsWith(only) || only.startsWith(prefix);
  const bench: BrowserBench = { results: {}, labels: {} };
  const server = await startDemoServer();
  try {
    if (wants('host-page.') || wants('card.')) await creatorPageMeasures(server, runs, bench);
    if (wants(FEED_PREFIX)) await feedMeasures(server, runs, bench);
  } finally {
    await server.close();
  }
  return bench;
}
