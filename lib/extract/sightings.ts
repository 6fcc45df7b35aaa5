import type { Platform, ProfileSnapshot } from '../model/snapshot';
import { mergeReadingsAbout, type MergeOptions } from './merge';
import { hasContent, type Reading } from './reading';

/** Whose sightings: the platform and how it links a handle's profile. */
export interface SightingPlatform {
  id: Platform;
  profileUrl(handle: string): string;
}

/**
 * The sightings in some payloads' readings (DESIGN "In-feed vetting"): one partial snapshot per
 * account the readings name, with only what they say about that account, merged by the same rules
 * as a page (an exact count beats a rounded one, then the newer clock). A count stays on the
 * account object it sat on, because each reading is one account object. The viewer's own account
 * is never one: a reading marked `viewer`, and any reading that shares its handle or ids, is
 * dropped. Handle-less readings join the account whose id they carry (lib/extract/merge.ts).
 * In the readings' order of first appearance; pure, never throws.
 */
export function sightingsFrom(
  platform: SightingPlatform,
  readings: readonly Reading[],
  now: number,
  options: MergeOptions = {},
): ProfileSnapshot[] {
  const viewerHandles = new Set<string>();
  const viewerIds = new Set<string>();
  for (const r of readings) {
    if (!r.viewer) continue;
    if (r.handle !== undefined) viewerHandles.add(r.handle);
    for (const id of idsOf(r)) viewerIds.add(id);
  }
  const hasViewer = viewerHandles.size > 0 || viewerIds.size > 0;
  const kept = hasViewer
    ? readings.filter(
        (r) =>
          r.viewer !== true &&
          !(r.handle !== undefined && viewerHandles.has(r.handle)) &&
          !idsOf(r).some((id) => viewerIds.has(id)),
      )
    : readings.filter((r) => r.viewer !== true);
  // Every account's readings in one pass (readingsAbout's rule: its handle's, then the handle-less
  // ones carrying an id those give), not one scan of all readings per account: a feed body names
  // dozens of accounts.
  const named = new Map<string, Reading[]>();
  const handleless = new Map<string, number[]>();
  const handles = new Set<string>();
  for (let index = 0; index < kept.length; index++) {
    const r = kept[index] as Reading;
    if (r.handle === undefined) {
      for (const id of idsOf(r)) {
        const at = handleless.get(id);
        if (at) at.push(index);
        else handleless.set(id, [index]);
      }
      continue;
    }
    const own = named.get(r.handle);
    if (own) own.push(r);
    else named.set(r.handle, [r]);
    if (r.handle && hasContent(r)) handles.add(r.handle);
  }
  const sightings: ProfileSnapshot[] = [];
  for (const handle of handles) {
    const own = named.get(handle) ?? [];
    const joined = new Set<number>();
    if (handleless.size) {
      for (const r of own)
        for (const id of idsOf(r)) for (const i of handleless.get(id) ?? []) joined.add(i);
    }
    const about = joined.size
      ? [...own, ...[...joined].sort((a, b) => a - b).map((i) => kept[i] as Reading)]
      : own;
    const target = { platform: platform.id, handle, url: platform.profileUrl(handle) };
    const merged = mergeReadingsAbout(target, about, now, options);
    if (merged) sightings.push(merged.snapshot);
  }
  return sightings;
}

function idsOf(r: Reading): string[] {
  const ids = r.altIds ? [...r.altIds] : [];
  if (r.platformId !== undefined) ids.push(r.platformId);
  return ids;
}
