/**
 * Comparison of a local figure with England, the region or the statistical neighbours, in
 * words that respect polarity: "better than England (82.7%)", "higher than England
 * (64.0 per 10,000)" for a context indicator, "similar to England (82.9%)" inside the neutral
 * band (band.ts).
 *
 * Which comparator figure: the one for the same period when there is one; otherwise the latest
 * annual figure for the financial year containing the local period or, failing that, an earlier
 * year (England's figures for a year arrive months after it ends, so a quarterly report usually
 * has only the previous year's). When the figure is not for the same period the words say which
 * year it is: "better than England (82.7% in 2017/18)".
 */
import type { Area } from '../model';
import { yearOf, type Period } from '../periods';
import { closeness } from './band';
import { formatValue } from './format';
import type { TrendIndicator, ValuePoint } from './trend';

export type ComparatorArea = Exclude<Area, 'local'>;

/** A comparator row: an Observation or a DisplayCell of a comparator area. */
export interface ComparatorPoint {
  period: Period;
  area: Area;
  breakdown?: string;
  value: number | null;
}

export type ComparisonKind = 'better' | 'worse' | 'higher' | 'lower' | 'similar' | 'no-comparison';

export interface Comparison {
  kind: ComparisonKind;
  /** "better than England (82.7%)", or "No comparison with England: ..." */
  words: string;
  /** The comparator figure used, when there was one. */
  comparator?: { area: ComparatorArea; period: Period; value: number; samePeriod: boolean };
}

/** How each comparator is named in a sentence. */
export const COMPARATOR_NAMES: Record<ComparatorArea, string> = {
  england: 'England',
  region: 'the region',
  'statistical-neighbours': 'statistical neighbours',
};

/**
 * The comparator figure for a local period: the same period, else the latest annual figure
 * ending no later than the financial year that contains the local period.
 */
export function pickComparator(
  local: Period,
  rows: readonly ComparatorPoint[],
  area: ComparatorArea = 'england',
  breakdown?: string,
): { period: Period; value: number; samePeriod: boolean } | undefined {
  const usable = rows.filter(
    (r): r is ComparatorPoint & { value: number } => r.area === area && r.breakdown === breakdown && r.value !== null,
  );
  const same = usable.find((r) => r.period.label === local.label);
  if (same) return { period: same.period, value: same.value, samePeriod: true };
  const limit = yearOf(local.end).end;
  let best: (ComparatorPoint & { value: number }) | undefined;
  for (const r of usable) {
    if (r.period.kind === 'year' && r.period.end <= limit && (!best || r.period.end > best.period.end)) best = r;
  }
  return best && { period: best.period, value: best.value, samePeriod: false };
}

/**
 * Compares a local display point with a comparator. No comparison is made with a suppressed or
 * missing local figure (it would tell the reader which side of England the hidden number is), nor
 * with a percentage of a small group shown as "N of D" (a few children either way swing it by
 * tens of points, so "worse than England" would mislead).
 */
export function compareWith(
  indicator: TrendIndicator,
  local: ValuePoint & { breakdown?: string },
  rows: readonly ComparatorPoint[],
  area: ComparatorArea = 'england',
): Comparison {
  const name = COMPARATOR_NAMES[area];
  const none = (reason: string): Comparison => ({ kind: 'no-comparison', words: `No comparison with ${name}: ${reason}` });
  if (local.symbol === 'c') return none('this figure is suppressed');
  if (local.value === null) return none('there is no figure for this period');
  if (local.nOfD) return none(`a group of ${local.nOfD.d} is too small for a fair comparison`);

  const picked = pickComparator(local.period, rows, area, local.breakdown);
  if (!picked) return none(`there is no ${name} figure for ${yearOf(local.period.end).label} or earlier`);

  const shown = `${formatValue(indicator, picked.value)}${picked.samePeriod ? '' : ` in ${picked.period.label}`}`;
  const comparator = { area, ...picked };
  if (closeness(indicator, picked.value, local.value) !== 'apart') {
    return { kind: 'similar', words: `similar to ${name} (${shown})`, comparator };
  }
  const higher = local.value > picked.value;
  if (indicator.polarity === 'neutral') {
    return higher
      ? { kind: 'higher', words: `higher than ${name} (${shown})`, comparator }
      : { kind: 'lower', words: `lower than ${name} (${shown})`, comparator };
  }
  const better = higher === (indicator.polarity === 'higher-is-better');
  return better
    ? { kind: 'better', words: `better than ${name} (${shown})`, comparator }
    : { kind: 'worse', words: `worse than ${name} (${shown})`, comparator };
}
