import type { DemoRoute } from '../types';

/**
 * Instagram's demo pages (tests/fixtures/pages/instagram/, invented people): a creator profile,
 * the explore page, the pages' app script and the profile body it fetches.
 */
export const instagramDemo: readonly DemoRoute[] = [
  {
    host: 'www.instagram.com',
    path: '/lena.trails/',
    file: 'instagram/profile-lena-trails.html',
    creator: { platform: 'instagram', handle: 'lena.trails', name: 'Lena Trails' },
  },
  { host: 'www.instagram.com', path: '/explore/', file: 'instagram/explore.html' },
  { host: 'www.instagram.com', path: '/static/demo-app.js', file: 'instagram/demo-app.js' },
  {
    host: 'www.instagram.com',
    path: '/api/v1/users/web_profile_info/',
    query: { username: 'lena.trails' },
    file: 'instagram/api-web-profile-info-lena-trails.json',
  },
];
