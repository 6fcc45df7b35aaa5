import { describe, expect, it } from 'vitest';
import { bandFor, bandIdFor, computeTier } from '@/lib/metrics';

describe('computeTier', () => {
  it.each([
    [0, 'emerging'],
    [999, 'emerging'],
    [1_000, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [250_000_000, 'mega'],
  ] as const)('a creator with %i followers is %s', (followers, tier) => {
    expect(computeTier(followers)).toBe(tier);
  });

  it.each([undefined, null, Number.NaN, -5, Number.POSITIVE_INFINITY])(
    'unknown followers (%s) give no tier, not "emerging"',
    (followers) => {
      expect(computeTier(followers)).toBeNull();
    },
  );
});

describe('bandFor', () => {
  it.each([
    [999, '1K–5K'],
    [1_000, '1K–5K'],
    [4_999, '1K–5K'],
    [5_000, '5K–10K'],
    [9_999, '5K–10K'],
    [10_000, '10K–50K'],
    [49_999, '10K–50K'],
    [50_000, '50K–100K'],
    [99_999, '50K–100K'],
    [100_000, '100K–500K'],
    [499_999, '100K–500K'],
    [500_000, '500K–1M'],
    [999_999, '500K–1M'],
    [1_000_000, '1M+'],
  ] as const)('%i followers are benchmarked in the %s band', (followers, label) => {
    expect(bandFor('instagram', followers)?.label).toBe(label);
  });

  it('an emerging creator borrows the 1K–5K band, marked low confidence', () => {
    const band = bandFor('tiktok', 640);
    expect(band).toMatchObject({ id: '1k-5k', lowConfidence: true });
    expect(band?.notes.join()).toMatch(/under 1K/);
    expect(bandFor('tiktok', 1_000)?.lowConfidence).toBe(false);
  });

  it('every LinkedIn band is low confidence', () => {
    expect(bandFor('linkedin', 38_000)).toMatchObject({ lowConfidence: true, basis: 'followers' });
  });

  it('a 38.2K TikTok creator is held to 8.4–9.4% by views (low 6.28, high 11.38)', () => {
    expect(bandFor('tiktok', 38_200)).toMatchObject({
      label: '10K–50K',
      basis: 'views',
      avg: { from: 8.4, to: 9.4 },
      low: 6.28,
      high: 11.38,
    });
  });

  it('unknown followers give no band', () => {
    expect(bandFor('instagram', undefined)).toBeNull();
    expect(bandIdFor(Number.NaN)).toBeNull();
  });
});
