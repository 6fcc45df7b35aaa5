import type { Platform, ProfileSnapshot } from '../model/snapshot';
import { mergeReadings, type MergeOptions } from './merge';
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
  const isViewer = (r: Reading) =>
    r.viewer === true ||
    (r.handle !== undefined && viewerHandles.has(r.handle)) ||
    idsOf(r).some((id) => viewerIds.has(id));
  const kept = readings.filter((r) => !isViewer(r));
  const handles = new Set<string>();
  for (const r of kept) if (r.handle && hasContent(r)) handles.add(r.handle);
  const sightings: ProfileSnapshot[] = [];
  for (const handle of handles) {
    const target = { platform: platform.id, handle, url: platform.profileUrl(handle) };
    const merged = mergeReadings(target, kept, now, options);
    if (merged) sightings.push(merged.snapshot);
  }
  return sightings;
}

function idsOf(r: Reading): string[] {
  const ids = r.altIds ? [...r.altIds] : [];
  if (r.platformId !== undefined) ids.push(r.platformId);
  return ids;
}
