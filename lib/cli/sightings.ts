import { readDocument } from '../extract/page';
import type { Reading } from '../extract/reading';
import { sightingsFrom } from '../extract/sightings';
import { EpochMsSchema, ProfileSnapshotSchema } from '../model/snapshot';
import { loadWorkers, platformForUrl } from '../platforms';
import type { FeedSide } from '../platforms/types';
import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';
import { contentOf, recognise } from './extract';

/**
 * `scout sightings`: the creators the files show, one ProfileSnapshot-shaped entry each, as the
 * extension files them from feeds, search and lists (DESIGN "In-feed vetting"): JSON bodies read
 * by the platform's readers, saved pages read as its content script and its feed items' markup
 * would be, merged per creator by the rules of `extract`, never the viewer. Any page of the
 * platform will do: feeds are not creator pages.
 */
export async function runSightings(
  files: readonly CliFile[],
  opts: CliPageOptions,
): Promise<CliCommandResult> {
  const url = new URL(opts.url);
  const platform = platformForUrl(url);
  if (!platform) return { ok: false, reason: 'not a page of a platform Scout reads' };
  if (opts.at !== undefined && !EpochMsSchema.safeParse(opts.at).success)
    return { ok: false, reason: '--at must be a time between 2000 and 2100' };
  const now = opts.at ?? Date.now();
  const worker = (await loadWorkers()).get(platform.id);
  if (!worker) return { ok: false, reason: `${platform.facts.name} pages are not read` };
  const content = await contentOf(platform.id);
  const readings: Reading[] = [];
  for (const file of files) {
    const input = recognise(file.text);
    if (typeof input === 'string') return { ok: false, reason: `${file.path}: ${input}` };
    if (input.kind === 'json') {
      for (const json of input.documents) readings.push(...worker.readBody(json, url, now));
    } else {
      readings.push(...readDocument(worker, content, input.doc, url, now));
      if (content.feed) readings.push(...readItems(content.feed, input.doc, url, now));
    }
  }
  const sightings = sightingsFrom(
    platform,
    readings,
    now,
    opts.at === undefined ? {} : { capturedAt: opts.at },
  );
  // Merging dropped what the schema refuses; an entry it still refuses is left out, never shown.
  return {
    ok: true,
    output: sightings.filter((s) => ProfileSnapshotSchema.safeParse(s).success),
  };
}

/** What every feed item of a saved page says in its markup, once per item. */
function readItems(feed: FeedSide, doc: Document, url: URL, now: number): Reading[] {
  if (!feed.readItem) return [];
  const items = new Set<Element>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(feed.links)) {
    const item = feed.itemOf(link);
    if (item) items.add(item);
  }
  return [...items].flatMap((item) => feed.readItem!(item, url, now));
}
