import { describe, expect, it } from 'vitest';
import { toExportRows, type ExportRow } from '@/lib/export/rows';
import { toClipboardTable } from '@/lib/export/table';
import { creatorOf, entryOf, listOf } from './fixtures';

function exportOne(
  creator: Parameters<typeof creatorOf>[1] = {},
  entry: Parameters<typeof entryOf>[2] = {},
): ExportRow[] {
  const row = creatorOf('jane', creator);
  return toExportRows(listOf('l1'), [entryOf('l1', row.key, entry)], new Map([[row.key, row]]));
}

const cells = (table: string) => table.split('\n').map((line) => line.split('\t'));

describe('toClipboardTable', () => {
  it('puts a header and one tab-separated line per row', () => {
    const [header, line, ...rest] = cells(toClipboardTable(exportOne()));
    expect(rest).toEqual([]);
    expect(header).toHaveLength(19);
    expect(header?.[0]).toBe('platform');
    expect(line).toHaveLength(19);
    expect(line?.slice(0, 7)).toEqual([
      'tiktok',
      'jane',
      'https://www.tiktok.com/@jane',
      'Jane Doe',
      'micro',
      '38200',
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
    expect(line).toHaveLength(19);
    expect(line?.[14]).toBe('line one line two');
    expect(line?.[17]).toBe("' =HACK()");
  });

  it('keeps negative numbers as numbers and unknown as empty cells', () => {
    const [row] = exportOne({ snapshot: { followers: undefined, precision: {} } });
    const [, line] = cells(toClipboardTable([{ ...row!, er: -0.5 }]));
    expect(line?.[5]).toBe('');
    expect(line?.[6]).toBe('-0.5');
  });

  it('writes comma decimals when asked', () => {
    const [, line] = cells(toClipboardTable(exportOne(), { decimal: ',' }));
    expect(line?.[6]).toBe('9,1');
  });
});
