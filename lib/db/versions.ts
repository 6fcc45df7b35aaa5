/**
 * Every released version of the `scout` database, oldest first. A version is released once it is on
 * main: never edit one; add the next with its upgrade function and a test that opens the previous
 * version's data (tests/db/upgrade.test.ts shows the pattern).
 */
import type { Transaction } from 'dexie';

export interface DbVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const DB_VERSIONS: readonly DbVersion[] = [
  {
    version: 1,
    stores: {
      creators: 'key, updatedAt',
      snapshots: '++id, creatorKey, [creatorKey+capturedAt]',
      shortlists: 'id, updatedAt',
      shortlistEntries: 'id, listId, creatorKey',
      settings: 'key',
    },
  },
  {
    // Sightings: creators seen in feeds and search, bounded, apart from the creators visited.
    version: 2,
    stores: { sightings: 'key, seenAt' },
  },
  {
    // Comments read on creators' own posts (texts and likes only), for the generic-comment checks.
    version: 3,
    stores: { comments: '[creatorKey+postId], creatorKey, seenAt' },
  },
];
