// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meet, meetingNames, token, type Channel, type ChannelKind } from '@/lib/tap/channel';

/** One half of the line, as a world would hold it; it hears one kind of message (each world speaks its own). */
function half(seed: string, hears: ChannelKind = 'body') {
  const state = { channel: null as Channel | null, missed: 0, heard: [] as string[] };
  meet(
    document,
    (channel) => {
      state.channel = channel;
      channel.on(hears, (detail) => state.heard.push(detail));
    },
    () => state.missed++,
    seed,
  );
  return state;
}

let seeds = 0;
const freshSeed = () => `load-${++seeds}`;
const microtasks = () => new Promise((done) => setTimeout(done, 0));

beforeEach(() => {
  // At document_start the document is still loading; happy-dom's is complete.
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
});
afterEach(() => {
  // Ends any half still waiting, so the next test meets nobody from this one.
  document.dispatchEvent(new Event('DOMContentLoaded'));
  delete (document as { readyState?: unknown }).readyState;
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('the private channel between the two worlds', () => {
  it.each(['tap first', 'reader first'])('opens in either start order (%s)', (order) => {
    const seed = freshSeed();
    const [aHears, bHears]: [ChannelKind, ChannelKind] =
      order === 'tap first' ? ['ready', 'body'] : ['body', 'ready'];
    const a = half(seed, aHears);
    expect(a.channel).toBeNull();
    const b = half(seed, bHears);
    for (const side of [a, b]) expect(side.channel, order).not.toBeNull();
    a.channel!.send(bHears, 'from a');
    b.channel!.send(aHears, 'from b');
    expect(a.heard).toEqual(['from b']);
    expect(b.heard).toEqual(['from a']);
    expect(a.missed + b.missed).toBe(0);
  });

  it('removes every listener it put on the document once the two halves have met', () => {
    const added: [EventTarget, string, unknown][] = [];
    const removed: [EventTarget, string, unknown][] = [];
    const proto = EventTarget.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    vi.spyOn(proto, 'addEventListener').mockImplementation(function (this: EventTarget, ...args) {
      added.push([this, args[0], args[1]]);
      return add.apply(this, args);
    });
    vi.spyOn(proto, 'removeEventListener').mockImplementation(function (this: EventTarget, ...a) {
      removed.push([this, a[0], a[1]]);
      return remove.apply(this, a);
    });
    const watching = new Set<MutationObserver>();
    const mo = MutationObserver.prototype;
    const [observe, disconnect] = [mo.observe, mo.disconnect];
    vi.spyOn(mo, 'observe').mockImplementation(function (this: MutationObserver, ...args) {
      watching.add(this);
      return observe.apply(this, args);
    });
    vi.spyOn(mo, 'disconnect').mockImplementation(function (this: MutationObserver) {
      watching.delete(this);
      return disconnect.apply(this);
    });
    const seed = freshSeed();
    const halves = [half(seed), half(seed)];
    const onDocument = added.filter(([target]) => target === document);
    expect(onDocument.length).toBeGreaterThan(0);
    for (const [target, type, listener] of onDocument)
      expect(removed, type).toContainEqual([target, type, listener]);
    expect(halves.map((h) => h.missed)).toEqual([0, 0]);
    // Nor does either half watch the document any more.
    expect(watching.size).toBe(0);
  });

  it('answers nobody who says hello on the meeting name after the meeting', () => {
    const seed = freshSeed();
    const a = half(seed);
    const b = half(seed);
    // A page script that read the source and the time origin: its own node, the real name.
    const node = document.createElement('div');
    const answers: Event[] = [];
    node.addEventListener(meetingNames(seed).answer, (event) => answers.push(event));
    document.dispatchEvent(new MouseEvent(meetingNames(seed).hello, { relatedTarget: node }));
    expect(answers).toEqual([]);
    // Forged bodies wherever a page can dispatch reach neither half.
    for (const target of [window, document, node])
      target.dispatchEvent(new CustomEvent(token(`${seed}|b`), { detail: 'forged' }));
    expect([...a.heard, ...b.heard]).toEqual([]);
  });

  it('gives up before the first page script when the other half never comes', async () => {
    const seed = freshSeed();
    const lonely = half(seed);
    // Other DOM work at document_start (another extension's style, say) is no deadline.
    document.head.append(document.createElement('style'));
    await microtasks();
    expect(lonely.missed).toBe(0);
    document.head.append(document.createElement('script'));
    await microtasks();
    expect(lonely.missed).toBe(1);
    // The page script that now runs can say hello under the real name: nobody answers it...
    const node = document.createElement('div');
    const answers: Event[] = [];
    node.addEventListener(meetingNames(seed).answer, (event) => answers.push(event));
    document.dispatchEvent(new MouseEvent(meetingNames(seed).hello, { relatedTarget: node }));
    expect(answers).toEqual([]);
    // ...and a half that starts this late refuses to meet at all.
    const late = half(seed);
    expect(late.channel).toBeNull();
    expect(late.missed).toBe(1);
    expect(lonely.channel).toBeNull();
  });

  it('gives up on an element whose inline handler is page script', async () => {
    const lonely = half(freshSeed());
    const img = document.createElement('img');
    img.setAttribute('onerror', 'void 0');
    document.body.append(img);
    await microtasks();
    expect(lonely.missed).toBe(1);
  });

  it('refuses to meet once the document has loaded', () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    const late = half(freshSeed());
    expect(late.channel).toBeNull();
    expect(late.missed).toBe(1);
  });

  it('uses event names that change with every load and name nobody', () => {
    const [one, two] = [meetingNames('1796650000000.1'), meetingNames('1796650000000.2')];
    expect(one.hello).not.toBe(two.hello);
    expect(one.answer).not.toBe(two.answer);
    for (const name of [one.hello, one.answer, two.hello, two.answer])
      expect(name).toMatch(/^[a-z0-9]{8,}$/);
  });
});
