import Papa from 'papaparse';
import { formatNumber, neutralise, type Cell, type DecimalMark } from './cells';
import { EXPORT_COLUMNS, type ExportRow } from './rows';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

export interface CsvOptions {
  /** `,` by default; `;` for Excel in locales whose decimal mark is a comma. */
  delimiter?: ',' | ';';
  /**
   * The decimal mark of numbers: `.` with the comma delimiter, `,` with the semicolon one (unless
   * given), because Excel in a comma-decimal locale — the reason to choose `;` — reads "9.1" as a
   * date or text and "9,1" as the number. Numbers are never grouped, quoted or neutralised.
   */
  decimal?: DecimalMark;
}

/**
 * A CSV file of export rows: UTF-8 with a BOM, CRLF line ends, a header row, text cells that could
 * start a formula prefixed with `'`, numbers as plain numbers, unknown values as empty cells.
 */
export function toCsv(rows: readonly ExportRow[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  const data = rows.map((row) => EXPORT_COLUMNS.map(({ key }) => toCsvCell(row[key], decimal)));
  // Neutralising is done here, not with papaparse's `escapeFormulae`: its pattern
  // (/^[=+\-@\t\r].*$/ without the s flag) lets a multi-line cell such as "=cmd\nmore" through,
  // and it would also prefix a comma-decimal negative number ("-9,1"), which must stay a number.
  // The header goes in as the first row: `{ fields, data: [] }` would add an empty line.
  const csv = Papa.unparse([EXPORT_COLUMNS.map((c) => c.header), ...data], {
    delimiter,
    newline: '\r\n',
    escapeFormulae: false,
  });
  return BOM + csv;
}

function toCsvCell(value: Cell, decimal: DecimalMark): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return decimal === '.' ? value : formatNumber(value, decimal);
  }
  return neutralise(value);
}
