import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import type { ProfileSnapshot } from '@/lib/model';
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

const snapshot = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle: 'jane',
  url: 'https://www.tiktok.com/@jane',
  followers: 38_200,
  precision: { followers: 'rounded' },
  recentPosts: [],
  capturedAt: Date.UTC(2026, 0, 15, 12),
  sources: ['tiktok/universal-data'],
  ...over,
});

const JANE = 'https://www.tiktok.com/@jane';

const ok = <T>(data: T): Reply<T> => ({ ok: true, data });

function fakeHandlers(): Handlers & { [N in MessageName]: ReturnType<typeof vi.fn> } {
  return {
    'page/read': vi.fn(async () => ok({ resend: false, docDone: false, hasPosts: false })),
    'snapshot/submit': vi.fn(async () => ok({ key: 'tiktok:jane' })),
    'page/status': vi.fn(async () => ok({})),
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
      'snapshot/submit',
      { url: JANE, snapshot: snapshot() },
      { id: ID, url: 'https://example.com/', tab: { id: 7 }, frameId: 0 },
    ],
    [
      'a content script in a sub-frame',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot() },
      { ...contentSender(), frameId: 1 },
    ],
    [
      'a content script on a non-platform host',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot() },
      contentSender('https://example.com/@jane'),
    ],
    ['a content script asking for a creator', 'creator/for-tab', { tabId: 9 }, contentSender()],
    [
      'a content script saving to a list',
      'shortlist/save',
      { creatorKey: 'tiktok:jane' },
      contentSender(),
    ],
    [
      'the sidebar submitting a snapshot',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot() },
      sidebarSender(),
    ],
    [
      'the popup reporting a page state',
      'page/status',
      { url: JANE, state: 'reading' },
      popupSender,
    ],
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

  it('lets a content script submit the snapshot of its page', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatch(
      handlers,
      SELF,
      'snapshot/submit',
      { url: JANE, snapshot: snapshot() },
      contentSender(),
    );
    expect(reply).toEqual(ok({ key: 'tiktok:jane' }));
    expect(handlers['snapshot/submit']).toHaveBeenCalledWith(
      { url: JANE, snapshot: snapshot() },
      { kind: 'content', tabId: 7, url: 'https://www.tiktok.com/@jane' },
    );
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
    ['no data at all', 'snapshot/submit', undefined, contentSender(), 'message'],
    ['a snapshot that is missing', 'snapshot/submit', { url: JANE }, contentSender(), 'snapshot'],
    [
      'a page URL that is missing',
      'snapshot/submit',
      { snapshot: snapshot() },
      contentSender(),
      'url',
    ],
    [
      'a page URL on http',
      'snapshot/submit',
      { url: 'http://www.tiktok.com/@jane', snapshot: snapshot() },
      contentSender(),
      'url',
    ],
    [
      'a snapshot without a handle',
      'snapshot/submit',
      { url: JANE, snapshot: { ...snapshot(), handle: undefined } },
      contentSender(),
      'snapshot.handle',
    ],
    [
      'followers as text',
      'snapshot/submit',
      { url: JANE, snapshot: { ...snapshot(), followers: '38K' } },
      contentSender(),
      'snapshot.followers',
    ],
    [
      'followers of -1',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot({ followers: -1 }) },
      contentSender(),
      'snapshot.followers',
    ],
    [
      'followers above 9e9',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot({ followers: 9_000_000_001 }) },
      contentSender(),
      'snapshot.followers',
    ],
    [
      'an http profile URL',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot({ url: 'http://www.tiktok.com/@jane' }) },
      contentSender(),
      'snapshot.url',
    ],
    [
      'an upper-case handle',
      'snapshot/submit',
      { url: JANE, snapshot: snapshot({ handle: 'Jane' }) },
      contentSender(),
      'snapshot.handle',
    ],
    [
      'an unknown platform',
      'snapshot/submit',
      { url: JANE, snapshot: { ...snapshot(), platform: 'youtube' } },
      contentSender(),
      'snapshot.platform',
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
    handlers['snapshot/submit'].mockRejectedValueOnce(error);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await dispatch(
      handlers,
      SELF,
      'snapshot/submit',
      { url: JANE, snapshot: snapshot() },
      contentSender(),
    );
    expect(errorCode(reply)).toBe('storage');
  });
});
