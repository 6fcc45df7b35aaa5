// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TAP_EVENT, TAP_HELLO_EVENT, TAP_MAX_BUFFER, TAP_READY_EVENT } from '@/lib/tap/allow-list';
import { installTap } from '@/lib/tap/install';

type TapWindow = Window & typeof globalThis;

/** A page at www.tiktok.com whose own fetch answers every request with `body`. */
function pageWith(body: (url: string) => string) {
  const win = window as TapWindow;
  history.replaceState(null, '', '/@someone');
  Object.defineProperty(win.location, 'hostname', { value: 'www.tiktok.com', configurable: true });
  win.fetch = (async (input: RequestInfo | URL) =>
    new Response(body(String(input)), { status: 200 })) as typeof fetch;
  const handed: string[] = [];
  const hellos: number[] = [];
  win.addEventListener(TAP_EVENT, (e) => handed.push((e as CustomEvent<string>).detail));
  win.addEventListener(TAP_HELLO_EVENT, () => hellos.push(1));
  return { win, handed, hellos };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('the tap', () => {
  it('says hello, keeps bodies until the content script is ready, then hands them over in order', async () => {
    const { win, handed, hellos } = pageWith((url) => `{"for":"${url.split('?')[0]}"}`);
    installTap(win);
    expect(hellos).toHaveLength(1);
    await win.fetch('/api/user/detail/?uniqueId=a');
    await win.fetch('/api/post/item_list/?count=1');
    await settle();
    expect(handed).toEqual([]);
    win.dispatchEvent(new CustomEvent(TAP_READY_EVENT));
    expect(handed.map((d) => d.split('\n')[0])).toEqual([
      expect.stringContaining('/api/user/detail/'),
      expect.stringContaining('/api/post/item_list/'),
    ]);
    // Once ready, later bodies go straight through.
    await win.fetch('/api/user/detail/?uniqueId=b');
    await settle();
    expect(handed).toHaveLength(3);
  });

  it('keeps a bounded buffer, dropping the oldest first', async () => {
    const { win, handed } = pageWith(() => '{}');
    installTap(win);
    for (let i = 0; i < TAP_MAX_BUFFER + 5; i++) await win.fetch(`/api/user/detail/?n=${i}`);
    await settle();
    win.dispatchEvent(new CustomEvent(TAP_READY_EVENT));
    expect(handed).toHaveLength(TAP_MAX_BUFFER);
    expect(handed[0]).toContain('n=5');
  });

  it('copies nothing the allow-list does not name, and gives the page its response untouched', async () => {
    const { win, handed } = pageWith(() => '{"secret":true}');
    installTap(win);
    win.dispatchEvent(new CustomEvent(TAP_READY_EVENT));
    const response = await win.fetch('/api/im/message/');
    expect(await response.text()).toBe('{"secret":true}');
    await settle();
    expect(handed).toEqual([]);
  });
});
