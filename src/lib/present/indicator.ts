/**
 * Everything a page shows for one indicator at one point in time (a meeting's cut, or now):
 * the cells it may see, disclosure-controlled, and the table built from them.
 */
import type { Indicator, Observation } from '../model';
import { LATEST, type Cell, type Cut, type DataIndex } from '../data-index';
import { disclose, type DisplayCell } from '../stats/disclosure';
import { seriesTable, type TableModel } from './table';
import { headline, type Headline } from './headline';
import type { Period } from '../periods';

export interface IndicatorView {
  indicator: Indicator;
  cut: Cut;
  /** Every cell visible at the cut. */
  cells: Cell[];
  /** What may be shown for each visible observation (and for the current figure of revised ones). */
  disclosed: Map<Observation, DisplayCell>;
  /** The cells the page's table and chart show: all, or the recent window on meeting pages. */
  shown: Cell[];
  table: TableModel;
  headline: Headline;
}

/** Months of history a meeting page shows before its period; the indicator page shows all. */
export const MEETING_WINDOW_MONTHS = 24;

const views = new WeakMap<DataIndex, Map<string, IndicatorView>>();

/**
 * The view of one indicator at a cut. A meeting page asks for the same view several times (at a
 * glance, what changed, the indicator itself), so views are kept for the build.
 */
export function indicatorView(
  data: DataIndex,
  id: string,
  cut: Cut = LATEST,
  options: { windowMonths?: number; asOf?: Period } = {},
): IndicatorView {
  let cache = views.get(data);
  if (!cache) views.set(data, (cache = new Map()));
  const key = `${id}|${cut.quarterEnd}|${cut.periodEnd}|${options.windowMonths ?? ''}|${options.asOf?.label ?? ''}`;
  let view = cache.get(key);
  if (!view) cache.set(key, (view = computeView(data, id, cut, options)));
  return view;
}

function computeView(data: DataIndex, id: string, cut: Cut, options: { windowMonths?: number; asOf?: Period }): IndicatorView {
  const indicator = data.indicators.get(id)!;
  const settings = data.content.site.disclosure;
  const cells = data.cells(id, cut);
  const disclosed = new Map<Observation, DisplayCell>();
  const seen = disclose(cells.map((c) => c.obs), indicator, settings);
  cells.forEach((c, i) => disclosed.set(c.obs, seen[i]));
  // A figure revised after the cut is disclosed as the current data set shows it.
  if (cells.some((c) => c.revisedSince)) {
    const now = data.cells(id, LATEST);
    const current = disclose(now.map((c) => c.obs), indicator, settings);
    now.forEach((c, i) => disclosed.set(c.obs, current[i]));
  }
  let shown = cells;
  if (options.windowMonths !== undefined && cells.length) {
    const last = Math.max(...cells.map((c) => c.obs.period.end));
    shown = cells.filter((c) => c.obs.period.end > last - options.windowMonths!);
  }
  const table = seriesTable(indicator, shown, disclosed, data.content.site.council);
  const h = headline(indicator, cells.map((c) => disclosed.get(c.obs)!), options.asOf);
  return { indicator, cut, cells, disclosed, shown, table, headline: h };
}

/** How a figure that was later revised looked when first published, disclosure-controlled as then. */
export function asFirstPublished(data: DataIndex, indicator: Indicator, obs: Observation): DisplayCell | undefined {
  const cells = data.cells(indicator.id, { quarterEnd: obs.source.quarter.end, periodEnd: Infinity });
  const i = cells.findIndex((c) => c.obs === obs);
  if (i < 0) return undefined;
  return disclose(cells.map((c) => c.obs), indicator, data.content.site.disclosure)[i];
}
