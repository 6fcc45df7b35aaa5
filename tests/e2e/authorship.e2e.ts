import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AUTHORSHIP_ROUTES, DEMO_ROUTES } from '../fixtures/pages/routes';
import { launchScout, type ScoutBrowser } from './browser';
import { requestsByScout, startDemoServer, type DemoServer } from './server';

// A page that serves another creator's numbers itself: on a video page and on a post page, the
// page's own script fetches (from an allow-listed API path, through fetch, as the real apps do) a
// well-formed body about `someone.else` that carries the page's own post id. Scout must store
// nothing for that creator and file the tab under the page's owner, or under no creator.

let server: DemoServer;
let scout: ScoutBrowser;

beforeAll(async () => {
  server = await startDemoServer([...DEMO_ROUTES, ...AUTHORSHIP_ROUTES]);
  scout = await launchScout();
});
afterAll(async () => {
  await scout?.close();
  await server?.close();
});

interface Stored {
  creators: { key: string; followers?: number; posts: { id: string; likes?: number }[] }[];
  snapshotKeys: string[];
}

/** Every creator and snapshot row in Scout's own database, read in its service worker. */
async function stored(): Promise<Stored> {
  return (await scout.worker()).evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, failed) => {
      const open = indexedDB.open('scout');
      open.onsuccess = () => done(open.result);
      open.onerror = () => failed(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((done, failed) => {
        if (!db.objectStoreNames.contains(store)) return done([]);
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => done(request.result as T[]);
        request.onerror = () => failed(request.error);
      });
    type Row = {
      key: string;
      snapshot: { followers?: number; recentPosts: { id: string; likes?: number }[] };
    };
    const creators = (await all<Row>('creators')).map((c) => ({
      key: c.key,
      followers: c.snapshot.followers,
      posts: c.snapshot.recentPosts.map((p) => ({ id: p.id, likes: p.likes })),
    }));
    const snapshotKeys = (await all<{ creatorKey: string }>('snapshots')).map((s) => s.creatorKey);
    db.close();
    return { creators, snapshotKeys };
  });
}

interface TabRecord {
  url: string;
  state: string;
  creatorKey?: string;
  reason?: string;
}

/** The background's record for the tab showing `page` (storage.session), or null. */
async function recordOf(page: Page): Promise<TabRecord | null> {
  const url = page.url();
  return (await scout.worker()).evaluate(async (href) => {
    const all = await chrome.storage.session.get(null);
    const hit = Object.entries(all).find(
      ([k, v]) => k.startsWith('tab:') && (v as { url?: string }).url === href,
    );
    return hit ? (hit[1] as TabRecord) : null;
  }, url);
}

/** Opens a page of AUTHORSHIP_ROUTES and waits until its own script has fetched everything. */
async function open(path: string): Promise<Page> {
  const route = AUTHORSHIP_ROUTES.find((r) => r.path === path)!;
  const page = await scout.context.newPage();
  await page.goto(server.url(route));
  await page.waitForFunction(
    () => typeof (window as { __demoFetched?: number }).__demoFetched === 'number',
  );
  return page;
}

const OTHER = ['tiktok:someone.else', 'instagram:someone.else'];

function expectNothingOf(db: Stored, others = OTHER) {
  for (const key of others) {
    expect(db.creators.map((c) => c.key)).not.toContain(key);
    expect(db.snapshotKeys).not.toContain(key);
  }
  for (const c of db.creators) {
    expect(c.followers, `${c.key}: followers`).not.toBe(7_777_777);
    for (const p of c.posts) expect(p.likes, `${c.key} ${p.id}: likes`).not.toBe(777_777);
  }
}

describe('a page that serves another creator’s body for its own post', () => {
  it('TikTok video page: stored and filed as the video’s author, the other creator nowhere', async () => {
    const page = await open('/@tessa.tunes/video/7503307869736991200');
    // The last body the page fetches is tessa's own list: once her two other videos are stored,
    // the bodies about someone.else (fetched before it) have been read too.
    await expect
      .poll(
        async () =>
          (await stored()).creators.find((c) => c.key === 'tiktok:tessa.tunes')?.posts.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(3);
    const db = await stored();
    expectNothingOf(db);
    expect(db.creators.map((c) => c.key)).toEqual(['tiktok:tessa.tunes']);
    const tessa = db.creators[0]!;
    expect(tessa.followers).toBe(52_288);
    expect(tessa.posts.find((p) => p.id === '7503307869736991200')?.likes).toBe(3120);
    expect(await recordOf(page)).toMatchObject({
      state: 'ready',
      creatorKey: 'tiktok:tessa.tunes',
    });
    await page.close();
  });

  it('TikTok video page whose document names nobody: the URL’s creator or none, never the other', async () => {
    const page = await open('/@tessa.tunes/video/7503737363839248783');
    // The page's last fetch is tessa's own user detail (the URL names her): filed under her once
    // it is read, after the body about someone.else.
    await expect
      .poll(async () => (await recordOf(page))?.creatorKey, { timeout: 20_000 })
      .toBe('tiktok:tessa.tunes');
    const db = await stored();
    expectNothingOf(db);
    const tessa = db.creators.find((c) => c.key === 'tiktok:tessa.tunes')!;
    expect(tessa.posts.map((p) => p.id)).not.toContain('7503737363839248783');
    await page.close();
  });

  it('Instagram post page: stored and filed as the post’s author, the other creator nowhere', async () => {
    const page = await open('/p/DAuth0rPost1/');
    await expect
      .poll(
        async () =>
          (await stored()).creators.find((c) => c.key === 'instagram:ines.peaks')?.posts.length,
        { timeout: 20_000 },
      )
      .toBe(3);
    const db = await stored();
    expectNothingOf(db);
    const ines = db.creators.find((c) => c.key === 'instagram:ines.peaks')!;
    expect(ines.followers).toBe(31_870);
    expect(ines.posts.find((p) => p.id === 'DAuth0rPost1')?.likes).toBe(2210);
    expect(await recordOf(page)).toMatchObject({
      state: 'ready',
      creatorKey: 'instagram:ines.peaks',
    });
    await page.close();
  });

  it('Instagram post page naming no author: no creator at all, and the card says why', async () => {
    const before = (await stored()).creators.map((c) => c.key);
    const page = await open('/p/DBare00Post2/');
    // Read, then refused: the only account the page's data names is someone.else, from a body.
    await expect
      .poll(async () => (await recordOf(page))?.reason, { timeout: 20_000 })
      .toBe('the page does not say who posted this');
    const record = await recordOf(page);
    expect(record).toMatchObject({ state: 'no-data' });
    expect(record?.creatorKey).toBeUndefined();
    const db = await stored();
    expectNothingOf(db);
    expect(db.creators.map((c) => c.key)).toEqual(before);
    await page.close();
  });

  it('sent no request of its own', () => {
    expect(requestsByScout(server.requests)).toEqual([]);
  });
});
