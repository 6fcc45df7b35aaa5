import { z } from '../model/zod';
import type { AddOn, Confidence, ErBasis, Platform, Precision, Rate } from '../model';
import type { PlatformFacts } from '../platforms/facts';
import { FACTS_IN_ORDER, platformFacts, type Deliverable } from '../platforms';
import {
  ADD_ON_MARKET_RANGES,
  ER_ADJUSTMENT_BOUNDS,
  PRICE_STEPS,
  RATE_RANGE,
  TYPICAL_CPM_USD,
} from './benchmarks';
import {
  clamp,
  fmtInt,
  fmtMoney,
  fmtNum,
  fmtPct,
  isCount,
  isPositive,
  ratio,
  roundMoney,
  roundTo,
} from './numbers';
import type { Band } from './tier';

// ─── Rate card ────────────────────────────────────────────────────────────────────────────────────

const usdPer1k = z.number().check(z.gte(0), z.lte(100_000));
const multiplier = z.number().check(z.gte(0), z.lte(100));
const percent = z.number().check(z.gte(0), z.lte(1_000));

export const ADD_ON_IDS = ['usage-rights', 'exclusivity', 'whitelisting', 'rush'] as const;
export type AddOnId = (typeof ADD_ON_IDS)[number];

/** One platform's row of the rate card: USD per 1K followers, and each deliverable's multiple. */
export interface RateBase {
  per1kFollowers: number;
  [deliverable: string]: number;
}

/** A platform's rate-card row as its facts give it (DESIGN.md's rate model, 2026). */
function defaultBase(facts: PlatformFacts): RateBase {
  const base: RateBase = { per1kFollowers: facts.rates.per1kFollowers };
  for (const d of facts.rates.deliverables) base[d.id] = d.multiple;
  return base;
}

// A stored card written before a platform (or one of its deliverables) was added lacks it: the
// missing row or multiple takes the platform's defaults, the rest of the card stays the user's.
const BaseSchema = z.object(
  Object.fromEntries(
    FACTS_IN_ORDER.map(([id, facts]) => {
      const row = z.object({
        per1kFollowers: usdPer1k,
        ...Object.fromEntries(
          facts.rates.deliverables.map((d) => [d.id, z._default(multiplier, d.multiple)]),
        ),
      });
      return [id, z._default(row, () => defaultBase(facts))];
    }),
  ),
) as unknown as z.ZodMiniType<Record<Platform, RateBase>, Partial<Record<Platform, RateBase>>>;

/**
 * The user's rate card (options page, versioned in storage). Amounts are USD per 1K followers, as
 * the benchmarks are; each deliverable is a multiple of its platform's base. The rows are the
 * registered platforms' (their facts' deliverables). A quote in another currency converts with the
 * rate the user entered (`exchange.rate` units per 1 USD, read on `exchange.date`): Scout has no
 * network to fetch one.
 */
export const RateCardSchema = z
  .object({
    version: z.literal(1),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    exchange: z.optional(
      z.object({ rate: z.number().check(z.positive(), z.lte(1_000_000)), date: z.iso.date() }),
    ),
    base: BaseSchema,
    /** Percent of the deliverable's price; usage rights and exclusivity are per 30 days. */
    addOns: z.object({
      'usage-rights': percent,
      exclusivity: percent,
      whitelisting: percent,
      rush: percent,
    }),
  })
  .check(
    z.refine((card) => card.currency === 'USD' || card.exchange !== undefined, {
      error: 'a currency other than USD needs an exchange rate and its date',
      path: ['exchange'],
    }),
  );
export type RateCard = z.infer<typeof RateCardSchema>;

/** DESIGN.md's rate model (2026): each platform's facts, and the add-ons (RATE_CARD_SOURCE). */
export const DEFAULT_RATE_CARD: RateCard = {
  version: 1,
  currency: 'USD',
  base: Object.fromEntries(FACTS_IN_ORDER.map(([id, f]) => [id, defaultBase(f)])) as Record<
    Platform,
    RateBase
  >,
  addOns: { 'usage-rights': 50, exclusivity: 30, whitelisting: 30, rush: 25 },
};

export type { Deliverable };

/** Each platform's deliverables, in its facts' order. */
export const DELIVERABLES = Object.fromEntries(
  FACTS_IN_ORDER.map(([id, facts]) => [id, facts.rates.deliverables.map((d) => d.id)]),
) as unknown as Readonly<Record<Platform, readonly Deliverable[]>>;

/** How the card and exports write each deliverable ("reel / video"). */
export const DELIVERABLE_LABELS = Object.fromEntries(
  FACTS_IN_ORDER.flatMap(([, facts]) => facts.rates.deliverables.map((d) => [d.id, d.label])),
) as Readonly<Record<Deliverable, string>>;

/** The deliverable a platform is usually bought by (campaign planning, the card's headline). */
export const MAIN_DELIVERABLE = Object.fromEntries(
  FACTS_IN_ORDER.map(([id, facts]) => [id, facts.rates.main]),
) as Readonly<Record<Platform, Deliverable>>;

/** A platform's row of a rate card, or its defaults where the card has none. */
export function rateBase(card: RateCard, platform: Platform): RateBase {
  return (
    (card.base as Partial<Record<Platform, RateBase>>)[platform] ??
    defaultBase(platformFacts(platform))
  );
}

const ADD_ON_INFO: Record<AddOnId, { label: string; per30Days: boolean }> = {
  'usage-rights': { label: 'paid usage rights', per30Days: true },
  exclusivity: { label: 'exclusivity', per30Days: true },
  whitelisting: { label: 'whitelisting / Spark Ads', per30Days: false },
  rush: { label: 'rush', per30Days: false },
};

// ─── Rounding ─────────────────────────────────────────────────────────────────────────────────────

/** The rounding step for a price: 5 under 100, 10 under 1,000, 50 under 10,000, 100 above. */
export function priceStep(value: number): number {
  for (const { below, step } of PRICE_STEPS) if (value < below) return step;
  return 100;
}

/** A price rounded to its step; a positive price never rounds down to 0. Non-finite → 0. */
export function roundPrice(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  const step = priceStep(value);
  return Math.max(step, Math.round(value / step) * step);
}

// ─── Estimate ─────────────────────────────────────────────────────────────────────────────────────

/** What the rate model needs to know about one creator. */
export interface RateInput {
  platform: Platform;
  followers: number | null | undefined;
  followersPrecision?: Precision | undefined;
  /** The primary engagement rate, percent; null when unknown. */
  er: number | null;
  basis: ErBasis | null;
  /** The band the ER was graded against: its median is the adjustment's yardstick. */
  band: Band | null;
  /** Median views per post when the ER is views-based: the quote's expected reach. */
  medianViews: number | null;
}

export interface Range {
  low: number;
  mid: number;
  high: number;
}

/** One deliverable's quote: a `Rate` of lib/model plus the math beside it. */
export interface Quote extends Rate {
  deliverable: Deliverable;
  label: string;
  /** Price per expected engagement (views × ER or followers × ER); null when ER is unknown. */
  cpe: Range | null;
  /** Price per 1,000 expected views (views basis) or followers. */
  cpm: Range | null;
  cpmBasis: 'views' | 'followers' | null;
  /** The mid CPM against the typical $5–15 where the platform's facts compare it; else null. */
  cpmVsTypical: 'below' | 'within' | 'above' | null;
  formula: string;
}

/** An add-on as the card shows it: itemised, never folded into a price. */
export interface AddOnQuote extends AddOn {
  id: AddOnId;
  label: string;
  /** True when the percent is per 30 days (usage rights, exclusivity). */
  per30Days: boolean;
  /** What the market charges, percent; null where DESIGN.md gives no range. */
  marketRange: { from: number; to: number } | null;
}

export interface RateEstimate {
  /** Empty when followers are unknown (see `reason`). */
  rates: Quote[];
  addOns: AddOnQuote[];
  adjustment: { factor: number; applied: boolean; note: string };
  currency: string;
  exchange: { rate: number; date: string } | null;
  /** The typical CPM range in the quote's currency. */
  typicalCpm: { from: number; to: number; currency: string };
  confidence: Confidence;
  /** Why there are no rates; null when there are. */
  reason: string | null;
}

/** Units of the card's currency per USD (1 for USD). */
export function exchangeRate(card: RateCard): number {
  return card.currency === 'USD' ? 1 : (card.exchange?.rate ?? 1);
}

/** The add-ons of a rate card, itemised. */
export function listAddOns(card: RateCard = DEFAULT_RATE_CARD): AddOnQuote[] {
  return ADD_ON_IDS.map((id) => ({
    id,
    percent: card.addOns[id],
    label: ADD_ON_INFO[id].label,
    per30Days: ADD_ON_INFO[id].per30Days,
    marketRange: ADD_ON_MARKET_RANGES[id],
  }));
}

/** × clamp(ER / band median, 0.5, 2.0); 1.0 when ER or a comparable band is unknown, and why. */
export function erAdjustment(input: Pick<RateInput, 'er' | 'band'>): {
  factor: number;
  applied: boolean;
  note: string;
} {
  const { er, band } = input;
  if (!isCount(er)) {
    return { factor: 1, applied: false, note: 'ER unknown: no engagement adjustment (×1.0)' };
  }
  if (!band || !isPositive(band.median)) {
    return {
      factor: 1,
      applied: false,
      note: 'no comparable benchmark for this ER: no engagement adjustment (×1.0)',
    };
  }
  const raw = er / band.median;
  const factor = roundTo(clamp(raw, ER_ADJUSTMENT_BOUNDS.min, ER_ADJUSTMENT_BOUNDS.max), 3);
  const clamped =
    factor !== roundTo(raw, 3)
      ? ` (clamped to ${fmtNum(ER_ADJUSTMENT_BOUNDS.min)}–${fmtNum(ER_ADJUSTMENT_BOUNDS.max)})`
      : '';
  return {
    factor,
    applied: true,
    note: `ER ${fmtPct(er)} ÷ ${band.label} band median ${fmtPct(band.median)} = ×${fmtNum(factor)}${clamped}`,
  };
}

function mapRange(r: Range, f: (v: number) => number | null): Range | null {
  const low = f(r.low);
  const mid = f(r.mid);
  const high = f(r.high);
  return low === null || mid === null || high === null ? null : { low, mid, high };
}

/**
 * Rate estimates for every deliverable of the creator's platform from the rate card: followers /
 * 1K × base × deliverable multiple × engagement adjustment, converted to the card's currency, with
 * a −25% / +25% range rounded to steps, CPE and CPM beside each, and add-ons listed separately.
 */
export function computeRates(input: RateInput, card: RateCard = DEFAULT_RATE_CARD): RateEstimate {
  const fx = exchangeRate(card);
  const adjustment = erAdjustment(input);
  const typicalCpm = {
    from: roundTo(TYPICAL_CPM_USD.from * fx, 2),
    to: roundTo(TYPICAL_CPM_USD.to * fx, 2),
    currency: card.currency,
  };
  const estimate = {
    addOns: listAddOns(card),
    adjustment,
    currency: card.currency,
    exchange: card.currency === 'USD' ? null : (card.exchange ?? null),
    typicalCpm,
  };
  const { platform, followers, er, basis, medianViews } = input;
  if (!isCount(followers)) {
    return {
      ...estimate,
      rates: [],
      confidence: 'low',
      reason: 'followers unknown: no rate estimate',
    };
  }

  const views = basis === 'views' && isPositive(medianViews) ? medianViews : null;
  const reach = views ?? followers;
  const cpmBasis = views === null ? 'followers' : 'views';
  const engagements = isCount(er) ? (reach * er) / 100 : null;
  const facts = platformFacts(platform);
  const base = rateBase(card, platform);

  const rates = facts.rates.deliverables.map(({ id, label, multiple: fallback }): Quote => {
    const deliverable = id as Deliverable;
    const multiple = base[id] ?? fallback;
    const midRaw = (followers / 1000) * base.per1kFollowers * multiple * adjustment.factor * fx;
    const price: Range = {
      low: roundPrice(midRaw * (1 - RATE_RANGE.below)),
      mid: roundPrice(midRaw),
      high: roundPrice(midRaw * (1 + RATE_RANGE.above)),
    };
    const cpe = engagements === null ? null : mapRange(price, (p) => cents(ratio(p, engagements)));
    const cpm = mapRange(price, (p) => cents(ratio(p * 1000, reach)));
    const typical = !facts.rates.typicalCpm || cpm === null ? null : cpm.mid;
    return {
      deliverable,
      label,
      ...price,
      currency: card.currency,
      cpe,
      cpm,
      cpmBasis: cpm === null ? null : cpmBasis,
      cpmVsTypical:
        typical === null
          ? null
          : typical < typicalCpm.from
            ? 'below'
            : typical > typicalCpm.to
              ? 'above'
              : 'within',
      formula:
        `${fmtInt(followers)} ${facts.nouns.audience} ÷ 1,000 × ${fmtMoney(base.per1kFollowers, 'USD')}` +
        (multiple === 1 ? '' : ` × ${fmtNum(multiple)} (${label})`) +
        ` × ${fmtNum(adjustment.factor)} (engagement)` +
        (fx === 1 ? '' : ` × ${fmtNum(fx)} ${card.currency}/USD`) +
        ` = ${fmtMoney(roundTo(midRaw, 2), card.currency)} mid; range −25% / +25%, rounded to ` +
        `steps of ${fmtInt(priceStep(midRaw))}`,
    };
  });

  let confidence: Confidence = adjustment.applied ? 'medium' : 'low';
  // A platform whose facts say its prices are low confidence stays low (DESIGN.md); a floor
  // ("500+") is no basis for a price either.
  if (facts.rates.lowConfidence || input.followersPrecision === 'lower-bound') confidence = 'low';
  return { ...estimate, rates, confidence, reason: null };
}

const cents = (v: number | null) => (v === null ? null : roundMoney(v));

// ─── Add-ons ──────────────────────────────────────────────────────────────────────────────────────

/** An add-on the buyer picked; usage rights and exclusivity take a duration (default 30 days). */
export type AddOnSelection = AddOnId | { id: AddOnId; days?: number };

export interface AddOnLine extends Range {
  id: AddOnId;
  label: string;
  /** The percent charged: the card's percent × 30-day periods. */
  percent: number;
  periods: number;
}

export interface PriceWithAddOns extends Range {
  deliverable: string;
  currency: string;
  base: Range;
  items: AddOnLine[];
  /** Total add-on percent on top of the base price (add-ons add up; they do not compound). */
  percent: number;
}

/**
 * A quote with the chosen add-ons: each add-on is a percent of the base price (per started 30 days
 * for usage rights and exclusivity), itemised and rounded to steps; the total is base + items.
 */
export function applyAddOns(
  rate: Rate,
  selected: readonly AddOnSelection[],
  card: RateCard = DEFAULT_RATE_CARD,
): PriceWithAddOns {
  const chosen = new Map<AddOnId, number | undefined>();
  for (const s of selected) {
    if (typeof s === 'string') chosen.set(s, undefined);
    else chosen.set(s.id, s.days);
  }
  const base: Range = { low: rate.low, mid: rate.mid, high: rate.high };
  const items = ADD_ON_IDS.filter((id) => chosen.has(id)).map((id): AddOnLine => {
    const days = chosen.get(id);
    const periods =
      ADD_ON_INFO[id].per30Days && isPositive(days) ? Math.max(1, Math.ceil(days / 30)) : 1;
    const pct = card.addOns[id] * periods;
    const part = (v: number) => roundPrice((v * pct) / 100);
    return {
      id,
      label: ADD_ON_INFO[id].label,
      percent: pct,
      periods,
      low: part(base.low),
      mid: part(base.mid),
      high: part(base.high),
    };
  });
  const sum = (k: keyof Range) => items.reduce((t, i) => t + i[k], base[k]);
  return {
    deliverable: rate.deliverable,
    currency: rate.currency,
    base,
    items,
    percent: items.reduce((t, i) => t + i.percent, 0),
    low: sum('low'),
    mid: sum('mid'),
    high: sum('high'),
  };
}
