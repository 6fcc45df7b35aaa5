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
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { token } from '../lib/tap/channel';
import { median, type MeasureResult } from '../lib/bench/measure';
import { DEMO_ROUTES } from '../tests/fixtures/pages/routes';
import { chromiumPath, EXTENSION_DIR, launchScout, type ScoutBrowser } from '../tests/e2e/browser';
import { startDemoServer } from '../tests/e2e/server';

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
  try {
    chromiumPath();
  } catch {
    return 'no Chromium (set CHROMIUM_PATH or apt-get install chromium)';
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

/** Runs the browser measures `min(runs, MAX_BROWSER_RUNS)` times each. */
export async function browserMeasures(runs: number): Promise<BrowserBench> {
  const n = Math.min(runs, MAX_BROWSER_RUNS);
  const pairs = Math.min(runs, MAX_HOST_PAIRS);
  const route = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes');
  if (!route) throw new Error('the demo route /@mara.bakes is missing');
  const server = await startDemoServer();
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

    return {
      results: {
        'host-page.script-ms.tiktok': result(hostMs, BUDGETS.hostScriptMs),
        'host-page.script-ms.tiktok-floor': result(floorMs, BUDGETS.hostScriptMs),
        'card.latency-ms': result(latencyMs, BUDGETS.cardLatencyMs),
        'card.navigation-to-numbers-ms': result(navigationMs, BUDGETS.navigationToNumbersMs),
      },
      labels: {
        'host-page.script-ms.tiktok':
          "host renderer's ScriptDuration with Scout − without (demo TikTok page, CDP)",
        'host-page.script-ms.tiktok-floor':
          'the same for the least the design needs: tap, one message per payload, the card frame',
        'card.latency-ms': 'tab record with creator stored → card shows engagement rate',
        'card.navigation-to-numbers-ms': 'page.goto → card shows engagement rate',
      },
    };
  } finally {
    for (const browser of opened.reverse()) await browser.close().catch(() => undefined);
    await server.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
}
