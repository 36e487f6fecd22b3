/**
 * The neutral band: how close two values must be to read "little change" (over time) or
 * "similar to" (against England). One definition serves both, so the words on a page agree.
 *
 * The rule, applied to the values as displayed (rounded to the indicator's decimals):
 * - equal once rounded: "no change" / "the same as". Words never claim a rise the reader
 *   cannot see in the numbers beside them.
 * - percentages: a difference under 1 percentage point. Percentages near 0 or 100 would make a
 *   relative rule either too tight or too loose, and "points" is how DfE reports them.
 * - everything else (counts, rates, days, money, ratios): a difference under 2% of the
 *   reference value (the earlier value, or the comparator). 290 to 295 children looked after is
 *   little change; 10 to 11 is a rise. A reference of 0 has no band: any change from 0 is real.
 * - whatever the unit, a difference no larger than one unit of the precision the figures were
 *   published at: DfE publishes many percentages as whole numbers, and 47% to 48% may be 47.4%
 *   to 47.6%, so it is "little change", never "improved".
 */
import { roundTo, type ValueFormat } from './format';

export type Closeness = 'same' | 'close' | 'apart';

export const PERCENT_BAND_POINTS = 1;
export const RELATIVE_BAND = 0.02;

/**
 * How far `value` is from `reference`, judged on the displayed (rounded) values. `published` is
 * the fewest decimal places either figure was published with, when known.
 */
export function closeness(f: ValueFormat, reference: number, value: number, published?: number): Closeness {
  const a = roundTo(reference, f.decimals);
  const b = roundTo(value, f.decimals);
  if (a === b) return 'same';
  const band = f.unit === 'percent' ? PERCENT_BAND_POINTS : RELATIVE_BAND * Math.abs(a);
  // Rounded again because 4.1 - 3.1 is 0.9999999999999996 in binary: under 1 point, wrongly.
  const gap = roundTo(Math.abs(b - a), f.decimals);
  if (gap < band) return 'close';
  if (published !== undefined && gap <= 10 ** -published + 1e-9) return 'close';
  return 'apart';
}

/** The coarser precision of two published figures, when both are known. */
export function coarser(a?: number, b?: number): number | undefined {
  return a === undefined || b === undefined ? undefined : Math.min(a, b);
}
