import { browser, type Browser } from 'wxt/browser';
import { isQuotaError, StorageFullError } from '../db/quota';
import { messenger } from './messenger';
import { fail, protocol, type MessageName, type Reply, type ResponseOf } from './protocol';
import type { z } from '../model';
import { firstIssue } from '../model/issues';

/** Who sent a message, as far as the background can prove it from the browser's sender data. */
export type SenderInfo =
  | { kind: 'content'; tabId: number; url: string }
  | { kind: 'sidebar'; tabId: number }
  | { kind: 'page'; path: string; tabId?: number };

export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface Self {
  /** The extension's id, as the browser reports it on every sender. */
  id: string;
  /** The extension's own origin (the worker's `location.origin`), never the dynamic sidebar URL. */
  origin: string;
  /** True for a URL on a host Scout reads. */
  ownsUrl(url: URL): boolean;
}

/** Names who sent a message, or null for anyone Scout does not answer (web pages, other extensions). */
export function classifySender(sender: RawSender, self: Self): SenderInfo | null {
  if (sender.id !== self.id || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  const tabId = sender.tab?.id;
  // `URL.origin` of an extension URL is "null" outside Chromium: compare scheme and host instead.
  if (`${url.protocol}//${url.host}` === self.origin) {
    // With use_dynamic_url the frame's URL still carries the real id: compare origin and path.
    if (url.pathname === '/sidebar.html') return tabId == null ? null : { kind: 'sidebar', tabId };
    return tabId == null
      ? { kind: 'page', path: url.pathname }
      : { kind: 'page', path: url.pathname, tabId };
  }
  if (tabId != null && sender.frameId === 0 && self.ownsUrl(url)) {
    return { kind: 'content', tabId, url: url.href };
  }
  return null;
}

/** Which senders each message accepts. */
export const ACCEPTS: { [N in MessageName]: readonly SenderInfo['kind'][] } = {
  'page/read': ['content'],
  'page/status': ['content'],
  'page/retry': ['sidebar'],
  'feed/read': ['content'],
  'chips/get': ['content'],
  'feed/open': ['content'],
  'creator/for-tab': ['sidebar', 'page'],
  'shortlist/save': ['sidebar', 'page'],
  'data/removed': ['page'],
};

export type Handlers = {
  [N in MessageName]: (
    data: z.output<(typeof protocol)[N]['request']>,
    sender: SenderInfo,
  ) => Promise<Reply<ResponseOf<N>>>;
};

const isMessageName = (name: unknown): name is MessageName =>
  typeof name === 'string' && Object.hasOwn(protocol, name);

/** Validates a message's name, sender and data, then runs its handler. Always replies. */
export async function dispatch(
  handlers: Handlers,
  self: Self,
  name: unknown,
  data: unknown,
  rawSender: RawSender,
): Promise<Reply<unknown>> {
  if (!isMessageName(name))
    return fail('unknown-message', `Scout has no message "${String(name).slice(0, 60)}"`);
  const sender = classifySender(rawSender, self);
  if (!sender || !ACCEPTS[name].includes(sender.kind)) {
    return fail('forbidden-sender', `${name} is not accepted from this sender`);
  }
  const parsed = protocol[name].request.safeParse(data);
  if (!parsed.success) {
    const { path, what } = firstIssue(parsed.error);
    return fail('invalid-message', `${name}: ${path || 'message'}: ${what}`);
  }
  try {
    const handler = handlers[name] as (d: unknown, s: SenderInfo) => Promise<Reply<unknown>>;
    return await handler(parsed.data, sender);
  } catch (error) {
    return errorReply(name, error);
  }
}

/** The reply for a handler's failure: the storage is full (said plainly), or an internal error. */
export function errorReply(
  name: MessageName,
  error: unknown,
): { ok: false; error: { code: 'storage' | 'internal'; message: string } } {
  if (error instanceof StorageFullError || isQuotaError(error)) {
    return { ok: false, error: { code: 'storage', message: new StorageFullError().message } };
  }
  console.error(`[scout] ${name} failed`, error);
  const message = `${name} failed: ${error instanceof Error ? error.message : 'unknown error'}`;
  return { ok: false, error: { code: 'internal', message } };
}

/** Registers the background's handlers, and a catch-all that answers malformed messages with an error. */
export function listen(handlers: Handlers, self: Self): () => void {
  const removers = (Object.keys(protocol) as MessageName[]).map((name) =>
    messenger.onMessage(
      name,
      ({ data, sender }) => dispatch(handlers, self, name, data, sender) as never,
    ),
  );
  const fallback = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (response: unknown) => void,
  ): boolean => {
    const m = message as { type?: unknown; timestamp?: unknown } | null;
    if (m && typeof m === 'object' && isMessageName(m.type) && typeof m.timestamp === 'number') {
      return false; // the messenger answers these
    }
    if (sender.id !== self.id) return false; // not ours to answer
    sendResponse({ res: fail('unknown-message', 'Scout could not read this message') });
    return false;
  };
  browser.runtime.onMessage.addListener(fallback);
  return () => {
    removers.forEach((remove) => remove());
    browser.runtime.onMessage.removeListener(fallback);
  };
}
