import { z } from 'astro/zod';
import { LIMITS } from './limits';
import { kebabId, text, title } from './common';
import { parseMonthDay, parsePeriod } from '../periods';

export const UNITS = ['count', 'percent', 'rate-per-10000', 'days', 'weeks', 'gbp', 'ratio'] as const;
export const POLARITIES = ['higher-is-better', 'lower-is-better', 'neutral'] as const;
export const MEASURES = ['snapshot', 'in-period', 'year-to-date', 'rolling-12-months'] as const;
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export const COUNTS = ['children', 'events', 'money', 'other'] as const;

const financialYear = z.string().refine((s) => parsePeriod(s)?.kind === 'year', {
  message: 'is not a financial year; write it as 2018/19',
});

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * An EES column, exactly as DfE writes it in the file's first row. DfE's names start with digits
 * (`2_years_or_more`), hold capitals (`CPP_start`) and, in some files, spaces or hyphens, so any
 * text is taken; whether the file has it is checked against the file itself, by the import.
 */
const eesColumn = z
  .string({ invalid_type_error: 'is not a column name; write the column as it is in the first row of the EES file, such as rate_per_10000, in quotes if it is a number ("2021")' })
  .min(1, { message: 'is empty; write the column as it is in the first row of the EES file, such as rate_per_10000' });

/** A column on another row of the same area and year: `{ column: care_leaver_count, filters: { breakdown: Total } }`. */
const eesOtherRow = z.object({ column: eesColumn, filters: z.record(z.string(), z.string()).optional() }).strict();

/**
 * Version 1.1, rule 6: where DfE publishes the same figure in Explore Education Statistics, for
 * `npm run import:ees`.
 */
export const EesSchema = z
  .object({
    /** The data file's name, without .csv. */
    file: z.string().trim().min(1, { message: 'is empty; write the EES file name without .csv' }).refine((s) => !s.endsWith('.csv'), { message: 'ends .csv; write the file name without it' }),
    /** The column that holds the value, or for a breakdown each category's column. */
    value: z.union([eesColumn, z.record(kebabId, eesColumn)]),
    /** The column of the count. */
    numerator: z.union([eesColumn, eesOtherRow]).optional(),
    /** The column of the denominator, or the same column on another row (a "Total" row). */
    denominator: z.union([eesColumn, eesOtherRow]).optional(),
    /** Column: value pairs that pick one row per area and year; one may map each category to its value. */
    // The map first: z.coerce.string() would otherwise turn a category map into "[object Object]".
    filters: z.record(z.string(), z.union([z.record(kebabId, z.coerce.string()), z.coerce.string()])).optional(),
    /** The month DfE publishes each year's figures. */
    published: z.enum(MONTHS).optional(),
  })
  .strict();

export type EesBlock = z.infer<typeof EesSchema>;

/** `content/indicators/<indicator-id>.yaml`: what one indicator measures and how to read it. */
export const IndicatorSchema = z
  .object({
    /** The indicator's title, as residents will read it. */
    title: title,
    /** One plain-English sentence on what the number tells you. */
    summary: text,
    unit: z.enum(UNITS),
    /** Decimal places shown; default 0 for count and gbp, 1 otherwise. */
    decimals: z.number().int().min(0).max(4).optional(),
    /** Whether a higher value is better, worse, or neither. */
    polarity: z.enum(POLARITIES),
    measure: z.enum(MEASURES),
    frequency: z.enum(FREQUENCIES),
    /**
     * Version 1.1, rule 2: for a snapshot, the day of the count ("09-30" for a census on 30
     * September); for rolling-12-months, the day the twelve months end. Default: the period's last day.
     */
    snapshotDate: z
      .string({ invalid_type_error: 'is not a month and day in quotes; write it as "09-30"' })
      .refine((s) => parseMonthDay(s) !== undefined, { message: 'is not a month and day; write it as "09-30" for 30 September, in quotes' })
      .optional(),
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
    ees: EesSchema.optional(),
    /** `counts`: show a percentage as "7 of 15" wherever its rows give numerator and denominator. */
    show: z.enum(['counts']).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.show === 'counts' && v.unit !== 'percent') {
      ctx.addIssue({ code: 'custom', path: ['show'], message: `is counts, which shows a percentage as "7 of 15"; ${v.unit} is not a percentage, so remove show` });
    }
    if (v.snapshotDate !== undefined && v.measure !== 'snapshot' && v.measure !== 'rolling-12-months') {
      ctx.addIssue({ code: 'custom', path: ['snapshotDate'], message: `is for snapshot and rolling-12-months measures, but measure is ${v.measure}; remove snapshotDate, or change the measure` });
    }
    if (v.categories && Object.keys(v.categories).length > LIMITS.categories) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `are ${Object.keys(v.categories).length}, over the limit of ${LIMITS.categories}; a breakdown of more categories cannot be read as a chart or a table, so group them` });
    }
    if (v.categories && Object.keys(v.categories).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'is empty; list at least one category, or remove it' });
    }
  });

export type IndicatorData = z.infer<typeof IndicatorSchema>;
