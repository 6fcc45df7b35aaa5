// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.tiktok.com/@someone"}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenToTap, type TappedBody } from '@/lib/content/tap-receiver';
import { rulesForHost, TAP_MAX_BUFFER } from '@/lib/tap/allow-list';
import { meetingNames } from '@/lib/tap/channel';
import { tiktokTap } from '@/lib/platforms/tiktok/tap';
import { installTap } from '@/lib/tap/install';
import { TAP_SOURCES } from './rules';

type TapWindow = Window & typeof globalThis;

const win = window as TapWindow;
const pristine = {
  toString: Function.prototype.toString,
  open: XMLHttpRequest.prototype.open,
  send: XMLHttpRequest.prototype.send,
  test: RegExp.prototype.test,
  fetch: win.fetch,
};

/** A page at www.tiktok.com whose own fetch answers every request with `body`. */
function pageWith(body: (url: string) => string) {
  const pageFetch = (async (input: RequestInfo | URL) =>
    new Response(body(String(input)), { status: 200 })) as typeof fetch;
  win.fetch = pageFetch;
  return pageFetch;
}

/** The isolated content script's side: the bodies it is handed. */
function reader() {
  const bodies: TappedBody[] = [];
  listenToTap(new ContentScriptContext('tiktok'), tiktokTap.rules, (body) => bodies.push(body));
  return bodies;
}

const settle = () => new Promise((r) => setTimeout(r, 10));
const paths = (bodies: TappedBody[]) => bodies.map((b) => b.url.pathname + b.url.search);
const caught = (f: () => unknown): Error => {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
};
const deep = (n: number, f: () => unknown): unknown => (n ? deep(n - 1, f) : f());

beforeEach(() => {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
});
afterEach(() => {
  document.dispatchEvent(new Event('DOMContentLoaded'));
  delete (document as { readyState?: unknown }).readyState;
  Function.prototype.toString = pristine.toString;
  XMLHttpRequest.prototype.open = pristine.open;
  XMLHttpRequest.prototype.send = pristine.send;
  RegExp.prototype.test = pristine.test;
  win.fetch = pristine.fetch;
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
});

describe('the tap and the content script', () => {
  it.each(['tap first', 'content script first'])(
    'find each other and hand over what the page receives (%s)',
    async (order) => {
      pageWith((url) => `{"for":"${url.split('?')[0]}"}`);
      let bodies: TappedBody[];
      if (order === 'tap first') {
        installTap(win, TAP_SOURCES);
        bodies = reader();
      } else {
        bodies = reader();
        installTap(win, TAP_SOURCES);
      }
      await win.fetch('/api/user/detail/?uniqueId=a');
      await win.fetch('/api/post/item_list/?count=1');
      await settle();
      expect(paths(bodies)).toEqual([
        '/api/user/detail/?uniqueId=a',
        '/api/post/item_list/?count=1',
      ]);
      expect(bodies[0]!.text).toBe('{"for":"/api/user/detail/"}');
    },
  );

  it('keeps a bounded buffer until the content script is there, dropping the oldest first', async () => {
    pageWith(() => '{}');
    installTap(win, TAP_SOURCES);
    for (let i = 0; i < TAP_MAX_BUFFER + 5; i++) await win.fetch(`/api/user/detail/?n=${i}`);
    await settle();
    const bodies = reader();
    expect(bodies).toHaveLength(TAP_MAX_BUFFER);
    expect(bodies[0]!.url.search).toBe('?n=5');
    // Once ready, later bodies go straight through.
    await win.fetch('/api/user/detail/?n=last');
    await settle();
    expect(bodies).toHaveLength(TAP_MAX_BUFFER + 1);
  });

  it('keeps a body only up to its rule’s cap, and up to the common cap elsewhere', async () => {
    pageWith((url) => (url.includes('comment') ? `{"c":"${'x'.repeat(200)}"}` : '{"small":1}'));
    const sources = {
      'tiktok.com': [['^/api/comment/list/?$', null, 100], ['^/api/user/detail/?$']],
    } as const;
    installTap(win, sources);
    const bodies: TappedBody[] = [];
    const rules = rulesForHost('www.tiktok.com', sources);
    listenToTap(new ContentScriptContext('tiktok'), rules, (body) => bodies.push(body));
    await win.fetch('/api/comment/list/?aweme_id=1');
    await win.fetch('/api/user/detail/?uniqueId=a');
    await settle();
    expect(paths(bodies)).toEqual(['/api/user/detail/?uniqueId=a']);
  });

  it('copies nothing the allow-list does not name, even when the page replaces RegExp#test', async () => {
    pageWith(() => '{"secret":true}');
    installTap(win, TAP_SOURCES);
    const bodies = reader();
    RegExp.prototype.test = () => true;
    const response = await win.fetch('/api/im/message/');
    expect(await response.text()).toBe('{"secret":true}');
    await settle();
    expect(bodies).toEqual([]);
  });

  it('takes no body from a page script, on any name it could know', async () => {
    pageWith(() => '{}');
    installTap(win, TAP_SOURCES);
    const bodies = reader();
    const forged = `${location.origin}/api/user/detail/?uniqueId=someone\n{"followerCount":7777777}`;
    const { hello, answer } = meetingNames(String(performance.timeOrigin));
    const node = document.createElement('div');
    const answers: Event[] = [];
    node.addEventListener(answer, (event) => answers.push(event));
    document.dispatchEvent(new MouseEvent(hello, { relatedTarget: node }));
    expect(answers).toEqual([]);
    for (const name of ['scout:tap', 'scout:tap-ready', 'scout:tap-hello', hello, answer])
      for (const target of [window, document, node])
        target.dispatchEvent(new CustomEvent(name, { detail: forged }));
    await win.fetch('/api/user/detail/?uniqueId=real');
    await settle();
    // Only what the page itself received.
    expect(paths(bodies)).toEqual(['/api/user/detail/?uniqueId=real']);
  });

  it('gets no body when the content script starts after the page scripts', async () => {
    pageWith(() => '{}');
    installTap(win, TAP_SOURCES);
    document.head.append(document.createElement('script'));
    await settle();
    const bodies = reader();
    await win.fetch('/api/user/detail/?uniqueId=a');
    await settle();
    expect(bodies).toEqual([]);
  });
});

describe('the wrappers look native', () => {
  it('report the originals’ source and keep name and length', () => {
    const pageFetch = pageWith(() => '{}');
    const before = {
      fetch: pristine.toString.call(pageFetch),
      open: pristine.toString.call(pristine.open),
      toString: pristine.toString.call(pristine.toString),
    };
    installTap(win, TAP_SOURCES);
    expect(win.fetch).not.toBe(pageFetch);
    expect({
      fetch: Function.prototype.toString.call(win.fetch),
      fetchOwn: win.fetch.toString(),
      open: XMLHttpRequest.prototype.open.toString(),
      toString: Function.prototype.toString.toString(),
      toStringCall: Function.prototype.toString.call(Function.prototype.toString),
    }).toEqual({
      fetch: before.fetch,
      fetchOwn: before.fetch,
      open: before.open,
      toString: before.toString,
      toStringCall: before.toString,
    });
    expect([win.fetch.name, win.fetch.length]).toEqual([pageFetch.name, pageFetch.length]);
  });

  it('throw the native errors of invalid calls, with no frame of the tap', () => {
    pageWith(() => '{}');
    const calls = {
      toString: () => Function.prototype.toString.call({}),
      open: () =>
        (XMLHttpRequest.prototype.open as (...args: unknown[]) => void).call(null, 'GET', '/'),
    };
    const native = {
      toString: caught(() => deep(3, calls.toString)),
      open: caught(() => deep(3, calls.open)),
    };
    installTap(win, TAP_SOURCES);
    for (const [name, call] of Object.entries(calls)) {
      const error = caught(() => deep(3, call));
      const expected = native[name as keyof typeof native];
      expect(error.constructor, name).toBe(expected.constructor);
      expect(error.message, name).toBe(expected.message);
      expect(error.stack, name).not.toMatch(/lib\/tap\//);
      // The same frames as without the tap, call positions aside.
      const frames = (stack = '') => stack.split('\n').map((line) => line.replace(/:\d+:\d+/g, ''));
      expect(frames(error.stack), name).toEqual(frames(expected.stack));
    }
  });

  it('keep as many of the caller’s frames as the native error has, deep in a stack', () => {
    pageWith(() => '{}');
    const call = () => Function.prototype.toString.call({});
    const native = caught(() => deep(30, call)).stack!.split('\n');
    installTap(win, TAP_SOURCES);
    const wrapped = caught(() => deep(30, call)).stack!.split('\n');
    expect(wrapped).toHaveLength(native.length);
    expect(wrapped.join('\n')).not.toMatch(/lib\/tap\//);
  });

  it('hand a page that formats its own traces the call sites without the tap’s', () => {
    pageWith(() => '{}');
    installTap(win, TAP_SOURCES);
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = (
      _: Error,
      sites: { getFileName(): string | null }[],
    ) => sites.map((site) => site.getFileName() ?? '<native>');
    const files = caught(() => Function.prototype.toString.call({})).stack as unknown as string[];
    expect(files[0]).toBe('<native>');
    expect(files.some((file) => /lib\/tap\//.test(file))).toBe(false);
    expect(files.some((file) => /install\.test\.ts$/.test(file))).toBe(true);
  });

  it('rejects an invalid fetch with the page’s own error, stack without the tap', async () => {
    pageWith(() => '{}');
    const failing = (() => Promise.reject(new TypeError('Illegal invocation'))) as typeof fetch;
    win.fetch = failing;
    installTap(win, TAP_SOURCES);
    const error = await win.fetch.call(1 as never, '/').catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('Illegal invocation');
    expect((error as Error).stack).not.toMatch(/lib\/tap\//);
  });
});
