import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  findJsonIslands,
  jsonIsland,
  MAX_ISLAND_CHARS,
  parseJson,
} from '../../lib/parsing/json-islands';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('parseJson', () => {
  it('parses JSON and gives undefined for anything else, never throwing', () => {
    expect(parseJson('{"a":[1,"2"]}')).toEqual({ a: [1, '2'] });
    expect(parseJson('{"a":')).toBeUndefined();
    expect(parseJson('')).toBeUndefined();
    expect(parseJson(42 as unknown as string)).toBeUndefined();
  });

  it('refuses text over the cap without reading it', () => {
    expect(parseJson('[1]', 2)).toBeUndefined();
    expect(parseJson('[1]', 3)).toEqual([1]);
  });

  it('survives absurd nesting', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => parseJson(deep)).not.toThrow();
  });
});

describe('findJsonIslands', () => {
  it('finds application/json scripts by id, in document order', () => {
    const d = doc(`<html><head>
      <script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__":{}}</script>
      <script id="__NEXT_DATA__" type="application/json" crossorigin="anonymous">{"props":{}}</script>
      </head><body></body></html>`);
    expect(findJsonIslands(d)).toEqual([
      {
        name: '__UNIVERSAL_DATA_FOR_REHYDRATION__',
        kind: 'json-script',
        value: { __DEFAULT_SCOPE__: {} },
      },
      { name: '__NEXT_DATA__', kind: 'json-script', value: { props: {} } },
    ]);
  });

  it('finds ld+json blocks, named or not', () => {
    const d = doc(
      '<script type="application/ld+json">{"@type":"Person","name":"A"}</script>' +
        '<script type="application/ld+json" id="ld">[1]</script>',
    );
    expect(findJsonIslands(d)).toEqual([
      { name: '', kind: 'ld-json', value: { '@type': 'Person', name: 'A' } },
      { name: 'ld', kind: 'ld-json', value: [1] },
    ]);
  });

  it("reads window['X']= and window.X = assignments inside inline scripts", () => {
    const d = doc(
      `<script id="sigi-persisted-data">window['SIGI_STATE']={"a":{"b":"};}"}};window['SIGI_RETRY']={"r":1};</script>` +
        '<script>var x = 1; window._sharedData = {"entry_data":{"ProfilePage":[]}};</script>',
    );
    expect(findJsonIslands(d)).toEqual([
      { name: 'SIGI_STATE', kind: 'assignment', value: { a: { b: '};}' } } },
      { name: 'SIGI_RETRY', kind: 'assignment', value: { r: 1 } },
      { name: '_sharedData', kind: 'assignment', value: { entry_data: { ProfilePage: [] } } },
    ]);
  });

  it('keeps only the names asked for', () => {
    const d = doc(
      '<script id="a" type="application/json">1</script><script id="b" type="application/json">2</script>' +
        "<script>window['c']={};window['b']=[3];</script>",
    );
    expect(findJsonIslands(d, { names: ['b'] }).map((i) => i.value)).toEqual([2, [3]]);
    expect(jsonIsland(d, 'b')).toBe(2);
    expect(jsonIsland(d, 'zzz')).toBeUndefined();
  });

  it('reports broken and oversized islands instead of throwing', () => {
    const d = doc(
      '<script id="cut" type="application/json">{"a":[1,2</script>' +
        '<script id="big" type="application/json">[1,2,3,4,5,6,7,8,9]</script>' +
        '<script>window[\'SIGI_STATE\']={"never":"closed"</script>',
    );
    expect(findJsonIslands(d, { maxChars: 12 })).toEqual([
      { name: 'cut', kind: 'json-script', value: undefined, error: 'invalid-json' },
      { name: 'big', kind: 'json-script', value: undefined, error: 'too-large' },
    ]);
    expect(findJsonIslands(d)).toContainEqual({
      name: 'SIGI_STATE',
      kind: 'assignment',
      value: undefined,
      error: 'invalid-json',
    });
  });

  it('ignores external scripts, other types and JavaScript that is not an assignment', () => {
    const d = doc(
      '<script src="/app.js" id="x" type="application/json"></script>' +
        '<script type="text/template" id="t">{"a":1}</script>' +
        '<script>window.addEventListener("load", function () {});</script>',
    );
    expect(findJsonIslands(d)).toEqual([]);
  });

  it('has a cap of several megabytes by default', () => {
    expect(MAX_ISLAND_CHARS).toBeGreaterThanOrEqual(1_000_000);
  });
});
