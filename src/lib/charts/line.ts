/**
 * Line chart of an indicator over time: the council's own figures (solid, with a point at each
 * value), England, statistical neighbours and the region (dashed, dotted, dash-dot) and the
 * target (long dashes, stepped). Each line is named by a label at its end, so no legend and no
 * reliance on colour. A suppressed or missing local figure leaves a gap, with its symbol ("[c]")
 * written at the foot of the axis where the point would be.
 */
import * as Plot from '@observablehq/plot';
import { periodShortName, type Period } from '../periods';
import { formatTickValue, formatSymbol, unitLabel } from '../stats/format';
import { periodTicks, sortedPeriods, spreadLabels, textWidth, valueAxis } from './layout';
import { DASHES, GRID, LABEL_FONT_SIZE, MIN_FONT_SIZE, PALETTE, STROKE_WIDTH, type SeriesRole } from './palette';
import { CHART_WIDTH, renderPlot } from './render';
import type { ChartPoint, LineChartInput } from './types';

export { PALETTE } from './palette';

const HEIGHT = 360;
const MARGIN_TOP = 36;
const MARGIN_BOTTOM = 40;
const LABEL_GAP = LABEL_FONT_SIZE + 4;

interface Row {
  x: string;
  y: number | null;
}

/**
 * The series' value at each period of the x axis: its own figure for that period or, for a
 * comparator or target, the figure of the shortest longer period containing it (an annual
 * England figure spans its four quarters). The local series never borrows: a local annual figure
 * drawn across months would be a number nobody published for those months.
 */
function rowsFor(points: readonly ChartPoint[], periods: readonly Period[], borrow: boolean): Row[] {
  return periods.map((p) => {
    const own = points.find((q) => q.period.label === p.label);
    if (own) return { x: p.label, y: own.value };
    if (!borrow) return { x: p.label, y: null };
    const containing = points
      .filter((q) => q.period.start <= p.start && p.end <= q.period.end)
      .sort((a, b) => a.period.end - a.period.start - (b.period.end - b.period.start))[0];
    return { x: p.label, y: containing?.value ?? null };
  });
}

interface Drawn {
  role: SeriesRole;
  label: string;
  rows: Row[];
}

/** A line chart as an SVG string. */
export function lineChart(input: LineChartInput): string {
  const { format } = input;
  const local = input.series.filter((s) => s.role === 'local');
  const periods = sortedPeriods(input.periods ?? (local.length > 0 ? local : input.series.slice(0, 1)).flatMap((s) => s.points.map((p) => p.period)));

  const drawn: Drawn[] = input.series.map((s) => ({ role: s.role, label: s.label, rows: rowsFor(s.points, periods, s.role !== 'local') }));
  if (input.target) drawn.push({ role: 'target', label: input.target.label ?? 'Target', rows: rowsFor(input.target.points, periods, true) });

  const values = drawn.flatMap((d) => d.rows.map((r) => r.y)).filter((v): v is number => v !== null);
  const axis = valueAxis(format, values.length > 0 ? Math.max(...values) : 0);
  const tickText = axis.ticks.map((t) => formatTickValue(format, t, axis.decimals));
  const marginLeft = Math.max(40, Math.max(...tickText.map((t) => textWidth(t, MIN_FONT_SIZE))) + 16);

  // Direct labels sit just right of each line's last drawn point.
  const ends = drawn
    .map((d) => {
      const last = d.rows.findLastIndex((r) => r.y !== null);
      return last === -1 ? undefined : { ...d, x: d.rows[last].x, value: d.rows[last].y!, atEnd: last === periods.length - 1 };
    })
    .filter((e) => e !== undefined);
  const endWidths = ends.filter((e) => e.atEnd).map((e) => textWidth(e.label, LABEL_FONT_SIZE) + 12);
  const marginRight = Math.max(24, ...endWidths);

  const plotHeight = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
  const toPx = (v: number) => MARGIN_TOP + (1 - v / axis.max) * plotHeight;
  const toValue = (px: number) => (1 - (px - MARGIN_TOP) / plotHeight) * axis.max;
  // Labels are kept apart only from labels ending at the same period: one ending earlier sits
  // further left and does not collide, and moving it would detach it from its line.
  const labels = [...new Set(ends.map((e) => e.x))].flatMap((x) => {
    const group = ends.filter((e) => e.x === x);
    const spread = spreadLabels(group.map((e) => toPx(e.value)), LABEL_GAP, MARGIN_TOP, HEIGHT - MARGIN_BOTTOM);
    return group.map((e, i) => ({ x, y: toValue(spread[i]), text: e.label, role: e.role }));
  });

  const marks: Plot.Markish[] = [
    Plot.gridY(axis.ticks, { stroke: GRID, strokeOpacity: 1 }),
    Plot.axisY(axis.ticks, {
      tickFormat: (t: number) => formatTickValue(format, t, axis.decimals),
      label: input.axisLabel ?? unitLabel({ unit: format.unit, counts: 'other' }),
      labelAnchor: 'top',
      labelArrow: 'none',
      tickSize: 0,
    }),
    Plot.axisX(periodTicks(periods, CHART_WIDTH - marginLeft - marginRight, MIN_FONT_SIZE), {
      tickFormat: (label: string) => periodShortName(periods.find((p) => p.label === label)!),
      label: null,
    }),
    Plot.ruleY([0]),
  ];

  // Comparators and target first, so the council's own line is drawn on top.
  const order: SeriesRole[] = ['target', 'region', 'statistical-neighbours', 'england', 'local'];
  for (const d of [...drawn].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))) {
    marks.push(
      Plot.line(d.rows, {
        x: 'x',
        y: 'y',
        stroke: PALETTE[d.role],
        strokeWidth: STROKE_WIDTH[d.role],
        strokeDasharray: DASHES[d.role],
        curve: d.role === 'target' ? 'step' : 'linear',
      }),
    );
    if (d.role === 'local') {
      marks.push(
        Plot.dot(
          d.rows.filter((r) => r.y !== null),
          { x: 'x', y: 'y', r: 4.5, fill: PALETTE.local, stroke: 'white', strokeWidth: 1.5 },
        ),
      );
    }
  }

  const symbols = local.flatMap((s) =>
    s.points.filter((p) => p.value === null && p.symbol).map((p) => ({ x: p.period.label, y: 0, text: formatSymbol(p.symbol!) })),
  );
  if (symbols.length > 0) marks.push(Plot.text(symbols, { x: 'x', y: 'y', text: 'text', dy: -10, fontSize: MIN_FONT_SIZE }));

  for (const l of labels) {
    marks.push(
      Plot.text([l], {
        x: 'x',
        y: 'y',
        text: 'text',
        dx: 10,
        textAnchor: 'start',
        fill: PALETTE[l.role],
        fontSize: LABEL_FONT_SIZE,
        fontWeight: l.role === 'local' ? 'bold' : 'normal',
      }),
    );
  }

  return renderPlot(
    {
      width: CHART_WIDTH,
      height: HEIGHT,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      marginLeft,
      marginRight,
      x: { type: 'point', domain: periods.map((p) => p.label), padding: 0.3 },
      y: { domain: [0, axis.max] },
      marks,
    },
    { id: input.id, title: input.title, description: input.description },
  );
}
