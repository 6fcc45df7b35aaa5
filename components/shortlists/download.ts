import { readExport, readListForExport } from '@/lib/db/transfer';
import { toCsv } from '@/lib/export/csv';
import { toJson } from '@/lib/export/json';
import { toExportRows } from '@/lib/export/rows';
import { toClipboardTable } from '@/lib/export/table';
import type { ScoutDb } from '@/lib/db/database';
import type { RateCard } from '@/lib/metrics/rates';

/** A file to hand to the browser: its name and contents. */
export interface ExportFile {
  name: string;
  blob: Blob;
}

/** Characters no file system accepts in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** `yyyy-mm-dd` of the user's own calendar day. */
export function localDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `scout-<list-name>-<yyyy-mm-dd>.<ext>`, with what a file system refuses replaced by "-". */
export function exportFileName(listName: string, ext: 'csv' | 'json', now: number): string {
  const name = listName
    .replace(UNSAFE, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `scout-${name || 'list'}-${localDate(now)}.${ext}`;
}

/**
 * Saves a file through an `<a download>` clicked programmatically: no `downloads` permission
 * needed. The object URL is revoked once the click has handed the blob to the browser.
 */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(file.blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Chrome starts the download asynchronously from the click: revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Puts text on the clipboard; false (never a throw) when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export type CsvDelimiter = ',' | ';';

/**
 * A list as a CSV file (entries in the order they were added), priced with `card`, the rate card
 * in force; undefined when the list is gone.
 */
export async function listCsvFile(
  db: ScoutDb,
  listId: string,
  delimiter: CsvDelimiter,
  now: number,
  card: RateCard,
): Promise<ExportFile | undefined> {
  const data = await readListForExport(db, listId);
  if (!data) return undefined;
  const rows = toExportRows(data.list, data.entries, data.creatorsByKey, card);
  const csv = toCsv(rows, { delimiter });
  return {
    name: exportFileName(data.list.name, 'csv', now),
    blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }),
  };
}

/** A list, its entries and their creators as a JSON export file; undefined when the list is gone. */
export async function listJsonFile(
  db: ScoutDb,
  listId: string,
  now: number,
): Promise<ExportFile | undefined> {
  const data = await readExport(db, [listId]);
  const list = data.lists[0];
  if (!list) return undefined;
  return {
    name: exportFileName(list.name, 'json', now),
    blob: new Blob([toJson(data, now)], { type: 'application/json' }),
  };
}

/**
 * A list as tab-separated rows for pasting into a spreadsheet, priced with `card`; undefined when
 * the list is gone.
 */
export async function listTable(
  db: ScoutDb,
  listId: string,
  card: RateCard,
): Promise<{ text: string; rows: number } | undefined> {
  const data = await readListForExport(db, listId);
  if (!data) return undefined;
  const rows = toExportRows(data.list, data.entries, data.creatorsByKey, card);
  return { text: toClipboardTable(rows), rows: rows.length };
}
