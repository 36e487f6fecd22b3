/**
 * Line chart of an indicator over time: the council's own figures (solid, with a point at each
 * value), England, statistical neighbours and the region (dashed, dotted, dash-dot) and the
 * target (long dashes, stepped). Each line is named by a label at its end, so no legend and no
 * reliance on colour. A suppressed or missing local figure leaves a gap, with its symbol ("[c]")
 * written at the foot of the axis where the point would be.
 */
import * as Plot from '@observablehq/plot';
import { periodShortName, type Period } from '../periods';
import { formatTickValue } from '../stats/format';
import { periodTicks, sortedPeriods, textWidth, symbolMarks, valueAxis, valueAxisMarks } from './layout';
import { DASHES, LABEL_FONT_SIZE, MIN_FONT_SIZE, PALETTE, STROKE_WIDTH, type SeriesRole } from './palette';
import { CHART_WIDTH, renderPlot } from './render';
import { KEY_BELOW_WIDTH, keyLayout, keyMark, lineHeight, setLines, spreadBlocks, wrapText, type Fit } from './fit';
import type { ChartPoint, LineChartInput } from './types';

export { PALETTE } from './palette';

const HEIGHT = 360;
/** A phone's plot is shorter, so the chart stays about as tall as wide. */
const NARROW_HEIGHT = 280;
const MARGIN_TOP = 36;
const MARGIN_BOTTOM = 40;
/** Widest a name in the right margin may be before it wraps, so the plot keeps most of the width. */
const LABEL_MAX_WIDTH = 170;
/** Width of the line-style sample before each label, and the gap after it. */
const SWATCH = 24;
const SWATCH_GAP = 6;
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A Plot mark, written as a function, that draws the labels in the right margin: a short line in
 * the series' colour, width and dash pattern, then its name (wrapped onto more lines when long).
 * Plot has no mark for a sample of a line style, so these are drawn directly, in pixels.
 */
function marginLabels(labels: { role: SeriesRole; lines: string[]; y: number }[], left: number): Plot.RenderableMark {
  return ((_index: number[], _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) => {
    const doc = context.document;
    const g = doc.createElementNS(SVG_NS, 'g');
    for (const l of labels) {
      const y = l.y.toFixed(2);
      const line = doc.createElementNS(SVG_NS, 'line');
      const attrs: Record<string, string> = {
        x1: String(left + 6),
        x2: String(left + 6 + SWATCH),
        y1: y,
        y2: y,
        stroke: PALETTE[l.role],
        'stroke-width': String(STROKE_WIDTH[l.role]),
      };
      if (DASHES[l.role]) attrs['stroke-dasharray'] = DASHES[l.role]!;
      for (const [k, v] of Object.entries(attrs)) line.setAttribute(k, v);
      const text = doc.createElementNS(SVG_NS, 'text');
      const x = left + 6 + SWATCH + SWATCH_GAP;
      for (const [k, v] of Object.entries({ x: String(x), y, dy: '0.32em', 'text-anchor': 'start', fill: PALETTE[l.role], 'font-size': String(LABEL_FONT_SIZE) })) {
        text.setAttribute(k, v);
      }
      if (l.role === 'local') text.setAttribute('font-weight', 'bold');
      setLines(doc, text, l.lines, x, l.y, LABEL_FONT_SIZE);
      g.append(line, text);
    }
    return g as unknown as SVGElement;
  }) as unknown as Plot.RenderableMark;
}

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

/**
 * Rows a line cannot draw: a figure with no figure beside it (a single year, or a year between
 * gaps). Plot draws a line only between two points, so without a mark of its own such a figure
 * would be named in the key and drawn nowhere.
 */
export function isolatedRows(rows: readonly Row[]): Row[] {
  return rows.filter((r, i) => r.y !== null && (rows[i - 1]?.y ?? null) === null && (rows[i + 1]?.y ?? null) === null);
}

/**
 * A point drawn as a short stroke of the series' own colour, width and dashes, the same sample
 * the key shows beside its name: so a comparator's single year is told apart by its style, as its
 * line is, never by colour alone. Plot sizes symbols by area; the stroke is as wide as the key's.
 */
const STROKE_SYMBOL = {
  draw(context: CanvasPath, size: number) {
    const half = Math.sqrt(size / Math.PI);
    context.moveTo(-half, 0);
    context.lineTo(half, 0);
  },
};

interface Drawn {
  role: SeriesRole;
  label: string;
  rows: Row[];
}

/**
 * A line chart as an SVG string, `fit.width` px wide: on a wide drawing the lines are named in
 * the right margin at their ends; on a narrow one, in a key above the plot.
 */
export function lineChart(input: LineChartInput, fit: Fit = { width: CHART_WIDTH }): string {
  const { format } = input;
  const periodLabel = input.periodLabel ?? periodShortName;
  const width = fit.width;
  const local = input.series.filter((s) => s.role === 'local');
  const periods = sortedPeriods(input.periods ?? (local.length > 0 ? local : input.series.slice(0, 1)).flatMap((s) => s.points.map((p) => p.period)));

  const drawn: Drawn[] = input.series.map((s) => ({ role: s.role, label: s.label, rows: rowsFor(s.points, periods, s.role !== 'local') }));
  if (input.target) drawn.push({ role: 'target', label: input.target.label ?? 'Target', rows: rowsFor(input.target.points, periods, true) });

  const values = drawn.flatMap((d) => d.rows.map((r) => r.y)).filter((v): v is number => v !== null);
  const axis = valueAxis(format, values.length > 0 ? Math.max(...values) : 0);
  const tickText = axis.ticks.map((t) => formatTickValue(format, t, axis.decimals));
  const marginLeft = Math.max(40, Math.max(...tickText.map((t) => textWidth(t, MIN_FONT_SIZE))) + 16);

  // Direct labels sit in the right margin, each beside a short sample of its line's style, at
  // the height of its line's last drawn point (spread apart so none overlap). A comparator whose
  // figures stop earlier than the council's is still named at the edge, with its line style, so
  // no label sits on top of another line inside the chart.
  const ends = drawn
    .map((d) => {
      const last = d.rows.findLastIndex((r) => r.y !== null);
      return last === -1 ? undefined : { role: d.role, label: d.label, value: d.rows[last].y! };
    })
    .filter((e) => e !== undefined);
  const keyed = width < KEY_BELOW_WIDTH;
  const key = keyed ? keyLayout(ends, width) : undefined;
  const step = lineHeight(LABEL_FONT_SIZE);
  const wrapped = ends.map((e) => wrapText(e.label, LABEL_MAX_WIDTH, LABEL_FONT_SIZE, e.role === 'local'));
  // The latest period's label is centred on the last point: half of it may reach past the plot.
  const lastTick = periods.length ? textWidth(periodLabel(periods.at(-1)!), MIN_FONT_SIZE) / 2 : 0;
  const marginRight = keyed
    ? Math.max(16, lastTick + 4)
    : Math.max(24, lastTick + 4, ...wrapped.map((lines, i) => SWATCH + SWATCH_GAP + Math.max(...lines.map((l) => textWidth(l, LABEL_FONT_SIZE, ends[i].role === 'local'))) + 12));
  const marginTop = MARGIN_TOP + (key?.height ?? 0);
  const blocks = wrapped.map((lines) => lines.length * step);
  // Tall enough for every name in the margin, one under another.
  const height = Math.max((keyed ? NARROW_HEIGHT : HEIGHT) + (key?.height ?? 0), marginTop + MARGIN_BOTTOM + blocks.reduce((a, b) => a + b + 4, 0));

  const plotHeight = height - marginTop - MARGIN_BOTTOM;
  const toPx = (v: number) => marginTop + (1 - v / axis.max) * plotHeight;
  const spread = spreadBlocks(ends.map((e) => toPx(e.value)), blocks, 4, marginTop, height - MARGIN_BOTTOM);
  const labels = ends.map((e, i) => ({ ...e, lines: wrapped[i], y: spread[i] }));

  const marks: Plot.Markish[] = [
    ...valueAxisMarks(format, axis, input.axisLabel, key ? { labelTop: key.height, marginTop, marginLeft } : undefined),
    Plot.axisX(periodTicks(periods, width - marginLeft - marginRight, MIN_FONT_SIZE, periodLabel), {
      tickFormat: (label: string) => periodLabel(periods.find((p) => p.label === label)!),
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
    const alone = isolatedRows(d.rows);
    if (d.role !== 'local' && alone.length) {
      marks.push(
        Plot.dot(alone, {
          x: 'x',
          y: 'y',
          symbol: STROKE_SYMBOL,
          r: SWATCH / 2,
          fill: 'none',
          stroke: PALETTE[d.role],
          strokeWidth: STROKE_WIDTH[d.role],
          strokeDasharray: DASHES[d.role],
        }),
      );
    }
    if (d.role === 'local') {
      marks.push(
        Plot.dot(
          d.rows.filter((r) => r.y !== null),
          { x: 'x', y: 'y', r: 4.5, fill: PALETTE.local, stroke: 'white', strokeWidth: 1.5 },
        ),
      );
    }
  }

  marks.push(...symbolMarks(local.flatMap((s) => s.points.filter((p) => p.value === null && p.symbol).map((p) => ({ x: p.period.label, symbol: p.symbol! })))));

  marks.push(key ? keyMark(key, 'line') : marginLabels(labels, width - marginRight));

  return renderPlot(
    {
      width,
      height,
      marginTop,
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
