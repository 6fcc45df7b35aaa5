import { chipFor, type Chip } from '../chips/chip';
import { getCreator } from '../db/creators';
import { recordSightings, sightingsOf } from '../db/sightings';
import { sightingsFrom } from '../extract/sightings';
import { normalizeHandle, type Reading } from '../extract/reading';
import { fail, type Reply, type ResponseOf } from '../messaging/protocol';
import type { Handlers } from '../messaging/server';
import { creatorKey, type CreatorKey, type CreatorRow, type Platform } from '../model';
import { platformForUrl } from '../platforms';
import type { BackgroundDeps } from './handlers';

type ChipReply = Reply<ResponseOf<'chips/get'>>;

/**
 * The background's side of in-feed vetting (DESIGN "In-feed vetting"): it reads the bodies a page
 * received that list creators, files one sighting per creator (never the viewer), and answers the
 * page's chips from the sightings and the creators visited; it remembers which creator's chip was
 * activated in a tab, for the card.
 */
export function createFeedHandlers(
  deps: BackgroundDeps,
): Pick<Handlers, 'feed/read' | 'chips/get' | 'feed/open'> {
  const { db, tabs, now, reader } = deps;

  /** The chips of these creators, from their sightings and visits; creators without a figure get none. */
  async function chipsFor(platform: Platform, handles: Iterable<string>): Promise<Chip[]> {
    const keys = [...new Set(handles)].map((h) => creatorKey({ platform, handle: h }));
    const [sightings, visited] = await Promise.all([
      sightingsOf(db, keys),
      db.creators.bulkGet(keys),
    ]);
    const clock = now();
    return keys.flatMap((key, i) => {
      const sighting = sightings.get(key)?.snapshot;
      const row = visited[i];
      const chip = chipFor(
        { ...(sighting ? { sighting } : {}), ...(row ? { visited: row } : {}) },
        clock,
      );
      return chip ? [chip] : [];
    });
  }

  /** The viewer's handle among readings (remembered for the platform), else the one remembered. */
  async function viewerOf(
    platform: Platform,
    readings: readonly Reading[],
  ): Promise<string | undefined> {
    const named = readings.find((r) => r.viewer && r.handle)?.handle;
    if (named) {
      await tabs.setViewer(platform, named);
      return named;
    }
    return tabs.viewer(platform);
  }

  const withViewer = (chips: Chip[], viewer: string | undefined): ChipReply => ({
    ok: true,
    data:
      viewer === undefined
        ? { chips: chips.filter((c) => c.handle !== viewer) }
        : {
            chips: chips.filter((c) => c.handle !== viewer),
            viewer,
          },
  });

  return {
    async 'feed/read'({ url, bodies, readings: fromItems = [] }, sender) {
      if (sender.kind !== 'content') return fail('forbidden-sender', 'only a page can report');
      const page = new URL(url);
      const platform = platformForUrl(page);
      if (!platform || platform !== platformForUrl(new URL(sender.url)))
        return fail('forbidden-sender', 'a page reports on its own site only');
      const read = (await reader).readLists(page, bodies, now());
      const readings = [...(read?.readings ?? []), ...(fromItems as Reading[])];
      const sightings = sightingsFrom(platform, readings, now());
      const viewer = await viewerOf(platform.id, readings);
      const seen = sightings.filter((s) => s.handle !== viewer);
      await recordSightings(db, seen, now());
      return withViewer(
        await chipsFor(
          platform.id,
          seen.map((s) => s.handle),
        ),
        viewer,
      );
    },

    async 'chips/get'({ url, handles }, sender) {
      if (sender.kind !== 'content') return fail('forbidden-sender', 'only a page can ask');
      const platform = platformForUrl(new URL(url));
      if (!platform || platform !== platformForUrl(new URL(sender.url)))
        return fail('forbidden-sender', 'a page asks about its own site only');
      const valid = handles.map(normalizeHandle).filter((h) => h !== undefined);
      return withViewer(await chipsFor(platform.id, valid), await tabs.viewer(platform.id));
    },

    async 'feed/open'({ url, handle }, sender) {
      if (sender.kind !== 'content') return fail('forbidden-sender', 'only a page can ask');
      const platform = platformForUrl(new URL(url));
      if (!platform || platform !== platformForUrl(new URL(sender.url)))
        return fail('forbidden-sender', 'a page asks about its own site only');
      const record = await tabs.get(sender.tabId);
      const base = record ?? { url, state: 'not-creator' as const, updatedAt: now() };
      const { feed: _closed, ...rest } = base;
      const normal = handle === null ? undefined : normalizeHandle(handle);
      if (handle !== null && normal === undefined) return fail('invalid-message', 'not a handle');
      const feed = normal
        ? { creatorKey: creatorKey({ platform: platform.id, handle: normal }), at: now() }
        : undefined;
      await tabs.set(sender.tabId, { ...rest, updatedAt: now(), ...(feed ? { feed } : {}) });
      return { ok: true, data: {} };
    },
  };
}

/**
 * The creator a tab's card shows from the feed: the visited row when Scout has read their profile,
 * else a row made from their sighting (vetted on what the feeds showed); null when neither is held.
 */
export async function feedCreator(
  deps: Pick<BackgroundDeps, 'db'>,
  key: CreatorKey,
): Promise<{ row: CreatorRow; seenAt: number | null; visited: boolean } | null> {
  const [visited, sightings] = await Promise.all([
    getCreator(deps.db, key),
    sightingsOf(deps.db, [key]),
  ]);
  const sighting = sightings.get(key);
  if (visited) return { row: visited, seenAt: sighting?.seenAt ?? null, visited: true };
  if (!sighting) return null;
  const row: CreatorRow = {
    key,
    snapshot: sighting.snapshot,
    createdAt: sighting.createdAt,
    updatedAt: sighting.updatedAt,
  };
  return { row, seenAt: sighting.seenAt, visited: false };
}
