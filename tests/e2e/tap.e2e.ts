import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { meetingNames } from '@/lib/tap/channel';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { creatorOfTab as askCreator, sidebarText, tabIdFor as fileOf, useScout } from './helpers';
import { requestsByScout } from './server';

const env = useScout();

const mara = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes')!;
const maraVideos = resolve(
  import.meta.dirname,
  '../fixtures/pages/tiktok/api-item-list-mara-bakes.json',
);

async function openMara(): Promise<Page> {
  const page = await env.scout.context.newPage();
  await page.goto(env.server.url(mara));
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

  it('takes nothing a page script dispatches, on the old names or the meeting’s', async () => {
    const page = await env.scout.context.newPage();
    // The page's video list is held back until the forgeries are out: when Scout has read it, it
    // had every chance to read them too.
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    await page.route(
      (url) => url.pathname === '/api/post/item_list/',
      async (route) => {
        await gate;
        await route.continue();
      },
    );
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(env.server.url(mara));
    const tabId = await fileOf(env.scout, page, 'tiktok:mara.bakes');
    const origin = await page.evaluate(() => performance.timeOrigin);
    const answered = await page.evaluate(
      ([hello, answer]) => {
        const user = { uniqueId: 'mara.bakes', nickname: 'Mara Bakes' };
        const planted = {
          detail: { statusCode: 0, userInfo: { user, stats: { followerCount: 7777777 } } },
          list: {
            itemList: [
              {
                id: '7777777777777777777',
                author: user,
                stats: { playCount: 7777777, diggCount: 7777777 },
              },
            ],
          },
        };
        const at = `${location.origin}/api`;
        const bodies = [
          `${at}/user/detail/?uniqueId=mara.bakes\n${JSON.stringify(planted.detail)}`,
          `${at}/post/item_list/?count=35\n${JSON.stringify(planted.list)}`,
          `${at}/user/detail/\n${'['.repeat(200000)}`,
          `${at}/user/detail/\n${'x'.repeat(5 * 1024 * 1024)}`,
          'https://www.tiktok.com/api/user/detail/\nnot json at all',
        ];
        // The meeting as Scout's source describes it, with a node of the page's own.
        const node = document.createElement('div');
        let answers = 0;
        node.addEventListener(answer!, () => answers++);
        document.dispatchEvent(new MouseEvent(hello!, { relatedTarget: node }));
        const answered = answers;
        for (const name of ['scout:tap', 'scout:tap-ready', 'scout:tap-hello', hello!, answer!])
          for (const target of [window, document, node])
            for (const detail of [...bodies, { not: 'text' }])
              target.dispatchEvent(new CustomEvent(name, { detail }));
        return answered;
      },
      [meetingNames(String(origin)).hello, meetingNames(String(origin)).answer],
    );
    expect(answered).toBe(0);
    release();
    await expect
      .poll(async () => (await askCreator(env.scout, tabId))?.snapshot.recentPosts.length, {
        timeout: 15_000,
      })
      .toBe(18);
    const creator = (await askCreator(env.scout, tabId))!;
    expect(creator.snapshot.followers).toBe(38214);
    expect(creator.snapshot.recentPosts.map((p) => p.id)).not.toContain('7777777777777777777');
    expect(await sidebarText(page)).not.toMatch(/7\.8M|7,777,777/);
    expect(await page.evaluate(() => document.title)).toContain('Mara Bakes');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('turns the videos the page loads into per-video stats for the background', async () => {
    const page = await openMara();
    const tabId = await fileOf(env.scout, page, 'tiktok:mara.bakes');
    // The profile is filed from the document first; the videos follow when the page's fetch returns.
    await expect
      .poll(async () => (await askCreator(env.scout, tabId)).snapshot.recentPosts.length, {
        timeout: 15_000,
      })
      .toBe(18);
    const creator = await askCreator(env.scout, tabId);
    const served = JSON.parse(readFileSync(maraVideos, 'utf8')) as {
      itemList: { id: string; statsV2: { playCount: string; diggCount: string } }[];
    };
    expect(creator.snapshot.recentPosts).toHaveLength(served.itemList.length);
    const first = served.itemList[0]!;
    expect(creator.snapshot.recentPosts.find((p) => p.id === first.id)).toMatchObject({
      views: Number(first.statsV2.playCount),
      likes: Number(first.statsV2.diggCount),
      precision: { views: 'exact', likes: 'exact' },
    });
    expect(creator.vetting?.engagement.basis).toBe('views');
    await page.close();
  });

  it('switches to the next creator inside the app, never showing the first one under the new URL', async () => {
    const page = await openMara();
    const tabId = await fileOf(env.scout, page, 'tiktok:mara.bakes');
    const worker = await env.scout.worker();
    await worker.evaluate(() => {
      const seen: { url?: string; creatorKey?: string }[] = [];
      (globalThis as { __seen?: typeof seen }).__seen = seen;
      chrome.storage.session.onChanged.addListener(
        (changes: Record<string, { newValue?: unknown }>) => {
          for (const [key, change] of Object.entries(changes)) {
            if (key.startsWith('tab:'))
              seen.push(change.newValue as { url?: string; creatorKey?: string });
          }
        },
      );
    });
    await page.getByRole('link', { name: 'Ravi Fixes Bikes' }).click();
    // The card is replaced in the same task as the navigation: nothing of Mara's is left on screen.
    expect(page.url()).toContain('/@ravi.fixes.bikes');
    const texts: string[] = [await sidebarText(page)];
    await expect
      .poll(async () => texts[texts.push(await sidebarText(page)) - 1], { timeout: 15_000 })
      .toMatch(/ravi\.fixes\.bikes/);
    expect(texts.filter((t) => t.includes('mara.bakes'))).toEqual([]);
    await expect
      .poll(async () => (await askCreator(env.scout, tabId)).snapshot.recentPosts.length, {
        timeout: 15_000,
      })
      .toBe(12);
    const seen = await worker.evaluate(() => (globalThis as { __seen?: unknown[] }).__seen ?? []);
    const wrong = (seen as { url?: string; creatorKey?: string }[]).filter(
      (r) => r?.url?.includes('ravi.fixes.bikes') && r.creatorKey === 'tiktok:mara.bakes',
    );
    expect(wrong).toEqual([]);
    await page.close();
  });

  it('made no request of its own to any platform host', () => {
    expect(env.server.requests.some((r) => r.path === '/api/post/item_list/')).toBe(true);
    expect(requestsByScout(env.server.requests)).toEqual([]);
  });
});
