import { describe, expect, it } from 'vitest';
import { bool, dict, either, isRecord, list, num, obj, str } from '../../lib/extract/lenient';

const User = obj({ name: str, age: num, admin: bool, tags: list(str), id: either(str, num) });

describe('lenient schemas', () => {
  it('read the declared fields and nothing else', () => {
    expect(User({ name: 'a', age: 3, admin: false, tags: ['x'], id: 7, extra: 1 })).toEqual({
      name: 'a',
      age: 3,
      admin: false,
      tags: ['x'],
      id: 7,
    });
  });

  it('drop one mistyped field, not the object', () => {
    expect(User({ name: 5, age: '3', admin: 'yes', tags: 'x', id: null })).toEqual({});
    expect(User({ name: 'a', age: Number.NaN })).toEqual({ name: 'a' });
  });

  it('drop one unreadable list entry, not the list', () => {
    expect(list(str)(['a', 1, 'b', null])).toEqual(['a', 'b']);
    expect(list(User)([{ name: 'a' }, 'junk', { name: 'b' }])).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
  });

  it('bound the entries they read', () => {
    expect(list(num, 2)([1, 2, 3])).toEqual([1, 2]);
    expect(Object.keys(dict(num, 2)({ a: 1, b: 2, c: 3 }) ?? {})).toEqual(['a', 'b']);
  });

  it('read maps without prototype surprises', () => {
    const map = dict(obj({ n: num }))(JSON.parse('{"__proto__":{"n":1},"constructor":{"n":2}}'));
    expect(map?.['constructor']).toEqual({ n: 2 });
    expect(Object.getPrototypeOf(map)).toBeNull();
  });

  it('give undefined for the wrong container, never an exception', () => {
    for (const input of [null, undefined, 1, 'x', [], true]) {
      expect(() => User(input)).not.toThrow();
      if (!Array.isArray(input)) expect(list(str)(input)).toBeUndefined();
    }
    expect(User([])).toBeUndefined();
    expect(isRecord([])).toBe(false);
    expect(isRecord({})).toBe(true);
  });
});
