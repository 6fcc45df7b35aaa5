import { StorageFullError } from '@/lib/db/quota';

export const STORAGE_FULL =
  'The browser is out of storage space for Scout: nothing was changed. Export your lists, forget ' +
  'creators you no longer need (in Scout settings) or free disk space, then try again.';

/** A sentence for the user about a failed read or write. */
export function errorMessage(error: unknown): string {
  if (error instanceof StorageFullError) return STORAGE_FULL;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong; nothing was changed.';
}
