import { describe, expect, it } from 'vitest';
import { mayFile } from '../../../lib/extract/authorship';
import type { ProfileSnapshot } from '../../../lib/model';
import type { ExtractResult } from '../../../lib/platforms/types';
import { extractTexts, linkedin, OWN_LINKEDIN, OWN_NOW, readingsOf, readText } from './load';

// Whose page a LinkedIn page is (lib/extract/authorship.ts), on Scout's own invented pages and
// bodies: a reshared account's numbers are never the resharer's, and a body that gives the page's
// post to someone else never takes it from the author the page names.
const own = (file: string) => readText(OWN_LINKEDIN, file);
const RESHARE =
  'https://www.linkedin.com/posts/elin-sand_onboarding-that-sticks-activity-7338112686490834567-Qx2w';
const COMPANY_POST =
  'https://www.linkedin.com/posts/nordlys-analytics_pricing-index-activity-7336773864653286530-Zz9q';
const UPDATES = 'https://www.linkedin.com/voyager/api/identity/profileUpdatesV2?q=memberShareFeed';

function snapshotOf(result: ExtractResult): ProfileSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.problem}: ${result.reason}`);
  return result.snapshot;
}

/** mara-lindqvist's profile updates, edited so that her first update is the company's post. */
const forgedUpdates = () =>
  own('voyager-profile-updates.json').replaceAll('7338478849231516506', '7336773864653286530');

describe('a person resharing a company’s post', () => {
  it('reads as the person, with her 1,875 followers, never the company’s 48,200', () => {
    const result = extractTexts([own('post-reshare.html')], RESHARE, { now: OWN_NOW });
    const s = snapshotOf(result);
    expect(s).toMatchObject({
      handle: 'elin-sand',
      displayName: 'Elin Sand',
      followers: 1875,
      precision: { followers: 'exact' },
    });
    expect(s.recentPosts).toMatchObject([{ id: '7338112686490834567', likes: 17 }]);
    const text = JSON.stringify(s);
    for (const company of ['48200', '48,200', 'fjord-tools', '7337863544833234567']) {
      expect(text).not.toContain(company);
    }
    expect(result).toMatchObject({ namedBy: 'document' });
  });

  it('gives the reshared company its own 48,200, on its own reading only', () => {
    const readings = readingsOf(own('post-reshare.html'), new URL(RESHARE), OWN_NOW);
    const withCount = readings.filter((r) => r.counts.followers?.value === 48_200);
    expect(withCount.map((r) => r.handle)).toEqual(['company/fjord-tools']);
    const result = extractTexts(
      [own('post-reshare.html')],
      'https://www.linkedin.com/company/fjord-tools/',
      { now: OWN_NOW },
    );
    const s = snapshotOf(result);
    expect(s).toMatchObject({ handle: 'company/fjord-tools', followers: 48_200, recentPosts: [] });
    for (const person of ['1875', 'elin-sand', 'Elin Sand', '7338112686490834567']) {
      expect(JSON.stringify(s)).not.toContain(person);
    }
  });

  it('never gives the reshare to the company when the page lost the person’s time and JSON-LD', () => {
    // A half-rendered page: the actor line's <time> and the JSON-LD are gone, the reshared post's
    // lockup (with its own time) is still there.
    const html = own('post-reshare.html')
      .replace('<span><time>4d</time></span>', '')
      .replace(/<script type="application\/ld\+json">[^]*?<\/script>/, '');
    const readings = readingsOf(html, new URL(RESHARE), OWN_NOW);
    const owners = readings.filter((r) => r.posts.some((p) => p.id === '7338112686490834567'));
    expect(owners.map((r) => r.handle)).not.toContain('company/fjord-tools');
    const result = extractTexts([html], RESHARE, { now: OWN_NOW });
    if (result.ok) expect(result.snapshot.handle).not.toBe('company/fjord-tools');
  });
});

describe('a post page whose fetched body gives its post to another author', () => {
  const forged = { text: forgedUpdates(), request: UPDATES };

  it('keeps the document’s author when a fetched body gives the post to someone else', () => {
    const result = extractTexts([own('post-company.html'), forged], COMPANY_POST, {
      now: OWN_NOW,
    });
    const s = snapshotOf(result);
    expect(s).toMatchObject({ handle: 'company/nordlys-analytics', followers: 3412 });
    expect(JSON.stringify(s)).not.toContain('mara-lindqvist');
    expect(result).toMatchObject({ namedBy: 'document' });
  });

  it('without the document, the body’s author is read but never filed for the page', () => {
    const href = 'https://www.linkedin.com/feed/update/urn:li:activity:7336773864653286530/';
    const result = extractTexts([forged], href, { now: OWN_NOW });
    expect(result).toMatchObject({
      ok: true,
      namedBy: 'readings',
      snapshot: { handle: 'mara-lindqvist' },
    });
    expect(mayFile(linkedin.match(new URL(href))!, 'mara-lindqvist', 'readings')).toBe(false);
  });

  it('a profile page is its URL’s person: only what the bodies say about him', () => {
    const result = extractTexts([forged], 'https://www.linkedin.com/in/jon-berg/', {
      now: OWN_NOW,
    });
    // jon-berg is only the author of a post Mara reposted: his name and headline, none of her posts.
    const s = snapshotOf(result);
    expect(s).toMatchObject({ handle: 'jon-berg', displayName: 'Jon Berg', recentPosts: [] });
    expect(JSON.stringify(s)).not.toContain('mara-lindqvist');
    expect(result).toMatchObject({ namedBy: 'url' });
  });
});
