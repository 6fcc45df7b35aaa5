import { describe, expect, it } from 'vitest';
import { computeGrowth, countError, followerSeries } from '@/lib/metrics';
import type { ProfileSnapshot } from '@/lib/model';
import { CAPTURED, DAY, HOUR, snapshot } from './builders';

const at = (followers: number | undefined, before: number, over: Partial<ProfileSnapshot> = {}) =>
  snapshot({ followers, capturedAt: CAPTURED - before, ...over });

describe('computeGrowth', () => {
  it('+1,200 followers in 10 days is +3.14%, 9.42% per 30 days', () => {
    const growth = computeGrowth(snapshot({ followers: 39_400 }), [at(38_200, 10 * DAY)]);
    expect(growth).toMatchObject({
      previous: { followers: 38_200, capturedAt: CAPTURED - 10 * DAY },
      change: 1_200,
      percent: 3.14,
      days: 10,
      per30Days: 9.42,
      rounded: false,
    });
    expect(growth.formula).toBe(
      '+1,200 followers (38,200 → 39,400) in 10 days: 3.14%, 9.42% per 30 days',
    );
  });

  it('compares with the latest earlier snapshot of the same creator only', () => {
    const history = [
      at(30_000, 60 * DAY),
      at(38_000, 5 * DAY),
      at(99_000, 2 * DAY, { handle: 'someone.else' }),
      at(10, -DAY), // later than the snapshot being vetted
      at(undefined, DAY),
    ];
    expect(computeGrowth(snapshot({ followers: 38_200 }), history)).toMatchObject({
      change: 200,
      days: 5,
    });
  });

  it('a loss is shown as a loss', () => {
    expect(computeGrowth(snapshot({ followers: 37_000 }), [at(38_200, 30 * DAY)]).formula).toMatch(
      /^−1,200 followers .*: -3.14%, -3.14% per 30 days$/,
    );
  });

  it('snapshots less than a day apart are not normalised to 30 days', () => {
    const growth = computeGrowth(snapshot({ followers: 38_300 }), [at(38_200, 2 * HOUR)]);
    expect(growth.per30Days).toBeNull();
    expect(growth.formula).toMatch(/less than a day apart/);
  });

  it('rounded counts are said to be rounded', () => {
    const growth = computeGrowth(
      snapshot({ followers: 38_300, precision: { followers: 'rounded' } }),
      [at(38_200, 3 * DAY)],
    );
    expect(growth.rounded).toBe(true);
    expect(growth.formula).toMatch(/counts rounded$/);
  });

  it.each([
    ['a first visit', snapshot(), []],
    ['unknown followers', snapshot({ followers: undefined }), [at(38_200, DAY)]],
  ])('%s: growth unknown, not 0', (_what, s, history) => {
    const growth = computeGrowth(s, history);
    expect(growth).toMatchObject({ change: null, percent: null, per30Days: null, previous: null });
    expect(growth.formula).toMatch(/^unknown/);
  });

  it('growth from 0 followers has a change but no percent', () => {
    const growth = computeGrowth(snapshot({ followers: 50 }), [at(0, 3 * DAY)]);
    expect(growth).toMatchObject({ change: 50, percent: null, per30Days: null });
    expect(JSON.stringify(growth)).not.toMatch(/NaN|Infinity/);
  });
});

describe('countError: how far a rounded count can be off', () => {
  it.each([
    [38_214, 'exact', 0],
    [38_200, undefined, 0],
    [38_200, 'rounded', 50],
    [38_000, 'rounded', 500],
    [1_200_000, 'rounded', 50_000],
    [1_000_000, 'rounded', 50_000],
    [7, 'rounded', 0],
    [500, 'lower-bound', Number.POSITIVE_INFINITY],
  ] as const)('%i (%s) is ±%f', (value, precision, error) => {
    expect(countError(value, precision)).toBe(error);
  });
});

describe('followerSeries', () => {
  it('the snapshot being vetted wins over a history row with the same capture time', () => {
    const series = followerSeries(snapshot({ followers: 2 }), [snapshot({ followers: 1 })]);
    expect(series.map((p) => p.followers)).toEqual([2]);
  });
});
