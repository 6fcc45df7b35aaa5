import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import type { MessageName, Reply } from '@/lib/messaging/protocol';
import {
  classifySender,
  dispatch,
  type Handlers,
  type RawSender,
  type Self,
} from '@/lib/messaging/server';
import { platformForUrl } from '@/lib/platforms';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF: Self = {
  id: ID,
  origin: `chrome-extension://${ID}`,
  ownsUrl: (url) => platformForUrl(url) !== null,
};

const contentSender = (url = 'https://www.tiktok.com/@jane', tabId = 7): RawSender => ({
  id: ID,
  url,
  origin: new URL(url).origin,
  tab: { id: tabId },
  frameId: 0,
});
/** The sidebar iframe inside a host tab. */
const sidebarSender = (tabId = 7): RawSender => ({
  id: ID,
  url: `chrome-extension://${ID}/sidebar.html`,
  origin: `chrome-extension://${ID}`,
  tab: { id: tabId },
  frameId: 3,
});
/** The toolbar popup: an extension page with no tab. */
const popupSender: RawSender = {
  id: ID,
  url: `chrome-extension://${ID}/popup.html`,
  origin: `chrome-extension://${ID}`,
};

const JANE = 'https://www.tiktok.com/@jane';

/** A content script's first message about jane's page, with `over` changed. */
const pageRead = (over: Record<string, unknown> = {}) => ({
  url: JANE,
  visitAt: 1,
  session: 's1',
  full: true,
  since: 0,
  doc: { locale: 'en', texts: [{ name: 'x', kind: 'json-script', text: '{}' }], readings: [] },
  bodies: [],
  ...over,
});

const ok = <T>(data: T): Reply<T> => ({ ok: true, data });

function fakeHandlers(): Handlers & { [N in MessageName]: ReturnType<typeof vi.fn> } {
  return {
    'page/read': vi.fn(async () => ok({ resend: false, docDone: false, hasPosts: false })),
    'page/status': vi.fn(async () => ok({})),
    'page/retry': vi.fn(async () => ok({})),
    'feed/read': vi.fn(async () => ok({ chips: [] })),
    'chips/get': vi.fn(async () => ok({ chips: [] })),
    'feed/open': vi.fn(async () => ok({})),
    'data/removed': vi.fn(async () => ok({})),
    'creator/for-tab': vi.fn(async () =>
      ok({
        tabId: 7,
        page: null,
        creator: null,
        lists: [],
        detail: null,
        rateCard: DEFAULT_RATE_CARD,
      }),
    ),
    'shortlist/save': vi.fn(async () =>
      ok({ listId: 'default', listName: 'Shortlist', entryId: 'x', created: true }),
    ),
  };
}

const errorCode = (reply: Reply<unknown>) => (reply.ok ? null : reply.error.code);
const errorMessage = (reply: Reply<unknown>) => (reply.ok ? '' : reply.error.message);

describe('classifySender', () => {
  it('names a content script in the top frame of a platform page', () => {
    expect(classifySender(contentSender('https://www.tiktok.com/@jane', 12), SELF)).toEqual({
      kind: 'content',
      tabId: 12,
      url: 'https://www.tiktok.com/@jane',
    });
  });

  it('names the sidebar with the tab it sits in', () => {
    expect(classifySender(sidebarSender(7), SELF)).toEqual({ kind: 'sidebar', tabId: 7 });
  });

  it('names the sidebar by path even with query or hash on its URL', () => {
    expect(
      classifySender(
        { ...sidebarSender(4), url: `chrome-extension://${ID}/sidebar.html?x=1#y` },
        SELF,
      ),
    ).toEqual({
      kind: 'sidebar',
      tabId: 4,
    });
  });

  it('names the popup as an extension page without a tab', () => {
    expect(classifySender(popupSender, SELF)).toEqual({ kind: 'page', path: '/popup.html' });
  });

  it('keeps the tab of an extension page opened in a tab', () => {
    expect(
      classifySender(
        { ...popupSender, url: `chrome-extension://${ID}/shortlists.html`, tab: { id: 3 } },
        SELF,
      ),
    ).toEqual({
      kind: 'page',
      path: '/shortlists.html',
      tabId: 3,
    });
  });

  const REFUSED: [string, RawSender][] = [
    ['another extension', { ...contentSender(), id: 'otherextensionidotherextensionid' }],
    [
      'another extension posing as the sidebar',
      { ...sidebarSender(), id: 'otherextensionidotherextensionid' },
    ],
    ['a sender with no id', { ...contentSender(), id: undefined }],
    ['a sender with no URL', { ...contentSender(), url: undefined }],
    ['a sender with an unreadable URL', { ...contentSender(), url: 'not a url' }],
    ['a web page', { id: ID, url: 'https://example.com/', tab: { id: 7 }, frameId: 0 }],
    ['a content script in a sub-frame', { ...contentSender(), frameId: 2 }],
    ['a content script with no frame id', { ...contentSender(), frameId: undefined }],
    ['a content script with no tab', { ...contentSender(), tab: undefined }],
    [
      'a content script on a non-platform host',
      contentSender('https://tiktok.com.evil.example/@jane'),
    ],
    ['a content script on plain http', contentSender('http://www.tiktok.com/@jane')],
    ['the sidebar page outside any tab', { ...sidebarSender(), tab: undefined }],
    [
      'a page of another extension at sidebar.html',
      {
        id: ID,
        url: 'chrome-extension://otherextensionidotherextensionid/sidebar.html',
        tab: { id: 7 },
        frameId: 0,
      },
    ],
  ];

  it.each(REFUSED)('refuses %s', (_label, sender) => {
    expect(classifySender(sender, SELF)).toBeNull();
  });
});

describe('dispatch', () => {
  it('answers an unknown message name with unknown-message', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatch(handlers, SELF, 'creator/delete-all', {}, popupSender);
    expect(errorCode(reply)).toBe('unknown-message');
  });

  it.each([[undefined], [null], [42], [{}], ['toString'], ['__proto__'], ['constructor']])(
    'answers the name %j with unknown-message',
    async (name) => {
      const reply = await dispatch(fakeHandlers(), SELF, name, {}, popupSender);
      expect(errorCode(reply)).toBe('unknown-message');
    },
  );

  const FORBIDDEN: [string, MessageName, unknown, RawSender][] = [
    [
      'another extension',
      'creator/for-tab',
      {},
      { ...popupSender, id: 'otherextensionidotherextensionid' },
    ],
    [
      'a web page',
      'page/read',
      pageRead(),
      { id: ID, url: 'https://example.com/', tab: { id: 7 }, frameId: 0 },
    ],
    [
      'a content script in a sub-frame',
      'page/read',
      pageRead(),
      { ...contentSender(), frameId: 1 },
    ],
    [
      'a content script on a non-platform host',
      'page/read',
      pageRead(),
      contentSender('https://example.com/@jane'),
    ],
    ['a content script asking for a creator', 'creator/for-tab', { tabId: 9 }, contentSender()],
    [
      'a content script saving to a list',
      'shortlist/save',
      { creatorKey: 'tiktok:jane' },
      contentSender(),
    ],
    ['the sidebar sending a page', 'page/read', pageRead(), sidebarSender()],
    [
      'the popup reporting a page state',
      'page/status',
      { url: JANE, state: 'reading' },
      popupSender,
    ],
    ['a content script asking for its page to be read again', 'page/retry', {}, contentSender()],
    ['the popup asking for a page to be read again', 'page/retry', {}, popupSender],
    ['the sidebar sending feed bodies', 'feed/read', { url: JANE, bodies: [] }, sidebarSender()],
    ['the popup asking for chips', 'chips/get', { url: JANE, handles: ['jane'] }, popupSender],
    ['the sidebar opening a chip', 'feed/open', { url: JANE, handle: 'jane' }, sidebarSender()],
  ];

  it.each(FORBIDDEN)(
    'refuses %s with forbidden-sender and runs no handler',
    async (_label, name, data, sender) => {
      const handlers = fakeHandlers();
      const reply = await dispatch(handlers, SELF, name, data, sender);
      expect(errorCode(reply)).toBe('forbidden-sender');
      expect(handlers[name]).not.toHaveBeenCalled();
    },
  );

  it('lets a content script send what its page carries', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatch(handlers, SELF, 'page/read', pageRead(), contentSender());
    expect(reply).toEqual(ok({ resend: false, docDone: false, hasPosts: false }));
    expect(handlers['page/read']).toHaveBeenCalledWith(pageRead(), {
      kind: 'content',
      tabId: 7,
      url: 'https://www.tiktok.com/@jane',
    });
  });

  it('passes on a DOM reading whose bio is too long for a snapshot: the merge drops it, not the page', async () => {
    const handlers = fakeHandlers();
    const reading = {
      source: 'dom',
      handle: 'jane',
      bio: 'x'.repeat(6_000),
      counts: {},
      posts: [],
    };
    const data = pageRead({ doc: { locale: 'en', texts: [], readings: [reading] } });
    const reply = await dispatch(handlers, SELF, 'page/read', data, contentSender());
    expect(reply.ok).toBe(true);
    expect(handlers['page/read']).toHaveBeenCalled();
  });

  it('lets the card ask for its own tab to be read again', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatch(handlers, SELF, 'page/retry', {}, sidebarSender(7));
    expect(reply).toEqual(ok({}));
    expect(handlers['page/retry']).toHaveBeenCalledWith({}, { kind: 'sidebar', tabId: 7 });
  });

  it('hands the handler the sidebar with its own tab id', async () => {
    const handlers = fakeHandlers();
    await dispatch(handlers, SELF, 'creator/for-tab', { tabId: 9 }, sidebarSender(7));
    expect(handlers['creator/for-tab']).toHaveBeenCalledWith(
      { tabId: 9 },
      { kind: 'sidebar', tabId: 7 },
    );
  });

  const INVALID: [string, MessageName, unknown, RawSender, string][] = [
    ['no data at all', 'page/read', undefined, contentSender(), 'message'],
    [
      'a page URL that is missing',
      'page/read',
      pageRead({ url: undefined }),
      contentSender(),
      'url',
    ],
    [
      'a page URL on http',
      'page/read',
      pageRead({ url: 'http://www.tiktok.com/@jane' }),
      contentSender(),
      'url',
    ],
    ['no session', 'page/read', pageRead({ session: '' }), contentSender(), 'session'],
    ['a negative body number', 'page/read', pageRead({ since: -1 }), contentSender(), 'since'],
    [
      'a body numbered 0',
      'page/read',
      pageRead({ bodies: [{ seq: 0, url: JANE, text: '{}' }] }),
      contentSender(),
      'bodies[0].seq',
    ],
    [
      'a body over the size cap',
      'page/read',
      pageRead({ bodies: [{ seq: 1, url: JANE, text: 'x'.repeat(8_000_001) }] }),
      contentSender(),
      'bodies[0].text',
    ],
    [
      'an embedded text that is not text',
      'page/read',
      pageRead({
        doc: { locale: 'en', texts: [{ name: 'x', kind: 'json-script', text: 5 }], readings: [] },
      }),
      contentSender(),
      'doc.texts[0].text',
    ],
    [
      'a DOM reading with followers as text',
      'page/read',
      pageRead({
        doc: {
          locale: 'en',
          texts: [],
          readings: [
            {
              source: 'dom',
              counts: { followers: { value: '38K', precision: 'rounded' } },
              posts: [],
            },
          ],
        },
      }),
      contentSender(),
      'doc.readings[0].counts.followers.value',
    ],
    [
      'a page state that does not exist',
      'page/status',
      { url: JANE, state: 'done' },
      contentSender(),
      'state',
    ],
    ['a tab id as text', 'creator/for-tab', { tabId: '7' }, popupSender, 'tabId'],
    ['a negative tab id', 'creator/for-tab', { tabId: -1 }, popupSender, 'tabId'],
    [
      'a creator key that is not one',
      'shortlist/save',
      { creatorKey: 'jane' },
      sidebarSender(),
      'creatorKey',
    ],
    [
      'an empty new list name',
      'shortlist/save',
      { creatorKey: 'tiktok:jane', newListName: '   ' },
      sidebarSender(),
      'newListName',
    ],
  ];

  it.each(INVALID)(
    'answers %s with invalid-message naming the field',
    async (_label, name, data, sender, field) => {
      const handlers = fakeHandlers();
      const reply = await dispatch(handlers, SELF, name, data, sender);
      expect(errorCode(reply)).toBe('invalid-message');
      expect(errorMessage(reply)).toContain(`${name}: ${field}:`);
      expect(handlers[name]).not.toHaveBeenCalled();
    },
  );

  it('turns a handler that throws into an internal reply', async () => {
    const handlers = fakeHandlers();
    handlers['page/status'].mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await dispatch(
      handlers,
      SELF,
      'page/status',
      { url: JANE, state: 'reading' },
      contentSender(),
    );
    expect(errorCode(reply)).toBe('internal');
    expect(errorMessage(reply)).toContain('boom');
  });

  it('turns a thrown non-error into an internal reply', async () => {
    const handlers = fakeHandlers();
    handlers['page/status'].mockRejectedValueOnce('just a string');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await dispatch(
      handlers,
      SELF,
      'page/status',
      { url: JANE, state: 'reading' },
      contentSender(),
    );
    expect(errorCode(reply)).toBe('internal');
  });

  const QUOTA: [string, unknown][] = [
    [
      'the browser quota error',
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    ],
    ["Dexie's quota error", new Dexie.QuotaExceededError('The quota has been exceeded.')],
    // A quota error at commit time aborts the transaction: Dexie rejects with AbortError, inner = the quota error.
    [
      'a transaction aborted by the quota',
      new Dexie.AbortError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ],
  ];

  it.each(QUOTA)('turns %s into a storage reply', async (_label, error) => {
    const handlers = fakeHandlers();
    handlers['page/read'].mockRejectedValueOnce(error);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await dispatch(handlers, SELF, 'page/read', pageRead(), contentSender());
    expect(errorCode(reply)).toBe('storage');
  });
});
