import { TabRecordSchema, type TabRecord } from '../messaging/protocol';

/** The slice of `storage.session` the background uses; tests pass WXT's fake browser storage. */
export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const tabKey = (tabId: number) => `tab:${tabId}`;
export const LAST_SEEN_KEY = 'lastSeen';
/** Touched after every shortlist write, so open sidebars refresh which lists a creator is on. */
export const LISTS_CHANGED_KEY = 'listsChangedAt';

/**
 * Tab → creator, kept in storage.session: MV3 stops the worker at will, and session storage outlives
 * it (and is cleared with the browser session, like the tabs it describes).
 */
export class TabRecords {
  constructor(private readonly area: SessionArea) {}

  async get(tabId: number): Promise<TabRecord | null> {
    const key = tabKey(tabId);
    const parsed = TabRecordSchema.safeParse((await this.area.get(key))[key]);
    return parsed.success ? parsed.data : null;
  }

  async set(tabId: number, record: TabRecord): Promise<void> {
    const items: Record<string, unknown> = { [tabKey(tabId)]: record };
    if (record.creatorKey) items[LAST_SEEN_KEY] = { tabId, creatorKey: record.creatorKey };
    await this.area.set(items);
  }

  async remove(tabId: number): Promise<void> {
    await this.area.remove(tabKey(tabId));
  }

  async listsChanged(now: number): Promise<void> {
    await this.area.set({ [LISTS_CHANGED_KEY]: now });
  }

  /** The last creator shown in any tab: the popup's fallback. */
  async lastSeen(): Promise<{ tabId: number; creatorKey: string } | null> {
    const value = (await this.area.get(LAST_SEEN_KEY))[LAST_SEEN_KEY] as
      { tabId?: unknown; creatorKey?: unknown } | undefined;
    return typeof value?.tabId === 'number' && typeof value.creatorKey === 'string'
      ? { tabId: value.tabId, creatorKey: value.creatorKey }
      : null;
  }
}
