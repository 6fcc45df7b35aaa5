import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '@/lib/export/csv';
import { toExportRows, type ExportRow } from '@/lib/export/rows';
import { DEFAULT_RATE_CARD } from '@/lib/metrics/rates';
import { creatorOf, entryOf, listOf } from './fixtures';

const list = listOf('l1');

/** One exported row for a creator and entry built from the given overrides. */
function exportOne(
  creator: Parameters<typeof creatorOf>[1] = {},
  entry: Parameters<typeof entryOf>[2] = {},
): ExportRow[] {
  const row = creatorOf('jane', creator);
  return toExportRows(
    list,
    [entryOf('l1', row.key, entry)],
    new Map([[row.key, row]]),
    DEFAULT_RATE_CARD,
  );
}

/** The CSV read back as a spreadsheet would, header row first. */
function readBack(csv: string, options: Papa.ParseConfig = {}): Record<string, unknown>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<Record<string, unknown>>(csv.slice(BOM.length), {
    header: true,
    ...options,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('toCsv', () => {
  it('starts with a BOM, uses commas and CRLF, and writes the header row', () => {
    const csv = toCsv(exportOne());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'platform,handle,URL,name,tier,followers,followers precision,ER,ER basis,grade,rate range,' +
        'rate low,rate high,warning codes,status,note,tags,UTM link,discount code,captured date',
    );
    expect(line).toBe(
      'tiktok,jane,https://www.tiktok.com/@jane,Jane Doe,micro,38200,rounded,9.1,views,average,' +
        '$180–$290,180,290,,new,,,,,2026-01-15',
    );
  });

  it('writes only the header for an empty list', () => {
    expect(readBack(toCsv([]))).toEqual([]);
  });

  it.each(['=', '+', '-', '@'])(
    'neutralises a name starting with %s so a spreadsheet shows it as text',
    (char) => {
      const name = `${char}HYPERLINK("https://evil.example","click")`;
      const [row] = readBack(toCsv(exportOne({ snapshot: { displayName: name } })));
      expect(row?.['name']).toBe(`'${name}`);
    },
  );

  it('neutralises notes, tags and codes starting with a tab, a CR, or = after blanks', () => {
    const [row] = readBack(
      toCsv(
        exportOne(
          {},
          { note: '\t=1+1', tags: ['-2+3'], discountCode: '  =SUM(A1)', utmLink: '\r=cmd' },
        ),
      ),
    );
    expect(row).toMatchObject({
      note: "'\t=1+1",
      tags: "'-2+3",
      'discount code': "'  =SUM(A1)",
      'UTM link': "'\r=cmd",
    });
  });

  it('neutralises a multi-line cell that starts a formula (papaparse escapeFormulae misses it)', () => {
    const note = "=cmd|' /C calc'!A0\nsecond line";
    const [row] = readBack(toCsv(exportOne({}, { note })));
    expect(row?.['note']).toBe(`'${note}`);
  });

  it('leaves harmless text alone, including = inside it', () => {
    const [row] = readBack(toCsv(exportOne({}, { note: 'ER = 9%, "quoted", ok' })));
    expect(row?.['note']).toBe('ER = 9%, "quoted", ok');
  });

  it('keeps numbers numbers, negative ones too, read back with dynamic typing', () => {
    const rows = exportOne();
    const negative = { ...rows[0]!, er: -1.25, rateLow: -5 };
    const [read, readNegative] = readBack(toCsv([rows[0]!, negative]), { dynamicTyping: true });
    expect(read).toMatchObject({ followers: 38_200, ER: 9.1, 'rate low': 180, 'rate high': 290 });
    expect(readNegative).toMatchObject({ ER: -1.25, 'rate low': -5 });
    expect(typeof read?.['followers']).toBe('number');
  });

  it('writes unknown values as empty cells, never 0', () => {
    const [row] = readBack(
      toCsv(
        exportOne({
          snapshot: {
            followers: undefined,
            precision: {},
            displayName: undefined,
            recentPosts: [],
          },
          vetting: null,
        }),
      ),
    );
    for (const header of [
      'name',
      'tier',
      'followers',
      'followers precision',
      'ER',
      'ER basis',
      'grade',
      'rate low',
    ]) {
      expect(row?.[header]).toBe('');
    }
  });

  it('writes semicolons with comma decimals for comma-decimal Excel', () => {
    const [one] = exportOne({}, { note: 'a; b, c' });
    const rows = [{ ...one!, er: -9.15, rateRange: '$1,180.5–$1,300', rateLow: 1_180.5 }];
    const csv = toCsv(rows, { delimiter: ';' });
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header?.split(';')).toHaveLength(20);
    expect(line).toContain(';-9,15;views;');
    expect(line).toContain(';38200;');
    const [row] = readBack(csv, { delimiter: ';' });
    expect(row).toMatchObject({
      ER: '-9,15',
      followers: '38200',
      'rate range': '$1,180.5–$1,300',
      'rate low': '1180,5',
      note: 'a; b, c',
    });
  });

  it('can keep point decimals with semicolons when asked', () => {
    const csv = toCsv(exportOne(), { delimiter: ';', decimal: '.' });
    const [row] = readBack(csv, { delimiter: ';', dynamicTyping: true });
    expect(row?.['ER']).toBe(9.1);
  });

  it('tells a rounded count from an exact one beside the number, which stays a number', () => {
    const rounded = exportOne({
      snapshot: { followers: 1_200_000, precision: { followers: 'rounded' } },
    });
    const exact = exportOne({
      snapshot: { followers: 1_200_000, precision: { followers: 'exact' } },
    });
    const floor = exportOne({
      snapshot: { followers: 500, precision: { followers: 'lower-bound' } },
    });
    const unsaid = exportOne({ snapshot: { followers: 1_200_000, precision: {} } });
    const read = readBack(toCsv([...rounded, ...exact, ...floor, ...unsaid]), {
      dynamicTyping: true,
    });
    expect(read.map((r) => [r['followers'], r['followers precision']])).toEqual([
      [1_200_000, 'rounded'],
      [1_200_000, 'exact'],
      [500, 'lower-bound'],
      [1_200_000, 'unknown'],
    ]);
  });

  it('writes non-finite numbers as empty cells', () => {
    const [row] = exportOne();
    const csv = toCsv([{ ...row!, er: Number.NaN, followers: Number.POSITIVE_INFINITY }]);
    expect(readBack(csv)[0]).toMatchObject({ ER: '', followers: '' });
  });
});
