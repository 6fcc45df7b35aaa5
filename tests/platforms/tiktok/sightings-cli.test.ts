import { describe, expect, it } from 'vitest';
import { followersView, printedSightings } from '../../cli/run';
import { OWN_TIKTOK } from './load';

// `scout sightings` on TikTok's feed, search and list bodies: what the extension would file from
// them, one entry per creator, printed as JSON.

const AT = '2025-12-01T09:00:00Z';

const sightings = (url: string, ...files: string[]) => printedSightings(OWN_TIKTOK, AT, url, files);
const view = followersView;

describe('scout sightings on TikTok bodies', () => {
  it('a For You feed: each author with their own count, never a duet’s or stitch’s other account', async () => {
    const printed = await sightings(
      'https://www.tiktok.com/foryou',
      'api-recommend-item-list-foryou.json',
    );
    expect(printed.map(view)).toEqual([
      ['ines.paints', 38_200, 'rounded'],
      ['kit.duets', 6200, 'exact'],
      ['sol.sings', 1_312_467, 'exact'],
      ['juno.hikes', undefined, undefined],
      ['lea.lifts', undefined, undefined],
    ]);
    expect(printed[0]).toMatchObject({ capturedAt: Date.parse(AT) });
  });

  it('search answers read together, with the page carrying the viewer: one entry per account, no viewer', async () => {
    const printed = await sightings(
      'https://www.tiktok.com/search?q=bread',
      'foryou.html',
      'api-search-general-full-knitting.json',
      'api-search-user-full-bakers.json',
      'api-search-item-full-sourdough.json',
    );
    expect(printed.map(view)).toEqual([
      ['mara.knits', 38_217, 'exact'],
      ['knit.club', undefined, undefined],
      ['purl.petra', 52_300, 'rounded'],
      ['wool.wim', 2_400_000, 'rounded'],
      ['bo.bakes', 12_345, 'exact'],
      ['crumb.carla', 880_000, 'rounded'],
      ['dan.dough', 9400, 'exact'],
    ]);
  });
});
