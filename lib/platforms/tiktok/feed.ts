import type { FeedSide } from '../types';
import { tiktokUrls } from './url';

/**
 * What holds one feed item on TikTok's web pages, nearest first: its own containers by their
 * `data-e2e` names (For You and following `recommend-list-item-container`, search's
 * `search_top-item` and user cards, `explore-item`, `challenge-item`, `music-item`,
 * `user-post-item`: the names end in `-item`, `item-container` or `user-container`), else the
 * closest article, list item or role listitem, for markup that renames them.
 */
const ITEM =
  '[data-e2e$="-item"],[data-e2e$="item-container"],[data-e2e$="user-container"],' +
  'article,li,[role="listitem"]';

/**
 * A video's caption (`video-desc` in feeds, `browse-video-desc` on a video page, `search-card-desc`
 * and `*-caption` in search): an @mention there says nothing about that account, and its chip
 * would sit in someone else's item.
 */
const CAPTION = '[data-e2e$="-desc"],[data-e2e*="caption"]';

/**
 * TikTok's feeds on the host page: a creator link is one to a profile, `/@handle`, relative or
 * absolute, on a TikTok host, outside a caption; a video (`/@handle/video/…`), a hashtag, a sound,
 * a place or search is not. String work, then one `closest` for a profile link; never throws.
 */
export const tiktokFeed: FeedSide = {
  links: 'a[href*="/@"]',
  creatorOf(link, page) {
    const href = link.getAttribute('href');
    if (!href) return null;
    let handle: string | null = null;
    try {
      const url = new URL(href, page);
      if (!tiktokUrls.ownsHost(url.hostname)) return null;
      const match = tiktokUrls.match(url);
      handle = match?.kind === 'profile' ? (match.handle ?? null) : null;
    } catch {
      return null;
    }
    // The ancestor walk last: most links that pass the string tests are creators' (the videos' links fail them).
    return handle && !link.closest(CAPTION) ? handle : null;
  },
  itemOf: (link) => link.closest(ITEM),
};
