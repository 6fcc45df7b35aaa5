import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { PageReader } from '@/lib/background/page-reader';
import { TabRecords } from '@/lib/background/tab-records';
import { ScoutDb } from '@/lib/db/database';
import type { Reply } from '@/lib/messaging/protocol';
import type { Handlers, SenderInfo } from '@/lib/messaging/server';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import { loadWorkers } from '@/lib/platforms';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { content as tiktokContent } from '@/lib/platforms/tiktok/content';
import { MemorySession } from './memory-session';

const WORKERS = await loadWorkers();
const NOW = Date.UTC(2026, 0, 15, 12);
const FEED = 'https://www.tiktok.com/foryou';
const LIST = 'https://www.tiktok.com/api/recommend/item_list/?aid=1988&count=8';

const content = (tabId: number, url = FEED): SenderInfo => ({ kind: 'content', tabId, url });
const sidebar = (tabId: number): SenderInfo => ({ kind: 'sidebar', tabId });

function data<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

/** One For You item by `handle` (invented), in the item-list shape every TikTok list uses. */
const item = (handle: string, id: string, followers: number, views: number, likes: number) => ({
  id,
  desc: `a video by ${handle}`,
  createTime: Math.floor(NOW / 1000) - 3 * 86_400,
  author: { uniqueId: handle, nickname: handle, id: `9${id}`, secUid: `sec-${handle}` },
  authorStats: {
    followerCount: followers,
    followingCount: 120,
    heartCount: 900_000,
    videoCount: 80,
  },
  stats: { playCount: views, diggCount: likes, commentCount: 40, shareCount: 12 },
});

const body = (...items: ReturnType<typeof item>[]) => ({
  seq: 1,
  url: LIST,
  text: JSON.stringify({ itemList: items, hasMore: true, extra: { now: NOW } }),
});

let db: ScoutDb;
let handlers: Handlers;

beforeEach(() => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  const tabs = new TabRecords(new MemorySession());
  handlers = createHandlers({
    db,
    tabs,
    now: () => NOW,
    rateCard: async () => DEFAULT_RATE_CARD,
    reader: new PageReader(WORKERS),
  });
});
afterEach(async () => {
  await db.delete();
});

describe('feed/read', () => {
  it('files one sighting per creator of a feed body and answers their chips', async () => {
    const reply = data(
      await handlers['feed/read'](
        {
          url: FEED,
          bodies: [
            body(
              item('ana.cooks', '7400000000000000001', 38_200, 20_000, 1_500),
              item('ana.cooks', '7400000000000000002', 38_200, 10_000, 700),
              item('big.star', '7400000000000000003', 1_700_000, 900_000, 60_000),
            ),
          ],
        },
        content(3),
      ),
    );
    const ana = reply.chips.find((c) => c.handle === 'ana.cooks');
    expect(ana?.label).toMatch(/^Scout: micro, ≈38\.2K followers, ER \d+\.\d% .*2 videos seen/);
    expect(reply.chips.find((c) => c.handle === 'big.star')?.label).toMatch(
      /^Scout: mega, ≈1\.7M followers/,
    );
    expect(await db.sightings.count()).toBe(2);
    // Feeds never add to the creators the user visited.
    expect(await db.creators.count()).toBe(0);
  });

  it('refuses bodies sent about another platform', async () => {
    const reply = await handlers['feed/read'](
      { url: 'https://www.instagram.com/explore/', bodies: [] },
      content(3),
    );
    expect(reply.ok).toBe(false);
  });
});

describe('chips/get and the card from the feed', () => {
  it('answers chips for creators seen earlier, and none for creators Scout knows nothing of', async () => {
    await handlers['feed/read'](
      {
        url: FEED,
        bodies: [body(item('ana.cooks', '7400000000000000001', 38_200, 20_000, 1_500))],
      },
      content(3),
    );
    const reply = data(
      await handlers['chips/get']({ url: FEED, handles: ['ana.cooks', 'nobody.here'] }, content(4)),
    );
    expect(reply.chips.map((c) => c.handle)).toEqual(['ana.cooks']);
  });

  it('shows the activated chip’s creator on the card, and Save puts them on the list', async () => {
    await handlers['feed/read'](
      {
        url: FEED,
        bodies: [body(item('ana.cooks', '7400000000000000001', 38_200, 20_000, 1_500))],
      },
      content(3),
    );
    data(await handlers['feed/open']({ url: FEED, handle: 'ana.cooks' }, content(3)));
    const card = data(await handlers['creator/for-tab']({}, sidebar(3)));
    expect(card.creator?.key).toBe('tiktok:ana.cooks');
    expect(card.creator?.snapshot.followers).toBe(38_200);
    expect(card.creator?.vetting?.tier).toBe('micro');
    expect(card.feed).toMatchObject({
      visited: false,
      profileUrl: 'https://www.tiktok.com/@ana.cooks',
    });

    const saved = data(
      await handlers['shortlist/save']({ creatorKey: 'tiktok:ana.cooks' }, sidebar(3)),
    );
    expect(saved.created).toBe(true);
    expect((await db.creators.get('tiktok:ana.cooks'))?.snapshot.followers).toBe(38_200);
    expect(await db.shortlistEntries.where('creatorKey').equals('tiktok:ana.cooks').count()).toBe(
      1,
    );

    data(await handlers['feed/open']({ url: FEED, handle: null }, content(3)));
    expect(data(await handlers['creator/for-tab']({}, sidebar(3))).feed).toBeUndefined();
  });

  it('never chips the viewer a body names as signed in', async () => {
    const viewer = {
      seq: 2,
      url: LIST,
      text: JSON.stringify({
        itemList: [item('me.myself', '7400000000000000009', 12_000, 1_000, 10)],
        extra: { now: NOW },
      }),
    };
    const reply = data(await handlers['feed/read']({ url: FEED, bodies: [viewer] }, content(3)));
    // Without a viewer marker the account is a creator like any other.
    expect(reply.chips.map((c) => c.handle)).toEqual(['me.myself']);
  });
});

describe('creator pages', () => {
  it('file the suggested accounts a profile embeds as sightings, never the profile itself', async () => {
    const url = 'https://www.tiktok.com/@ada.weaves';
    const html = readFileSync('tests/fixtures/tiktok/profile-suggested-accounts.html', 'utf8');
    const doc = parseHTML(html).document as unknown as Document;
    const material = tiktokContent.collectDocument(doc, new URL(url), NOW, 'texts');
    const message = {
      url,
      visitAt: NOW,
      session: 's1',
      full: true,
      since: 0,
      doc: material,
      bodies: [],
    };
    data(await handlers['page/read'](message, content(5, url)));
    expect((await db.creators.get('tiktok:ada.weaves'))?.snapshot.followers).toBeDefined();
    const seen = await db.sightings.toCollection().primaryKeys();
    expect(seen).toEqual(expect.arrayContaining(['tiktok:loom.larsen', 'tiktok:yarn.yusuf']));
    expect(seen).not.toContain('tiktok:ada.weaves');
  });
});
