import { computeEngagement } from '../metrics/engagement';
import { computeTier } from '../metrics/tier';
import type { CreatorRow, Engagement, Precision, ProfileSnapshot } from '../model';
import { z } from '../model/zod';
import { platformFacts } from '../platforms';

/**
 * One chip as the content script draws it beside a creator's links in a feed: the short text on
 * screen and the accessible name, both written here (in the background), so the host page's
 * script only places them. The accessible name is the chip's contract (DESIGN "In-feed vetting"):
 * "Scout: <tier>, <followers> followers, ..." with exactly one tier word and a follower figure of
 * at least two significant digits.
 */
export const ChipSchema = z.object({
  /** The creator's handle, as the platform's links name it (normalised). */
  handle: z.string().check(z.maxLength(128)),
  text: z.string().check(z.maxLength(80)),
  label: z.string().check(z.maxLength(400)),
});
export type Chip = z.infer<typeof ChipSchema>;

const DAY = 24 * 60 * 60 * 1000;

/** What Scout holds about one creator of a feed: their sighting and their visited row, if any. */
export interface ChipSources {
  sighting?: ProfileSnapshot;
  visited?: CreatorRow;
}

/**
 * The chip for a creator, or null when Scout knows no follower count for them (a chip never goes
 * without its figure). Followers come from the newer of the sighting and the last visit; the
 * engagement from the last visit's vetting when there was one (its fuller sample), said with its
 * age, else from the posts the feeds showed, with their number.
 */
export function chipFor({ sighting, visited }: ChipSources, now: number): Chip | null {
  const latest = newest(sighting, visited?.snapshot);
  if (!latest || latest.followers === undefined) return null;
  const tier = computeTier(latest.followers);
  if (!tier) return null;
  const followers = figure(latest.followers, latest.precision.followers);
  const parts = [`${tier}, ${followers} followers`];
  let short = `${tier} · ${followers}`;
  const nouns = platformFacts(latest.platform).nouns.post;
  const vetted = visited?.vetting?.engagement;
  if (visited && vetted?.rate != null) {
    parts.push(`vetted ${age(now - visited.snapshot.capturedAt)}: ${rateText(vetted)}`);
    short += ` · ${percent(vetted.rate)}`;
  } else if (sighting) {
    const seen = computeEngagement(sighting).engagement;
    // Only a rate over the posts the feeds showed: a lifetime ratio is not "N videos seen".
    if (seen.rate !== null && seen.basis !== 'lifetime' && seen.sampleSize > 0) {
      const sample = `${seen.sampleSize} ${seen.sampleSize === 1 ? nouns[0] : nouns[1]} seen`;
      const confidence = seen.sampleSize === 1 ? ', low confidence' : '';
      parts.push(`${rateText(seen)}, ${sample}${confidence}`);
      short += ` · ${percent(seen.rate)}`;
    } else if (visited) {
      parts.push(`visited ${age(now - visited.snapshot.capturedAt)}`);
    }
  }
  return {
    handle: latest.handle,
    text: short,
    label: `Scout: ${parts.join(', ')} — open card`,
  };
}

function newest(a?: ProfileSnapshot, b?: ProfileSnapshot): ProfileSnapshot | undefined {
  const known = [a, b].filter((s) => s?.followers !== undefined) as ProfileSnapshot[];
  return known.sort((x, y) => y.capturedAt - x.capturedAt)[0] ?? a ?? b;
}

const rateText = (e: Engagement) =>
  `ER ${percent(e.rate!)}${e.grade ? ` ${e.grade}` : ''}${e.basis === 'views' ? '' : ` by ${e.basis}`}`;

const percent = (rate: number) => `${rate < 10 ? rate.toFixed(1) : Math.round(rate)}%`;

/**
 * A follower figure with at least two significant digits: exact counts in full ("38,217"), rounded
 * ones compact with "≈" ("≈38.2K", "≈5.0M"), floors with "+" ("500+").
 */
export function figure(value: number, precision: Precision | undefined): string {
  if (precision === 'lower-bound') return `${value.toLocaleString('en-US')}+`;
  if (precision !== 'rounded' || value < 1000) return value.toLocaleString('en-US');
  const [unit, size] =
    value >= 1e9 ? ['B', 1e9] : value >= 1e6 ? ['M', 1e6] : (['K', 1e3] as const);
  const scaled = value / size;
  const text = scaled >= 100 ? String(Math.round(scaled)) : scaled.toFixed(1);
  return `≈${scaled >= 10 ? text.replace(/\.0$/, '') : text}${unit}`;
}

function age(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / DAY);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return `${Math.round(days / 30)} months ago`;
}
