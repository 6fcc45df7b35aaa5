import { describe, expect, it } from 'vitest';
import { tiktokTap } from '../../../lib/platforms/tiktok/tap';
import {
  allowance,
  rulesForHost,
  TAP_MAX_BODY,
  TAP_MAX_COMMENTS_BODY,
} from '../../../lib/tap/allow-list';
import { TAP_SOURCES, tapCopies } from '../../tap/rules';

// The tap copies only the TikTok responses Scout reads (lib/platforms/tiktok/tap.ts): the page's
// creator (profile list, user and video detail) and the lists of other creators (feeds, search,
// lists of accounts), which the content script sends as sightings on any TikTok page; and a
// video's comment pages, capped smaller than the rest (lib/tap/allow-list.ts, TAP_MAX_COMMENTS_BODY).

/** True when the rule that copies this URL marks it a list of other creators. */
function isList(href: string): boolean {
  const path = new URL(href).pathname;
  return tiktokTap.rules.some((rule) => rule.lists === true && rule.path.test(path));
}

const TT = 'https://www.tiktok.com';

/** The largest body the tap built with every platform's rules copies from this URL (0: none). */
function capOf(href: string): number {
  const url = new URL(href);
  return allowance(rulesForHost(url.hostname, TAP_SOURCES), url.pathname, () => null);
}

describe('the TikTok tap rules', () => {
  it.each([
    `${TT}/api/post/item_list/?secUid=x&count=35`,
    `${TT}/api/user/detail/?uniqueId=x`,
    `${TT}/api/item/detail/?itemId=7444705554666130708`,
  ])('copies %s, the page’s own creator (not a list)', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(isList(href)).toBe(false);
  });

  it.each([
    `${TT}/api/recommend/item_list/?count=8&region=KR`,
    `${TT}/api/explore/item_list/?categoryType=120`,
    `${TT}/api/related/item_list/?itemID=7444705554666130708`,
    `${TT}/api/challenge/item_list/?challengeID=1603337491084290`,
    `${TT}/api/music/item_list/?musicID=7444705829305043713`,
    `${TT}/api/following/item_list/?count=20`,
    `${TT}/api/search/general/full/?keyword=knitting`,
    `${TT}/api/search/user/full/?keyword=bakers`,
    `${TT}/api/search/item/full/?keyword=sourdough`,
    `${TT}/api/user/list/?secUid=x&scene=21`,
    'https://m.tiktok.com/api/recommend/item_list',
  ])('copies %s as a list of other creators', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(isList(href)).toBe(true);
  });

  it.each([
    `${TT}/api/im/message/`,
    `${TT}/foryou`,
    `${TT}/api/comment/publish/?aweme_id=1`,
    `${TT}/api/comment/digg/?cid=1`,
    `${TT}/api/comment/list/extra/`,
    `${TT}/api/search/general/preview/?keyword=k`,
    `${TT}/api/recommend/item_list/extra`,
    `${TT}/x/api/recommend/item_list/`,
    `${TT}/api/user/settings/`,
    'https://www.tiktok.com.evil.example/api/recommend/item_list/',
  ])('leaves %s alone', (href) => {
    expect(tapCopies(href)).toBe(false);
  });

  it.each([
    `${TT}/api/comment/list/?aweme_id=7497343015539092977&count=20&cursor=0`,
    `${TT}/api/comment/list/reply/?comment_id=7497363726326533744&item_id=7497343015539092977`,
    `${TT}/api/comment/list`,
  ])('copies %s, a page of comments, up to the comments cap and not as a list', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(isList(href)).toBe(false);
    expect(capOf(href)).toBe(TAP_MAX_COMMENTS_BODY);
  });

  it('keeps the common cap for the other responses', () => {
    expect(TAP_MAX_COMMENTS_BODY).toBeLessThan(TAP_MAX_BODY);
    expect(capOf(`${TT}/api/post/item_list/?secUid=x`)).toBe(TAP_MAX_BODY);
    expect(capOf(`${TT}/api/recommend/item_list/`)).toBe(TAP_MAX_BODY);
  });

  it('keeps its patterns flag-free (the tap compiles their sources)', () => {
    for (const rule of tiktokTap.rules) expect(rule.path.flags).toBe('');
  });
});
