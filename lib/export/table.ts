import { formatNumber, neutralise, type Cell, type DecimalMark } from './cells';
import { EXPORT_COLUMNS, type ExportRow } from './rows';

export interface TableOptions {
  /** The decimal mark of numbers (`.` by default): `,` for a spreadsheet in a comma-decimal locale. */
  decimal?: DecimalMark;
}

/**
 * Copy-as-table: a header and one line per row, cells separated by tabs, lines by `\n`, neutralised
 * as in the CSV; tabs and line breaks inside a cell become spaces so every row stays one line.
 */
export function toClipboardTable(rows: readonly ExportRow[], options: TableOptions = {}): string {
  const decimal = options.decimal ?? '.';
  const lines = [
    EXPORT_COLUMNS.map((c) => c.header).join('\t'),
    ...rows.map((row) =>
      EXPORT_COLUMNS.map(({ key }) => toTableCell(row[key], decimal)).join('\t'),
    ),
  ];
  return lines.join('\n');
}

function toTableCell(value: Cell, decimal: DecimalMark): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, decimal) ?? '';
  // Neutralise first, on the text as it is: "\t=x" becomes "' =x", never a bare " =x".
  return neutralise(value).replace(/[\t\r\n]+/g, ' ');
}
