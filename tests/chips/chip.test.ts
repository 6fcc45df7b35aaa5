import { describe, expect, it } from 'vitest';
import { chipFor, figure } from '@/lib/chips/chip';
import { computeVetting } from '@/lib/metrics/vet';
import { TIERS, type CreatorRow, type ProfileSnapshot } from '@/lib/model';

const NOW = Date.UTC(2026, 0, 15, 12);
const DAY = 86_400_000;

const snapshot = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  platform: 'tiktok',
  handle: 'ana.cooks',
  url: 'https://www.tiktok.com/@ana.cooks',
  followers: 38_200,
  precision: { followers: 'rounded' },
  recentPosts: [],
  capturedAt: NOW,
  sources: ['tiktok/item-list'],
  ...over,
});
const video = (id: string, views: number, likes: number) => ({
  id,
  views,
  likes,
  comments: 20,
  shares: 5,
  postedAt: NOW - 10 * DAY,
});
const tierWords = (label: string) =>
  TIERS.filter((t) => new RegExp(`\\b${t}\\b`).test(label)).length;

describe('the follower figure', () => {
  it.each([
    [38_217, 'exact', '38,217'],
    [38_200, 'rounded', '≈38.2K'],
    [5_000_000, 'rounded', '≈5.0M'],
    [1_700_000, 'rounded', '≈1.7M'],
    [120_000, 'rounded', '≈120K'],
    [123_400, 'rounded', '≈123K'],
    [850, 'rounded', '850'],
    [500, 'lower-bound', '500+'],
  ] as const)('%d (%s) reads %s', (value, precision, text) => {
    expect(figure(value, precision)).toBe(text);
  });
});

describe('a chip', () => {
  it('says tier, followers, the ER over the videos seen and how many', () => {
    const chip = chipFor(
      { sighting: snapshot({ recentPosts: [video('1', 10_000, 900), video('2', 20_000, 1_500)] }) },
      NOW,
    )!;
    expect(chip.label).toMatch(
      /^Scout: micro, ≈38\.2K followers, ER \d+\.\d% [a-z ]+, 2 videos seen — open card$/,
    );
    expect(tierWords(chip.label)).toBe(1);
    expect(chip.text).toMatch(/^micro · ≈38\.2K · \d+\.\d%$/);
  });

  it('calls a single video low confidence', () => {
    const chip = chipFor({ sighting: snapshot({ recentPosts: [video('1', 10_000, 900)] }) }, NOW)!;
    expect(chip.label).toContain('1 video seen, low confidence');
  });

  it('says "emerging" below 1K followers', () => {
    const chip = chipFor(
      { sighting: snapshot({ followers: 640, precision: { followers: 'exact' } }) },
      NOW,
    )!;
    expect(chip.label).toBe('Scout: emerging, 640 followers — open card');
  });

  it('is not made without a follower count', () => {
    const { followers: _unknown, ...rest } = snapshot();
    expect(chipFor({ sighting: { ...rest, precision: {} } }, NOW)).toBeNull();
    expect(chipFor({}, NOW)).toBeNull();
  });

  it('gives the last vetting and its age for a creator Scout visited', () => {
    const visitedSnapshot = snapshot({
      followers: 41_377,
      precision: { followers: 'exact' },
      capturedAt: NOW - 3 * DAY,
      recentPosts: [video('1', 10_000, 900), video('2', 20_000, 1_500), video('3', 15_000, 800)],
    });
    const visited: CreatorRow = {
      key: 'tiktok:ana.cooks',
      snapshot: visitedSnapshot,
      vetting: computeVetting(visitedSnapshot, { now: NOW - 3 * DAY }).vetting,
      createdAt: NOW - 3 * DAY,
      updatedAt: NOW - 3 * DAY,
    };
    const chip = chipFor({ visited }, NOW)!;
    expect(chip.label).toMatch(/^Scout: micro, 41,377 followers, vetted 3 days ago: ER \d/);
    // A newer sighting's figure wins; the vetting still comes from the visit.
    const newer = chipFor({ visited, sighting: snapshot({ followers: 152_000 }) }, NOW)!;
    expect(newer.label).toMatch(/^Scout: macro, ≈152K followers, vetted 3 days ago/);
    expect(tierWords(newer.label)).toBe(1);
  });
});
