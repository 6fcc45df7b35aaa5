import { describe, expect, it } from 'vitest';
import { acceptTapDetail, tapRejections } from '@/lib/content/tap-receiver';
import { isAllowed, rulesForHost, TAP_MAX_BODY } from '@/lib/tap/allow-list';

const allowed = (href: string, query: string | null = null) => {
  const url = new URL(href);
  return isAllowed(url, query, rulesForHost(url.hostname));
};

describe('the tap reads only allow-listed responses', () => {
  it.each([
    ['https://www.tiktok.com/api/post/item_list/?secUid=x&count=35', null],
    ['https://www.tiktok.com/api/user/detail/?uniqueId=x', null],
    ['https://www.instagram.com/api/v1/users/web_profile_info/?username=x', null],
    ['https://www.instagram.com/api/v1/feed/user/123/?count=12', null],
    ['https://www.instagram.com/graphql/query', 'PolarisProfilePostsQuery'],
    [
      'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerFeedDashProfileUpdates.abc',
      null,
    ],
    ['https://www.linkedin.com/voyager/api/identity/dash/profiles?q=memberIdentity', null],
  ])('copies %s', (href, query) => {
    expect(allowed(href, query)).toBe(true);
  });

  it.each([
    ['https://www.tiktok.com/api/im/message/', null],
    ['https://www.tiktok.com/foryou', null],
    ['https://www.instagram.com/graphql/query', 'PolarisDirectInboxQuery'],
    ['https://www.instagram.com/api/v1/direct_v2/inbox/', null],
    ['https://www.linkedin.com/voyager/api/messaging/conversations', null],
    [
      'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerMessagingDashConversations.1',
      null,
    ],
    ['https://www.example.com/api/post/item_list/', null],
  ])('leaves %s alone', (href, query) => {
    expect(allowed(href, query)).toBe(false);
  });
});

describe('the content script checks what the tap hands over', () => {
  const page = new URL('https://www.tiktok.com/@someone');

  it('accepts an allow-listed body from the same origin', () => {
    const body = acceptTapDetail(
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
    const body = acceptTapDetail(`https://www.tiktok.com/api/user/detail/\n${text}`, page);
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
    expect(acceptTapDetail(detail, page)).toBeNull();
    expect(tapRejections[reason]).toBe(before + 1);
  });
});
