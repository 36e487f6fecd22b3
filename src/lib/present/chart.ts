/**
 * Chooses and draws an indicator's chart from what a page may show: a line over time for
 * snapshots, rates and percentages (with England, statistical neighbours and the target), columns
 * for in-period counts, grouped bars for a category breakdown. Every value passed to a chart has
 * been through disclosure control, so a suppressed number cannot be drawn.
 */
import { appendFileSync } from 'node:fs';
import type { Area, Indicator } from '../model';
import { FREQUENCY_KIND, comparePeriods } from '../periods';
import type { DisplayCell } from '../stats/disclosure';
import { pickComparator } from '../stats/compare';
import { targetAt } from '../stats/target';
import { lineChart } from '../charts/line';
import { columnChart } from '../charts/columns';
import { barChart } from '../charts/bars';
import type { LineSeries } from '../charts/types';
import type { IndicatorView } from './indicator';
import { whenNoun } from '../stats/when';

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
  const svg = timed(() => drawChart(view, idPrefix, councilName));
  byPrefix.set(key, svg);
  return svg;
}

function drawChart(view: IndicatorView, idPrefix: string, councilName: string): string | undefined {
  const { indicator } = view;
  const cells = view.shown.map((c) => view.disclosed.get(c.obs)!);
  const base = { id: `chart-${idPrefix}`, title: indicator.title, description: view.headline.description, format: indicator };
  if (indicator.categories) return breakdownChart(indicator, cells, base, councilName, view.names.label.england);

  const kind = FREQUENCY_KIND[indicator.frequency];
  const local = cells.filter((c) => c.area === 'local' && c.period.kind === kind);
  if (local.length === 0) return undefined;
  if (indicator.unit === 'count' && indicator.measure === 'in-period') {
    return columnChart({ ...base, label: councilName, points: local });
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
  return lineChart({ ...base, series, ...(target && target.points.length ? { target } : {}) });
}

function breakdownChart(indicator: Indicator, cells: DisplayCell[], base: Parameters<typeof barChart>[0] extends infer T ? Omit<T, 'categories' | 'series'> : never, councilName: string, englandName: string) {
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
  return barChart({ ...base, title: `${indicator.title}, ${whenNoun(indicator, latest)}`, categories, series });
}
