import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  isAllowed,
  rulesForHost,
  TAP_EVENT,
  TAP_HELLO_EVENT,
  TAP_MAX_BODY,
  TAP_READY_EVENT,
} from '../tap/allow-list';

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
 * Checks one tap event. The page can dispatch the same event, so its detail is untrusted page data:
 * origin, path, size and shape (it must start like JSON) are checked before it goes anywhere.
 */
export function acceptTapDetail(detail: unknown, pageUrl: URL): TappedBody | null {
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
  const rules = rulesForHost(url.hostname).map((rule) => ({ path: rule.path }));
  if (!isAllowed(url, null, rules)) return reject('not-allowed');
  // Only the start is checked here, which costs nothing on the page: the background parses it.
  const text = detail.slice(newline + 1);
  if (!JSON_START.test(text.slice(0, 64))) return reject('not-json');
  return { url, text };
}

/** Listens to the MAIN-world tap and tells it when this side is ready (in either start order). */
export function listenToTap(ctx: ContentScriptContext, onBody: (body: TappedBody) => void): void {
  const ready = () => window.dispatchEvent(new CustomEvent(TAP_READY_EVENT));
  ctx.addEventListener(window, TAP_EVENT as 'message', (event) => {
    const body = acceptTapDetail((event as unknown as CustomEvent).detail, new URL(location.href));
    if (body) onBody(body);
  });
  ctx.addEventListener(window, TAP_HELLO_EVENT as 'message', ready);
  ready();
}
