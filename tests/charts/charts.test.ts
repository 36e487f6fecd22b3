/**
 * What each chart draws: the right series with their labels and line styles, gaps and symbols
 * for suppressed figures, and never a suppressed number, even through the scales.
 */
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/lib/charts/bars';
import { columnChart } from '../../src/lib/charts/columns';
import { lineChart } from '../../src/lib/charts/line';
import { DASHES, PALETTE } from '../../src/lib/charts/palette';
import { assessmentsInput, claRateInput, claStartsInput, placementMixInput } from './fixtures';
import { parseSvg, texts } from './helpers';
import { P } from '../stats/fixtures';

/** The y of a `translate(x,y)` transform. */
const translateY = (el: Element) => Number(/translate\([^,]+,([^)]+)\)/.exec(el.getAttribute('transform')!)![1]);

/**
 * Every series named in the key has a mark of its own: the short stroke in its style drawn at a
 * point no other point joins. Plot draws a line only between two points.
 */
function strokeMarks(svg: Element, role: keyof typeof PALETTE): Element[] {
  return [...svg.querySelectorAll(`g[stroke="${PALETTE[role]}"] > path[transform]`)].filter((p) => /^M-\d+(\.\d+)?,0L\d+(\.\d+)?,0$/.test(p.getAttribute('d')!));
}

describe('lineChart with a single year', () => {
  const year = P('2023/24');
  const input = {
    id: 'one-year',
    title: 'Care leavers in suitable accommodation',
    description: 'One year.',
    format: { unit: 'percent' as const, decimals: 1 },
    series: [
      { role: 'local' as const, label: 'Example', points: [{ period: year, value: 88 }] },
      { role: 'england' as const, label: 'England', points: [{ period: year, value: 80 }] },
      { role: 'statistical-neighbours' as const, label: 'Statistical neighbours', points: [{ period: year, value: 84 }] },
      { role: 'region' as const, label: 'West Midlands', points: [{ period: year, value: 78 }] },
    ],
  };

  it.each([['wide', 640], ['narrow', 360]])('draws each comparator in the key as a point in its own style (%s)', (_name, width) => {
    const svg = parseSvg(lineChart(input, { width }));
    expect(svg.querySelectorAll('circle')).toHaveLength(1);
    for (const role of ['england', 'statistical-neighbours', 'region'] as const) {
      const marks = strokeMarks(svg, role);
      expect(marks, role).toHaveLength(1);
      expect(marks[0].parentElement!.getAttribute('stroke-dasharray')).toBe(DASHES[role]);
    }
  });

  it('draws a comparator point at its value: England below the council, the neighbours between', () => {
    const svg = parseSvg(lineChart(input));
    const y = (role: 'england' | 'statistical-neighbours') => translateY(strokeMarks(svg, role)[0]);
    const local = Number(svg.querySelector('circle')!.getAttribute('cy'));
    expect(local).toBeLessThan(y('statistical-neighbours'));
    expect(y('statistical-neighbours')).toBeLessThan(y('england'));
  });

  it('draws a year between gaps as a point, and leaves joined years to the line', () => {
    const years = ['2019/20', '2020/21', '2021/22', '2022/23'].map(P);
    const svg = parseSvg(
      lineChart({
        ...input,
        series: [
          { role: 'local', label: 'Example', points: years.map((period, i) => ({ period, value: 80 + i })) },
          { role: 'england', label: 'England', points: [{ period: years[0], value: 79 }, { period: years[2], value: 81 }, { period: years[3], value: 82 }] },
        ],
      }),
    );
    expect(strokeMarks(svg, 'england')).toHaveLength(1);
  });
});

describe('lineChart', () => {
  const input = assessmentsInput();
  const markup = lineChart(input);
  const svg = parseSvg(markup);

  it('names every line at its end, with no legend', () => {
    const labels = texts(svg);
    for (const name of ['Example', 'England', 'Similar councils', 'Target']) expect(labels).toContain(name);
  });

  it('tells lines apart by style as well as colour', () => {
    const paths = [...svg.querySelectorAll('g[stroke-dasharray]')].map((g) => [g.getAttribute('stroke'), g.getAttribute('stroke-dasharray')]);
    expect(paths).toContainEqual([PALETTE.england, DASHES.england]);
    expect(paths).toContainEqual([PALETTE['statistical-neighbours'], DASHES['statistical-neighbours']]);
    expect(paths).toContainEqual([PALETTE.target, DASHES.target]);
    const local = svg.querySelector(`g[stroke="${PALETTE.local}"]`)!;
    expect(local.hasAttribute('stroke-dasharray')).toBe(false);
  });

  it('draws a point at each local value, leaves a gap for the suppressed one, and marks it [c]', () => {
    const local = input.series.find((s) => s.role === 'local')!;
    expect(local.points.filter((p) => p.value === null)).toHaveLength(1);
    expect(svg.querySelectorAll('circle')).toHaveLength(local.points.length - 1);
    const path = svg.querySelector(`g[stroke="${PALETTE.local}"] path`)!.getAttribute('d')!;
    expect(path.match(/M/g)!.length).toBe(2); // two runs of line, broken at the gap
    expect(texts(svg)).toContain('[c]');
  });

  it('does not let the suppressed value (90.2%) shape the chart or appear in it', () => {
    // Every other figure is at most 85, so the axis would still reach 100 either way; the check
    // that matters is that no point is drawn above the highest published local value.
    const published = input.series.find((s) => s.role === 'local')!.points.flatMap((p) => (p.value === null ? [] : [p.value]));
    expect(Math.max(...published)).toBe(82.5);
    expect(markup).not.toMatch(/90\.2|37 of 41/);
    const ys = [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    const zero = 320; // HEIGHT - MARGIN_BOTTOM
    const pxPerPoint = (zero - 36) / 100;
    expect(Math.min(...ys)).toBeCloseTo(zero - 82.5 * pxPerPoint, 1);
  });

  it('names every line in the right margin, beside a sample of its style, at least a line apart', () => {
    const labels = [...svg.querySelectorAll('text[font-size="14"]')];
    expect(labels.map((t) => t.textContent)).toEqual(expect.arrayContaining(['Example', 'England', 'Target']));
    const ys = labels.map((t) => Number(t.getAttribute('y'))).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(16);
    for (const t of labels) {
      // Each label follows a short line drawn in its series' style, and both sit past the plot.
      const swatch = t.previousElementSibling!;
      expect(swatch.tagName.toLowerCase()).toBe('line');
      expect(swatch.getAttribute('stroke')).toBe(t.getAttribute('fill'));
      expect(Number(swatch.getAttribute('x1'))).toBeGreaterThan(400);
    }
    const england = labels.find((t) => t.textContent === 'England')!.previousElementSibling!;
    expect(england.getAttribute('stroke-dasharray')).toBeTruthy();
  });

  it('draws annual England figures across the quarters of their year', () => {
    const england = svg.querySelector(`g[stroke="${PALETTE.england}"] path`)!.getAttribute('d')!;
    // 2017/18 spans four quarters: four points, none for 2018/19 (not yet published).
    expect(england.match(/[ML]/g)).toHaveLength(4);
  });

  it('labels periods so they fit: every 4th month of 24, ending with the latest', () => {
    const labels = texts(parseSvg(lineChart(claRateInput())));
    const months = labels.filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t));
    expect(months.length).toBeLessThanOrEqual(8);
    expect(months.at(-1)).toBe('Mar 2019');
  });

  it('never spreads a local figure of a longer period across the axis', () => {
    const q = (label: string, value: number) => ({ period: P(label), value });
    const one = lineChart({
      ...assessmentsInput(),
      target: undefined,
      periods: ['2018/19 Q1', '2018/19 Q2', '2018/19 Q3', '2018/19 Q4'].map(P),
      series: [
        { role: 'local', label: 'Example', points: [q('2018/19 Q1', 70), q('2018/19 Q2', 75), q('2018/19', 72)] },
        { role: 'england', label: 'England', points: [q('2018/19', 83)] },
      ],
    });
    const svg = parseSvg(one);
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    expect(svg.querySelector(`g[stroke="${PALETTE.england}"] path`)!.getAttribute('d')!.match(/[ML]/g)).toHaveLength(4);
  });

  it('draws a single series without comparators', () => {
    const one = lineChart({ ...assessmentsInput(), series: [assessmentsInput().series[0]], target: undefined });
    expect(texts(parseSvg(one))).not.toContain('England');
  });
});

describe('columnChart', () => {
  const input = claStartsInput();
  const svg = parseSvg(columnChart(input));

  it('draws a column for each published count, including a true zero, and [c] for the suppressed one', () => {
    const published = input.points.filter((p) => p.value !== null);
    expect(svg.querySelectorAll('rect')).toHaveLength(published.length);
    const values = texts(svg).filter((t) => /^(\d+|\[c\])$/.test(t));
    // Tick labels are 0, 5, 10, 15; value labels follow.
    expect(values.slice(4)).toEqual(['12', '9', '14', '11', '8', '0', '10', '[c]']);
  });

  it('never writes the suppressed count (3)', () => {
    expect(texts(svg)).not.toContain('3');
  });
});

describe('barChart', () => {
  const input = placementMixInput();
  const svg = parseSvg(barChart(input));

  it("writes category names, each bar's value, and names the series in a key above the bars", () => {
    const t = texts(svg);
    for (const c of input.categories) expect(t).toContain(c.label);
    expect(t.slice(-2)).toEqual(['Example', 'England']); // the key, drawn last
    expect(t).toContain('70%');
    expect(t).toContain('72%');
    expect(t).toContain('15%');
  });

  it('fills local bars and outlines England bars in its dash style', () => {
    expect(svg.querySelector(`g[fill="${PALETTE.local}"]`)!.querySelectorAll('rect')).toHaveLength(2);
    const england = svg.querySelector(`g[stroke="${PALETTE.england}"]`)!;
    expect(england.getAttribute('fill')).toBe('white');
    expect(england.getAttribute('stroke-dasharray')).toBe(DASHES.england);
    expect(england.querySelectorAll('rect')).toHaveLength(4);
  });

  it('shows [c] for the suppressed category and its secondary, and neither number', () => {
    const t = texts(svg);
    expect(t.filter((x) => x === '[c]')).toHaveLength(2);
    expect(t).not.toContain('1%');
    expect(t).not.toContain('13%');
  });
});
