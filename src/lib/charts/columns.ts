/**
 * Column chart for in-period counts (plans started in the month, children going missing): one
 * column per period, each with its value written above it when there is room. A suppressed or
 * missing value has no column; its symbol ("[c]") is written where the column would stand.
 */
import * as Plot from '@observablehq/plot';
import { periodShortName } from '../periods';
import { formatTickValue } from '../stats/format';
import { periodTicks, sortedPeriods, textWidth, symbolMarks, valueAxis, valueAxisMarks } from './layout';
import { MIN_FONT_SIZE, PALETTE } from './palette';
import { CHART_WIDTH, renderPlot } from './render';
import type { ColumnChartInput } from './types';
import type { Fit } from './fit';

const HEIGHT = 320;
const NARROW_HEIGHT = 260;
const MARGIN_TOP = 36;
const MARGIN_BOTTOM = 40;
const MARGIN_RIGHT = 16;

/** A column chart as an SVG string, `fit.width` px wide. */
export function columnChart(input: ColumnChartInput, fit: Fit = { width: CHART_WIDTH }): string {
  const { format } = input;
  const periodLabel = input.periodLabel ?? periodShortName;
  const width = fit.width;
  const height = width < CHART_WIDTH ? NARROW_HEIGHT : HEIGHT;
  const periods = sortedPeriods(input.points.map((p) => p.period));
  const rows = periods.map((p) => {
    const point = input.points.find((q) => q.period.label === p.label)!;
    return { x: p.label, y: point.value, symbol: point.symbol };
  });
  const values = rows.map((r) => r.y).filter((v): v is number => v !== null);
  const axis = valueAxis(format, values.length > 0 ? Math.max(...values) : 0);
  const tickText = axis.ticks.map((t) => formatTickValue(format, t, axis.decimals));
  const marginLeft = Math.max(40, Math.max(...tickText.map((t) => textWidth(t, MIN_FONT_SIZE))) + 16);
  // The latest period's label is centred on its column: with many narrow columns, half of it
  // reaches past the plot's right edge unless the margin leaves room.
  const lastTick = periods.length ? textWidth(periodLabel(periods.at(-1)!), MIN_FONT_SIZE) / 2 : 0;
  const slotGuess = (width - marginLeft - MARGIN_RIGHT) / Math.max(1, periods.length);
  const marginRight = Math.max(MARGIN_RIGHT, Math.ceil(lastTick - slotGuess / 2) + 4);
  const plotWidth = width - marginLeft - marginRight;

  const valueText = (v: number) => formatTickValue(format, v, format.decimals);
  const slot = periods.length > 0 ? plotWidth / periods.length : plotWidth;
  // Values go above the columns only if every one fits its slot; otherwise the table has them.
  const showValues = values.every((v) => textWidth(valueText(v), MIN_FONT_SIZE) + 4 <= slot);

  const marks: Plot.Markish[] = [
    ...valueAxisMarks(format, axis, input.axisLabel),
    Plot.axisX(periodTicks(periods, plotWidth, MIN_FONT_SIZE, periodLabel), {
      tickFormat: (label: string) => periodLabel(periods.find((p) => p.label === label)!),
      label: null,
    }),
    Plot.barY(
      rows.filter((r) => r.y !== null),
      { x: 'x', y: 'y', fill: PALETTE.local },
    ),
    Plot.ruleY([0]),
  ];
  if (showValues) {
    marks.push(
      Plot.text(
        rows.filter((r) => r.y !== null).map((r) => ({ ...r, text: valueText(r.y!) })),
        { x: 'x', y: 'y', text: 'text', dy: -8, fontSize: MIN_FONT_SIZE },
      ),
    );
  }
  marks.push(...symbolMarks(rows.filter((r) => r.y === null && r.symbol).map((r) => ({ x: r.x, symbol: r.symbol! }))));

  return renderPlot(
    {
      width,
      height,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      marginLeft,
      marginRight,
      x: { type: 'band', domain: periods.map((p) => p.label), padding: 0.25 },
      y: { domain: [0, axis.max] },
      marks,
    },
    { id: input.id, title: input.title, description: input.description },
  );
}
