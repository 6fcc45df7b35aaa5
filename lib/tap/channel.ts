/**
 * The private line between the MAIN-world tap and the isolated content script. Both start at
 * document_start, before any page script, in no guaranteed order. They meet once over `document`
 * (an event named from this load's time origin, carrying a detached node of the sender's as
 * `relatedTarget`: DOM nodes cross between worlds, JS objects do not) and from then on speak only by
 * events dispatched on that detached node, which no page script can reach. The meeting listeners
 * are gone once the two have met, and in any case before the first page script can run: the parser
 * delivers mutation records (a microtask checkpoint) before it runs a script it inserted.
 *
 * Everything the tap half touches after the page's own scripts have run was taken from the page's
 * intrinsics at install time, so a page that later replaces `dispatchEvent`, `CustomEvent` or a
 * getter can neither listen in nor write on the line.
 */

/** What the two halves say to each other. */
export type ChannelKind = 'body' | 'hello' | 'ready';

export interface Channel {
  /** Sends one string to the other world. */
  send(kind: ChannelKind, detail: string): void;
  /** Calls `handler` with every string of this kind from the other world; returns the remover. */
  on(kind: ChannelKind, handler: (detail: string) => void): () => void;
}

/** A short name from a text (two FNV-1a hashes): event names that say nothing and vary per load. */
export function token(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x2b992ddf;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

/** The two meeting names of a load, which both worlds compute from the load's time origin. */
export function meetingNames(seed: string): { hello: string; answer: string } {
  return { hello: token(`${seed}|m`), answer: token(`${seed}|a`) };
}

/** The channel's event names, from the nonce the meeting exchanged. */
function channelNames(nonce: string): Record<ChannelKind, string> {
  return { body: token(`${nonce}|b`), hello: token(`${nonce}|h`), ready: token(`${nonce}|r`) };
}

/** Elements through which a page could run script: the meeting must be over before one arrives. */
const SCRIPTING = /^(script|iframe|frame|object|embed)$/i;

function mayRunScript(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  if (SCRIPTING.test(element.localName)) return true;
  for (const attribute of Array.from(element.attributes))
    if (/^on/i.test(attribute.name)) return true;
  return Array.from(element.children).some(mayRunScript);
}

function lookup(proto: object | null, name: string): PropertyDescriptor | undefined {
  for (let at = proto; at; at = Object.getPrototypeOf(at) as object | null) {
    const found = Object.getOwnPropertyDescriptor(at, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Meets the other world's half and calls `onOpen` with the line once both have it, or `onMissed`
 * when the page's own scripts may run before the other half came (the line then never opens).
 * Call it synchronously at document_start; later, a page script could be the other half, so it
 * refuses to meet at all.
 */
export function meet(
  doc: Document,
  onOpen: (channel: Channel) => void,
  onMissed: () => void = () => {},
  seed: string = String(performance.timeOrigin),
): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || doc.readyState !== 'loading' || doc.querySelector('script')) return onMissed();
  const { apply } = Reflect;
  const target = view.EventTarget.prototype;
  const listen = target.addEventListener;
  const unlisten = target.removeEventListener;
  const dispatch = target.dispatchEvent;
  const Custom = view.CustomEvent;
  const detailOf = lookup(Custom.prototype, 'detail')?.get;
  const relatedOf = lookup(view.MouseEvent.prototype, 'relatedTarget')?.get;
  const create = Object.create;
  const names = meetingNames(seed);
  const mine = doc.createElement('div');
  let over = false;

  const read = (getter: (() => unknown) | undefined, event: Event, name: string): unknown =>
    getter ? apply(getter, event, []) : (event as unknown as Record<string, unknown>)[name];
  const fire = (node: EventTarget, name: string, detail: string) => {
    // A dictionary without a prototype: building the event reads no property a page could define.
    const init = create(null) as CustomEventInit<string>;
    init.detail = detail;
    apply(dispatch, node, [new Custom(name, init)]);
  };
  const lineOn = (node: EventTarget, nonce: string): Channel => {
    const kinds = channelNames(nonce);
    return {
      send: (kind, detail) => fire(node, kinds[kind], detail),
      on: (kind, handler) => {
        const listener = (event: Event) => {
          const detail = read(detailOf, event, 'detail');
          if (typeof detail === 'string') handler(detail);
        };
        apply(listen, node, [kinds[kind], listener]);
        return () => apply(unlisten, node, [kinds[kind], listener]);
      },
    };
  };

  const disconnect = view.MutationObserver.prototype.disconnect;
  const observer = new view.MutationObserver((records) => {
    for (const record of records)
      for (const node of Array.from(record.addedNodes)) if (mayRunScript(node)) return end(true);
  });
  const onLoaded = () => end(true);
  function end(missed: boolean) {
    if (over) return;
    over = true;
    apply(disconnect, observer, []);
    apply(unlisten, doc, [names.hello, onHello]);
    apply(unlisten, doc, ['DOMContentLoaded', onLoaded]);
    apply(unlisten, mine, [names.answer, onAnswer]);
    if (missed) onMissed();
  }
  // The other half arrived second: it opens on our answer, so we are listening before it speaks.
  function onHello(event: Event) {
    const theirs = read(relatedOf, event, 'relatedTarget') as EventTarget | null;
    if (over || !theirs || theirs === mine) return;
    const nonce = randomNonce(view!);
    end(false);
    onOpen(lineOn(theirs, nonce));
    fire(theirs, names.answer, nonce);
  }
  // We arrived second: the first half answered on our own node.
  function onAnswer(event: Event) {
    const nonce = read(detailOf, event, 'detail');
    if (over || typeof nonce !== 'string') return;
    end(false);
    onOpen(lineOn(mine, nonce));
  }

  apply(listen, mine, [names.answer, onAnswer]);
  apply(listen, doc, [names.hello, onHello]);
  apply(dispatch, doc, [new view.MouseEvent(names.hello, { relatedTarget: mine })]);
  if (over) return;
  observer.observe(doc, { childList: true, subtree: true });
  apply(listen, doc, ['DOMContentLoaded', onLoaded]);
}

function randomNonce(view: Window & typeof globalThis): string {
  const values = new Uint32Array(4);
  view.crypto.getRandomValues(values);
  return Array.from(values, (v) => v.toString(36)).join('');
}
