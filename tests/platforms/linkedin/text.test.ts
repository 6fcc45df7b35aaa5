import { describe, expect, it } from 'vitest';
import {
  connectionsCount,
  handleFromHref,
  postUrn,
  readLabelledCount,
  readLabelledCounts,
  relativeTime,
  timeFromId,
} from '../../../lib/platforms/linkedin/text';

const NOW = Date.UTC(2025, 5, 14, 12);
const DAY = 86_400_000;

describe('labelled counts in six UI languages', () => {
  it.each([
    ['6K followers', 'en', 'followers', 6000, 'rounded'],
    ['758 followers', 'en', 'followers', 758, 'exact'],
    ['1 follower', 'en', 'followers', 1, 'exact'],
    ['500+ connections', 'en', 'connections', 500, 'lower-bound'],
    ['7 connections', 'en', 'connections', 7, 'exact'],
    ['2,948 reactions', 'en', 'likes', 2948, 'exact'],
    ['221 comments', 'en', 'comments', 221, 'exact'],
    ['305 reposts', 'en', 'shares', 305, 'exact'],
    ['310 Reactions', 'en', 'likes', 310, 'exact'],
    ['12.345 Follower', 'de', 'followers', 12345, 'exact'],
    ['1.234 Follower:innen', 'de', 'followers', 1234, 'exact'],
    ['Follower: 1.234', 'de', 'followers', 1234, 'exact'],
    ['500+ Kontakte', 'de', 'connections', 500, 'lower-bound'],
    ['Mehr als 500 Kontakte', 'de', 'connections', 500, 'lower-bound'],
    ['1,2 Mio. Follower', 'de', 'followers', 1_200_000, 'rounded'],
    ['87 Kommentare', 'de', 'comments', 87, 'exact'],
    ['12\u202f345 abonnés', 'fr', 'followers', 12345, 'exact'],
    ['+ de 500 relations', 'fr', 'connections', 500, 'lower-bound'],
    ['1 024 réactions', 'fr', 'likes', 1024, 'exact'],
    ['12.345 seguidores', 'es', 'followers', 12345, 'exact'],
    ['Más de 500 contactos', 'es', 'connections', 500, 'lower-bound'],
    ['64 comentarios', 'es', 'comments', 64, 'exact'],
    ['12.345 seguidores', 'pt-BR', 'followers', 12345, 'exact'],
    ['500+ conexões', 'pt-BR', 'connections', 500, 'lower-bound'],
    ['812 reações', 'pt-BR', 'likes', 812, 'exact'],
    ['12\u00a0345 подписчиков', 'ru', 'followers', 12345, 'exact'],
    ['Более 500 контактов', 'ru', 'connections', 500, 'lower-bound'],
    ['3 подписчика', 'ru', 'followers', 3, 'exact'],
    ['48 комментариев', 'ru', 'comments', 48, 'exact'],
    ['12 репостов', 'ru', 'shares', 12, 'exact'],
  ] as const)('reads %j (%s) as %s %d, %s', (text, locale, field, value, precision) => {
    expect(readLabelledCount(text, locale)).toEqual({ field, count: { value, precision } });
  });

  it.each([
    ['Ghostwriter for founders with 10K followers', 'en'],
    ['Helping 500 founders', 'en'],
    ['followers', 'en'],
    ['Join to follow', 'en'],
    ['Loaded 94 Comments posts', 'en'],
    ['Pablo Tomas Borda and 2,947 others', 'en'],
    ['-5 followers', 'en'],
    ['12abc followers', 'en'],
    ['1.5 followers', 'en'],
    ['12.345 Follower', 'en'],
    ['12 000 000 000 followers', 'en'],
    [`${'9'.repeat(80)} followers`, 'en'],
  ] as const)('reads %j (%s) as no count', (text, locale) => {
    expect(readLabelledCount(text, locale)).toBeUndefined();
  });

  it('reads every part of "12,345 followers · 500+ connections", or none', () => {
    expect(readLabelledCounts('12,345 followers · 500+ connections', 'en')).toEqual([
      { field: 'followers', count: { value: 12345, precision: 'exact' } },
      { field: 'connections', count: { value: 500, precision: 'lower-bound' } },
    ]);
    expect(readLabelledCounts('Ghostwriter · 10K followers', 'en')).toEqual([]);
  });

  it('treats an API connections count of 500 as LinkedIn\'s "500+" cap', () => {
    expect(connectionsCount(500)).toEqual({ value: 500, precision: 'lower-bound' });
    expect(connectionsCount(387)).toEqual({ value: 387, precision: 'exact' });
  });
});

describe('post times', () => {
  it.each([
    ['2d •', NOW - 2 * DAY],
    ['3w', NOW - 21 * DAY],
    ['5mo', NOW - 150 * DAY],
    ['1yr', NOW - 365 * DAY],
    ['1y', NOW - 365 * DAY],
    ['4h • Edited •', NOW - 4 * 3_600_000],
    ['15m', NOW - 15 * 60_000],
    ['Now', NOW],
  ])('resolves %j against the capture clock', (text, expected) => {
    expect(relativeTime(text, NOW)).toBe(expected);
  });

  it.each(['2 days ago', 'yesterday', '', '• 3rd+', 'Aug 4, 2021'])('reads %j as no time', (t) => {
    expect(relativeTime(t, NOW)).toBeUndefined();
  });

  it('decodes the first 41 bits of an activity id as epoch ms', () => {
    expect(timeFromId('7242285086220460033', NOW)).toBe(Number(7242285086220460033n >> 22n));
    expect(new Date(timeFromId('7058091184245624832', NOW)!).toISOString()).toMatch(/^2023-04-29/);
  });

  it('gives no time for ids that are not LinkedIn ids or lie in the future', () => {
    for (const id of ['123456', '12345678901234', 'abc', '', '99999999999999999999']) {
      expect(timeFromId(id, NOW)).toBeUndefined();
    }
    expect(timeFromId('7338478849231516506', Date.UTC(2025, 0, 1))).toBeUndefined();
  });
});

describe('URNs and links', () => {
  it('reads activity, ugcPost and share URNs; nothing else', () => {
    expect(postUrn('urn:li:activity:7242285086220460033')).toEqual({
      type: 'activity',
      id: '7242285086220460033',
    });
    expect(postUrn('urn:li:ugcPost:7060221630244900864')?.type).toBe('ugcPost');
    for (const urn of ['urn:li:comment:(activity:1,2)', 'urn:li:member:1', 1, null, '']) {
      expect(postUrn(urn)).toBeUndefined();
    }
  });

  it.each([
    ['https://cz.linkedin.com/in/honzajavorek?trk=public_post_feed-actor-name', 'honzajavorek'],
    ['/in/pabloborda/', 'pabloborda'],
    ['https://www.linkedin.com/in/Mara-Lindqvist/overlay/contact-info/', 'mara-lindqvist'],
    ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller', 'jürgen-müller'],
    ['https://lk.linkedin.com/company/urban.lk?trk=ppro_cprof', 'company/urban.lk'],
    ['https://www.linkedin.com/company/24i/posts/', 'company/24i'],
  ])('%s is %s', (href, handle) => {
    expect(handleFromHref(href, 'https://www.linkedin.com/feed/')).toBe(handle);
  });

  it.each([
    'https://evil.example/in/someone',
    'https://www.linkedin.com/school/green-fox-academy/',
    'https://www.linkedin.com/feed/hashtag/?keywords=web',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'javascript:alert(1)',
    '',
  ])('%s is nobody', (href) => {
    expect(handleFromHref(href)).toBeUndefined();
  });
});
