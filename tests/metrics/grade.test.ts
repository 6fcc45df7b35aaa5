import { describe, expect, it } from 'vitest';
import {
  BAND_BOUNDS,
  BAND_IDS,
  ER_BENCHMARKS,
  computeGrade,
  gradeEngagement,
  type BandId,
} from '@/lib/metrics';
import { PLATFORM_IDS, type Grade } from '@/lib/model';

const EPS = 0.001;

/** Each step of the five-step grade, at and just past every mark of the band. */
const boundaryCases = PLATFORM_IDS.flatMap((platform) =>
  BAND_IDS.flatMap((id: BandId) => {
    const { avg, low, high } = ER_BENCHMARKS[platform].bands[id];
    const label = BAND_BOUNDS[id].label;
    const cases: [number, Grade][] = [
      [low - EPS, 'low'],
      [low, 'below average'],
      [avg[0] - EPS, 'below average'],
      [avg[0], 'average'],
      [avg[1], 'average'],
      [avg[1] + EPS, 'above average'],
      [high, 'above average'],
      [high + EPS, 'high'],
    ];
    return cases.map(([rate, grade]) => [platform, label, rate, grade] as const);
  }),
);

describe('computeGrade', () => {
  it.each(boundaryCases)('%s %s: an ER of %f%% is graded "%s"', (platform, label, rate, grade) => {
    const id = BAND_IDS.find((b) => BAND_BOUNDS[b].label === label) as BandId;
    const { avg, low, high } = ER_BENCHMARKS[platform].bands[id];
    expect(computeGrade(rate, { avg: { from: avg[0], to: avg[1] }, low, high })).toBe(grade);
  });

  it.each([null, undefined, Number.NaN, -1])('an unknown ER (%s) gets no grade', (rate) => {
    expect(computeGrade(rate, { avg: { from: 1, to: 2 }, low: 0.5, high: 3 })).toBeNull();
  });
});

describe('gradeEngagement', () => {
  it('a 38.2K TikTok creator at 9.1% by views is average for 10K–50K', () => {
    expect(gradeEngagement('tiktok', 'views', 9.1, 38_200)).toMatchObject({
      grade: 'average',
      band: { label: '10K–50K', platform: 'tiktok' },
      note: null,
    });
  });

  it('Instagram reels by views are graded against TikTok bands, and the result says so', () => {
    const result = gradeEngagement('instagram', 'views', 9.1, 38_200);
    expect(result.band?.platform).toBe('tiktok');
    expect(result.grade).toBe('average');
    expect(result.note).toMatch(/TikTok by-views bands/);
  });

  it('an Instagram feed ER by followers is graded against the Instagram bands', () => {
    expect(gradeEngagement('instagram', 'followers', 1.0, 38_200)).toMatchObject({
      grade: 'average',
      band: { platform: 'instagram', avg: { from: 0.84, to: 1.11 } },
    });
  });

  it.each([
    ['followers', /not by followers/],
    ['lifetime', /lifetime rate is not comparable/],
  ] as const)('a TikTok %s rate is shown but not graded (no such benchmark)', (basis, note) => {
    const result = gradeEngagement('tiktok', basis, 3.2, 38_200);
    expect(result).toMatchObject({ grade: null, band: null });
    expect(result.note).toMatch(note);
  });

  it('a LinkedIn grade is low confidence', () => {
    expect(gradeEngagement('linkedin', 'followers', 0.7, 5_740)).toMatchObject({
      grade: 'average',
      lowConfidence: true,
    });
  });

  it('unknown followers: no band, no grade', () => {
    expect(gradeEngagement('instagram', 'followers', 1.0, undefined)).toMatchObject({
      grade: null,
      band: null,
    });
  });
});
