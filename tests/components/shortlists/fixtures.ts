import { vi } from 'vitest';
import type { ScoutDb } from '@/lib/db/database';
import { saveToShortlist } from '@/lib/db/shortlists';
import type { CreatorRow, Platform, Post, ShortlistEntry } from '@/lib/model';

export const NOW = Date.UTC(2026, 0, 15, 12);
const DAY = 24 * 60 * 60 * 1000;

/** Six exact image posts whose likes and comments are `er` percent of `followers` each. */
function postsAt(followers: number, er: number): Post[] {
  const engagements = Math.round((followers * er) / 100);
  return Array.from({ length: 6 }, (_, i) => ({
    id: `p${i}`,
    kind: 'image',
    postedAt: NOW - (5 + i) * DAY,
    likes: engagements - 16,
    comments: 16,
    precision: { likes: 'exact', comments: 'exact' },
  }));
}

/**
 * A creator as Scout stores them: an Instagram snapshot with six posts at `er` percent by
 * followers, and the vetting stored at capture. That vetting's price ($180–$300 a post) is stale on
 * purpose: what the page shows is computed from the snapshot with the rate card in force.
 */
export function creator(
  handle: string,
  displayName: string,
  followers: number,
  over: { platform?: Platform; er?: number; rounded?: boolean } = {},
): CreatorRow {
  const platform = over.platform ?? 'instagram';
  return {
    key: `${platform}:${handle}`,
    snapshot: {
      platform,
      handle,
      url: `https://www.instagram.com/${handle}/`,
      displayName,
      followers,
      precision: { followers: over.rounded ? 'rounded' : 'exact' },
      recentPosts: postsAt(followers, over.er ?? 3.2),
      capturedAt: NOW,
      sources: ['instagram/profile-info'],
    },
    vetting: {
      tier: followers >= 100_000 ? 'macro' : followers >= 10_000 ? 'micro' : 'nano',
      engagement: {
        rate: over.er ?? 3.2,
        basis: 'followers',
        sampleSize: 12,
        band: '1–3%',
        grade: 'above average',
        formula: 'test',
        confidence: 'high',
      },
      rates: [{ deliverable: 'post', low: 180, mid: 240, high: 300, currency: 'USD' }],
      addOns: [],
      flags: [],
      computedAt: NOW,
    },
    createdAt: NOW,
    updatedAt: NOW,
  };
}

/** Stores creators and puts them, in this order, on a list named `listName`. */
export async function seedList(
  db: ScoutDb,
  listName: string,
  creators: CreatorRow[],
): Promise<{ listId: string; entries: ShortlistEntry[] }> {
  await db.creators.bulkPut(creators);
  let listId: string | undefined;
  for (const [i, c] of creators.entries()) {
    const saved = await saveToShortlist(
      db,
      listId ? { creatorKey: c.key, listId } : { creatorKey: c.key, newListName: listName },
      NOW + i,
    );
    listId = saved.listId;
  }
  if (!listId) throw new Error('seedList needs a creator');
  return { listId, entries: await db.shortlistEntries.where('listId').equals(listId).toArray() };
}

/** Captures what the page downloads: the `<a download>` clicks and the blobs behind their URLs. */
export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const files: { name: string; blob: Blob }[] = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:scout/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) files.push({ name: this.download, blob });
  });
  return { files, revoke };
}

/** A blob's bytes as text, with the BOM kept (Blob.text() would drop it). */
export async function blobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}
