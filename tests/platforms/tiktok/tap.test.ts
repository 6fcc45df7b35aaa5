import { describe, expect, it } from 'vitest';
import { tapCopies } from '../../tap/rules';

// The tap copies only the TikTok responses Scout reads (lib/platforms/tiktok/tap.ts).

describe('the TikTok tap rules', () => {
  it.each([
    'https://www.tiktok.com/api/post/item_list/?secUid=x&count=35',
    'https://www.tiktok.com/api/user/detail/?uniqueId=x',
  ])('copies %s', (href) => {
    expect(tapCopies(href)).toBe(true);
  });

  it.each(['https://www.tiktok.com/api/im/message/', 'https://www.tiktok.com/foryou'])(
    'leaves %s alone',
    (href) => {
      expect(tapCopies(href)).toBe(false);
    },
  );
});
