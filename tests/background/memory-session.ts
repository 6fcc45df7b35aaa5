import type { SessionArea } from '@/lib/background/tab-records';

/** storage.session as the background sees it: a plain key-value area that outlives the worker. */
export class MemorySession implements SessionArea {
  readonly items = new Map<string, unknown>();
  async get(keys: string | string[] | null) {
    const wanted =
      keys === null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(
      wanted.filter((k) => this.items.has(k)).map((k) => [k, structuredClone(this.items.get(k))]),
    );
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.items.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]) {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.items.delete(k);
  }
}
