import {
  PLATFORM_IDS,
  type ErBasis,
  type Platform,
  type ProfileSnapshot,
  type Vetting,
} from '../model';
import { platformFacts } from '../platforms';
import { TIER_BOUNDS } from './benchmarks';
import { computeEngagement } from './engagement';
import { clamp, fmtInt, isCount, isPositive, plural, ratio, roundMoney, roundTo } from './numbers';
import {
  computeRates,
  DEFAULT_RATE_CARD,
  MAIN_DELIVERABLE,
  type Deliverable,
  type Range,
  type RateCard,
} from './rates';
import { bandFor } from './tier';

/** One creator of a list, as the campaign totals need it. */
export interface CampaignCreator {
  key?: string;
  platform: Platform;
  followers: number | null;
  /** Engagement rate, percent; null when unknown. */
  er: number | null;
  basis: ErBasis | null;
  /** Median views per post, for views-based creators. */
  medianViews: number | null;
  /** The quote for the deliverable being bought; null when unknown. */
  price: (Range & { currency: string }) | null;
}

/** A total over the creators whose part is known: `value` is null when none is. */
export interface Covered {
  value: number | null;
  /** How many creators the total covers, of `of`. */
  covered: number;
  of: number;
}

/** One side of a plan: the list, or one macro creator of the same reach. */
export interface CampaignSide {
  creators: number;
  reach: Covered;
  /** Expected views (views-based creators: median views) or followers. */
  impressions: Covered;
  expectedEngagements: Covered;
  cost: (Range & { currency: string; covered: number; of: number }) | null;
  /** Cost per expected engagement, over creators with both a price and an ER. */
  cpe: Range | null;
  /** Cost per 1,000 impressions, over creators with a price and a reach. */
  cpm: Range | null;
}

export interface MacroSide extends CampaignSide {
  platform: Platform;
  band: string;
  /** The macro band's median ER, percent. */
  er: number;
  basis: 'views' | 'followers';
}

export interface CampaignPlan {
  list: CampaignSide;
  /** One macro creator of the same reach at macro-band benchmarks; null when reach is unknown. */
  macro: MacroSide | null;
  /** "12 creators vs one macro creator of the same reach", and what the comparison assumes. */
  notes: string[];
}

export interface CampaignOptions {
  rateCard?: RateCard;
  /** The macro creator's platform; default: the list's most common platform. */
  platform?: Platform;
  /** The macro creator's deliverable; default: the platform's main one (post, video). */
  deliverable?: Deliverable;
}

/** Impressions of one creator: median views for views-based rates, else followers. */
function impressionsOf(c: CampaignCreator): number | null {
  if (c.basis === 'views' && isPositive(c.medianViews)) return c.medianViews;
  return isCount(c.followers) ? c.followers : null;
}

function engagementsOf(c: CampaignCreator): number | null {
  const base = impressionsOf(c);
  return base === null || !isCount(c.er) ? null : (base * c.er) / 100;
}

function covered(values: readonly (number | null)[], digits = 0): Covered {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return {
    value:
      known.length === 0
        ? null
        : roundTo(
            known.reduce((a, b) => a + b, 0),
            digits,
          ),
    covered: known.length,
    of: values.length,
  };
}

/** Σ price / Σ denominator (× scale) over the creators that have both. */
function costPer(
  creators: readonly CampaignCreator[],
  denominator: (c: CampaignCreator) => number | null,
  scale: number,
): Range | null {
  const both = creators.filter((c) => c.price !== null && isPositive(denominator(c)));
  if (both.length === 0) return null;
  const total = both.reduce((t, c) => t + (denominator(c) as number), 0);
  const per = (k: keyof Range) => {
    const r = ratio(both.reduce((t, c) => t + (c.price as Range)[k], 0) * scale, total);
    return r === null ? null : roundMoney(r);
  };
  const low = per('low');
  const mid = per('mid');
  const high = per('high');
  return low === null || mid === null || high === null ? null : { low, mid, high };
}

function side(creators: readonly CampaignCreator[]): CampaignSide {
  const priced = creators.filter((c) => c.price !== null);
  const currencies = new Set(priced.map((c) => c.price?.currency));
  const sum = (k: keyof Range) => priced.reduce((t, c) => t + (c.price as Range)[k], 0);
  const currency = [...currencies][0];
  const cost =
    priced.length === 0 || currencies.size !== 1 || currency === undefined
      ? null
      : {
          low: sum('low'),
          mid: sum('mid'),
          high: sum('high'),
          currency,
          covered: priced.length,
          of: creators.length,
        };
  return {
    creators: creators.length,
    reach: covered(creators.map((c) => (isCount(c.followers) ? c.followers : null))),
    impressions: covered(creators.map(impressionsOf)),
    expectedEngagements: covered(creators.map(engagementsOf)),
    cost,
    cpe: cost === null ? null : costPer(creators, engagementsOf, 1),
    cpm: cost === null ? null : costPer(creators, impressionsOf, 1000),
  };
}

function mostCommonPlatform(creators: readonly CampaignCreator[]): Platform | null {
  let best: Platform | null = null;
  let bestCount = 0;
  for (const p of PLATFORM_IDS) {
    const n = creators.filter((c) => c.platform === p).length;
    if (n > bestCount) [best, bestCount] = [p, n];
  }
  return best;
}

const MACRO = TIER_BOUNDS.find((t) => t.tier === 'macro') as { min: number; max: number };

/**
 * Totals for a list of vetted creators (reach = Σ followers; expected engagements = Σ followers × ER,
 * or Σ median views × ER for views-based creators; cost = Σ quotes; CPE; CPM) and, side by side, one
 * macro creator of the same reach priced and measured at macro-band benchmarks.
 */
export function computeCampaign(
  creators: readonly CampaignCreator[],
  options: CampaignOptions = {},
): CampaignPlan {
  const card = options.rateCard ?? DEFAULT_RATE_CARD;
  const list = side(creators);
  const notes: string[] = [];
  const platform = options.platform ?? mostCommonPlatform(creators);
  const reach = list.reach.value;
  if (platform === null || !isPositive(reach)) {
    return { list, macro: null, notes: ['reach unknown: no macro comparison'] };
  }

  // A macro creator's followers are 100K–1M: a list reaching more is compared with the top of it.
  const band = bandFor(platform, clamp(reach, MACRO.min, MACRO.max - 1));
  if (!band) return { list, macro: null, notes: ['no macro band for this platform'] };
  if (reach < MACRO.min || reach >= MACRO.max) {
    notes.push(
      `the list reaches ${fmtInt(reach)}, outside the macro tier (100K–1M): macro benchmarks are a stretch`,
    );
  }

  // Views per follower of the list's views-based creators on this platform stand in for the macro
  // creator's views, which no benchmark gives; without any, views are taken as followers.
  let impressions = reach;
  if (band.basis === 'views') {
    const viewed = creators.filter(
      (c) =>
        c.platform === platform &&
        c.basis === 'views' &&
        isPositive(c.medianViews) &&
        isPositive(c.followers),
    );
    const perFollower = ratio(
      viewed.reduce((t, c) => t + (c.medianViews as number), 0),
      viewed.reduce((t, c) => t + (c.followers as number), 0),
    );
    if (perFollower === null)
      notes.push('macro views assumed equal to followers (no views in the list)');
    else {
      impressions = Math.round(reach * perFollower);
      notes.push(`macro views assumed at the list's ${roundTo(perFollower, 2)} views per follower`);
    }
  }

  const estimate = computeRates(
    {
      platform,
      followers: reach,
      er: band.median,
      basis: band.basis,
      band,
      medianViews: band.basis === 'views' ? impressions : null,
    },
    card,
  );
  const deliverable = options.deliverable ?? MAIN_DELIVERABLE[platform];
  const quote = estimate.rates.find((r) => r.deliverable === deliverable) ?? estimate.rates[0];
  const macroCreator: CampaignCreator = {
    platform,
    followers: reach,
    er: band.median,
    basis: band.basis,
    medianViews: band.basis === 'views' ? impressions : null,
    price: quote
      ? { low: quote.low, mid: quote.mid, high: quote.high, currency: quote.currency }
      : null,
  };
  notes.unshift(
    `${plural(creators.length, 'creator', 'creators')} vs one macro ` +
      `${platformFacts(platform).name} creator of the same reach (${band.label} band, median ER ` +
      `${band.median}% by ${band.basis}, ${quote?.label ?? deliverable})`,
  );
  return {
    list,
    macro: {
      ...side([macroCreator]),
      platform,
      band: band.label,
      er: band.median,
      basis: band.basis,
    },
    notes,
  };
}

/**
 * A list entry from its latest snapshot and vetting: the quote of `deliverable` (default: the
 * platform's main one), and median views recomputed from the snapshot for views-based creators.
 */
export function toCampaignCreator(
  snapshot: ProfileSnapshot,
  vetting: Vetting,
  deliverable?: string,
): CampaignCreator {
  const wanted = deliverable ?? MAIN_DELIVERABLE[snapshot.platform];
  const rate = vetting.rates.find((r) => r.deliverable === wanted);
  return {
    key: `${snapshot.platform}:${snapshot.handle}`,
    platform: snapshot.platform,
    followers: isCount(snapshot.followers) ? snapshot.followers : null,
    er: vetting.engagement.rate,
    basis: vetting.engagement.basis,
    medianViews:
      vetting.engagement.basis === 'views' ? computeEngagement(snapshot).medianViews : null,
    price: rate ? { low: rate.low, mid: rate.mid, high: rate.high, currency: rate.currency } : null,
  };
}
