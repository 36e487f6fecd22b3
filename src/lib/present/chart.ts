/**
 * Chooses and draws an indicator's chart from what a page may show: a line over time for
 * snapshots, rates and percentages (with England, statistical neighbours and the target), columns
 * for in-period counts, grouped bars for a category breakdown. Every value passed to a chart has
 * been through disclosure control, so a suppressed number cannot be drawn.
 */
import { appendFileSync } from 'node:fs';
import type { Area, Indicator } from '../model';
import { FREQUENCY_KIND, comparePeriods, type Period } from '../periods';
import type { DisplayCell } from '../stats/disclosure';
import { pickComparator } from '../stats/compare';
import { targetAt } from '../stats/target';
import { lineChart } from '../charts/line';
import { columnChart } from '../charts/columns';
import { barChart } from '../charts/bars';
import type { LineSeries } from '../charts/types';
import { NARROW_WIDTH, type Fit } from '../charts/fit';
import { CHART_WIDTH } from '../charts/render';
import type { IndicatorView } from './indicator';
import { whenAxis, whenNoun } from '../stats/when';

/** Charts can be switched off (SCRUTINEER_CHARTS=0) so the benchmark can measure their cost. */
export const chartsEnabled = () => process.env.SCRUTINEER_CHARTS !== '0';

/**
 * SCRUTINEER_CHART_TIMINGS=<file>: append each chart's rendering time (ms) to the file, one per
 * line, for `npm run bench`. Off by default; it never changes what a page contains.
 */
function timed(draw: () => string | undefined): string | undefined {
  const file = process.env.SCRUTINEER_CHART_TIMINGS;
  if (!file) return draw();
  const started = performance.now();
  const svg = draw();
  const ms = performance.now() - started;
  if (svg !== undefined) appendFileSync(file, `${ms.toFixed(3)}\n`);
  return svg;
}

const SERIES: { area: Exclude<Area, 'local'>; role: LineSeries['role'] }[] = [
  { area: 'england', role: 'england' },
  { area: 'statistical-neighbours', role: 'statistical-neighbours' },
  { area: 'region', role: 'region' },
];

/**
 * Charts already drawn, by view: committees meeting about the same quarter see the same view of
 * an indicator, and its chart (a pure function of the view, the id prefix and the council's name)
 * is drawn once and reused, byte for byte.
 */
const drawn = new WeakMap<IndicatorView, Map<string, string | undefined>>();

export function chartFor(view: IndicatorView, idPrefix: string, councilName: string): string | undefined {
  if (!chartsEnabled()) return undefined;
  let byPrefix = drawn.get(view);
  if (!byPrefix) drawn.set(view, (byPrefix = new Map()));
  const key = `${idPrefix}\n${councilName}`;
  if (byPrefix.has(key)) return byPrefix.get(key);
  // Drawn for a wide column and for a phone; site.css shows the one that fits the chart's
  // container (.sc-chart), so text is never drawn smaller than 12px and nothing is cut off.
  const wide = timed(() => drawChart(view, idPrefix, councilName, { width: CHART_WIDTH }));
  const narrow = wide && timed(() => drawChart(view, idPrefix, councilName, { width: NARROW_WIDTH }));
  const svg = wide && narrow ? variant(wide, 'wide') + variant(narrow!, 'narrow') : undefined;
  byPrefix.set(key, svg);
  return svg;
}

/** Marks a drawing as the wide or the narrow one, for the CSS that chooses between them. */
function variant(svg: string, which: 'wide' | 'narrow'): string {
  return svg.replace('class="scrutineer-chart"', `class="scrutineer-chart scrutineer-chart--${which}"`);
}

function drawChart(view: IndicatorView, idPrefix: string, councilName: string, fit: Fit): string | undefined {
  const { indicator } = view;
  const cells = view.shown.map((c) => view.disclosed.get(c.obs)!);
  const id = fit.width === CHART_WIDTH ? `chart-${idPrefix}` : `chart-${idPrefix}-narrow`;
  const base = { id, title: indicator.title, description: view.headline.description, format: indicator, periodLabel: (p: Period) => whenAxis(indicator, p) };
  if (indicator.categories) return breakdownChart(indicator, cells, base, councilName, view.names.label.england, fit);

  const kind = FREQUENCY_KIND[indicator.frequency];
  const local = cells.filter((c) => c.area === 'local' && c.period.kind === kind);
  if (local.length === 0) return undefined;
  if (indicator.unit === 'count' && indicator.measure === 'in-period') {
    return columnChart({ ...base, label: councilName, points: local }, fit);
  }
  const series: LineSeries[] = [{ role: 'local', label: councilName, points: local }];
  for (const s of SERIES) {
    const points = cells.filter((c) => c.area === s.area);
    // A chart's line labels are its only legend: the comparator's own name ("West Midlands").
    if (points.length) series.push({ role: s.role, label: s.area === 'statistical-neighbours' ? view.names.label[s.area].replace(/ \(average\)$/, '') : view.names.label[s.area], points });
  }
  const target = indicator.targets.length
    ? { points: local.map((c) => ({ period: c.period, value: targetAt(indicator.targets, c.period) ?? null })).filter((p) => p.value !== null) }
    : undefined;
  return lineChart({ ...base, series, ...(target && target.points.length ? { target } : {}) }, fit);
}

function breakdownChart(
  indicator: Indicator,
  cells: DisplayCell[],
  base: Parameters<typeof barChart>[0] extends infer T ? Omit<T, 'categories' | 'series'> : never,
  councilName: string,
  englandName: string,
  fit: Fit,
) {
  const latest = cells.filter((c) => c.area === 'local').map((c) => c.period).sort(comparePeriods).at(-1);
  if (!latest) return undefined;
  const categories = Object.entries(indicator.categories!).map(([key, label]) => ({ key, label }));
  const local = {
    role: 'local' as const,
    label: councilName,
    points: categories.map(({ key }) => {
      const c = cells.find((x) => x.area === 'local' && x.breakdown === key && x.period.label === latest.label);
      return { category: key, value: c?.value ?? null, ...(c?.symbol ? { symbol: c.symbol } : {}) };
    }),
  };
  const england = categories.map(({ key }) => {
    const picked = pickComparator(latest, cells, 'england', key);
    return { category: key, value: picked?.value ?? null };
  });
  const series = [local, ...(england.some((p) => p.value !== null) ? [{ role: 'england' as const, label: englandName, points: england }] : [])];
  return barChart({ ...base, title: `${indicator.title}, ${whenNoun(indicator, latest)}`, categories, series }, fit);
}
