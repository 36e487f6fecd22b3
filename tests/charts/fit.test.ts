/**
 * Charts that fit their width: long names wrap (and overlong words break) rather than running
 * off the drawing; the phone drawing names its series in a key above the plot; labels in the
 * wide drawing's margin never overlap or leave it. Whether the text really stays inside the box
 * in a browser, with WCAG 1.4.12's spacing too, is tests/e2e/reflow.test.ts's job.
 */
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/lib/charts/bars';
import { KEY_BELOW_WIDTH, NARROW_WIDTH, keyLayout, spreadBlocks, wrapText } from '../../src/lib/charts/fit';
import { textWidth } from '../../src/lib/charts/layout';
import { lineChart } from '../../src/lib/charts/line';
import { CHART_WIDTH } from '../../src/lib/charts/render';
import { assessmentsInput, placementMixInput } from './fixtures';
import { parseSvg, texts } from './helpers';

const WORD30 = 'Supercalifragilisticexpialidoc';
const COUNCIL = `Royal Borough of Kingston-upon-Hull-and-East-Riding-of-Yorkshire ${WORD30}shire Metropolitan District Council`;

describe('wrapText', () => {
  it('keeps a short name on one line', () => {
    expect(wrapText('England', 200, 14)).toEqual(['England']);
  });

  it('wraps at spaces, every line within the width', () => {
    const lines = wrapText(COUNCIL, 240, 14);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(textWidth(l, 14)).toBeLessThanOrEqual(240);
    expect(lines.join(' ').replace(/ /g, '')).toBe(COUNCIL.replace(/ /g, ''));
  });

  it('breaks a word longer than a line into pieces, as overflow-wrap: anywhere does', () => {
    const lines = wrapText(`${WORD30}${WORD30}`, 150, 12);
    expect(lines.join('')).toBe(`${WORD30}${WORD30}`);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(150);
  });

  it('allows for bold text being wider', () => {
    expect(wrapText('Example County Council', 240, 14).length).toBeLessThanOrEqual(wrapText('Example County Council', 240, 14, true).length);
  });
});

describe('keyLayout', () => {
  it('stacks entries, each as tall as its wrapped lines', () => {
    const key = keyLayout([{ role: 'local', label: COUNCIL }, { role: 'england', label: 'England' }], NARROW_WIDTH);
    expect(key.entries[0].lines.length).toBeGreaterThan(2);
    expect(key.entries[1].lines).toEqual(['England']);
    expect(key.entries[1].top).toBeGreaterThan(key.entries[0].top + 14 * key.entries[0].lines.length);
    expect(key.height).toBeGreaterThan(key.entries[1].top);
  });
});

describe('spreadBlocks', () => {
  it('keeps blocks of several lines apart and wholly between top and bottom', () => {
    const ys = spreadBlocks([10, 12, 300], [54, 18, 36], 4, 0, 300);
    expect(ys[0] - 27).toBeGreaterThanOrEqual(0);
    expect(ys[1] - 9).toBeGreaterThanOrEqual(ys[0] + 27 + 4);
    expect(ys[2] + 18).toBeLessThanOrEqual(300);
  });
});

describe('the phone drawing', () => {
  it('is narrow enough to need a key', () => expect(NARROW_WIDTH).toBeLessThan(KEY_BELOW_WIDTH));

  it('names every line in a key above the plot, with long names wrapped inside the width', () => {
    const input = { ...assessmentsInput(), series: assessmentsInput().series.map((s) => (s.role === 'local' ? { ...s, label: COUNCIL } : s)) };
    const svg = parseSvg(lineChart(input, { width: NARROW_WIDTH }));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${NARROW_WIDTH} ${svg.getAttribute('viewBox')!.split(' ')[3]}`);
    const key = [...svg.querySelectorAll('text[font-size="14"]')];
    expect(key.map((t) => t.textContent!.replace(/\s+/g, ''))).toEqual(expect.arrayContaining([COUNCIL.replace(/ /g, ''), 'England', 'Target']));
    // Every line of every name starts inside the drawing and, by the layout's own estimate, ends inside it.
    for (const t of key) {
      const spans = t.querySelectorAll('tspan');
      for (const line of spans.length ? [...spans] : [t]) {
        const x = Number(line.getAttribute('x') ?? t.getAttribute('x'));
        expect(x + textWidth(line.textContent!, 14, t.getAttribute('font-weight') === 'bold')).toBeLessThanOrEqual(NARROW_WIDTH);
      }
    }
    // The key sits above the plot: every key label is above the highest point drawn.
    const keyBottom = Math.max(...key.flatMap((t) => [t, ...t.querySelectorAll('tspan')].map((e) => Number(e.getAttribute('y') ?? 0))));
    const highestPoint = Math.min(...[...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy'))));
    expect(keyBottom).toBeLessThan(highestPoint);
  });

  it('wraps long category names instead of cutting them off', () => {
    const input = placementMixInput();
    const long = { ...input, categories: input.categories.map((c) => ({ ...c, label: `${c.label}, including ${WORD30} placements` })) };
    const narrow = parseSvg(barChart(long, { width: NARROW_WIDTH }));
    const names = [...narrow.querySelectorAll('text')].filter((t) => t.querySelector('tspan') && long.categories.some((c) => c.label.replace(/ /g, '') === t.textContent!.replace(/\s+/g, '')));
    expect(names.length).toBeGreaterThanOrEqual(long.categories.length);
    const wide = parseSvg(barChart(long, { width: CHART_WIDTH }));
    const squash = (t: string) => t.replace(/\s+/g, '');
    expect(texts(wide).map(squash)).toEqual(expect.arrayContaining(long.categories.map((c) => squash(c.label))));
  });
});
