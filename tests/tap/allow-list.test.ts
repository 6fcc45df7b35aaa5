import { describe, expect, it } from 'vitest';
import { acceptTapDetail, tapRejections } from '@/lib/content/tap-receiver';
import { tiktokTap } from '@/lib/platforms/tiktok/tap';
import { PLATFORMS } from '@/lib/platforms';
import { rulesForHost, TAP_MAX_BODY } from '@/lib/tap/allow-list';
import { TAP_SOURCES, tapCopies } from './rules';

const accept = (detail: unknown, page: URL) => acceptTapDetail(detail, page, tiktokTap.rules);

describe('the tap reads only allow-listed responses', () => {
  // Each platform's own responses are tested beside its rules: tests/platforms/<id>/tap.test.ts.
  it('leaves a host no platform serves from alone, whatever its path', () => {
    expect(tapCopies('https://www.example.com/api/post/item_list/')).toBe(false);
  });
});

describe('the allow-list the tap is built with', () => {
  it.each(PLATFORMS.flatMap((p) => p.tap.domains.map((domain) => [domain, p.tap] as const)))(
    "gives the tap on %s exactly that platform's patterns",
    (domain, tap) => {
      const compiled = rulesForHost(`www.${domain}`, TAP_SOURCES);
      expect(compiled.map((r) => [r.path.source, r.query?.source])).toEqual(
        tap.rules.map((r) => [r.path.source, r.query?.source]),
      );
    },
  );
});

describe('the content script checks what the tap hands over', () => {
  const page = new URL('https://www.tiktok.com/@someone');

  it('accepts an allow-listed body from the same origin', () => {
    const body = accept(
      'https://www.tiktok.com/api/post/item_list/?count=1\n{"itemList":[]}',
      page,
    );
    expect(body?.text).toBe('{"itemList":[]}');
    expect(body?.url.pathname).toBe('/api/post/item_list/');
  });

  it.each([
    ['several documents back to back', '{"a":1}\n{"b":2}'],
    ['an anti-hijacking prefix', 'for (;;);{"payload":{}}'],
    ['an array', ' [1, 2]'],
  ])('passes on %s as text, unparsed', (_name, text) => {
    const body = accept(`https://www.tiktok.com/api/user/detail/\n${text}`, page);
    expect(body?.text).toBe(text);
  });

  it.each([
    ['an object instead of text', { url: 'x' }, 'not-text'],
    ['another origin', 'https://evil.example/api/post/item_list/\n{}', 'bad-url'],
    ['no URL line', '{"itemList":[]}', 'bad-url'],
    ['a path Scout does not read', 'https://www.tiktok.com/api/im/message/\n{}', 'not-allowed'],
    ['a body that is not JSON', 'https://www.tiktok.com/api/user/detail/\n<html>', 'not-json'],
    [
      'an oversized body',
      `https://www.tiktok.com/api/user/detail/\n${'x'.repeat(TAP_MAX_BODY + 5000)}`,
      'oversized',
    ],
  ] as const)('refuses %s and counts it', (_name, detail, reason) => {
    const before = tapRejections[reason];
    expect(accept(detail, page)).toBeNull();
    expect(tapRejections[reason]).toBe(before + 1);
  });
});
