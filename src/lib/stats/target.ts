/**
 * Targets: which one applies to a period, and whether a figure met it.
 *
 * A target step applies from the start of its financial year (a step without `from` always
 * applies), so every month, quarter and year inside that year is judged against it.
 *
 * Met means at or above the target when higher is better, at or below when lower is better.
 * A neutral (context) indicator with a target is judged as higher-is-better: a council sets a
 * target on a context measure as a level to reach (a number of families supported, say). If one
 * ever needs a ceiling, give it polarity lower-is-better.
 *
 * The figure is compared as displayed (rounded to the indicator's decimals), so a table that
 * shows 85.0% never sits beside "Below the target of 85%".
 */
import type { Indicator, TargetStep } from '../model';
import type { Period } from '../periods';
import { formatTarget, roundTo } from './format';
import type { TrendIndicator, ValuePoint } from './trend';

export type TargetIndicator = TrendIndicator & Pick<Indicator, 'targets'>;

export interface TargetResult {
  status: 'met' | 'missed' | 'not-assessed';
  /** Icon name; absent when not assessed. */
  symbol?: 'met' | 'missed';
  target: number;
  /** "Target of 85% met", "Below the target of 85%", "Above the target of 10%". */
  words: string;
}

/** The target value applying to a period, if any. Steps are in order of `from`. */
export function targetAt(targets: readonly TargetStep[], period: Period): number | undefined {
  let value: number | undefined;
  for (const step of targets) {
    // A step's `from` is a financial year: it applies to periods starting on or after its April.
    if (step.from === undefined || step.from.start <= period.start) value = step.value;
  }
  return value;
}

/** Whether a figure met the target for its period; undefined when no target applies. */
export function assessTarget(indicator: TargetIndicator, point: ValuePoint): TargetResult | undefined {
  const target = targetAt(indicator.targets, point.period);
  if (target === undefined) return undefined;
  const shown = formatTarget(indicator, target);
  if (point.value === null) {
    const why = point.symbol === 'c' ? 'the figure is suppressed' : 'there is no figure';
    return { status: 'not-assessed', target, words: `Target of ${shown}: not assessed, ${why}` };
  }
  const value = roundTo(point.value, indicator.decimals);
  const lowerIsBetter = indicator.polarity === 'lower-is-better';
  const met = lowerIsBetter ? value <= target : value >= target;
  if (met) return { status: 'met', symbol: 'met', target, words: `Target of ${shown} met` };
  return {
    status: 'missed',
    symbol: 'missed',
    target,
    words: lowerIsBetter ? `Above the target of ${shown}` : `Below the target of ${shown}`,
  };
}
