import { MAIN_DELIVERABLE, type RateCard } from '../metrics/rates';
import { fmtMoney } from '../metrics/numbers';
import { computeVetting } from '../metrics/vet';
import type {
  CreatorRow,
  Engagement,
  Precision,
  Rate,
  Shortlist,
  ShortlistEntry,
  Tier,
} from '../model';
import type { Cell } from './cells';

// ─── The card's numbers, now ─────────────────────────────────────────────────────────────────────

/** What the card shows for a creator under the rate card in force (warnings aside: history's). */
export interface CurrentNumbers {
  tier: Tier | null;
  engagement: Engagement;
  /** The price of the platform's main deliverable (its facts' `rates.main`); null when unknown. */
  rate: Rate | null;
}

/**
 * A creator's tier, engagement and main price as the card computes them: from the stored snapshot
 * with `card`, never the price stored at capture time (the rate card may have changed since).
 */
export function currentNumbers(
  creator: Pick<CreatorRow, 'snapshot'>,
  card: RateCard,
): CurrentNumbers {
  const { snapshot } = creator;
  // The card's own calculation (vetting is pure): the same prices in every place they are shown.
  const { vetting } = computeVetting(snapshot, { now: snapshot.capturedAt, rateCard: card });
  const deliverable = MAIN_DELIVERABLE[snapshot.platform];
  return {
    tier: vetting.tier,
    engagement: vetting.engagement,
    rate: vetting.rates.find((r) => r.deliverable === deliverable) ?? null,
  };
}

// ─── Export rows ─────────────────────────────────────────────────────────────────────────────────

/**
 * The columns of a CSV export and of copy-as-table, in order (DESIGN.md: export / import). "rate
 * low" and "rate high" follow "rate range": the range is text for people ("$180–$300"), the two
 * numbers are for spreadsheet sums, in the rate's own currency (the one the range shows).
 * "followers precision" follows "followers": a spreadsheet shows 1200000 for the card's "≈1.2M",
 * and the column says whether that number was read exactly, rounded on screen, or is a floor.
 */
export const EXPORT_COLUMNS = [
  { key: 'platform', header: 'platform' },
  { key: 'handle', header: 'handle' },
  { key: 'url', header: 'URL' },
  { key: 'name', header: 'name' },
  { key: 'tier', header: 'tier' },
  { key: 'followers', header: 'followers' },
  { key: 'followersPrecision', header: 'followers precision' },
  { key: 'er', header: 'ER' },
  { key: 'erBasis', header: 'ER basis' },
  { key: 'grade', header: 'grade' },
  { key: 'rateRange', header: 'rate range' },
  { key: 'rateLow', header: 'rate low' },
  { key: 'rateHigh', header: 'rate high' },
  { key: 'warningCodes', header: 'warning codes' },
  { key: 'status', header: 'status' },
  { key: 'note', header: 'note' },
  { key: 'tags', header: 'tags' },
  { key: 'utmLink', header: 'UTM link' },
  { key: 'discountCode', header: 'discount code' },
  { key: 'capturedDate', header: 'captured date' },
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number]['key'];

/**
 * One exported entry. Unknown values are null (an empty cell, never 0). Numbers are numbers: ER in
 * percent (9.1 means 9.1%), followers, rate low / high; codes and statuses are Scout's stable ids.
 */
export interface ExportRow extends Record<ExportColumn, Cell> {
  platform: string;
  handle: string;
  url: string | null;
  name: string | null;
  tier: string | null;
  followers: number | null;
  /**
   * 'exact', 'rounded' ("1.2M" on screen) or 'lower-bound' ("500+"); 'unknown' when a count has no
   * precision (never taken as exact); null when followers are unknown.
   */
  followersPrecision: Precision | 'unknown' | null;
  er: number | null;
  erBasis: string | null;
  grade: string | null;
  rateRange: string | null;
  rateLow: number | null;
  rateHigh: number | null;
  warningCodes: string | null;
  status: string;
  note: string | null;
  tags: string | null;
  utmLink: string | null;
  discountCode: string | null;
  /** The capture day of the snapshot the numbers come from, ISO `YYYY-MM-DD` in UTC. */
  capturedDate: string | null;
}

/** "$180–$300" (or "180–300 EUR"); one price when low and high are equal. */
export function formatRateRange(rate: Pick<Rate, 'low' | 'high' | 'currency'>): string {
  const low = fmtMoney(rate.low, rate.currency);
  return rate.low === rate.high ? low : `${low}–${fmtMoney(rate.high, rate.currency)}`;
}

const text = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;

const isoDate = (epochMs: number): string | null => {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
};

/** How far a count can be trusted, for a cell: a count without a precision is not called exact. */
export function precisionOf(
  value: number | undefined,
  precision: Precision | undefined,
): Precision | 'unknown' | null {
  if (value === undefined) return null;
  return precision ?? 'unknown';
}

/**
 * The rows of a list's export, one per entry of `list` in the order given (entries of other lists
 * are skipped), with the card's numbers: tier, engagement and price computed from the creator's
 * stored snapshot under `card` (the rate card in force), warnings from the stored vetting (they
 * need Scout's history). An entry whose creator is missing still gets its row: platform and handle
 * from its key, the rest empty.
 */
export function toExportRows(
  list: Pick<Shortlist, 'id'>,
  entries: readonly ShortlistEntry[],
  creatorsByKey: ReadonlyMap<string, CreatorRow>,
  card: RateCard,
): ExportRow[] {
  return entries
    .filter((entry) => entry.listId === list.id)
    .map((entry) => toExportRow(entry, creatorsByKey.get(entry.creatorKey), card));
}

function toExportRow(
  entry: ShortlistEntry,
  creator: CreatorRow | undefined,
  card: RateCard,
): ExportRow {
  const at = entry.creatorKey.indexOf(':');
  const snapshot = creator?.snapshot;
  const vetting = creator?.vetting;
  const now = creator ? currentNumbers(creator, card) : null;
  const platform = snapshot?.platform ?? entry.creatorKey.slice(0, at);
  const rate = now?.rate;
  return {
    platform,
    handle: snapshot?.handle ?? entry.creatorKey.slice(at + 1),
    url: snapshot?.url ?? null,
    name: text(snapshot?.displayName),
    tier: now?.tier ?? null,
    followers: snapshot?.followers ?? null,
    followersPrecision: snapshot
      ? precisionOf(snapshot.followers, snapshot.precision.followers)
      : null,
    er: now?.engagement.rate ?? null,
    erBasis: now?.engagement.basis ?? null,
    grade: now?.engagement.grade ?? null,
    rateRange: rate ? formatRateRange(rate) : null,
    rateLow: rate?.low ?? null,
    rateHigh: rate?.high ?? null,
    // An empty list of warnings is known ("no warnings"), but a cell cannot say so apart from
    // unknown: both are empty; the JSON export keeps the difference.
    warningCodes:
      vetting && vetting.flags.length > 0 ? vetting.flags.map((f) => f.code).join(', ') : null,
    status: entry.status,
    note: text(entry.note),
    tags: entry.tags.length > 0 ? entry.tags.join(', ') : null,
    utmLink: text(entry.utmLink),
    discountCode: text(entry.discountCode),
    capturedDate: snapshot ? isoDate(snapshot.capturedAt) : null,
  };
}
