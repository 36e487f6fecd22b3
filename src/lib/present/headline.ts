/**
 * The headline of an indicator at a cut: the latest figure, the previous period and a year
 * earlier, the direction of travel, comparisons with England and statistical neighbours, and the
 * target, each in words. Built from disclosure-controlled cells only.
 */
import type { Indicator } from '../model';
import { FREQUENCY_KIND, comparePeriods, lastDayOf, shiftPeriod, type Period } from '../periods';
import type { DisplayCell } from '../stats/disclosure';
import { COMPARATOR_NAMES, compareWith, type ComparatorArea, type ComparatorNames, type Comparison } from '../stats/compare';
import { rankInWords } from '../stats/rank';
import { assessTarget, type TargetResult } from '../stats/target';
import { trendBetween, type Trend } from '../stats/trend';
import { formatCell } from '../stats/format';
import { describeBreakdown, describeSeries } from '../stats/describe';

export interface HeadlinePoint {
  period: Period;
  text: string;
}

export interface Headline {
  latest?: HeadlinePoint & { cell: DisplayCell };
  previous?: HeadlinePoint;
  yearEarlier?: HeadlinePoint;
  /** Against the previous period. */
  trend?: Trend;
  /** Against a year earlier. */
  trendYear?: Trend;
  england?: Comparison;
  neighbours?: Comparison;
  region?: Comparison;
  /** Where the council ranks among councils, in words (rule 7 of version 1.1). */
  rank?: string;
  target?: TargetResult;
  /** The whole headline as sentences: the chart's description too. */
  description: string;
}

const shift = shiftPeriod;

export interface HeadlineOptions {
  asOf?: Period;
  /** The month index from which the chart shows periods (those ending in or after it). */
  shownFrom?: number;
  names?: ComparatorNames;
}

export function headline(indicator: Indicator, cells: DisplayCell[], { asOf, shownFrom, names = COMPARATOR_NAMES }: HeadlineOptions = {}): Headline {
  if (indicator.categories) {
    const latestPeriod = cells
      .filter((c) => c.area === 'local')
      .map((c) => c.period)
      .sort(comparePeriods)
      .at(-1);
    return { description: latestPeriod ? describeBreakdown({ indicator, cells, period: latestPeriod, names }) : 'There are no figures yet.' };
  }
  const kind = FREQUENCY_KIND[indicator.frequency];
  const local = cells
    .filter((c) => c.area === 'local' && c.breakdown === undefined && c.period.kind === kind && (!asOf || c.day <= lastDayOf(asOf.end)))
    .sort((a, b) => comparePeriods(a.period, b.period));
  const description = describeSeries({ indicator, cells, asOf, shownFrom, names });
  const latest = local.at(-1);
  if (!latest) return { description };
  const point = (p: Period): HeadlinePoint & { cell?: DisplayCell } => {
    const cell = local.find((c) => c.period.label === p.label);
    return { period: p, text: cell ? formatCell(indicator, cell) : 'no figure', cell };
  };
  const previous = point(shift(latest.period, kind === 'month' ? -1 : kind === 'quarter' ? -3 : -12));
  const yearEarlier = kind === 'year' ? undefined : point(shift(latest.period, -12));
  const comparators = (area: ComparatorArea) => {
    const rows = cells.filter((c) => c.area === area && c.breakdown === undefined);
    return rows.length ? compareWith(indicator, latest, rows, area, names) : undefined;
  };
  return {
    latest: { period: latest.period, text: formatCell(indicator, latest), cell: latest },
    previous,
    yearEarlier,
    trend: trendBetween(indicator, previous.cell, latest),
    trendYear: yearEarlier ? trendBetween(indicator, yearEarlier.cell, latest) : undefined,
    england: comparators('england'),
    neighbours: comparators('statistical-neighbours'),
    region: comparators('region'),
    ...(latest.rank && !latest.symbol && { rank: rankInWords(indicator, latest.rank.rank, latest.rank.outOf) }),
    target: assessTarget(indicator, latest),
    description,
  };
}

