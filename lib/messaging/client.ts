import { messenger } from './messenger';
import type { MessageName, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Asks the background. Never throws: a stopped or missing background becomes an 'unreachable'
 * reply the caller can show.
 */
export async function ask<N extends MessageName>(
  name: N,
  data: RequestOf<N>,
): Promise<Reply<ResponseOf<N>>> {
  try {
    // The messenger's types unwrap the reply union; the background always answers with a Reply.
    const reply = (await messenger.sendMessage(name, data as never)) as unknown as
      Reply<ResponseOf<N>> | undefined;
    return reply ?? { ok: false, error: { code: 'unreachable', message: 'Scout did not answer' } };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'unreachable',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
