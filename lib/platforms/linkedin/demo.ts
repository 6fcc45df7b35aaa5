import type { DemoRoute } from '../types';

/**
 * LinkedIn's demo pages (tests/fixtures/pages/linkedin/, invented people): a member's profile and
 * activity, the feed, the pages' app script and the Voyager bodies they fetch: the member's network
 * numbers, the viewer, and the feed's two pages of updates (the second asked for on scroll).
 */
export const linkedinDemo: readonly DemoRoute[] = [
  {
    host: 'www.linkedin.com',
    path: '/in/jonas-weber-b2b/',
    file: 'linkedin/profile-jonas-weber.html',
    creator: { platform: 'linkedin', handle: 'jonas-weber-b2b', name: 'Jonas Weber' },
  },
  { host: 'www.linkedin.com', path: '/feed/', file: 'linkedin/feed.html' },
  {
    host: 'www.linkedin.com',
    path: '/in/jonas-weber-b2b/recent-activity/all/',
    file: 'linkedin/activity-jonas-weber.html',
    creator: { platform: 'linkedin', handle: 'jonas-weber-b2b', name: 'Jonas Weber' },
  },
  { host: 'www.linkedin.com', path: '/static/demo-app.js', file: 'linkedin/demo-app.js' },
  {
    host: 'www.linkedin.com',
    path: '/voyager/api/identity/profiles/jonas-weber-b2b/networkinfo',
    file: 'linkedin/api-networkinfo-jonas-weber.json',
  },
  { host: 'www.linkedin.com', path: '/voyager/api/me', file: 'linkedin/api-me-viewer.json' },
  ...['0', '5'].map((start): DemoRoute => ({
    host: 'www.linkedin.com',
    path: '/voyager/api/feed/updatesV2',
    query: { q: 'feed', start },
    file: `linkedin/api-feed-updates-start-${start}.json`,
  })),
];
