import type { Page } from 'playwright-core';
import type { ScoutBrowser } from './browser';

interface WorkerVersion {
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops Scout's service worker, as the browser does when it has been idle, through the DevTools
 * protocol of `page`'s storage partition; resolves once the browser reports it stopped. The next
 * event that needs the worker (a message from a page or the card) starts a fresh one.
 */
export async function stopServiceWorker(scout: ScoutBrowser, page: Page): Promise<void> {
  const cdp = await scout.context.newCDPSession(page);
  const script = `chrome-extension://${scout.extensionId}/background.js`;
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  let seenRunning = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const v of versions.filter((version) => version.scriptURL === script)) {
      if (v.runningStatus === 'stopped' && seenRunning) stopped();
      if (v.runningStatus !== 'stopped') seenRunning = true;
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await done;
  await cdp.detach();
}

/** Marks the running worker's global scope, to tell later whether the same worker is still running. */
export async function markWorker(scout: ScoutBrowser): Promise<void> {
  await (
    await scout.worker()
  ).evaluate(() => {
    (globalThis as { __scoutE2eMark?: boolean }).__scoutE2eMark = true;
  });
}

/** Whether the worker running now is the one `markWorker` marked (false: it was restarted). */
export async function isMarkedWorker(scout: ScoutBrowser): Promise<boolean> {
  return (await scout.worker()).evaluate(
    () => (globalThis as { __scoutE2eMark?: boolean }).__scoutE2eMark === true,
  );
}

/**
 * How IndexedDB writes behave in the running worker from now on: `ok`; `full`, failing as a full disk
 * does (QuotaExceededError); or `stuck`, never completing (counted in `stuckWrites`), so the message
 * being handled stays unanswered. The worker must keep running in between: a restarted one starts
 * with working storage.
 */
export async function setStorage(
  scout: ScoutBrowser,
  mode: 'ok' | 'full' | 'stuck',
): Promise<void> {
  await (
    await scout.worker()
  ).evaluate((next) => {
    const scope = globalThis as { __scoutStorage?: string; __scoutStuck?: number };
    const proto = IDBObjectStore.prototype as unknown as Record<
      'put' | 'add',
      (...args: unknown[]) => IDBRequest
    > & { __scoutPatched?: boolean };
    if (!proto.__scoutPatched) {
      proto.__scoutPatched = true;
      scope.__scoutStuck = 0;
      for (const name of ['put', 'add'] as const) {
        const original = proto[name];
        proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
          if (scope.__scoutStorage === 'full')
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          if (scope.__scoutStorage === 'stuck') {
            scope.__scoutStuck! += 1;
            // A request that never succeeds nor fails: Dexie waits on it for ever.
            return {} as IDBRequest;
          }
          return original.apply(this, args);
        };
      }
    }
    scope.__scoutStorage = next;
  }, mode);
}

/** How many writes the running worker has left hanging (see `setStorage`). */
export async function stuckWrites(scout: ScoutBrowser): Promise<number> {
  return (await scout.worker()).evaluate(
    () => (globalThis as { __scoutStuck?: number }).__scoutStuck ?? 0,
  );
}
