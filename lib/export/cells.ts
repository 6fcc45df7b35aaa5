/**
 * Cell values as spreadsheets will read them: text that cannot run as a formula, numbers that stay
 * numbers. Shared by the CSV writer and copy-as-table so both neutralise the same way.
 */

/** A cell of an export row: text, a number, or unknown (an empty cell, never 0). */
export type Cell = string | number | null;

/** The decimal mark numbers are written with. */
export type DecimalMark = '.' | ',';

/**
 * Text a spreadsheet would treat as a formula (OWASP "CSV injection"): a first character of
 * `=`, `+`, `-`, `@`, tab or CR — and, stricter than that list, the same characters after leading
 * blanks or a line feed, which some spreadsheets trim before reading the cell.
 */
const FORMULA_START = /^\s*[=+\-@]|^[\t\r\n]/u;

/** Text that a spreadsheet shows as text: a leading `'` when it could start a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A number as plain digits with the given decimal mark, no grouping and no exponent, so that a
 * spreadsheet in a matching locale reads it as a number. Non-finite → null (an empty cell).
 */
export function formatNumber(value: number, decimal: DecimalMark = '.'): string | null {
  if (!Number.isFinite(value)) return null;
  let text = String(value);
  if (/e/i.test(text)) {
    text = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  }
  return decimal === '.' ? text : text.replace('.', ',');
}
