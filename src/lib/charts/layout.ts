/**
 * Layout arithmetic shared by the charts: the value axis, which period labels fit, how wide a
 * label is. Charts set their own scales rather than letting Plot choose, so that label positions
 * can be computed (to keep direct labels apart) and so every axis starts at zero.
 */
import * as Plot from '@observablehq/plot';
import type { Indicator } from '../model';
import { comparePeriods, periodShortName, type Period } from '../periods';
import { formatSymbol, formatTickValue, unitLabel, type DisclosureSymbol } from '../stats/format';
import { GRID, MIN_FONT_SIZE } from './palette';

export interface ValueAxis {
  /** Top of the axis; the bottom is always 0. */
  max: number;
  ticks: number[];
  /** Decimals needed to write the ticks. */
  decimals: number;
}

/**
 * A value axis from 0 to a round number at or above `max`, with about five ticks at steps of 1,
 * 2, 2.5 or 5 times a power of ten. It starts at 0 because the public reads bar and line heights
 * as amounts; the text description states changes too small to see. Whole-number units (counts,
 * money) never get fractional steps, and a percentage axis stops at 100.
 */
export function valueAxis(format: Pick<Indicator, 'unit'>, dataMax: number, target = 5): ValueAxis {
  const wholeSteps = format.unit === 'count' || format.unit === 'gbp';
  const max = dataMax > 0 ? dataMax : 1;
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  if (wholeSteps) step = Math.max(1, Math.round(step));
  let top = Math.ceil(max / step - 1e-9) * step;
  if (format.unit === 'percent' && max <= 100 && top > 100) {
    top = 100;
    step = [10, 20, 25].find((s) => 100 / s <= target + 1)!;
  }
  const count = Math.round(top / step);
  // Built from integers, then rounded, so 0.1 * 3 does not print as 0.30000000000000004.
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(10)));
  const decimals = Math.max(0, ...ticks.map((t) => (String(t).split('.')[1] ?? '').length));
  return { max: top, ticks, decimals };
}

/**
 * Width of a character, in em, for laying out labels. Plot cannot measure text on the server;
 * system-ui text averages about 0.55em a character (digits and "%" more), and a reader who
 * widens letter spacing to WCAG 1.4.12's 0.12em adds that to every one. Erring wide keeps every
 * label inside the chart for them too.
 */
export const CHAR_WIDTH_EM = 0.72;

/** Bold text is about this much wider. */
export const BOLD_FACTOR = 1.12;

/** Rough width of a label in px (see CHAR_WIDTH_EM). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return Math.ceil(text.length * fontSize * CHAR_WIDTH_EM * (bold ? BOLD_FACTOR : 1));
}

/** Distinct periods in time order. */
export function sortedPeriods(periods: Iterable<Period>): Period[] {
  const byLabel = new Map<string, Period>();
  for (const p of periods) byLabel.set(p.label, p);
  return [...byLabel.values()].sort(comparePeriods);
}

/**
 * Which period labels to write on the x axis so they do not overlap: every k-th, counted back
 * from the latest, so the latest period is always labelled.
 */
export function periodTicks(periods: readonly Period[], plotWidth: number, fontSize: number, label: (p: Period) => string = periodShortName): string[] {
  if (periods.length === 0) return [];
  const widest = Math.max(...periods.map((p) => textWidth(label(p), fontSize)));
  const slot = plotWidth / periods.length;
  const every = Math.max(1, Math.ceil((widest + 12) / slot));
  return periods.filter((_, i) => (periods.length - 1 - i) % every === 0).map((p) => p.label);
}

/**
 * Moves labels apart vertically so none is closer than `gap` px to another, keeping them inside
 * [top, bottom]. Positions are in px, top to bottom. Ties keep input order, so output is stable.
 */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  // Then push back up from the bottom edge, if the stack ran over it.
  if (placed.length > 0 && placed[placed.length - 1] > bottom) {
    placed[placed.length - 1] = bottom;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top, placed[k])));
  return out;
}

/**
 * The value axis every time chart shares: grid lines, tick labels and the unit above them.
 * `labelTop`, when given, is where (px from the top of the chart) the unit is written, for a
 * chart with a key above its plot; otherwise Plot writes it at the very top.
 */
export function valueAxisMarks(
  format: Pick<Indicator, 'unit'>,
  axis: ValueAxis,
  axisLabel: string | undefined,
  place?: { labelTop: number; marginTop: number; marginLeft: number },
): Plot.Markish[] {
  const label = axisLabel ?? unitLabel({ unit: format.unit, counts: 'other' });
  return [
    Plot.gridY(axis.ticks, { stroke: GRID, strokeOpacity: 1 }),
    Plot.axisY(axis.ticks, {
      tickFormat: (t: number) => formatTickValue(format, t, axis.decimals),
      label: place ? null : label,
      labelAnchor: 'top',
      labelArrow: 'none',
      tickSize: 0,
    }),
    ...(place
      ? [Plot.text([label], { frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'top', dx: 3 - place.marginLeft, dy: place.labelTop + 3 - place.marginTop })]
      : []),
  ];
}

/** Symbols ("[c]") written at the foot of the axis where a hidden or missing value would be. */
export function symbolMarks(items: { x: string; symbol: DisclosureSymbol }[]): Plot.Markish[] {
  if (items.length === 0) return [];
  const rows = items.map((i) => ({ x: i.x, y: 0, text: formatSymbol(i.symbol) }));
  return [Plot.text(rows, { x: 'x', y: 'y', text: 'text', dy: -10, fontSize: MIN_FONT_SIZE })];
}
