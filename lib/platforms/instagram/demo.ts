import type { DemoRoute } from '../types';

/**
 * Instagram's demo pages (tests/fixtures/pages/instagram/, invented people): a creator profile,
 * the Explore page with its search panel, the pages' app script and the bodies they fetch: the
 * profile, the Explore grid's two pages (the second asked for on scroll) and the top search.
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
  // The server takes the first route that matches, so the grid's second page (asked with the
  // first page's next_max_id) comes before the first, which carries no max_id.
  {
    host: 'www.instagram.com',
    path: '/api/v1/discover/web/explore_grid/',
    query: { max_id: '1' },
    file: 'instagram/api-explore-grid-max-id-1.json',
  },
  {
    host: 'www.instagram.com',
    path: '/api/v1/discover/web/explore_grid/',
    query: { module: 'explore_popular' },
    file: 'instagram/api-explore-grid.json',
  },
  {
    host: 'www.instagram.com',
    path: '/web/search/topsearch/',
    query: { query: 'trail' },
    file: 'instagram/api-topsearch-trail.json',
  },
];
