/**
 * Chart fixtures, built the way a page builds them: observations through disclosure control,
 * display cells into chart points, the description from describe.ts.
 */
import type { Indicator, Observation } from '../../src/lib/model';
import { barChart } from '../../src/lib/charts/bars';
import { columnChart } from '../../src/lib/charts/columns';
import { NARROW_WIDTH } from '../../src/lib/charts/fit';
import { lineChart } from '../../src/lib/charts/line';
import type { BarChartInput, ChartPoint, ColumnChartInput, LineChartInput, LineSeries } from '../../src/lib/charts/types';
import { describeBreakdown, describeSeries } from '../../src/lib/stats/describe';
import { disclose, type DisplayCell } from '../../src/lib/stats/disclosure';
import { unitLabel } from '../../src/lib/stats/format';
import { targetAt } from '../../src/lib/stats/target';
import { P, indicator, obs } from '../stats/fixtures';

const settings = { suppressUpTo: 5, percentMinDenominator: 20 };

const points = (cells: DisplayCell[], area: DisplayCell['area']): ChartPoint[] =>
  cells.filter((c) => c.area === area).map(({ period, value, symbol }) => ({ period, value, symbol }));

function timeSeries(ind: Indicator, observations: Observation[]): LineChartInput {
  const cells = disclose(observations.map((o) => ({ ...o, indicator: ind.id })), ind, settings);
  const local = points(cells, 'local');
  const series: LineSeries[] = [
    { role: 'local', label: 'Example', points: local },
    { role: 'england', label: 'England', points: points(cells, 'england') },
  ];
  if (cells.some((c) => c.area === 'statistical-neighbours')) {
    series.push({ role: 'statistical-neighbours', label: 'Similar councils', points: points(cells, 'statistical-neighbours') });
  }
  const target = ind.targets.length > 0 ? local.map((p) => ({ period: p.period, value: targetAt(ind.targets, p.period) ?? null })) : [];
  return {
    id: ind.id,
    title: ind.title,
    description: describeSeries({ indicator: ind, cells }),
    format: ind,
    axisLabel: unitLabel(ind),
    series,
    ...(target.length > 0 ? { target: { points: target } } : {}),
  };
}

/** Assessments within 45 days: quarterly, England and neighbours annual, a target, one [c]. */
export const assessments = indicator({
  id: 'assessment-45-days',
  title: 'Social work assessments completed within 45 working days',
  unit: 'percent',
  decimals: 1,
  polarity: 'higher-is-better',
  frequency: 'quarterly',
  targets: [
    { from: P('2017/18'), value: 80 },
    { from: P('2018/19'), value: 85 },
  ],
});

export function assessmentsInput(): LineChartInput {
  return timeSeries(assessments, [
    obs('2017/18 Q1', 74.3, { numerator: 81, denominator: 109 }),
    obs('2017/18 Q2', 77.9, { numerator: 95, denominator: 122 }),
    obs('2017/18 Q3', 80.2, { numerator: 101, denominator: 126 }),
    // 37 of 41 (90.2%): 4 not completed in time, so [c]; it must not shape the chart.
    obs('2017/18 Q4', 90.2, { numerator: 37, denominator: 41 }),
    obs('2018/19 Q1', 79.5, { numerator: 105, denominator: 132 }),
    obs('2018/19 Q2', 82.5, { numerator: 99, denominator: 120 }),
    obs('2016/17', 81.5, { area: 'england' }),
    obs('2017/18', 82.7, { area: 'england' }),
    obs('2017/18', 80.4, { area: 'statistical-neighbours' }),
  ]);
}

/** Children looked after per 10,000: 24 months, England annual. */
export const claRate = indicator({
  id: 'cla-rate',
  title: 'Children looked after, rate per 10,000 children',
  unit: 'rate-per-10000',
  decimals: 1,
  polarity: 'neutral',
  frequency: 'monthly',
});

export function claRateInput(): LineChartInput {
  const months = Array.from({ length: 24 }, (_, i) => {
    const m = ((3 + i) % 12) + 1;
    const y = 2017 + Math.floor((3 + i) / 12);
    return `${y}-${String(m).padStart(2, '0')}`;
  });
  return timeSeries(claRate, [
    ...months.map((m, i) => obs(m, 58 + i * 0.35 + (i % 3) * 0.4)),
    obs('2017/18', 64, { area: 'england' }),
    obs('2018/19', 65, { area: 'england' }),
  ]);
}

/** Children starting to be looked after, counts in the month, one [c]. */
export const claStarts = indicator({
  id: 'cla-starts',
  title: 'Children starting to be looked after in the month',
  unit: 'count',
  decimals: 0,
  counts: 'children',
  polarity: 'neutral',
  frequency: 'monthly',
  measure: 'in-period',
});

export function claStartsInput(): ColumnChartInput {
  const values = [12, 9, 14, 3, 11, 8, 0, 10];
  const cells = disclose(
    values.map((v, i) => obs(`2018-${String(i + 4).padStart(2, '0')}`, v, { indicator: 'cla-starts' })),
    claStarts,
    settings,
  );
  return {
    id: claStarts.id,
    title: claStarts.title,
    description: describeSeries({ indicator: claStarts, cells }),
    format: claStarts,
    axisLabel: unitLabel(claStarts),
    label: 'Example',
    points: points(cells, 'local'),
  };
}

/** Where children in care live: local against England, one category [c] and its secondary. */
export const placementMix = indicator({
  id: 'placement-type-mix',
  title: 'Where children in care live',
  unit: 'percent',
  decimals: 0,
  polarity: 'neutral',
  frequency: 'annual',
  categories: {
    foster: 'Foster care',
    residential: 'Residential and semi-independent',
    parents: 'Placed with parents',
    adoption: 'Placed for adoption',
  },
});

export function placementMixInput(): BarChartInput {
  const b = (breakdown: string, value: number, extra: Partial<Observation> = {}) =>
    obs('2018/19', value, { indicator: 'placement-type-mix', breakdown, ...extra });
  const cells = disclose(
    [
      b('foster', 70, { numerator: 203, denominator: 290 }),
      b('residential', 13, { numerator: 38, denominator: 290 }),
      b('parents', 15, { numerator: 44, denominator: 290 }),
      b('adoption', 1, { numerator: 4, denominator: 290 }), // [c], and so is the next smallest (residential)
      b('foster', 72, { area: 'england' }),
      b('residential', 12, { area: 'england' }),
      b('parents', 7, { area: 'england' }),
      b('adoption', 3, { area: 'england' }),
    ],
    placementMix,
    settings,
  );
  const bars = (area: DisplayCell['area']) =>
    cells.filter((c) => c.area === area).map((c) => ({ category: c.breakdown!, value: c.value, symbol: c.symbol }));
  return {
    id: placementMix.id,
    title: placementMix.title,
    description: describeBreakdown({ indicator: placementMix, cells, period: P('2018/19') }),
    format: placementMix,
    categories: Object.entries(placementMix.categories!).map(([key, label]) => ({ key, label })),
    series: [
      { role: 'local', label: 'Example', points: bars('local') },
      { role: 'england', label: 'England', points: bars('england') },
    ],
  };
}

/** Every fixture chart, rendered. */
export const CHARTS: { name: string; id: string; render: () => string }[] = [
  { name: 'line-quarterly', id: 'assessment-45-days', render: () => lineChart(assessmentsInput()) },
  { name: 'line-monthly', id: 'cla-rate', render: () => lineChart(claRateInput()) },
  { name: 'columns', id: 'cla-starts', render: () => columnChart(claStartsInput()) },
  { name: 'bars', id: 'placement-type-mix', render: () => barChart(placementMixInput()) },
  // The phone drawings (charts/fit.ts), 280 wide, with the series named in a key above the plot.
  { name: 'line-quarterly-narrow', id: 'assessment-45-days', render: () => lineChart(assessmentsInput(), { width: NARROW_WIDTH }) },
  { name: 'line-monthly-narrow', id: 'cla-rate', render: () => lineChart(claRateInput(), { width: NARROW_WIDTH }) },
  { name: 'columns-narrow', id: 'cla-starts', render: () => columnChart(claStartsInput(), { width: NARROW_WIDTH }) },
  { name: 'bars-narrow', id: 'placement-type-mix', render: () => barChart(placementMixInput(), { width: NARROW_WIDTH }) },
];
