import { MAIN_DELIVERABLE } from '../metrics/rates';
import { fmtMoney } from '../metrics/numbers';
import type { CreatorRow, Rate, Shortlist, ShortlistEntry } from '../model';
import type { Cell } from './cells';

/**
 * The columns of a CSV export and of copy-as-table, in order (DESIGN.md: export / import). "rate
 * low" and "rate high" follow "rate range": the range is text for people ("$180–$300"), the two
 * numbers are for spreadsheet sums, in the rate's own currency (the one the range shows).
 */
export const EXPORT_COLUMNS = [
  { key: 'platform', header: 'platform' },
  { key: 'handle', header: 'handle' },
  { key: 'url', header: 'URL' },
  { key: 'name', header: 'name' },
  { key: 'tier', header: 'tier' },
  { key: 'followers', header: 'followers' },
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

/**
 * The rows of a list's export, one per entry of `list` in the order given (entries of other lists
 * are skipped), with the card's numbers from the creator's stored snapshot and vetting. An entry
 * whose creator is missing still gets its row: platform and handle from its key, the rest empty.
 */
export function toExportRows(
  list: Pick<Shortlist, 'id'>,
  entries: readonly ShortlistEntry[],
  creatorsByKey: ReadonlyMap<string, CreatorRow>,
): ExportRow[] {
  return entries
    .filter((entry) => entry.listId === list.id)
    .map((entry) => toExportRow(entry, creatorsByKey.get(entry.creatorKey)));
}

function toExportRow(entry: ShortlistEntry, creator: CreatorRow | undefined): ExportRow {
  const at = entry.creatorKey.indexOf(':');
  const snapshot = creator?.snapshot;
  const vetting = creator?.vetting;
  const platform = snapshot?.platform ?? entry.creatorKey.slice(0, at);
  const rate = snapshot
    ? vetting?.rates.find((r) => r.deliverable === MAIN_DELIVERABLE[snapshot.platform])
    : undefined;
  return {
    platform,
    handle: snapshot?.handle ?? entry.creatorKey.slice(at + 1),
    url: snapshot?.url ?? null,
    name: text(snapshot?.displayName),
    tier: vetting?.tier ?? null,
    followers: snapshot?.followers ?? null,
    er: vetting?.engagement.rate ?? null,
    erBasis: vetting?.engagement.basis ?? null,
    grade: vetting?.engagement.grade ?? null,
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
