import { z } from 'astro/zod';

export const AREAS = ['local', 'england', 'region', 'statistical-neighbours'] as const;
export const STATUSES = ['provisional', 'revised', 'not-available'] as const;
/** The columns a new file is written with; `rank` and `outOf` (version 1.1) are added where used. */
export const BASIC_COLUMNS = ['indicator', 'period', 'area', 'breakdown', 'value', 'numerator', 'denominator', 'status', 'note'] as const;
export const CSV_COLUMNS = [...BASIC_COLUMNS, 'rank', 'outOf'] as const;

/**
 * Version 1.1, rule 3: DfE's symbols, written in `value`, `numerator` or `denominator` instead of
 * a number. `k` is an older spelling of `low`.
 */
export const SOURCE_SYMBOLS = ['c', 'x', 'z', 'low', 'k', 'u'] as const;
export type SourceSymbol = (typeof SOURCE_SYMBOLS)[number];
export const REQUIRED_COLUMNS = ['indicator', 'period', 'value'] as const;

/**
 * One row of a quarterly CSV file, as text, before the cross-file rules. Cells are trimmed and an
 * empty cell is undefined. The shape rules live here; the rules that need indicators or other files
 * live in `content/data.ts`.
 */
export const DataRowSchema = z.object({
  indicator: z.string().min(1, { message: 'is empty; write an indicator id' }),
  period: z.string().min(1, { message: 'is empty; write a period such as 2018-06 or 2018/19 Q1' }),
  area: z.enum(AREAS).default('local'),
  breakdown: z.string().optional(),
  value: z.string().optional(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  note: z.string().optional(),
  rank: z.string().optional(),
  outOf: z.string().optional(),
});

export type Area = (typeof AREAS)[number];
export type RowStatus = (typeof STATUSES)[number];
