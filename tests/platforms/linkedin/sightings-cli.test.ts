import { describe, expect, it } from 'vitest';
import { followersView, printedSightings } from '../../cli/run';
import { OWN_LINKEDIN } from './load';

// `scout sightings` on a saved LinkedIn feed page read with the bodies it loaded: what the
// extension would file from them, one entry per account, printed as JSON.

const AT = '2025-06-14T12:00:00Z';

const sightings = (url: string, ...files: string[]) =>
  printedSightings(OWN_LINKEDIN, AT, url, files);
const view = followersView;

describe('scout sightings on a LinkedIn feed', () => {
  it('the feed page with its updates and the viewer: each account its own count, no viewer', async () => {
    const printed = await sightings(
      'https://www.linkedin.com/feed/',
      'feed-cards.html',
      'voyager-feed-updates.json',
      'voyager-me.json',
    );
    expect(printed.map(view)).toEqual([
      ['lena-hoff-writes', undefined, undefined],
      ['company/fjordline-media', 12_345, 'exact'],
      ['omar-quist', undefined, undefined],
      ['company/kiln-studio', 2340, 'exact'],
      ['company/northbeam-analytics', 1200, 'rounded'],
      ['company/haus-achtel', undefined, undefined],
    ]);
    expect(printed[0]).toMatchObject({ displayName: 'Lena Hoff', capturedAt: Date.parse(AT) });
    expect(JSON.stringify(printed)).not.toMatch(/viewer-person|pia-lund|50000/);
  });

  it('a people search page: the rows’ own counts, rounded where the page rounds', async () => {
    const printed = await sightings(
      'https://www.linkedin.com/search/results/people/?keywords=video',
      'search-people.html',
    );
    expect(printed.map(view)).toEqual([
      ['nadia-berg', 12_000, 'rounded'],
      ['tobias-lind', 3120, 'exact'],
      ['ivo-marsh', undefined, undefined],
    ]);
  });
});
