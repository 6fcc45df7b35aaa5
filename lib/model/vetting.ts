import { z } from './zod';

/** Tier by followers; lower bounds inclusive (DESIGN: below 1K is "emerging"). */
export const TIERS = ['emerging', 'nano', 'micro', 'macro', 'mega'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/** The five-step grade of an engagement rate against its benchmark band. */
export const GRADES = ['low', 'below average', 'average', 'above average', 'high'] as const;
export const GradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof GradeSchema>;

export const ER_BASES = ['views', 'followers', 'lifetime'] as const;
export const ErBasisSchema = z.enum(ER_BASES);
export type ErBasis = z.infer<typeof ErBasisSchema>;

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** Engagement rate in percent (9.1 means 9.1%); null parts are unknown, never 0. */
export const EngagementSchema = z.object({
  rate: z.nullable(z.number().check(z.gte(0))),
  basis: z.nullable(ErBasisSchema),
  sampleSize: z.number().check(z.int(), z.gte(0)),
  band: z.nullable(z.string()),
  grade: z.nullable(GradeSchema),
  formula: z.string(),
  confidence: z.nullable(ConfidenceSchema),
});
export type Engagement = z.infer<typeof EngagementSchema>;

export const RateSchema = z.object({
  deliverable: z.string(),
  low: z.number().check(z.gte(0)),
  mid: z.number().check(z.gte(0)),
  high: z.number().check(z.gte(0)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});
export type Rate = z.infer<typeof RateSchema>;

export const AddOnSchema = z.object({ id: z.string(), percent: z.number() });
export type AddOn = z.infer<typeof AddOnSchema>;

/** Stable warning codes: they appear in exports, so they never change meaning. */
export const FLAG_CODES = [
  'follow-ratio',
  'follow-for-follow',
  'er-low',
  'er-high',
  'likes-over-views',
  'likes-over-followers',
  'growth-spike',
  'round-jump',
  'inactive',
  'sponsored-share',
  'generic-comments',
  'repeated-comments',
] as const;
export const FlagCodeSchema = z.enum(FLAG_CODES);
export type FlagCode = z.infer<typeof FlagCodeSchema>;

export const FlagSchema = z.object({
  code: FlagCodeSchema,
  severity: z.enum(['info', 'warn', 'risk']),
  message: z.string(),
  evidence: z.string(),
});
export type Flag = z.infer<typeof FlagSchema>;

/** What Scout concludes about one snapshot; the shape `scout vet` prints beside the snapshot. */
export const VettingSchema = z.object({
  tier: z.nullable(TierSchema),
  engagement: EngagementSchema,
  rates: z.array(RateSchema),
  addOns: z.array(AddOnSchema),
  flags: z.array(FlagSchema),
  computedAt: z.number(),
});
export type Vetting = z.infer<typeof VettingSchema>;
