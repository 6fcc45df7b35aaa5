import { browser } from 'wxt/browser';
import type { MessageName, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Background → a tab's content script: send everything again (the user asked to retry a failed
 * filing). Runtime messages are not visible to the host page.
 */
export const RESEND_MESSAGE = 'scout/resend';

let nextId = Math.floor(Math.random() * 10_000);

const unreachable = (message: string): Reply<never> => ({
  ok: false,
  error: { code: 'unreachable', message },
});

/**
 * Asks the background. Never throws: a stopped or missing background becomes an 'unreachable'
 * reply the caller can show. The envelope (`id`, `type`, `data`, `timestamp` out; `{ res }` back)
 * is the one the background's messenger (lib/messaging/server.ts) answers; sending it directly
 * keeps the messaging library out of the content scripts, which ship in every host page.
 */
export async function ask<N extends MessageName>(
  name: N,
  data: RequestOf<N>,
): Promise<Reply<ResponseOf<N>>> {
  try {
    const response = (await browser.runtime.sendMessage({
      id: nextId++,
      type: name,
      data,
      timestamp: Date.now(),
    })) as { res?: Reply<ResponseOf<N>> } | undefined;
    return response?.res ?? unreachable('Scout did not answer');
  } catch (error) {
    return unreachable(error instanceof Error ? error.message : String(error));
  }
}
