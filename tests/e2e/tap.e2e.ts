import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

const mara = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes')!;
const maraVideos = resolve(
  import.meta.dirname,
  '../fixtures/pages/tiktok/api-item-list-mara-bakes.json',
);

async function openMara(): Promise<Page> {
  const page = await scout.context.newPage();
  await page.goto(server.url(mara));
  await page.waitForFunction(() => (window as { __demoVideos?: number }).__demoVideos === 18);
  return page;
}

describe('the MAIN-world tap', () => {
  it('leaves fetch and XMLHttpRequest looking native to the page', async () => {
    const page = await openMara();
    const seen = await page.evaluate(() => ({
      fetch: fetch.toString(),
      fetchName: fetch.name,
      fetchLength: fetch.length,
      open: XMLHttpRequest.prototype.open.toString(),
      send: XMLHttpRequest.prototype.send.toString(),
      toString: Function.prototype.toString.toString(),
      ownKeys: Object.getOwnPropertyNames(window).filter((k) => /scout|tap/i.test(k)),
    }));
    expect(seen).toEqual({
      fetch: 'function fetch() { [native code] }',
      fetchName: 'fetch',
      fetchLength: 1,
      open: 'function open() { [native code] }',
      send: 'function send() { [native code] }',
      toString: 'function toString() { [native code] }',
      ownKeys: [],
    });
    await page.close();
  });

  it('never changes what the page receives', async () => {
    const page = await openMara();
    const path =
      '/api/post/item_list/?aid=1988&count=35&cursor=0&secUid=MS4wLjABAAAAdemoMaraBakesSecUid0000000000000000000000000000000';
    const viaFetch = await page.evaluate((p) => fetch(p).then((r) => r.text()), path);
    const viaXhr = await page.evaluate(
      (p) =>
        new Promise<string>((done) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', p);
          xhr.onload = () => done(xhr.responseText);
          xhr.send();
        }),
      path,
    );
    const served = readFileSync(maraVideos, 'utf8');
    expect(viaFetch).toBe(served);
    expect(viaXhr).toBe(served);
    await page.close();
  });

  it('shrugs off forged, oversized and non-JSON events from the page', async () => {
    const page = await openMara();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.evaluate(() => {
      const send = (detail: unknown) =>
        window.dispatchEvent(new CustomEvent('scout:tap', { detail }));
      send({ not: 'text' });
      send('https://evil.example/api/user/detail/\n{}');
      send('https://www.tiktok.com/api/user/detail/\nnot json at all');
      send(`${location.origin}/api/user/detail/\n${'['.repeat(200000)}`);
      send(`${location.origin}/api/user/detail/\n${'x'.repeat(5 * 1024 * 1024)}`);
      window.dispatchEvent(new CustomEvent('scout:tap-ready'));
    });
    expect(await page.evaluate(() => document.title)).toContain('Mara Bakes');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('made no request of its own to any platform host', () => {
    expect(server.requests.some((r) => r.path === '/api/post/item_list/')).toBe(true);
    expect(requestsByScout(server.requests)).toEqual([]);
  });
});
