/**
 * Everything a page shows for one indicator at one point in time (a meeting's cut, or now):
 * the cells it may see, disclosure-controlled, and the table built from them.
 */
import type { Indicator, Observation } from '../model';
import { cutKey, LATEST, type Cell, type Cut, type DataIndex } from '../data-index';
import { disclose, type DisplayCell } from '../stats/disclosure';
import { seriesTable, type TableModel } from './table';
import { headline, type Headline } from './headline';
import type { Period } from '../periods';
import { comparatorNames, type ComparatorNames } from '../stats/compare';
import { RecentCuts } from '../recent';

export interface IndicatorView {
  indicator: Indicator;
  cut: Cut;
  /** Every cell visible at the cut. */
  cells: Cell[];
  /** What may be shown for each visible observation (and for the current figure of revised ones). */
  disclosed: Map<Observation, DisplayCell>;
  /** The cells the page's table and chart show: all, or the recent window on meeting pages. */
  shown: Cell[];
  /** How the site names its comparators. */
  names: ComparatorNames;
  readonly table: TableModel;
  readonly headline: Headline;
}

/**
 * How much history a meeting page shows, by the indicator's frequency: enough to see a trend
 * (24 months, 8 quarters, 5 years). The indicator page shows all of it.
 */
export const MEETING_WINDOW: Record<Indicator['frequency'], { months: number }> = {
  monthly: { months: 24 },
  quarterly: { months: 24 },
  annual: { months: 60 },
};

/**
 * What every view of an indicator at one cut shares: the visible cells and their disclosure
 * control. Meetings of different committees about the same quarter see the same cut, and a page
 * asks for several views of it (at a glance, what changed, the indicator, the download), so this
 * is worked out once per indicator and cut for the whole build.
 */
interface CutData {
  cells: Cell[];
  /** disclose() of the cells, in the same order: the figures as published at the cut. */
  asPublished: DisplayCell[];
  /** The cells' disclosure, with the current figures of revised cells added. */
  disclosed: Map<Observation, DisplayCell>;
}

/**
 * How many cuts the build keeps views of: the quarters of the pages in hand (and of the revisions
 * they show), whatever the length of the archive. Views of now (LATEST), which every indicator
 * page, feed and download of the whole history asks for, are kept for the build.
 */
const KEPT_CUTS = 8;

const caches = new WeakMap<DataIndex, { cuts: RecentCuts<CutData>; views: RecentCuts<IndicatorView> }>();

function cacheFor(data: DataIndex) {
  let cache = caches.get(data);
  if (!cache) caches.set(data, (cache = { cuts: new RecentCuts(KEPT_CUTS, cutKey(LATEST)), views: new RecentCuts(KEPT_CUTS, cutKey(LATEST)) }));
  return cache;
}

const isLatest = (cut: Cut) => cut.quarterEnd === LATEST.quarterEnd && cut.dayEnd === LATEST.dayEnd;

function cutData(data: DataIndex, id: string, cut: Cut): CutData {
  return cacheFor(data).cuts.at(cutKey(cut), id, () => computeCutData(data, id, cut));
}

function computeCutData(data: DataIndex, id: string, cut: Cut): CutData {
  const indicator = data.indicators.get(id)!;
  const cells = data.cells(id, cut);
  const asPublished = disclose(cells.map((c) => c.obs), indicator, data.content.site.disclosure);
  const disclosed = new Map<Observation, DisplayCell>();
  cells.forEach((c, i) => disclosed.set(c.obs, asPublished[i]));
  // A figure revised after the cut is disclosed as the current data set shows it.
  if (cells.some((c) => c.revisedSince)) {
    const now = isLatest(cut) ? undefined : cutData(data, id, LATEST);
    if (now) now.cells.forEach((c, i) => disclosed.set(c.obs, now.asPublished[i]));
  }
  return { cells, asPublished, disclosed };
}

/**
 * The view of one indicator at a cut. A meeting page asks for the same view several times (at a
 * glance, what changed, the indicator itself), so views are kept for the build; the table and the
 * headline are worked out the first time they are read, since some views need only one of them.
 */
export function indicatorView(
  data: DataIndex,
  id: string,
  cut: Cut = LATEST,
  options: { window?: boolean; asOf?: Period } = {},
): IndicatorView {
  const key = `${id}|${options.window ?? ''}|${options.asOf?.label ?? ''}`;
  return cacheFor(data).views.at(cutKey(cut), key, () => computeView(data, id, cut, options));
}

function computeView(data: DataIndex, id: string, cut: Cut, options: { window?: boolean; asOf?: Period }): IndicatorView {
  const indicator = data.indicators.get(id)!;
  const { cells, disclosed } = cutData(data, id, cut);
  const names = comparatorNames(data.content.site);
  let shown = cells;
  let shownFrom: number | undefined;
  if (options.window && cells.length) {
    // The window ends with the latest figure the page sees, and reaches back a whole number of
    // periods, so a year's England figure is in it whenever the year's last month is.
    let last = -Infinity;
    for (const c of cells) if (c.obs.period.end > last) last = c.obs.period.end;
    const firstMonth = last - MEETING_WINDOW[indicator.frequency].months + 1;
    shown = cells.filter((c) => c.obs.period.end >= firstMonth);
    shownFrom = firstMonth;
  }
  let table: TableModel | undefined;
  let h: Headline | undefined;
  return {
    indicator,
    cut,
    cells,
    disclosed,
    shown,
    names,
    get table() {
      return (table ??= seriesTable(indicator, shown, disclosed, data.content.site.council, { names }));
    },
    get headline() {
      return (h ??= headline(indicator, cells.map((c) => disclosed.get(c.obs)!), { asOf: options.asOf, shownFrom, names }));
    },
  };
}

/** How a figure that was later revised looked when first published, disclosure-controlled as then. */
export function asFirstPublished(data: DataIndex, indicator: Indicator, obs: Observation): DisplayCell | undefined {
  const { cells, asPublished } = cutData(data, indicator.id, { quarterEnd: obs.source.quarter.end, dayEnd: Infinity });
  const i = cells.findIndex((c) => c.obs === obs);
  return i < 0 ? undefined : asPublished[i];
}
