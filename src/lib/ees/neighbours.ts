/**
 * The statistical neighbours' average, as DfE's tools work it out: the unweighted mean of the
 * neighbours with a figure, rounded as DfE rounds.
 */

/** Rounds half away from zero to `decimals` places, as DfE's published figures are rounded. */
export function roundTo(value: number, decimals: number): string {
  const f = 10 ** decimals;
  // The epsilon keeps 2.675 (stored as 2.67499...) rounding up, as written.
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * f * (1 + Number.EPSILON)) / f;
  return rounded.toFixed(decimals);
}

/** The unweighted mean of the figures there are; undefined when there are none. */
export function meanOf(values: number[]): number | undefined {
  if (!values.length) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}
