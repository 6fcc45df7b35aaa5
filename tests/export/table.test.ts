import { describe, expect, it } from 'vitest';
import { toExportRows, type ExportRow } from '@/lib/export/rows';
import { toClipboardTable } from '@/lib/export/table';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import { creatorOf, entryOf, listOf } from './fixtures';

function exportOne(
  creator: Parameters<typeof creatorOf>[1] = {},
  entry: Parameters<typeof entryOf>[2] = {},
): ExportRow[] {
  const row = creatorOf('jane', creator);
  return toExportRows(
    listOf('l1'),
    [entryOf('l1', row.key, entry)],
    new Map([[row.key, row]]),
    DEFAULT_RATE_CARD,
  );
}

const cells = (table: string) => table.split('\n').map((line) => line.split('\t'));

/** The first data line's cell under `header`. */
function cell(table: string, header: string): string | undefined {
  const [head, line] = cells(table);
  return line?.[head!.indexOf(header)];
}

describe('toClipboardTable', () => {
  it('puts a header and one tab-separated line per row', () => {
    const [header, line, ...rest] = cells(toClipboardTable(exportOne()));
    expect(rest).toEqual([]);
    expect(header).toHaveLength(20);
    expect(header?.[0]).toBe('platform');
    expect(line).toHaveLength(20);
    expect(line?.slice(0, 8)).toEqual([
      'tiktok',
      'jane',
      'https://www.tiktok.com/@jane',
      'Jane Doe',
      'micro',
      '38200',
      'rounded',
      '9.1',
    ]);
  });

  it.each(['=', '+', '-', '@'])('neutralises a name starting with %s', (char) => {
    const [, line] = cells(
      toClipboardTable(exportOne({ snapshot: { displayName: `${char}1+1` } })),
    );
    expect(line?.[3]).toBe(`'${char}1+1`);
  });

  it('turns tabs and line breaks inside cells into spaces, after neutralising', () => {
    const table = toClipboardTable(
      exportOne({}, { note: 'line one\r\nline\ttwo', discountCode: '\t=HACK()' }),
    );
    const [, line, ...rest] = cells(table);
    expect(rest).toEqual([]);
    expect(line).toHaveLength(20);
    expect(cell(table, 'note')).toBe('line one line two');
    expect(cell(table, 'discount code')).toBe("' =HACK()");
  });

  it('keeps negative numbers as numbers and unknown as empty cells', () => {
    const [row] = exportOne({ snapshot: { followers: undefined, precision: {} } });
    const table = toClipboardTable([{ ...row!, er: -0.5 }]);
    expect(cell(table, 'followers')).toBe('');
    expect(cell(table, 'followers precision')).toBe('');
    expect(cell(table, 'ER')).toBe('-0.5');
  });

  it('writes comma decimals when asked', () => {
    expect(cell(toClipboardTable(exportOne(), { decimal: ',' }), 'ER')).toBe('9,1');
  });

  it('says beside each rounded count that it is rounded, as the card marks it "≈"', () => {
    const table = toClipboardTable(
      exportOne({ snapshot: { followers: 1_200_000, precision: { followers: 'rounded' } } }),
    );
    expect(cell(table, 'followers')).toBe('1200000');
    expect(cell(table, 'followers precision')).toBe('rounded');
  });
});
