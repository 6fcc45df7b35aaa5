import { describe, expect, it } from 'vitest';
import {
  computeCampaign,
  computeVetting,
  toCampaignCreator,
  type CampaignCreator,
} from '@/lib/metrics';
import { CAPTURED, snapshot, videosAtRates } from './builders';

const usd = (low: number, mid: number, high: number) => ({ low, mid, high, currency: 'USD' });

const igFeed: CampaignCreator = {
  key: 'instagram:ana',
  platform: 'instagram',
  followers: 38_000,
  er: 1,
  basis: 'followers',
  medianViews: null,
  price: usd(290, 380, 480),
};
const ttVideo: CampaignCreator = {
  key: 'tiktok:jane',
  platform: 'tiktok',
  followers: 38_200,
  er: 9,
  basis: 'views',
  medianViews: 40_000,
  price: usd(170, 230, 290),
};
const unknownEr: CampaignCreator = {
  key: 'instagram:bo',
  platform: 'instagram',
  followers: 20_000,
  er: null,
  basis: null,
  medianViews: null,
  price: usd(150, 200, 250),
};

describe('list totals', () => {
  const { list } = computeCampaign([igFeed, ttVideo, unknownEr]);

  it('reach is the sum of followers: 96,200 over 3 creators', () => {
    expect(list.reach).toEqual({ value: 96_200, covered: 3, of: 3 });
  });

  it('expected engagements: followers × ER, or median views × ER for views-based creators', () => {
    // 38,000 × 1% + 40,000 × 9%; the creator with unknown ER is not counted as 0, just not covered.
    expect(list.expectedEngagements).toEqual({ value: 3_980, covered: 2, of: 3 });
  });

  it('cost is the sum of the quotes, with its range: 610–1,020 USD, mid 810', () => {
    expect(list.cost).toEqual({
      low: 610,
      mid: 810,
      high: 1_020,
      currency: 'USD',
      covered: 3,
      of: 3,
    });
  });

  it('CPE is over the creators with both a price and an ER; CPM over views or followers', () => {
    // (380 + 230) / 3,980 = 0.153; 810 / (38,000 + 40,000 + 20,000) × 1000 = 8.27
    expect(list.cpe?.mid).toBe(0.153);
    expect(list.cpm?.mid).toBe(8.27);
  });

  it('quotes in different currencies are not added up', () => {
    const eur = { ...ttVideo, price: { ...usd(160, 210, 270), currency: 'EUR' } };
    const plan = computeCampaign([igFeed, eur]);
    expect(plan.list.cost).toBeNull();
    expect(plan.list.cpe).toBeNull();
  });

  it('an empty list has unknown totals and no comparison', () => {
    const plan = computeCampaign([]);
    expect(plan.list.reach.value).toBeNull();
    expect(plan.list.cost).toBeNull();
    expect(plan.macro).toBeNull();
  });
});

describe('N creators vs one macro creator of the same reach', () => {
  const tenMicros = Array.from({ length: 10 }, (_, i) => ({
    ...igFeed,
    key: `instagram:c${i}`,
    er: 2,
  }));

  it('10 Instagram micros at 38K and 2% vs one 380K macro at the 100K–500K median', () => {
    const plan = computeCampaign(tenMicros);
    expect(plan.list).toMatchObject({
      reach: { value: 380_000 },
      expectedEngagements: { value: 7_600 },
      cost: { low: 2_900, mid: 3_800, high: 4_800 },
    });
    expect(plan.macro).toMatchObject({
      platform: 'instagram',
      band: '100K–500K',
      er: 1.005,
      basis: 'followers',
      reach: { value: 380_000 },
      expectedEngagements: { value: 3_819 },
      cost: { low: 2_850, mid: 3_800, high: 4_750, currency: 'USD' },
    });
    expect(plan.notes[0]).toBe(
      '10 creators vs one macro Instagram creator of the same reach (100K–500K band, median ER 1.005% by followers, post)',
    );
    // Same money, twice the engagements: the micro list's CPE is half the macro's.
    expect(plan.list.cpe!.mid).toBeLessThan(plan.macro!.cpe!.mid);
  });

  it('a TikTok macro is given the list’s views per follower, and the note says so', () => {
    const plan = computeCampaign(
      Array.from({ length: 5 }, (_, i) => ({ ...ttVideo, key: `tiktok:t${i}` })),
    );
    expect(plan.macro).toMatchObject({ basis: 'views', band: '100K–500K' });
    expect(plan.macro?.impressions.value).toBe(Math.round(191_000 * (40_000 / 38_200)));
    expect(plan.notes.join(' ')).toMatch(/1.05 views per follower/);
  });

  it('a list reaching 2.4M is compared at the top macro band, with a warning', () => {
    const plan = computeCampaign(
      Array.from({ length: 60 }, (_, i) => ({
        ...igFeed,
        key: `instagram:m${i}`,
        followers: 40_000,
      })),
    );
    expect(plan.macro?.band).toBe('500K–1M');
    expect(plan.notes.join(' ')).toMatch(/outside the macro tier/);
  });
});

describe('toCampaignCreator', () => {
  it('takes the main deliverable’s quote and the median views from the snapshot', () => {
    const s = snapshot({ recentPosts: videosAtRates(Array(12).fill(8.9), 40_000) });
    const { vetting } = computeVetting(s, { now: CAPTURED });
    expect(toCampaignCreator(s, vetting)).toEqual({
      key: 'tiktok:jane',
      platform: 'tiktok',
      followers: 38_200,
      er: 8.9,
      basis: 'views',
      medianViews: 40_000,
      price: usd(170, 230, 290),
    });
  });
});
