import { TabRecordSchema, type TabRecord } from '../messaging/protocol';

/** The slice of `storage.session` the background uses; tests pass WXT's fake browser storage. */
export interface SessionArea {
  /** `null` reads every item (the browser's storage areas do the same). */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const tabKey = (tabId: number) => `tab:${tabId}`;
export const LAST_SEEN_KEY = 'lastSeen';
/** Touched after every shortlist write, so open sidebars refresh which lists a creator is on. */
export const LISTS_CHANGED_KEY = 'listsChangedAt';
const VIEWER_KEY = 'viewer';

/**
 * Tab → creator, kept in storage.session: MV3 stops the worker at will, and session storage outlives
 * it (and is cleared with the browser session, like the tabs it describes).
 */
export class TabRecords {
  /**
   * Tabs closed while this worker ran: a page's last message can still be in flight when its tab
   * closes, and must not file a record for a tab that is gone (tab ids are never reused).
   */
  private readonly closed = new Set<number>();

  constructor(private readonly area: SessionArea) {}

  async get(tabId: number): Promise<TabRecord | null> {
    const key = tabKey(tabId);
    const parsed = TabRecordSchema.safeParse((await this.area.get(key))[key]);
    return parsed.success ? parsed.data : null;
  }

  async set(tabId: number, record: TabRecord): Promise<void> {
    if (this.closed.has(tabId)) return;
    const items: Record<string, unknown> = { [tabKey(tabId)]: record };
    if (record.creatorKey) items[LAST_SEEN_KEY] = { tabId, creatorKey: record.creatorKey };
    await this.area.set(items);
  }

  /** The tab was closed: its record goes, and nothing files one for it again. */
  async remove(tabId: number): Promise<void> {
    this.closed.add(tabId);
    await this.area.remove(tabKey(tabId));
  }

  async listsChanged(now: number): Promise<void> {
    await this.area.set({ [LISTS_CHANGED_KEY]: now });
  }

  /** Forgets one creator (or, without a key, every creator) in every tab record and "last seen". */
  async forget(creatorKey?: string): Promise<void> {
    const all = await this.area.get(null);
    const stale = Object.entries(all)
      .filter(([key, value]) => {
        if (!key.startsWith('tab:') && key !== LAST_SEEN_KEY) return false;
        const record = value as { creatorKey?: unknown } | null;
        return creatorKey === undefined || record?.creatorKey === creatorKey;
      })
      .map(([key]) => key);
    if (stale.length) await this.area.remove(stale);
  }

  /** The signed-in viewer's own handle on a platform, as its bodies named it (never chipped). */
  async viewer(platform: string): Promise<string | undefined> {
    const key = `${VIEWER_KEY}:${platform}`;
    const value = (await this.area.get(key))[key];
    return typeof value === 'string' ? value : undefined;
  }

  async setViewer(platform: string, handle: string): Promise<void> {
    await this.area.set({ [`${VIEWER_KEY}:${platform}`]: handle });
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
