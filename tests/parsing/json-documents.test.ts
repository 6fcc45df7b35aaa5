import { describe, expect, it } from 'vitest';
import { parseJsonDocuments } from '@/lib/parsing/json-documents';

describe('parseJsonDocuments', () => {
  it.each([
    ['one object', '{"a":1}', [{ a: 1 }]],
    ['one array', '[1,2]', [[1, 2]]],
    ['documents back to back', '{"a":1}{"b":2}', [{ a: 1 }, { b: 2 }]],
    ['newline-delimited documents', '{"a":1}\n{"b":"}{"}\n', [{ a: 1 }, { b: '}{' }]],
    ['an anti-hijack prefix', 'for (;;);{"payload":{"x":1}}', [{ payload: { x: 1 } }]],
    [
      'escaped quotes inside strings',
      '{"q":"say \\"hi\\" {"}{"n":2}',
      [{ q: 'say "hi" {' }, { n: 2 }],
    ],
    ['a truncated second document keeps the first', '{"a":1}{"b":', [{ a: 1 }]],
  ])('reads %s', (_name, text, expected) => {
    expect(parseJsonDocuments(text)).toEqual(expected);
  });

  it.each([
    ['HTML', '<!doctype html><p>hi</p>'],
    ['an empty body', ''],
    ['a truncated document', '{"a":[1,2'],
    ['plain text', 'Too many requests'],
  ])('finds nothing in %s', (_name, text) => {
    expect(parseJsonDocuments(text)).toEqual([]);
  });

  it('stops at a bounded number of documents', () => {
    expect(parseJsonDocuments('{}'.repeat(1000)).length).toBe(64);
  });
});
