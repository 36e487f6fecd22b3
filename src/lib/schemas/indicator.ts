import { z } from 'astro/zod';
import { kebabId, text } from './common';
import { parsePeriod } from '../periods';

export const UNITS = ['count', 'percent', 'rate-per-10000', 'days', 'weeks', 'gbp', 'ratio'] as const;
export const POLARITIES = ['higher-is-better', 'lower-is-better', 'neutral'] as const;
export const MEASURES = ['snapshot', 'in-period', 'year-to-date', 'rolling-12-months'] as const;
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export const COUNTS = ['children', 'events', 'money', 'other'] as const;

const financialYear = z.string().refine((s) => parsePeriod(s)?.kind === 'year', {
  message: 'is not a financial year; write it as 2018/19',
});

/** `content/indicators/<indicator-id>.yaml`: what one indicator measures and how to read it. */
export const IndicatorSchema = z
  .object({
    /** The indicator's title, as residents will read it. */
    title: text,
    /** One plain-English sentence on what the number tells you. */
    summary: text,
    unit: z.enum(UNITS),
    /** Decimal places shown; default 0 for count and gbp, 1 otherwise. */
    decimals: z.number().int().min(0).max(4).optional(),
    /** Whether a higher value is better, worse, or neither. */
    polarity: z.enum(POLARITIES),
    measure: z.enum(MEASURES),
    frequency: z.enum(FREQUENCIES),
    /** What exactly is counted. */
    definition: text,
    /** Where the figures come from, such as a statutory return. */
    source: text.optional(),
    /** A target: one number, or a list of numbers each applying from a financial year. */
    target: z
      .union([
        z.number(),
        z
          .array(z.object({ from: financialYear, value: z.number() }).strict())
          .min(1, { message: 'is an empty list; give at least one {from, value}' }),
      ])
      .optional(),
    /** For breakdown indicators: category key to its plain name. */
    categories: z.record(kebabId, text).optional(),
    /** What a count counts; counts of children fall under disclosure control. */
    counts: z.enum(COUNTS).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.categories && Object.keys(v.categories).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'is empty; list at least one category, or remove it' });
    }
  });

export type IndicatorData = z.infer<typeof IndicatorSchema>;
