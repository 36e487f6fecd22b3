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
import { closeness, coarser } from './band';
import { formatPublished, formatValue, type DisclosureSymbol } from './format';
import { whenPhrase, type WhenIndicator } from './when';
import type { TrendIndicator, ValuePoint } from './trend';

export type ComparatorArea = Exclude<Area, 'local'>;

/** Why a figure with a symbol is compared with nothing, as a clause. */
const SYMBOL_CLAUSE: Record<DisclosureSymbol, string> = {
  c: 'this figure is suppressed',
  x: 'this figure is not available',
  z: 'this figure does not apply',
  low: 'this figure rounds to 0',
  u: 'this figure is of low reliability',
};

/** A comparator row: an Observation or a DisplayCell of a comparator area. */
export interface ComparatorPoint {
  period: Period;
  area: Area;
  breakdown?: string;
  value: number | null;
  /** Decimal places the figure was published with. */
  precision?: number;
}

export type ComparisonKind = 'better' | 'worse' | 'higher' | 'lower' | 'similar' | 'same' | 'no-comparison';

export interface Comparison {
  kind: ComparisonKind;
  /** "better than England (82.7%)", or "No comparison with England: ..." */
  words: string;
  /** The comparator figure used, when there was one. */
  comparator?: { area: ComparatorArea; period: Period; value: number; samePeriod: boolean };
}

/** How each comparator is named in a sentence, and in a table header or chart label. */
export interface ComparatorNames {
  sentence: Record<ComparatorArea, string>;
  label: Record<ComparatorArea, string>;
}

/** The names when `site.yaml` names no comparator. */
export const COMPARATOR_NAMES: ComparatorNames = {
  sentence: { england: 'England', region: 'the region', 'statistical-neighbours': 'statistical neighbours' },
  label: { england: 'England', region: 'Region', 'statistical-neighbours': 'Statistical neighbours (average)' },
};

/**
 * The names pages give comparators (version 1.1, rule 5): `comparators.region` ("West Midlands")
 * and `comparators.statisticalNeighbours.name` from `site.yaml`, or the defaults.
 */
export function comparatorNames(site: { comparators?: { region?: string; statisticalNeighbours?: { name?: string } } }): ComparatorNames {
  const region = site.comparators?.region;
  const neighbours = site.comparators?.statisticalNeighbours?.name;
  return {
    sentence: {
      england: 'England',
      region: region ?? COMPARATOR_NAMES.sentence.region,
      // "Statistical neighbours" reads in lower case mid-sentence; a proper name keeps its capitals.
      'statistical-neighbours': neighbours ? lowerFirstIfCommon(neighbours) : COMPARATOR_NAMES.sentence['statistical-neighbours'],
    },
    label: {
      england: 'England',
      region: region ?? COMPARATOR_NAMES.label.region,
      'statistical-neighbours': neighbours ? `${neighbours} (average)` : COMPARATOR_NAMES.label['statistical-neighbours'],
    },
  };
}

function lowerFirstIfCommon(name: string) {
  const [first] = name.split(' ');
  return /^[A-Z][a-z]+$/.test(first) && ['Statistical', 'Similar', 'Comparator', 'Neighbouring', 'Nearest'].includes(first) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * The comparator figure for a local period: the same period, else the latest annual figure
 * ending no later than the financial year that contains the local period.
 */
export function pickComparator(
  local: Period,
  rows: readonly ComparatorPoint[],
  area: ComparatorArea = 'england',
  breakdown?: string,
): { period: Period; value: number; samePeriod: boolean; precision?: number } | undefined {
  const usable = rows.filter(
    (r): r is ComparatorPoint & { value: number } => r.area === area && r.breakdown === breakdown && r.value !== null,
  );
  const same = usable.find((r) => r.period.label === local.label);
  if (same) return { period: same.period, value: same.value, samePeriod: true, ...(same.precision !== undefined && { precision: same.precision }) };
  const limit = yearOf(local.end).end;
  let best: (ComparatorPoint & { value: number }) | undefined;
  for (const r of usable) {
    if (r.period.kind === 'year' && r.period.end <= limit && (!best || r.period.end > best.period.end)) best = r;
  }
  return best && { period: best.period, value: best.value, samePeriod: false, ...(best.precision !== undefined && { precision: best.precision }) };
}

/**
 * Compares a local display point with a comparator. No comparison is made with a suppressed or
 * missing local figure (it would tell the reader which side of England the hidden number is), nor
 * with a percentage of a small group shown as "N of D" (a few children either way swing it by
 * tens of points, so "worse than England" would mislead).
 */
export function compareWith(
  indicator: TrendIndicator & Partial<WhenIndicator>,
  local: ValuePoint & { breakdown?: string },
  rows: readonly ComparatorPoint[],
  area: ComparatorArea = 'england',
  names: ComparatorNames = COMPARATOR_NAMES,
): Comparison {
  const name = names.sentence[area];
  const none = (reason: string): Comparison => ({ kind: 'no-comparison', words: `No comparison with ${name}: ${reason}` });
  if (local.symbol === 'c') return none('this figure is suppressed');
  if (local.symbol) return none(SYMBOL_CLAUSE[local.symbol]);
  if (local.value === null) return none('there is no figure for this period');
  if (local.nOfD && !local.nOfD.requested) return none(`a group of ${local.nOfD.d} is too small for a fair comparison`);

  const picked = pickComparator(local.period, rows, area, local.breakdown);
  if (!picked) return none(`there is no ${name} figure for ${yearOf(local.period.end).label} or earlier`);

  const shown = `${formatPublished(indicator, picked.value, picked.precision)}${picked.samePeriod ? '' : ` ${indicator.measure ? whenPhrase(indicator as WhenIndicator, picked.period) : `in ${picked.period.label}`}`}`;
  const comparator = { area, period: picked.period, value: picked.value, samePeriod: picked.samePeriod };
  const near = closeness(indicator, picked.value, local.value, coarser(picked.precision, local.precision));
  if (near === 'same') return { kind: 'same', words: `the same as ${name} (${shown})`, comparator };
  if (near === 'close') return { kind: 'similar', words: `similar to ${name} (${shown})`, comparator };
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
