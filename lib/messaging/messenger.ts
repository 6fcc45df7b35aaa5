import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageName, Reply, RequestOf, ResponseOf } from './protocol';

type ProtocolMap = {
  [N in MessageName]: (data: RequestOf<N>) => Reply<ResponseOf<N>>;
};

/** The one messenger of every context. Import the type-only protocol here: no schemas ship to pages. */
export const messenger = defineExtensionMessaging<ProtocolMap>();
