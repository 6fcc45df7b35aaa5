import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFiling, createHandlers } from '@/lib/background/handlers';
import { PageReader, type PageRead } from '@/lib/background/page-reader';
import { TabRecords } from '@/lib/background/tab-records';
import { MemorySession } from '../background/memory-session';
import { getCreator } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { mayFile, pageCreator } from '@/lib/extract/authorship';
import { newReading, type Reading } from '@/lib/extract/reading';
import { settlePage } from '@/lib/extract/settle';
import type { SenderInfo } from '@/lib/messaging/server';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import type { ProfileSnapshot } from '@/lib/model';
import { loadWorkers, platformForUrl } from '@/lib/platforms';
import type { PageMatch } from '@/lib/platforms/types';
import { instagram } from '../platforms/instagram/load';
import { linkedin } from '../platforms/linkedin/load';
import { tiktok } from '../platforms/tiktok/load';

/** Every platform's worker side, as the background loads them. */
const WORKERS = await loadWorkers();
/** Each platform's collector, as its content script runs it. */
const COLLECTORS = { tiktok, instagram, linkedin };

// The one authorship rule (lib/extract/authorship.ts): who a page's creator is, and when the
// background files a page under them.

const NOW = Date.UTC(2026, 0, 15, 12);
const POST = '7497343015539092977';
const video = (handle?: string): PageMatch => ({
  platform: 'tiktok',
  kind: 'video',
  ...(handle ? { handle } : {}),
  postId: POST,
});
const postPage: PageMatch = { platform: 'instagram', kind: 'post', postId: POST };

/** A reading about `handle` carrying the post, from the document or from a fetched body. */
function about(handle: string, origin?: 'document' | 'body', posts = [POST]): Reading {
  const r = newReading(origin === 'body' ? 'api' : 'page', { handle });
  r.posts = posts.map((id) => ({ id, counts: { likes: { value: 10, precision: 'exact' } } }));
  r.counts.followers = { value: handle.length * 1000, precision: 'exact' };
  if (origin) r.origin = origin;
  return r;
}

describe('pageCreator', () => {
  it('on a profile page: the URL’s handle, whatever any reading says', () => {
    const profile: PageMatch = { platform: 'tiktok', kind: 'profile', handle: 'owner' };
    expect(pageCreator(profile, [about('other', 'document')])).toEqual({
      handle: 'owner',
      namedBy: 'url',
    });
  });

  it('on a video page: the document’s author beats a body about another, in any order', () => {
    const readings = [about('other', 'body'), about('owner', 'document')];
    expect(pageCreator(video('owner'), readings)).toEqual({ handle: 'owner', namedBy: 'url' });
    expect(pageCreator(video(), readings)).toEqual({ handle: 'owner', namedBy: 'document' });
  });

  it('the URL’s handle stands when only a body names someone else', () => {
    expect(pageCreator(video('owner'), [about('other', 'body')])).toEqual({
      handle: 'owner',
      namedBy: 'url',
    });
  });

  it('a renamed account: the document’s one author beats the URL’s stale handle', () => {
    expect(pageCreator(video('old.name'), [about('new.name', 'document')])).toEqual({
      handle: 'new.name',
      namedBy: 'document',
    });
  });

  it('a document that gives the post to two accounts names nobody, even the URL’s', () => {
    const two = [about('owner', 'document'), about('other', 'document')];
    expect(pageCreator(video('owner'), two)).toBeUndefined();
    expect(pageCreator(postPage, two)).toBeUndefined();
  });

  it('without URL or document: the single author all readings agree on, else nobody', () => {
    expect(pageCreator(postPage, [about('other', 'body'), about('other', 'body')])).toEqual({
      handle: 'other',
      namedBy: 'readings',
    });
    expect(pageCreator(postPage, [about('a', 'body'), about('b', 'body')])).toBeUndefined();
    expect(pageCreator(postPage, [])).toBeUndefined();
  });

  it('a reading that does not say where it came from counts as fetched', () => {
    expect(pageCreator(postPage, [about('other')])).toEqual({
      handle: 'other',
      namedBy: 'readings',
    });
    expect(pageCreator(video('owner'), [about('other')])).toEqual({
      handle: 'owner',
      namedBy: 'url',
    });
  });

  it('asks for the page’s post under another id only of the document, and only when needed', () => {
    const posting = about('author', 'document', ['111111111111111111']);
    const isPagePost = (r: Reading) => r.source === 'page';
    expect(pageCreator(postPage, [posting], { isPagePost })).toEqual({
      handle: 'author',
      namedBy: 'document',
    });
    const fetched = { ...posting, origin: 'body' as const };
    expect(pageCreator(postPage, [fetched], { isPagePost: () => true })).toBeUndefined();
    const carrier = about('carrier', 'document');
    expect(pageCreator(postPage, [posting, carrier], { isPagePost })).toEqual({
      handle: 'carrier',
      namedBy: 'document',
    });
  });
});

describe('mayFile', () => {
  it.each([
    ['a profile under its URL’s handle', { kind: 'profile', handle: 'a' }, 'a', 'url', true],
    ['a profile under another handle', { kind: 'profile', handle: 'a' }, 'b', 'document', false],
    [
      'an activity page under another handle',
      { kind: 'activity', handle: 'a' },
      'b',
      'document',
      false,
    ],
    ['a video under its URL’s handle', { kind: 'video', handle: 'a' }, 'a', undefined, true],
    ['a video under the document’s author', { kind: 'video', handle: 'a' }, 'b', 'document', true],
    ['a video under a body’s author', { kind: 'video', handle: 'a' }, 'b', 'readings', false],
    ['a post under the document’s author', { kind: 'post' }, 'b', 'document', true],
    ['a post under a body’s author', { kind: 'post' }, 'b', 'readings', false],
    ['a reel nobody checked', { kind: 'reel' }, 'b', undefined, false],
  ] as const)('%s: %s', (_label, page, handle, namedBy, expected) => {
    expect(mayFile(page, handle, namedBy)).toBe(expected);
  });
});

describe('settlePage', () => {
  const options = {
    platform: 'tiktok' as const,
    profileUrl: (h: string) => `https://www.tiktok.com/@${h}`,
    expected: ['followers'] as const,
  };

  it('merges only the creator’s readings and says who named them', () => {
    const result = settlePage(
      video('owner'),
      [about('other', 'body'), about('owner', 'document')],
      NOW,
      options,
    );
    expect(result).toMatchObject({
      ok: true,
      namedBy: 'url',
      snapshot: { handle: 'owner', followers: 5000, sources: ['page'] },
    });
  });

  it('without a creator, answers with the page’s own problem, else no data', () => {
    const wall = Object.assign(newReading('dom'), { problem: 'sign-in-required' as const });
    const two = [about('a', 'document'), about('b', 'document')];
    expect(settlePage(postPage, [...two, wall], NOW, options)).toMatchObject({
      ok: false,
      problem: 'sign-in-required',
    });
    expect(settlePage(postPage, two, NOW, options)).toMatchObject({
      ok: false,
      problem: 'no-data',
    });
  });
});

let db: ScoutDb;
let tabs: TabRecords;

beforeEach(() => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  tabs = new TabRecords(new MemorySession());
});
afterEach(async () => {
  await db.delete();
});

const rateCard = async () => DEFAULT_RATE_CARD;
const snapshot = (platform: 'tiktok' | 'instagram', handle: string): ProfileSnapshot => ({
  platform,
  handle,
  url:
    platform === 'tiktok'
      ? `https://www.tiktok.com/@${handle}`
      : `https://www.instagram.com/${handle}/`,
  followers: 4_412_345,
  precision: { followers: 'exact' },
  recentPosts: [],
  capturedAt: NOW - 1000,
  sources: ['api'],
});

describe('fileSnapshot holds video and post pages to the creator the URL or document names', () => {
  const tiktokVideo = `https://www.tiktok.com/@owner/video/${POST}`;
  const instagramPost = 'https://www.instagram.com/p/C9bReelX7k2/';

  it('refuses another creator on a video page unless the document named them', async () => {
    const filing = createFiling({ db, tabs, now: () => NOW, rateCard });
    const refused = await filing.fileSnapshot(7, tiktokVideo, snapshot('tiktok', 'other'), 1);
    expect(refused.ok).toBe(false);
    const unchecked = await filing.fileSnapshot(
      7,
      tiktokVideo,
      snapshot('tiktok', 'other'),
      1,
      'readings',
    );
    expect(unchecked.ok).toBe(false);
    expect(await db.creators.count()).toBe(0);
    expect(await tabs.get(7)).toBeNull();
    // A renamed account: the document named its author under the old handle's URL.
    const renamed = await filing.fileSnapshot(
      7,
      tiktokVideo,
      snapshot('tiktok', 'new.name'),
      1,
      'document',
    );
    expect(renamed).toEqual({ ok: true, data: { key: 'tiktok:new.name' } });
  });

  it('on a post page without a named author: stores nothing and says so on the card', async () => {
    const filing = createFiling({ db, tabs, now: () => NOW, rateCard });
    const reply = await filing.fileSnapshot(
      7,
      instagramPost,
      snapshot('instagram', 'cora.copies'),
      5,
      'readings',
    );
    expect(reply.ok).toBe(false);
    expect(await db.creators.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect(await tabs.get(7)).toMatchObject({
      url: instagramPost,
      state: 'no-data',
      reason: 'the page does not say who posted this',
    });
    expect((await tabs.get(7))?.creatorKey).toBeUndefined();
  });
});

describe('a page whose own script fetched a body about another creator, through page/read', () => {
  const PAGES = resolve(import.meta.dirname, '../fixtures');
  const read = (file: string) => readFileSync(resolve(PAGES, file), 'utf8');
  const content = (tabId: number, url: string): SenderInfo => ({ kind: 'content', tabId, url });

  async function visit(url: string, html: string, bodies: [string, string][]) {
    const page = new URL(url);
    const platform = COLLECTORS[platformForUrl(page)!.id];
    const doc = parseHTML(html).document as unknown as Document;
    const handlers = createHandlers({
      db,
      tabs,
      now: () => NOW,
      rateCard,
      reader: new PageReader(WORKERS),
    });
    const message: PageRead = {
      url,
      visitAt: NOW - 5000,
      session: 's1',
      full: true,
      since: 0,
      doc: platform.collectDocument(doc, page, NOW),
      bodies: bodies.map(([request, text], i) => ({ seq: i + 1, url: request, text })),
    };
    await handlers['page/read'](message, content(7, url));
    return { creators: (await db.creators.toArray()).map((c) => c.key), tab: await tabs.get(7) };
  }

  it('TikTok video page: the video’s author is stored and filed, the other creator nowhere', async () => {
    const url = `https://www.tiktok.com/@juno.sings/video/${POST}`;
    const { creators, tab } = await visit(url, read('tiktok/video-page.html'), [
      [
        `https://www.tiktok.com/api/item/detail/?itemId=${POST}`,
        read('tiktok/api-item-detail-other-creator.json'),
      ],
    ]);
    expect(creators).toEqual(['tiktok:juno.sings']);
    expect(tab).toMatchObject({ state: 'ready', creatorKey: 'tiktok:juno.sings' });
    expect((await getCreator(db, 'tiktok:juno.sings'))?.snapshot.followers).toBe(88_146);
  });

  it('Instagram post page naming nobody: the fetched body’s creator is not stored', async () => {
    const url = 'https://www.instagram.com/p/C9bReelX7k2/';
    const bare = '<!doctype html><html lang="en"><head><title>Instagram</title></head></html>';
    const { creators, tab } = await visit(url, bare, [
      [
        'https://www.instagram.com/api/v1/media/3401122334455667788/info/',
        read('instagram/api-media-info-other-creator.json'),
      ],
    ]);
    expect(creators).toEqual([]);
    expect(tab?.creatorKey).toBeUndefined();
    expect(tab).toMatchObject({ state: 'no-data' });
  });

  it('Instagram post page naming its author: hers, with the other creator nowhere', async () => {
    const url = 'https://www.instagram.com/reel/C9bReelX7k2/';
    const { creators, tab } = await visit(url, read('instagram/reel-page-2024.html'), [
      [
        'https://www.instagram.com/api/v1/media/3401122334455667788/info/',
        read('instagram/api-media-info-other-creator.json'),
      ],
    ]);
    expect(creators).toEqual(['instagram:mira.loops']);
    expect(tab).toMatchObject({ state: 'ready', creatorKey: 'instagram:mira.loops' });
  });
});
