import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  CommentRow,
  CreatorRow,
  SettingRow,
  Shortlist,
  ShortlistEntry,
  SightingRow,
  SnapshotRow,
} from '../model';
import { DB_VERSIONS, type DbVersion } from './versions';

export const DB_NAME = 'scout';

/** Scout's IndexedDB. Opened only in the background and top-level extension pages, never in a host page. */
export class ScoutDb extends Dexie {
  creators!: EntityTable<CreatorRow, 'key'>;
  snapshots!: EntityTable<SnapshotRow, 'id'>;
  shortlists!: EntityTable<Shortlist, 'id'>;
  shortlistEntries!: EntityTable<ShortlistEntry, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  sightings!: EntityTable<SightingRow, 'key'>;
  /** Keyed by `[creatorKey, postId]`. */
  comments!: Table<CommentRow, [string, string]>;

  constructor(name = DB_NAME, versions: readonly DbVersion[] = DB_VERSIONS) {
    super(name);
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

let shared: ScoutDb | undefined;

/** The database of this extension context, opened on first use. */
export function getDb(): ScoutDb {
  shared ??= new ScoutDb();
  return shared;
}
