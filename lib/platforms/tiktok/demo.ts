import type { DemoRoute } from '../types';

/**
 * TikTok's demo pages (tests/fixtures/pages/tiktok/, invented people): two creator profiles, a
 * video page whose script loads its comments page by page, the For You feed and a search page, the pages' app script and the API bodies it fetches: each
 * creator's videos and details, and each feed's two pages (the second asked for on scroll).
 */
export const tiktokDemo: readonly DemoRoute[] = [
  {
    host: 'www.tiktok.com',
    path: '/@mara.bakes',
    file: 'tiktok/profile-mara-bakes.html',
    creator: { platform: 'tiktok', handle: 'mara.bakes', name: 'Mara Bakes' },
  },
  {
    host: 'www.tiktok.com',
    path: '/@ravi.fixes.bikes',
    file: 'tiktok/profile-ravi-fixes-bikes.html',
    creator: { platform: 'tiktok', handle: 'ravi.fixes.bikes', name: 'Ravi Fixes Bikes' },
  },
  {
    host: 'www.tiktok.com',
    path: '/@juno.knits/video/7510000000000000001',
    file: 'tiktok/video-juno-knits.html',
    creator: { platform: 'tiktok', handle: 'juno.knits', name: 'Juno Knits' },
  },
  ...['0', '20'].map((cursor): DemoRoute => ({
    host: 'www.tiktok.com',
    path: '/api/comment/list/',
    query: { aweme_id: '7510000000000000001', cursor },
    file: `tiktok/api-comment-list-juno-knits-cursor-${cursor}.json`,
  })),
  { host: 'www.tiktok.com', path: '/foryou', file: 'tiktok/feed.html' },
  { host: 'www.tiktok.com', path: '/', file: 'tiktok/feed.html' },
  { host: 'www.tiktok.com', path: '/search', file: 'tiktok/search.html' },
  ...['0', '1'].map((cursor): DemoRoute => ({
    host: 'www.tiktok.com',
    path: '/api/recommend/item_list/',
    query: { cursor },
    file: `tiktok/api-recommend-item-list-cursor-${cursor}.json`,
  })),
  ...['0', '12'].map((offset): DemoRoute => ({
    host: 'www.tiktok.com',
    path: '/api/search/general/full/',
    query: { keyword: 'bread', offset },
    file: `tiktok/api-search-general-bread-offset-${offset}.json`,
  })),
  { host: 'www.tiktok.com', path: '/static/demo-app.js', file: 'tiktok/demo-app.js' },
  ...[
    ['mara.bakes', 'MS4wLjABAAAAdemoMaraBakesSecUid0000000000000000000000000000000'],
    ['ravi.fixes.bikes', 'MS4wLjABAAAAdemoRaviFixesBikesSecUid000000000000000000000000000'],
  ].flatMap(([handle, secUid]): DemoRoute[] => {
    const name = handle!.replaceAll('.', '-');
    return [
      {
        host: 'www.tiktok.com',
        path: '/api/post/item_list/',
        query: { secUid: secUid! },
        file: `tiktok/api-item-list-${name}.json`,
      },
      {
        host: 'www.tiktok.com',
        path: '/api/user/detail/',
        query: { uniqueId: handle! },
        file: `tiktok/api-user-detail-${name}.json`,
      },
    ];
  }),
];
