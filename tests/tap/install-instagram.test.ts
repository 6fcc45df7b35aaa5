// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.instagram.com/lena.trails/"}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenToTap, type TappedBody } from '@/lib/content/tap-receiver';
import { instagramTap } from '@/lib/platforms/instagram/tap';
import { installTap } from '@/lib/tap/install';
import { TAP_SOURCES } from './rules';

type TapWindow = Window & typeof globalThis;

const win = window as TapWindow;
const pristine = { toString: Function.prototype.toString, fetch: win.fetch };
const settle = () => new Promise((r) => setTimeout(r, 10));

beforeEach(() => {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  win.fetch = (async () => new Response('{"data":{}}', { status: 200 })) as typeof fetch;
});
afterEach(() => {
  document.dispatchEvent(new Event('DOMContentLoaded'));
  delete (document as { readyState?: unknown }).readyState;
  Function.prototype.toString = pristine.toString;
  win.fetch = pristine.fetch;
});

/** The tap and the content script on an Instagram page; the bodies the content script gets. */
function tapped(): TappedBody[] {
  installTap(win, TAP_SOURCES);
  const bodies: TappedBody[] = [];
  listenToTap(new ContentScriptContext('instagram'), instagramTap.rules, (body) =>
    bodies.push(body),
  );
  return bodies;
}

describe('the tap on Instagram GraphQL, by query name', () => {
  const profile = 'PolarisProfilePostsQuery';
  it.each([
    ['a header record', { headers: { 'X-FB-Friendly-Name': profile } }],
    ['a Headers', { headers: new Headers({ 'x-fb-friendly-name': profile }) }],
    ['header pairs', { headers: [['X-FB-Friendly-Name', profile]] }],
    ['a form body', { body: `av=1&fb_api_req_friendly_name=${profile}&doc_id=1` }],
    ['URLSearchParams', { body: new URLSearchParams({ fb_api_req_friendly_name: profile }) }],
  ])('copies a profile query named in %s', async (_, init) => {
    const bodies = tapped();
    await win.fetch('/graphql/query', { method: 'POST', ...init } as RequestInit);
    await settle();
    expect(bodies.map((b) => b.url.pathname)).toEqual(['/graphql/query']);
  });

  it('copies no direct-message query, however it is named', async () => {
    const bodies = tapped();
    const inbox = 'PolarisDirectInboxQuery';
    await win.fetch('/graphql/query', { method: 'POST', headers: { 'x-fb-friendly-name': inbox } });
    await win.fetch('/graphql/query', {
      method: 'POST',
      body: `fb_api_req_friendly_name=${inbox}`,
    });
    await win.fetch('/graphql/query', { method: 'POST' });
    await settle();
    expect(bodies).toEqual([]);
  });

  it('runs none of the page’s getters to find the name', async () => {
    const bodies = tapped();
    let reads = 0;
    const init = {
      method: 'POST',
      get headers() {
        reads++;
        return { 'x-fb-friendly-name': profile };
      },
    };
    await win.fetch('/graphql/query', init);
    await settle();
    // A getter is the page's code: the tap leaves it unread (so here it finds no name, copies nothing).
    expect(reads).toBe(0);
    expect(bodies).toEqual([]);
  });
});
