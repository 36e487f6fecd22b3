/**
 * Chart inputs: plain data, already through disclosure control. A point's value is null when
 * it is suppressed or not available; charts never receive the hidden number, so they cannot
 * draw it. Display cells from `stats/disclosure.ts` fit `ChartPoint` as they are.
 */
import type { Indicator } from '../model';
import type { Period } from '../periods';
import type { DisclosureSymbol } from '../stats/format';
import type { SeriesRole } from './palette';

export interface ChartPoint {
  period: Period;
  value: number | null;
  /** Written on the chart where a column or bar would be ("[c]"). */
  symbol?: DisclosureSymbol;
}

/** What every chart needs to be accessible and to format its numbers. */
export interface ChartBase {
  /**
   * Prefix for the ids inside the SVG (title, description); unique on the page, such as the
   * indicator id. Ids are derived from it alone, so output does not depend on render order.
   */
  id: string;
  /** The accessible name, usually the indicator's title. */
  title: string;
  /** The text description (stats/describe.ts). */
  description: string;
  /** Unit and decimals, for ticks and value labels. */
  format: Pick<Indicator, 'unit' | 'decimals'>;
  /** Value axis label; defaults to stats/format.ts `unitLabel`. */
  axisLabel?: string;
  /**
   * How the x axis names a period; defaults to its short name ("Jun 2018", "2018/19 Q1"). A count
   * taken on one day is named by that day ("31 Mar 2024"), as the table beside it is.
   */
  periodLabel?: (p: Period) => string;
}

export interface LineSeries {
  role: Exclude<SeriesRole, 'target'>;
  /** Direct label at the line's end: "Example County", "England". */
  label: string;
  /**
   * Points in any order. A comparator's annual point is drawn across every period of the
   * x axis that falls inside its year, so annual England figures sit beside quarterly ones.
   */
  points: readonly ChartPoint[];
}

export interface LineChartInput extends ChartBase {
  series: readonly LineSeries[];
  /** Target value per period (stats/target.ts `targetAt`), drawn as a stepped line. */
  target?: { label?: string; points: readonly ChartPoint[] };
  /** The x axis; defaults to the periods of the local series. */
  periods?: readonly Period[];
}

export interface ColumnChartInput extends ChartBase {
  /** The series' name, for the colour and the description; the title says what is counted. */
  label: string;
  points: readonly ChartPoint[];
}

export interface BarPoint {
  category: string;
  value: number | null;
  symbol?: DisclosureSymbol;
}

export interface BarSeries {
  role: Exclude<SeriesRole, 'target'>;
  label: string;
  points: readonly BarPoint[];
}

export interface BarChartInput extends ChartBase {
  /** Categories in display order: key and plain name. */
  categories: readonly { key: string; label: string }[];
  /** One to four series, drawn in this order within each category. */
  series: readonly BarSeries[];
}
