import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CARD_LOAD_TIMEOUT_MS,
  DOM_FALLBACK_MS,
  MAX_RETRIES,
  REPLY_TIMEOUT_MS,
  RETRY_BASE_MS,
  runVisits,
  SETTLE_DELAY_MS,
  type VisitEvent,
  type VisitIo,
} from '@/lib/content/visit-machine';
import type { Reply, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { CollectScope, PageMaterial } from '@/lib/platforms/types';

// The content script's life in a tab, driven event by event under a fake clock: what it collects
// from the page, what it sends the background, and when the card is on the page.

type ReadReply = Reply<ResponseOf<'page/read'>>;
type Read = RequestOf<'page/read'>;

const JANE = 'https://www.tiktok.com/@jane';
const JOHN = 'https://www.tiktok.com/@john';
const ITEM_LIST = 'https://www.tiktok.com/api/post/item_list/?count=30';

/** What the demo page's document holds: its embedded JSON, and with scope 'all' a DOM reading. */
function pageOf(href: string, scope: CollectScope, withTexts = true): PageMaterial {
  const handle = new URL(href).pathname.split('/')[1]!.slice(1);
  return {
    locale: 'en',
    texts: withTexts
      ? [{ name: 'universal', kind: 'json-script', text: `{"user":"${handle}"}` }]
      : [],
    readings:
      scope === 'all'
        ? [
            {
              source: 'dom',
              handle,
              counts: { followers: { value: 38_200, precision: 'rounded' } },
              posts: [],
            },
          ]
        : [],
  };
}

const answer = (data: Partial<ResponseOf<'page/read'>> = {}): ReadReply => ({
  ok: true,
  data: { resend: false, docDone: true, hasPosts: true, ...data },
});
const failure = (code: 'storage' | 'internal' | 'unreachable' | 'stale-page'): ReadReply => ({
  ok: false,
  error: { code, message: code },
});

/** A tab: the machine with a fake page, a fake background (replies on demand) and the fake clock. */
function tab(options: { texts?: boolean; collectThrows?: boolean } = {}) {
  const sends: { message: Read; reply: (r: ReadReply) => Promise<void> }[] = [];
  const statuses: RequestOf<'page/status'>[] = [];
  const collected: CollectScope[] = [];
  const card: boolean[] = [];
  let placed = 0;
  let sendFails: unknown = null;
  const io: VisitIo = {
    collect(href, scope) {
      collected.push(scope);
      if (options.collectThrows)
        throw new TypeError("Cannot read properties of null (reading 'x')");
      return pageOf(href, scope, options.texts ?? true);
    },
    send(message) {
      if (sendFails) throw sendFails;
      return new Promise<ReadReply>((resolve) => {
        sends.push({
          message: structuredClone(message),
          reply: async (r) => {
            resolve(r);
            await vi.advanceTimersByTimeAsync(0);
          },
        });
      });
    },
    async status(message) {
      statuses.push(message);
    },
    card: (show) => void card.push(show),
    place: () => void placed++,
    setTimeout: (run, ms) => setTimeout(run, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
  };
  const dispatch = runVisits('s1', io);
  return {
    sends,
    statuses,
    collected,
    card,
    get placed() {
      return placed;
    },
    /** The next sends throw (the extension context went away for a moment, say). */
    failSends(error: unknown) {
      sendFails = error;
    },
    last: () => sends.at(-1)!,
    /** An event, then the microtasks it started (status replies, say). */
    async on(event: VisitEvent) {
      dispatch(event);
      await vi.advanceTimersByTimeAsync(0);
    },
    navigate(href: string, target: string | null = new URL(href).pathname.split('/')[1]!) {
      return this.on({ type: 'navigate', href, target, now: Date.now() });
    },
    body(text: string) {
      return this.on({ type: 'body', url: ITEM_LIST, text });
    },
    wait: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    /** Navigated to `href`, DOM ready, page loaded, and the first read sent. */
    async open(href = JANE) {
      await this.navigate(href);
      await this.on({ type: 'dom-ready' });
      await this.on({ type: 'loaded' });
      await this.wait(SETTLE_DELAY_MS);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 15, 12));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a visit', () => {
  it('tells the background the page is being read, and collects the document once the DOM is ready', async () => {
    const t = tab();
    await t.navigate(JANE);
    expect(t.statuses).toEqual([{ url: JANE, visitAt: Date.now(), state: 'reading' }]);
    await t.wait(5_000);
    expect(t.collected).toEqual([]);
    expect(t.sends).toEqual([]);

    await t.on({ type: 'dom-ready' });
    await t.wait(SETTLE_DELAY_MS - 1);
    expect(t.collected).toEqual([]);
    await t.wait(1);
    // The embedded JSON first: the DOM readers do not run when it is enough.
    expect(t.collected).toEqual(['texts']);
    expect(t.sends).toHaveLength(1);
    expect(t.last().message).toMatchObject({
      url: JANE,
      session: 's1',
      full: true,
      since: 0,
      doc: pageOf(JANE, 'texts'),
      bodies: [],
    });
  });

  it('collects the whole document at once when the page has no embedded JSON', async () => {
    const t = tab({ texts: false });
    await t.open();
    expect(t.collected).toEqual(['texts', 'all']);
    expect(t.last().message.doc?.readings).toHaveLength(1);
  });

  it("merges a burst of the page's responses into one message with everything new", async () => {
    const t = tab();
    await t.open();
    await t.last().reply(answer());
    for (const text of ['{"a":1}', '{"b":2}', '{"c":3}']) {
      await t.body(text);
      await t.wait(SETTLE_DELAY_MS - 10);
    }
    expect(t.sends).toHaveLength(1);
    await t.wait(10);
    expect(t.sends).toHaveLength(2);
    // The document is not sent again (the background has it), only the new bodies.
    expect(t.last().message).toMatchObject({ full: false, since: 0 });
    expect(t.last().message.doc).toBeUndefined();
    expect(t.last().message.bodies.map((b) => [b.seq, b.text])).toEqual([
      [1, '{"a":1}'],
      [2, '{"b":2}'],
      [3, '{"c":3}'],
    ]);
    await t.last().reply(answer());
    await t.body('{"d":4}');
    await t.wait(SETTLE_DELAY_MS);
    expect(t.last().message).toMatchObject({ full: false, since: 3, bodies: [{ seq: 4 }] });
  });

  it('sends one message at a time: what arrives meanwhile goes once the last one is answered', async () => {
    const t = tab();
    await t.open();
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    expect(t.sends).toHaveLength(1);
    await t.sends[0]!.reply(answer());
    expect(t.sends).toHaveLength(2);
    expect(t.last().message).toMatchObject({ full: false, since: 0, bodies: [{ seq: 1 }] });
  });

  it(`reads the DOM too when the JSON lacks the creator after ${DOM_FALLBACK_MS} ms`, async () => {
    const t = tab();
    await t.open();
    await t.last().reply(answer({ docDone: false, hasPosts: false }));
    await t.wait(DOM_FALLBACK_MS - 1);
    expect(t.collected).toEqual(['texts']);
    await t.wait(1);
    expect(t.collected).toEqual(['texts', 'all']);
    expect(t.sends).toHaveLength(2);
    expect(t.last().message.doc).toEqual(pageOf(JANE, 'all'));
  });

  it('never reads the DOM when the JSON named the creator with posts', async () => {
    const t = tab();
    await t.open();
    await t.last().reply(answer());
    await t.body('{"a":1}');
    await t.wait(10_000);
    expect(t.collected).toEqual(['texts']);
  });
});

describe('the card', () => {
  it('is made once the page has loaded, not while it loads', async () => {
    const t = tab();
    await t.navigate(JANE);
    await t.on({ type: 'dom-ready' });
    await t.wait(CARD_LOAD_TIMEOUT_MS - 1);
    expect(t.card).toEqual([]);
    await t.on({ type: 'loaded' });
    expect(t.card).toEqual([true]);
  });

  it(`is made ${CARD_LOAD_TIMEOUT_MS} ms after the DOM on a page slow to load`, async () => {
    const t = tab();
    await t.navigate(JANE);
    await t.on({ type: 'dom-ready' });
    await t.wait(CARD_LOAD_TIMEOUT_MS - 1);
    expect(t.card).toEqual([]);
    await t.wait(1);
    expect(t.card).toEqual([true]);
    await t.on({ type: 'loaded' });
    expect(t.card).toEqual([true]);
  });

  it('is replaced by a fresh one for another creator, at once, and kept for the same one', async () => {
    const t = tab();
    await t.open(JANE);
    expect(t.card).toEqual([true]);
    await t.navigate(`${JANE}/video/7234567890123456789`, '@jane');
    expect(t.card).toEqual([true]);
    // Jane's card goes in the same event; John's comes once the background knows the new visit.
    const shown = t.card.length;
    t.statuses.length = 0;
    await t.navigate(JOHN);
    expect(t.card.slice(shown)).toEqual([false, true]);
    expect(t.statuses).toEqual([expect.objectContaining({ url: JOHN, state: 'reading' })]);
  });

  it('goes when the tab leaves for a page that is not a creator, and the background is told', async () => {
    const t = tab();
    await t.open(JANE);
    await t.navigate('https://www.tiktok.com/foryou', null);
    expect(t.card).toEqual([true, false]);
    expect(t.statuses.at(-1)).toMatchObject({
      url: 'https://www.tiktok.com/foryou',
      state: 'not-creator',
    });
  });

  it('says nothing about a tab that never showed a creator', async () => {
    const t = tab();
    await t.navigate('https://www.tiktok.com/foryou', null);
    await t.on({ type: 'dom-ready' });
    await t.on({ type: 'loaded' });
    await t.wait(5_000);
    expect(t.statuses).toEqual([]);
    expect(t.card).toEqual([]);
    expect(t.sends).toEqual([]);
  });

  it('is placed away from the buttons after each answer', async () => {
    const t = tab();
    await t.open();
    expect(t.placed).toBe(0);
    await t.last().reply(answer());
    expect(t.placed).toBe(1);
  });
});

describe('a single-page app', () => {
  it("sends the new creator's page, and a late answer about the previous one changes nothing", async () => {
    const t = tab();
    await t.open(JANE);
    const jane = t.last();
    await t.navigate(JOHN);
    await t.wait(SETTLE_DELAY_MS);
    // John's page is collected now and waits for Jane's read to be answered.
    expect(t.sends).toHaveLength(1);
    // Jane's answer comes late, and says her JSON lacked posts.
    await jane.reply(answer({ docDone: false, hasPosts: false }));
    expect(t.placed).toBe(0);
    expect(t.sends).toHaveLength(2);
    expect(t.last().message).toMatchObject({ url: JOHN, full: false, doc: pageOf(JOHN, 'texts') });
    expect(t.last().message.visitAt).toBeGreaterThan(jane.message.visitAt);
    // Jane's "read the DOM" never applies to John's page.
    await t.last().reply(answer());
    await t.wait(DOM_FALLBACK_MS * 2);
    expect(t.collected).toEqual(['texts', 'texts']);
  });

  it('gives each visit a later stamp than the one before, even within one millisecond', async () => {
    const t = tab();
    await t.navigate(JANE);
    await t.navigate(JOHN);
    const [a, b] = t.statuses;
    expect(b!.visitAt).toBeGreaterThan(a!.visitAt!);
  });
});

describe('when something goes wrong', () => {
  it('sends everything again when the background lost what it had (a restarted worker)', async () => {
    const t = tab();
    await t.open();
    await t.last().reply(answer());
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    await t.last().reply(answer({ resend: true, docDone: false, hasPosts: false }));
    expect(t.sends).toHaveLength(3);
    expect(t.last().message).toMatchObject({
      full: true,
      since: 0,
      doc: pageOf(JANE, 'texts'),
      bodies: [{ seq: 1, text: '{"a":1}' }],
    });
  });

  it('sends a read that found nobody again, whole, backing off, a bounded number of times', async () => {
    const t = tab();
    await t.open();
    const times: number[] = [];
    const start = Date.now();
    for (let i = 0; i <= MAX_RETRIES; i++) {
      times.push(Date.now() - start);
      await t.last().reply(failure('unreachable'));
      await t.wait(60_000);
    }
    expect(t.sends).toHaveLength(MAX_RETRIES + 1);
    expect(t.sends.every((s) => s.message.full && s.message.doc)).toBe(true);
    // No polling: after the last retry nothing is sent until something happens.
    await t.wait(10 * 60_000);
    expect(t.sends).toHaveLength(MAX_RETRIES + 1);
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    expect(t.sends).toHaveLength(MAX_RETRIES + 2);
  });

  it('waits twice as long before each retry', async () => {
    const t = tab();
    await t.open();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await t.last().reply(failure('unreachable'));
      const before = t.sends.length;
      let waited = 0;
      while (t.sends.length === before) {
        await t.wait(50);
        waited += 50;
      }
      waits.push(waited);
    }
    expect(waits[1]).toBe(2 * waits[0]!);
    expect(waits[2]).toBe(2 * waits[1]!);
  });

  it(`takes a read unanswered after ${REPLY_TIMEOUT_MS / 1000} s as lost, and ignores its late answer`, async () => {
    const t = tab();
    await t.open();
    const lost = t.last();
    await t.wait(REPLY_TIMEOUT_MS - 1);
    expect(t.sends).toHaveLength(1);
    await t.wait(1);
    await t.wait(RETRY_BASE_MS);
    expect(t.sends).toHaveLength(2);
    expect(t.last().message).toMatchObject({ full: true, doc: pageOf(JANE, 'texts') });
    // The lost read's answer turns up after all: it is not taken for the new one's.
    await lost.reply(answer({ docDone: false, hasPosts: false }));
    await t.wait(DOM_FALLBACK_MS);
    expect(t.collected).toEqual(['texts', 'texts']);
    await t.last().reply(answer());
    expect(t.placed).toBe(1);
  });

  it('keeps sending after a send throws', async () => {
    const t = tab();
    await t.navigate(JANE);
    await t.on({ type: 'dom-ready' });
    t.failSends(new Error('Extension context invalidated.'));
    await t.wait(SETTLE_DELAY_MS);
    expect(t.sends).toHaveLength(0);
    t.failSends(null);
    await t.wait(RETRY_BASE_MS);
    expect(t.sends).toHaveLength(1);
    await t.last().reply(answer());
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    expect(t.sends).toHaveLength(2);
  });

  it('does not retry a filing the storage refused by itself, and sends everything again when asked', async () => {
    const t = tab();
    await t.open();
    await t.last().reply(failure('storage'));
    // The card says so (the background filed the failure); nothing is sent until the user retries.
    await t.wait(10 * 60_000);
    expect(t.sends).toHaveLength(1);
    await t.on({ type: 'resend' });
    expect(t.sends).toHaveLength(2);
    expect(t.last().message).toMatchObject({ full: true, doc: pageOf(JANE, 'texts') });
    await t.last().reply(answer());
    expect(t.placed).toBe(1);
  });

  it("sends only what is new after the background refused a snapshot as not the page's", async () => {
    const t = tab();
    await t.open();
    await t.last().reply(failure('stale-page'));
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    expect(t.last().message).toMatchObject({ full: false, since: 0, bodies: [{ seq: 1 }] });
    expect(t.last().message.doc).toBeUndefined();
  });

  it('sends everything again when asked, with every body it still holds', async () => {
    const t = tab();
    await t.open();
    await t.last().reply(answer());
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    await t.last().reply(answer());
    await t.on({ type: 'resend' });
    expect(t.last().message).toMatchObject({
      full: true,
      since: 0,
      doc: pageOf(JANE, 'texts'),
      bodies: [{ seq: 1 }],
    });
  });

  it('sends again on request once the read in flight is answered', async () => {
    const t = tab();
    await t.open();
    await t.on({ type: 'resend' });
    expect(t.sends).toHaveLength(1);
    await t.last().reply(answer());
    expect(t.sends).toHaveLength(2);
    expect(t.last().message.full).toBe(true);
  });

  it('gathers nothing from a document whose reading throws, and still sends what the page fetched', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const t = tab({ collectThrows: true });
    await t.open();
    expect(t.collected).toEqual(['texts', 'all']);
    expect(t.last().message.doc).toEqual({ locale: '', texts: [], readings: [] });
    await t.last().reply(answer({ docDone: false, hasPosts: false }));
    await t.body('{"a":1}');
    await t.wait(SETTLE_DELAY_MS);
    expect(t.last().message.bodies).toEqual([{ seq: 1, url: ITEM_LIST, text: '{"a":1}' }]);
  });
});
