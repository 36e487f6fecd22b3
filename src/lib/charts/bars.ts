/**
 * Grouped horizontal bars for a category breakdown (where children in care live, local beside
 * England). Each category's name is written above its group (wrapped onto more lines where the
 * width needs it), so long names need no wide margin; each bar has its value written at its end,
 * and a key above the chart names the series. The council's bars are filled; comparators are
 * outlined in their line style, so the series differ by more than colour. A suppressed value has
 * no bar, only its symbol.
 */
import * as Plot from '@observablehq/plot';
import { formatSymbol, formatTickValue } from '../stats/format';
import { textWidth } from './layout';
import { DASHES, LABEL_FONT_SIZE, MIN_FONT_SIZE, PALETTE } from './palette';
import { CHART_WIDTH, renderPlot } from './render';
import type { BarChartInput } from './types';
import { keyLayout, keyMark, LINE_HEIGHT_EM, lineHeight, wrapText, type Fit } from './fit';

const BAR = 20;
const BAR_GAP = 4;
const GROUP_GAP = 14;
const MARGIN = 8;
const VALUE_DX = 6;

/** A grouped bar chart as an SVG string, `fit.width` px wide. */
export function barChart(input: BarChartInput, fit: Fit = { width: CHART_WIDTH }): string {
  const { format, categories, series } = input;
  const width = fit.width;
  if (series.length === 0 || series.length > 4) throw new Error(`barChart draws 1 to 4 series; "${input.id}" has ${series.length}.`);
  const key = keyLayout(series, width - MARGIN, MARGIN);
  const names = categories.map((c) => wrapText(c.label, width - 2 * MARGIN, LABEL_FONT_SIZE, true));
  const NAME_ROW = Math.max(...names.map((l) => l.length)) * lineHeight(LABEL_FONT_SIZE) + 6;
  const band = NAME_ROW + series.length * (BAR + BAR_GAP) + GROUP_GAP;
  const height = 2 * MARGIN + key.height + categories.length * band;

  const rows = series.flatMap((s, i) =>
    categories.map((c) => {
      const point = s.points.find((p) => p.category === c.key);
      const value = point?.value ?? null;
      const shown = value === null ? formatSymbol(point?.symbol ?? 'x') : formatTickValue(format, value, format.decimals);
      const text = shown;
      const top = NAME_ROW + i * (BAR + BAR_GAP);
      return { series: i, category: c.key, value, text, dy: top + BAR / 2 - band / 2 };
    }),
  );

  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const max = values.length > 0 ? Math.max(...values) : 1;
  const marginRight = Math.max(0, ...rows.map((r) => textWidth(r.text, MIN_FONT_SIZE))) + VALUE_DX + MARGIN;

  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    const top = NAME_ROW + i * (BAR + BAR_GAP);
    const mine = rows.filter((r) => r.series === i && r.value !== null);
    const local = s.role === 'local';
    marks.push(
      Plot.barX(mine, {
        x: 'value',
        y: 'category',
        insetTop: top,
        insetBottom: band - top - BAR,
        fill: local ? PALETTE.local : 'white',
        stroke: local ? undefined : PALETTE[s.role],
        strokeWidth: local ? undefined : 2,
        strokeDasharray: local ? undefined : DASHES[s.role],
      }),
    );
  });
  marks.push(
    Plot.ruleX([0]),
    Plot.text(
      categories.map((c, k) => ({ category: c.key, label: names[k].join('\n') })),
      { x: () => 0, y: 'category', text: 'label', textAnchor: 'start', lineHeight: LINE_HEIGHT_EM, dy: NAME_ROW / 2 - band / 2, fontSize: LABEL_FONT_SIZE, fontWeight: 'bold' },
    ),
  );
  // One text mark per bar row offset, because Plot's dy is a constant, not a channel.
  for (const i of series.keys()) {
    const mine = rows.filter((r) => r.series === i);
    marks.push(
      Plot.text(
        mine.map((r) => ({ ...r, x: r.value ?? 0 })),
        { x: 'x', y: 'category', text: 'text', textAnchor: 'start', dx: VALUE_DX, dy: mine[0]?.dy ?? 0, fontSize: MIN_FONT_SIZE },
      ),
    );
  }
  marks.push(keyMark(key, 'bar', MARGIN));

  return renderPlot(
    {
      width,
      height,
      marginTop: MARGIN + key.height,
      marginBottom: MARGIN,
      marginLeft: MARGIN,
      marginRight,
      x: { domain: [0, max], axis: null },
      y: { type: 'band', domain: categories.map((c) => c.key), padding: 0, axis: null },
      marks,
    },
    { id: input.id, title: input.title, description: input.description },
  );
}
