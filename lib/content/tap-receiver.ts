import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isAllowed, TAP_MAX_BODY, type TapRule } from '../tap/allow-list';
import { meet } from '../tap/channel';

/** A response body the page itself received, as text (parsed in the background, not here). */
export interface TappedBody {
  url: URL;
  text: string;
}

/** What a JSON body (or several back to back, or one behind an anti-hijacking prefix) starts with. */
const JSON_START = /^\s*(?:[[{]|for ?\(;;\);|\)\]\}'|while\(1\);)/;

export type TapRejection = 'not-text' | 'oversized' | 'bad-url' | 'not-allowed' | 'not-json';

/** Why tapped events were refused, for the debug log. */
export const tapRejections: Record<TapRejection, number> = {
  'not-text': 0,
  oversized: 0,
  'bad-url': 0,
  'not-allowed': 0,
  'not-json': 0,
};

function reject(reason: TapRejection): null {
  tapRejections[reason]++;
  console.debug(`[scout] tapped body refused: ${reason}`, tapRejections);
  return null;
}

/**
 * Checks one body from the tap against the page's platform's `rules`. Only the tap can write on the
 * channel, but what it copied is still the page's data: origin, path, size and shape (it must start
 * like JSON) are checked before it goes anywhere.
 */
export function acceptTapDetail(
  detail: unknown,
  pageUrl: URL,
  rules: readonly TapRule[],
): TappedBody | null {
  if (typeof detail !== 'string') return reject('not-text');
  if (detail.length > TAP_MAX_BODY + 4096) return reject('oversized');
  const newline = detail.indexOf('\n');
  let url: URL;
  try {
    url = new URL(detail.slice(0, Math.max(newline, 0)));
  } catch {
    return reject('bad-url');
  }
  if (url.origin !== pageUrl.origin) return reject('bad-url');
  // The query name was checked by the tap; here the path must be one Scout reads.
  if (!isAllowed(url, null, rules.map(pathOnly))) return reject('not-allowed');
  // Only the start is checked here, which costs nothing on the page: the background parses it.
  const text = detail.slice(newline + 1);
  if (!JSON_START.test(text.slice(0, 64))) return reject('not-json');
  return { url, text };
}

const pathOnly = (rule: TapRule): TapRule => ({ path: rule.path });

/**
 * Opens the private channel to the MAIN-world tap (in either start order) and hands over every body
 * it copies that the platform's `rules` name. Call it once, synchronously in the content script's
 * `main` at document_start: later, a page script could be listening, so the channel is not offered
 * then and no body arrives.
 */
export function listenToTap(
  ctx: ContentScriptContext,
  rules: readonly TapRule[],
  onBody: (body: TappedBody) => void,
): void {
  meet(document, (channel) => {
    const offBody = channel.on('body', (detail) => {
      const body = acceptTapDetail(detail, new URL(location.href), rules);
      if (body) onBody(body);
    });
    // Ready now, and again whenever the tap opens after us and says hello.
    const offHello = channel.on('hello', () => channel.send('ready', ''));
    channel.send('ready', '');
    ctx.onInvalidated(() => {
      offBody();
      offHello();
    });
  });
}
