import type { RateCard } from '@/lib/metrics/rates';
import { currentNumbers, formatRateRange } from '@/lib/export/rows';
import { displayHandle } from '@/lib/format';
import {
  ENTRY_STATUSES,
  TIERS,
  type CreatorRow,
  type Grade,
  type ShortlistEntry,
} from '@/lib/model';

/** One entry of a list with what the table shows and sorts by. */
export interface RowView {
  entry: ShortlistEntry;
  creator: CreatorRow | undefined;
  /** Display name, else the handle as the platform writes it, else the creator key. */
  name: string;
  platform: string;
  tier: string | null;
  followers: number | null;
  er: number | null;
  grade: Grade | null;
  /** The main deliverable's price under the rate card in force. */
  rateRange: string | null;
  rateLow: number | null;
  /** Warnings; null when the snapshot has not been checked. */
  warnings: number | null;
}

/** An entry as the table shows it: the card's numbers now, prices under `card`. */
export function toRowView(
  entry: ShortlistEntry,
  creator: CreatorRow | undefined,
  card: RateCard,
): RowView {
  const snapshot = creator?.snapshot;
  const vetting = creator?.vetting;
  const now = creator ? currentNumbers(creator, card) : null;
  const rate = now?.rate;
  return {
    entry,
    creator,
    name: snapshot
      ? snapshot.displayName || displayHandle(snapshot.platform, snapshot.handle)
      : entry.creatorKey,
    platform: snapshot?.platform ?? entry.creatorKey.slice(0, entry.creatorKey.indexOf(':')),
    tier: now?.tier ?? null,
    followers: snapshot?.followers ?? null,
    er: now?.engagement.rate ?? null,
    grade: now?.engagement.grade ?? null,
    rateRange: rate ? formatRateRange(rate) : null,
    rateLow: rate?.low ?? null,
    warnings: vetting ? vetting.flags.length : null,
  };
}

export const SORT_KEYS = [
  'name',
  'platform',
  'tier',
  'followers',
  'er',
  'rate',
  'warnings',
  'status',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

function sortValue(row: RowView, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'platform':
      return row.platform;
    case 'tier':
      return row.tier === null ? null : TIERS.indexOf(row.tier as (typeof TIERS)[number]);
    case 'followers':
      return row.followers;
    case 'er':
      return row.er;
    case 'rate':
      return row.rateLow;
    case 'warnings':
      return row.warnings;
    case 'status':
      return ENTRY_STATUSES.indexOf(row.entry.status);
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Rows in the order of `sort` (unknown values last either way), else as they were added. */
export function sortRows(rows: readonly RowView[], sort: Sort | null): RowView[] {
  const added = [...rows].sort(
    (a, b) => a.entry.createdAt - b.entry.createdAt || a.entry.id.localeCompare(b.entry.id),
  );
  if (!sort) return added;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return added.sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return sign * order;
  });
}
