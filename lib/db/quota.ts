/** The browser refused a write because the extension's storage is full. */
export class StorageFullError extends Error {
  override name = 'ScoutStorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      "Scout's storage in this browser is full, so this change was not saved. Export your lists, " +
        'then forget creators you no longer need (or free disk space) and try again.',
      options,
    );
  }
}

/** Names browsers and Dexie give a quota failure (Firefox's legacy one included). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** DOMException's legacy code for QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;

/**
 * Whether an error is a quota failure, also when wrapped: Dexie rethrows IndexedDB errors as its
 * own (an AbortError of the transaction) with the original in `inner`, and code may set `cause`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
  if (error instanceof StorageFullError) return true;
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (
    e.code === QUOTA_CODE &&
    typeof DOMException !== 'undefined' &&
    error instanceof DOMException
  ) {
    return true;
  }
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

/** Runs a database write; a quota failure becomes a `StorageFullError`, anything else passes through. */
export async function withQuota<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StorageFullError) throw error;
    if (isQuotaError(error)) throw new StorageFullError({ cause: error });
    throw error;
  }
}
