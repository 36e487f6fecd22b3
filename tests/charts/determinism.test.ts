import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { renderPlot } from '../../src/lib/charts/render';
import { CHARTS } from './fixtures';
import { parseSvg } from './helpers';

describe('repeatable output', () => {
  it('renders each chart byte-identical, whatever was rendered before', () => {
    const first = CHARTS.map((c) => c.render());
    const reversed = [...CHARTS].reverse().map((c) => c.render()).reverse();
    expect(reversed).toEqual(first);
  });

  it('renumbers Plot ids from the prefix and keeps references to them working', () => {
    // A clipped mark makes Plot emit a clip path with an id from a global counter.
    const chart = () =>
      renderPlot(
        { width: 200, height: 100, marks: [Plot.lineY([1, 3, 2], { clip: true })] },
        { id: 'clipped', title: 'Clipped', description: 'A clipped line.' },
      );
    const a = chart();
    chart();
    const b = chart();
    expect(b).toBe(a);
    const svg = parseSvg(a);
    const clip = svg.querySelector('clipPath, clippath')!;
    expect(clip.getAttribute('id')).toBe('clipped-1');
    expect(a).toContain('url(#clipped-1)');
    expect(a).not.toMatch(/plot-clip/);
  });

  it('rounds coordinates to 2 decimals', () => {
    for (const c of CHARTS) expect(c.render()).not.toMatch(/="[^"]*\d\.\d{3}/);
  });
});

describe('renderPlot guards', () => {
  it('refuses an id that cannot be used in SVG ids', () => {
    expect(() => renderPlot({ marks: [] }, { id: '1 bad id', title: 't', description: 'd' })).toThrow(/cannot be used in SVG ids/);
  });

  it('refuses options that make Plot return a <figure>', () => {
    expect(() => renderPlot({ caption: 'A caption', marks: [Plot.lineY([1, 2])] }, { id: 'x', title: 't', description: 'd' })).toThrow(/<figure>/);
  });

  it('escapes the title and description', () => {
    const markup = renderPlot({ marks: [Plot.lineY([1, 2])] }, { id: 'esc', title: 'Care & support <review>', description: 'a < b' });
    expect(markup).toContain('<title id="esc-title">Care &amp; support &lt;review&gt;</title>');
    expect(parseSvg(markup).querySelector('desc')!.textContent).toBe('a < b');
  });
});
