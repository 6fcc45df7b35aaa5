import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { sidebarFrame, sidebarText, useScout } from './helpers';
import { requestsByScout } from './server';

// The demo video page's own script loads its comments in two pages, as TikTok's web app does: 30
// comments of invented people on the video, 18 of them emoji, one word or only mentions. Scout
// reads them from the page's own responses, counts them on the card and warns, and keeps their
// words only: no commenter's handle, name, id or avatar reaches its database.

const env = useScout();
const juno = DEMO_ROUTES.find((r) => r.creator?.handle === 'juno.knits')!;
const bodies = DEMO_ROUTES.filter((r) => r.path === '/api/comment/list/');

/** Every value of the demo comment bodies' `user` objects (the commenters), and their comment ids. */
async function commenterValues(): Promise<string[]> {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const values: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.length >= 4) values.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const route of bodies) {
    const file = resolve(import.meta.dirname, '../fixtures/pages', route.file);
    const body = JSON.parse(readFileSync(file, 'utf8')) as {
      comments: { cid: string; user: unknown }[];
    };
    for (const c of body.comments) {
      walk(c.user);
      values.push(c.cid);
    }
  }
  return values;
}

/** Everything in Scout's database, as one JSON text, read in its service worker. */
async function databaseText(): Promise<string> {
  return (await env.scout.worker()).evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, failed) => {
      const open = indexedDB.open('scout');
      open.onsuccess = () => done(open.result);
      open.onerror = () => failed(open.error);
    });
    const all: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      all[name] = await new Promise<unknown[]>((done, failed) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => done(request.result as unknown[]);
        request.onerror = () => failed(request.error);
      });
    }
    db.close();
    return JSON.stringify(all);
  });
}

describe('comments on a video page', () => {
  it('counts the comments the page loads, warns on the generic ones, and stores their words only', async () => {
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(juno));
    await page.waitForFunction(() => (window as { __demoComments?: number }).__demoComments === 30);
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => sidebarText(page), { timeout: 15_000 })
      .toContain('30 comments on 1 video read · 60% generic');
    await frame.getByRole('button', { name: /Details/ }).click();
    const warnings = frame.getByRole('region', { name: 'Warnings' });
    await expect.poll(() => warnings.textContent()).toMatch(/18 of 30 comments/);
    await expect.poll(() => warnings.textContent()).toMatch(/generic/i);
    const comments = frame.getByRole('region', { name: 'Comments' });
    expect(await comments.textContent()).toMatch(/For example “/);

    const stored = await databaseText();
    // The words are there (the checks need them)…
    expect(stored).toContain('The slow-motion part finally made the purl stitch click for me');
    // …and nothing about who wrote them.
    const leaked = (await commenterValues()).filter((value) => stored.includes(value));
    expect(leaked).toEqual([]);
    // The page's own fetches only: Scout asked for nothing.
    expect(requestsByScout(env.server.requests)).toEqual([]);
    await page.close();
  });
});
