import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFiling, createHandlers } from '@/lib/background/handlers';
import { PageReader } from '@/lib/background/page-reader';
import { loadWorkers } from '@/lib/platforms';
import { TabRecords } from '@/lib/background/tab-records';
import { MemorySession } from './memory-session';
import { getCreator } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import type { Handlers, SenderInfo } from '@/lib/messaging/server';
import type { PageState, Reply } from '@/lib/messaging/protocol';
import type { ProfileSnapshot } from '@/lib/model';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';

/** Every platform's worker side, as the background loads them. */
const WORKERS = await loadWorkers();

const rateCard = async () => DEFAULT_RATE_CARD;

const NOW = Date.UTC(2026, 0, 15, 12);

const snapshot = (handle: string, over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle,
  url: `https://www.tiktok.com/@${handle}`,
  displayName: handle[0]!.toUpperCase() + handle.slice(1),
  followers: 38_200,
  precision: { followers: 'rounded' },
  recentPosts: [],
  capturedAt: NOW - 1_000,
  sources: ['tiktok/universal-data'],
  ...over,
});

const content = (tabId: number, url: string): SenderInfo => ({ kind: 'content', tabId, url });
const sidebar = (tabId: number): SenderInfo => ({ kind: 'sidebar', tabId });
const popup: SenderInfo = { kind: 'page', path: '/popup.html' };

function data<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}
const code = (reply: Reply<unknown>) => (reply.ok ? null : reply.error.code);

let db: ScoutDb;
let session: MemorySession;
let tabs: TabRecords;
let handlers: Handlers;
let filing: ReturnType<typeof createFiling>;
/** The content scripts' tabs asked to send their page again, and whether one answers. */
let resent: number[];
let contentAnswers: boolean;

beforeEach(() => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  session = new MemorySession();
  tabs = new TabRecords(session);
  filing = createFiling({ db, tabs, now: () => NOW, rateCard });
  resent = [];
  contentAnswers = true;
  handlers = createHandlers({
    db,
    tabs,
    now: () => NOW,
    rateCard,
    reader: new PageReader(WORKERS),
    resendTab: async (tabId) => {
      if (!contentAnswers) throw new Error('Could not establish connection.');
      resent.push(tabId);
    },
  });
});

afterEach(async () => {
  await db.delete();
});

/** The content script of `tabId` on `handle`'s TikTok profile submits what it read there. */
const submit = (tabId: number, handle: string, url = `https://www.tiktok.com/@${handle}`) =>
  filing.fileSnapshot(tabId, url, snapshot(handle), undefined);

/** The content script of `tabId` on `url` reports a page without a creator. */
const status = (tabId: number, url: string, state: PageState, reason?: string) =>
  handlers['page/status']({ url, state, ...(reason ? { reason } : {}) }, content(tabId, url));

describe('filing a snapshot', () => {
  it("stores the snapshot of the sender's own page and files the creator for the tab", async () => {
    const reply = await submit(7, 'jane');
    expect(data(reply)).toEqual({ key: 'tiktok:jane' });
    expect((await getCreator(db, 'tiktok:jane'))?.snapshot).toEqual(snapshot('jane'));
    expect(await tabs.get(7)).toEqual({
      url: 'https://www.tiktok.com/@jane',
      state: 'ready',
      creatorKey: 'tiktok:jane',
      updatedAt: NOW,
    });
  });

  it('accepts the snapshot from a video page of the same creator', async () => {
    const reply = await submit(7, 'jane', 'https://www.tiktok.com/@jane/video/7234567890123456789');
    expect(data(reply)).toEqual({ key: 'tiktok:jane' });
  });

  const STALE: [string, ProfileSnapshot, string][] = [
    [
      "another creator's snapshot from jane's page",
      snapshot('john'),
      'https://www.tiktok.com/@jane',
    ],
    [
      'a TikTok snapshot from an Instagram page',
      snapshot('jane'),
      'https://www.instagram.com/jane/',
    ],
    [
      'a snapshot from a page that is not a creator page',
      snapshot('jane'),
      'https://www.tiktok.com/foryou',
    ],
  ];

  it.each(STALE)('refuses %s as stale and stores nothing', async (_label, snap, url) => {
    const reply = await filing.fileSnapshot(7, url, snap, undefined);
    expect(code(reply)).toBe('stale-page');
    expect(await db.creators.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect(await tabs.get(7)).toBeNull();
  });

  it("leaves the tab's record alone when a stale snapshot arrives", async () => {
    await submit(7, 'jane');
    const jane = 'https://www.tiktok.com/@jane';
    await filing.fileSnapshot(7, jane, snapshot('john'), undefined);
    expect((await tabs.get(7))?.creatorKey).toBe('tiktok:jane');
    expect(await getCreator(db, 'tiktok:john')).toBeUndefined();
  });
});

/** What the content script of `tabId` sends about `url`: one DOM reading, of `handle`. */
const read = (tabId: number, url: string, handle: string, senderUrl = url) =>
  handlers['page/read'](
    {
      url,
      visitAt: 1,
      session: 's1',
      full: true,
      since: 0,
      doc: {
        locale: 'en',
        texts: [],
        readings: [
          {
            source: 'dom',
            handle,
            counts: { followers: { value: 38_200, precision: 'rounded' } },
            posts: [],
          },
        ],
      },
      bodies: [],
    },
    content(tabId, senderUrl),
  );

describe('page/read', () => {
  it("reads the sender's page and files its creator for the tab", async () => {
    const reply = await read(7, 'https://www.tiktok.com/@jane', 'jane');
    expect(data(reply)).toEqual({ resend: false, docDone: true, hasPosts: false });
    expect((await getCreator(db, 'tiktok:jane'))?.snapshot.followers).toBe(38_200);
    expect(await tabs.get(7)).toMatchObject({ state: 'ready', creatorKey: 'tiktok:jane' });
  });

  it('files the page the content script read, while the browser still reports the previous URL', async () => {
    await read(7, 'https://www.tiktok.com/@john', 'john', 'https://www.tiktok.com/@jane');
    expect(await tabs.get(7)).toMatchObject({
      url: 'https://www.tiktok.com/@john',
      creatorKey: 'tiktok:john',
    });
  });

  it('files a page whose readings are about someone else as having no data, and stores nothing', async () => {
    await read(7, 'https://www.tiktok.com/@jane', 'john');
    expect(await tabs.get(7)).toMatchObject({ state: 'no-data' });
    expect(await db.creators.count()).toBe(0);
  });

  it("refuses a page on another site than the sender's, and stores nothing", async () => {
    const reply = await read(
      7,
      'https://www.instagram.com/jane/',
      'jane',
      'https://www.tiktok.com/@jane',
    );
    expect(code(reply)).toBe('forbidden-sender');
    expect(await db.creators.count()).toBe(0);
    expect(await tabs.get(7)).toBeNull();
  });

  it('files a page whose DOM gave a bio too long for a snapshot, without the bio', async () => {
    const url = 'https://www.tiktok.com/@jane';
    const reading = {
      source: 'dom',
      handle: 'jane',
      bio: 'x'.repeat(6_000),
      counts: { followers: { value: 38_200, precision: 'rounded' as const } },
      posts: [],
    };
    const reply = await handlers['page/read'](
      {
        url,
        visitAt: 1,
        session: 's1',
        full: true,
        since: 0,
        doc: { locale: 'en', texts: [], readings: [reading] },
        bodies: [],
      },
      content(7, url),
    );
    expect(data(reply)).toMatchObject({ resend: false });
    const stored = (await getCreator(db, 'tiktok:jane'))?.snapshot;
    expect(stored?.followers).toBe(38_200);
    expect(stored?.bio).toBeUndefined();
  });

  it('asks for everything again when the worker lost what the page sent before', async () => {
    const reply = await handlers['page/read'](
      {
        url: 'https://www.tiktok.com/@jane',
        visitAt: 1,
        session: 's1',
        full: false,
        since: 3,
        bodies: [],
      },
      content(7, 'https://www.tiktok.com/@jane'),
    );
    expect(data(reply)).toMatchObject({ resend: true });
    expect(await tabs.get(7)).toBeNull();
  });
});

describe('page/status', () => {
  it('clears the creator of a tab that starts reading a new page', async () => {
    await submit(7, 'jane');
    data(await status(7, 'https://www.tiktok.com/@john', 'reading'));
    expect(await tabs.get(7)).toEqual({
      url: 'https://www.tiktok.com/@john',
      state: 'reading',
      updatedAt: NOW,
    });
    const view = data(await handlers['creator/for-tab']({}, sidebar(7)));
    expect(view.creator).toBeNull();
    expect(view.page?.state).toBe('reading');
  });

  it('keeps the reason a page gave no creator', async () => {
    await status(7, 'https://www.tiktok.com/@jane', 'private', 'This account is private');
    expect(await tabs.get(7)).toMatchObject({
      state: 'private',
      reason: 'This account is private',
    });
  });

  it('refuses "ready" without a snapshot', async () => {
    const reply = await status(7, 'https://www.tiktok.com/@jane', 'ready');
    expect(code(reply)).toBe('invalid-message');
    expect(await tabs.get(7)).toBeNull();
  });

  it("refuses a report about another site than the sender's", async () => {
    await submit(7, 'jane');
    const reply = await handlers['page/status'](
      { url: 'https://www.linkedin.com/feed/', state: 'not-creator' },
      content(7, 'https://www.tiktok.com/@jane'),
    );
    expect(code(reply)).toBe('forbidden-sender');
    expect((await tabs.get(7))?.creatorKey).toBe('tiktok:jane');
  });

  it('does not touch other tabs', async () => {
    await submit(7, 'jane');
    await submit(9, 'john');
    await status(9, 'https://www.tiktok.com/foryou', 'not-creator');
    expect((await tabs.get(7))?.creatorKey).toBe('tiktok:jane');
  });
});

describe('creator/for-tab', () => {
  it('answers the sidebar about its own tab, whatever tab it asks for', async () => {
    await submit(7, 'jane');
    await submit(9, 'john');
    const view = data(await handlers['creator/for-tab']({ tabId: 9 }, sidebar(7)));
    expect(view.tabId).toBe(7);
    expect(view.creator?.key).toBe('tiktok:jane');
    expect(view.page).toMatchObject({ state: 'ready', creatorKey: 'tiktok:jane' });
  });

  it("answers the sidebar of a tab with no record with nothing, not another tab's creator", async () => {
    await submit(9, 'john');
    const view = data(await handlers['creator/for-tab']({}, sidebar(7)));
    expect(view).toMatchObject({ tabId: 7, page: null, creator: null, lists: [], detail: null });
  });

  it('answers the popup about the tab it names', async () => {
    await submit(7, 'jane');
    await submit(9, 'john');
    const view = data(await handlers['creator/for-tab']({ tabId: 7 }, popup));
    expect(view.tabId).toBe(7);
    expect(view.creator?.key).toBe('tiktok:jane');
  });

  it('gives the popup with no tab the last creator seen in any tab', async () => {
    await submit(7, 'jane');
    await submit(9, 'john');
    const view = data(await handlers['creator/for-tab']({}, popup));
    expect(view.tabId).toBeNull();
    expect(view.creator?.key).toBe('tiktok:john');
  });

  it('gives the popup nothing when no creator was ever seen', async () => {
    expect(data(await handlers['creator/for-tab']({}, popup))).toMatchObject({
      tabId: null,
      page: null,
      creator: null,
      lists: [],
      detail: null,
    });
  });

  it('does not fall back to the last creator when the popup names a tab', async () => {
    await submit(7, 'jane');
    const view = data(await handlers['creator/for-tab']({ tabId: 3 }, popup));
    expect(view.creator).toBeNull();
  });
});

describe('shortlist/save', () => {
  it('saves a creator, and the next answer for the tab lists the list', async () => {
    await submit(7, 'jane');
    const saved = data(await handlers['shortlist/save']({ creatorKey: 'tiktok:jane' }, sidebar(7)));
    expect(saved).toMatchObject({ listName: 'Shortlist', created: true });
    const view = data(await handlers['creator/for-tab']({}, sidebar(7)));
    expect(view.lists).toEqual([{ id: saved.listId, name: 'Shortlist' }]);
  });

  it('tells open sidebars that lists changed', async () => {
    await submit(7, 'jane');
    await handlers['shortlist/save']({ creatorKey: 'tiktok:jane' }, sidebar(7));
    expect(session.items.get('listsChangedAt')).toBe(NOW);
  });

  it('answers not-found for a creator Scout has not seen', async () => {
    const reply = await handlers['shortlist/save']({ creatorKey: 'tiktok:nobody' }, popup);
    expect(code(reply)).toBe('not-found');
  });

  it('answers not-found for a list that no longer exists', async () => {
    await submit(7, 'jane');
    const reply = await handlers['shortlist/save'](
      { creatorKey: 'tiktok:jane', listId: 'l-gone' },
      popup,
    );
    expect(code(reply)).toBe('not-found');
  });
});

describe('TabRecords', () => {
  it('survives a worker restart: a new instance over the same session area reads the same record', async () => {
    await submit(7, 'jane');
    const before = await tabs.get(7);
    const restarted = new TabRecords(session);
    expect(await restarted.get(7)).toEqual(before);
    expect(await restarted.lastSeen()).toEqual({ tabId: 7, creatorKey: 'tiktok:jane' });
    const again = createHandlers({
      db,
      tabs: restarted,
      now: () => NOW,
      rateCard,
      reader: new PageReader(WORKERS),
    });
    expect(data(await again['creator/for-tab']({}, sidebar(7))).creator?.key).toBe('tiktok:jane');
  });

  it('forgets a closed tab', async () => {
    await submit(7, 'jane');
    await tabs.remove(7);
    expect(await tabs.get(7)).toBeNull();
  });

  it('files nothing for a tab whose last message arrives after it closed', async () => {
    await submit(7, 'jane');
    await tabs.remove(7);
    await submit(7, 'jane');
    await status(7, 'https://www.tiktok.com/foryou', 'not-creator');
    expect(await tabs.get(7)).toBeNull();
  });

  it('ignores a record that is not valid', async () => {
    await session.set({ 'tab:7': { state: 'ready', creatorKey: 'NOT A KEY' } });
    expect(await tabs.get(7)).toBeNull();
  });
});

describe('vetting on arrival', () => {
  const videos = Array.from({ length: 12 }, (_, i) => ({
    id: String(7_300_000_000_000_000_000n + BigInt(i)),
    kind: 'video' as const,
    postedAt: NOW - (i + 4) * 86_400_000,
    views: 20_000,
    likes: 1_600 + i * 10,
    comments: 100,
    shares: 80,
    precision: { views: 'exact', likes: 'exact', comments: 'exact', shares: 'exact' } as const,
  }));

  it('stores the tier, engagement and rates with the creator', async () => {
    const url = 'https://www.tiktok.com/@jane';
    await filing.fileSnapshot(7, url, snapshot('jane', { recentPosts: videos }), undefined);
    const vetting = (await getCreator(db, 'tiktok:jane'))?.vetting;
    expect(vetting?.tier).toBe('micro');
    expect(vetting?.engagement.basis).toBe('views');
    expect(vetting?.engagement.sampleSize).toBe(12);
    expect(vetting?.engagement.rate).toBeCloseTo(((1_600 + 60 + 100 + 80) / 20_000) * 100, 0);
    expect(vetting?.rates[0]?.currency).toBe('USD');
  });

  it('prices with the user’s rate card', async () => {
    const card = {
      ...DEFAULT_RATE_CARD,
      base: { ...DEFAULT_RATE_CARD.base, tiktok: { per1kFollowers: 12, video: 1 } },
    };
    const custom = createFiling({ db, tabs, now: () => NOW, rateCard: async () => card });
    const url = 'https://www.tiktok.com/@jane';
    await filing.fileSnapshot(7, url, snapshot('jane', { recentPosts: videos }), undefined);
    const standard = (await getCreator(db, 'tiktok:jane'))?.vetting?.rates[0]?.mid ?? 0;
    await custom.fileSnapshot(7, url, snapshot('jane', { recentPosts: videos }), undefined);
    const doubled = (await getCreator(db, 'tiktok:jane'))?.vetting?.rates[0]?.mid ?? 0;
    expect(standard).toBeGreaterThan(0);
    expect(doubled / standard).toBeCloseTo(2, 1);
  });
});

describe('data/removed', () => {
  it('drops a forgotten creator from every tab record and from "last seen"', async () => {
    const jane = 'https://www.tiktok.com/@jane';
    const john = 'https://www.tiktok.com/@john';
    await filing.fileSnapshot(7, jane, snapshot('jane'), undefined);
    await filing.fileSnapshot(9, john, snapshot('john'), undefined);
    await handlers['data/removed']({ creatorKey: 'tiktok:john' }, popup);
    expect(await tabs.get(9)).toBeNull();
    expect((await tabs.get(7))?.creatorKey).toBe('tiktok:jane');
    expect(await tabs.lastSeen()).toBeNull();
  });

  it('drops every creator after a wipe', async () => {
    const jane = 'https://www.tiktok.com/@jane';
    await filing.fileSnapshot(7, jane, snapshot('jane'), undefined);
    await handlers['data/removed']({}, popup);
    expect(await tabs.get(7)).toBeNull();
    expect(data(await handlers['creator/for-tab']({}, popup)).creator).toBeNull();
  });
});

describe('visits', () => {
  it("never lets a slow read of the previous creator replace the tab's newer visit", async () => {
    const jane = 'https://www.tiktok.com/@jane';
    const john = 'https://www.tiktok.com/@john';
    await handlers['page/status']({ url: jane, state: 'reading', visitAt: 100 }, content(7, jane));
    await handlers['page/status']({ url: john, state: 'reading', visitAt: 200 }, content(7, john));
    await filing.fileSnapshot(7, john, snapshot('john'), 200);
    // Jane's read finishes last, from the visit the page has already left.
    await filing.fileSnapshot(7, jane, snapshot('jane'), 100);
    expect(await tabs.get(7)).toMatchObject({ url: john, creatorKey: 'tiktok:john', visitAt: 200 });
    expect(await getCreator(db, 'tiktok:jane')).toBeDefined(); // what was read is still kept
  });
});

describe('a filing that fails', () => {
  const jane = 'https://www.tiktok.com/@jane';
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => {});

  it('says the storage is full, in the tab record the card reads, and stores nothing', async () => {
    vi.spyOn(db.creators, 'put').mockRejectedValue(quota());
    const reply = await read(7, jane, 'jane');
    expect(code(reply)).toBe('storage');
    expect(reply.ok ? '' : reply.error.message).toMatch(/storage in this browser is full/);
    expect(await tabs.get(7)).toMatchObject({ url: jane, state: 'failed', failure: 'storage' });
    vi.restoreAllMocks();
    expect(await db.creators.count()).toBe(0);
    const view = data(await handlers['creator/for-tab']({}, sidebar(7)));
    expect(view).toMatchObject({ creator: null, page: { state: 'failed', failure: 'storage' } });
  });

  it('files the same page once space is free, though nothing in it changed', async () => {
    vi.spyOn(db.creators, 'put').mockRejectedValue(quota());
    await read(7, jane, 'jane');
    vi.restoreAllMocks();
    // The page sends the same reading again (a retry): it is filed, not skipped as unchanged.
    data(await read(7, jane, 'jane'));
    expect(await tabs.get(7)).toMatchObject({ state: 'ready', creatorKey: 'tiktok:jane' });
    expect((await getCreator(db, 'tiktok:jane'))?.snapshot.followers).toBe(38_200);
  });

  it('says what went wrong when the database fails otherwise', async () => {
    quiet();
    vi.spyOn(db.snapshots, 'add').mockRejectedValue(new Error('disk I/O error'));
    const reply = await read(7, jane, 'jane');
    expect(code(reply)).toBe('internal');
    expect(await tabs.get(7)).toMatchObject({
      state: 'failed',
      failure: 'internal',
      reason: expect.stringContaining('disk I/O error'),
    });
  });

  it('writes neither the snapshot nor the creator when the vetting write fails', async () => {
    quiet();
    vi.spyOn(db.creators, 'update').mockRejectedValue(new Error('vetting not written'));
    expect(code(await read(7, jane, 'jane'))).toBe('internal');
    vi.restoreAllMocks();
    expect(await db.creators.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect((await tabs.get(7))?.state).toBe('failed');
  });

  it("never files a failure over the tab's newer visit", async () => {
    await handlers['page/status']({ url: jane, state: 'reading', visitAt: 5 }, content(7, jane));
    vi.spyOn(db.creators, 'put').mockRejectedValue(quota());
    await read(7, jane, 'jane'); // visit 1: older than the tab's record
    expect(await tabs.get(7)).toMatchObject({ state: 'reading', visitAt: 5 });
  });

  it('refuses a content script that reports a failure itself', async () => {
    expect(code(await status(7, jane, 'failed'))).toBe('invalid-message');
    expect(await tabs.get(7)).toBeNull();
  });
});

describe('page/retry', () => {
  const jane = 'https://www.tiktok.com/@jane';
  const failed = () =>
    tabs.set(7, {
      url: jane,
      state: 'failed',
      failure: 'storage',
      reason: 'full',
      updatedAt: NOW,
      visitAt: 3,
    });

  it("asks the card's own tab to send its page again, and says the page is being read", async () => {
    await failed();
    data(await handlers['page/retry']({}, sidebar(7)));
    expect(resent).toEqual([7]);
    expect(await tabs.get(7)).toEqual({ url: jane, state: 'reading', updatedAt: NOW, visitAt: 3 });
  });

  it('keeps the failure on the card when the page does not answer', async () => {
    await failed();
    contentAnswers = false;
    const reply = await handlers['page/retry']({}, sidebar(7));
    expect(code(reply)).toBe('unreachable');
    expect(reply.ok ? '' : reply.error.message).toMatch(/Reload/);
    expect(await tabs.get(7)).toMatchObject({ state: 'failed', failure: 'storage' });
  });

  it('leaves a filed creator as it is', async () => {
    await submit(7, 'jane');
    data(await handlers['page/retry']({}, sidebar(7)));
    expect(await tabs.get(7)).toMatchObject({ state: 'ready', creatorKey: 'tiktok:jane' });
  });

  it('answers not-found for a tab Scout knows nothing of, and asks nobody', async () => {
    expect(code(await handlers['page/retry']({}, sidebar(9)))).toBe('not-found');
    expect(resent).toEqual([]);
  });

  it('is the card’s to ask: a content script cannot', async () => {
    await failed();
    expect(code(await handlers['page/retry']({}, content(7, jane)))).toBe('forbidden-sender');
    expect(resent).toEqual([]);
  });
});
