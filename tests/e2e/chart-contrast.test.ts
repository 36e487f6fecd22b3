/**
 * Contrast and text size inside the charts, which axe does not measure in SVG. Every chart on
 * every page of the sample site is read in Chromium, so colours come from the computed style (an
 * attribute, an inherited `currentColor` or a stylesheet alike), with opacities applied:
 * - text needs 4.5:1 against the white page (WCAG 1.4.3), lines and marks 3:1 (1.4.11), except
 *   grid lines, which are decoration (see chart-paint.ts);
 * - text is at least 12px in the SVG, and as drawn on a 320px-wide phone, where the page shows
 *   each chart's phone drawing, scaled to the column's width.
 * Colours do not depend on the base path, so the site at "/" is enough.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blend, contrast, paintProblems, parseColor, readCharts, type Paint, type Rgb } from './chart-paint';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

const WHITE: Rgb = [255, 255, 255];

function sizeProblems(p: Paint): string[] {
  if (p.kind !== 'text') return [];
  const out: string[] = [];
  if (p.fontSize < 12) out.push(`${p.where} has font-size ${p.fontSize}px in the SVG; needs 12px`);
  if (p.drawnFontSize < 11.95) out.push(`${p.where} is drawn at ${p.drawnFontSize.toFixed(1)}px on a 320px-wide screen; needs 12px`);
  return out;
}

const paint = (over: Partial<Paint>): Paint => ({
  where: 'x', kind: 'shape', grid: false, fill: 'none', stroke: 'none', strokeWidth: 1,
  opacity: 1, fillOpacity: 1, strokeOpacity: 1, fontSize: 12, drawnFontSize: 12, ...over,
});

describe('the contrast arithmetic', () => {
  it('matches WCAG reference values', () => {
    expect(contrast([0, 0, 0], WHITE)).toBeCloseTo(21, 5);
    expect(contrast([0x76, 0x76, 0x76], WHITE)).toBeCloseTo(4.54, 2);
    expect(contrast(WHITE, [0x94, 0x94, 0x94])).toBeCloseTo(3.03, 2);
    expect(contrast(blend(parseColor('rgba(0, 0, 0, 0.5)')!, 1, WHITE), WHITE)).toBeCloseTo(contrast([127.5, 127.5, 127.5], WHITE), 5);
  });

  it('rejects faint lines, faint text, small text and invisible marks, and accepts good ones', () => {
    expect(paintProblems(paint({ stroke: 'rgb(177, 180, 182)' }), WHITE)).toHaveLength(1);
    expect(paintProblems(paint({ stroke: 'rgb(177, 180, 182)', grid: true }), WHITE)).toEqual([]);
    expect(paintProblems(paint({ stroke: 'rgb(29, 112, 184)', strokeOpacity: 0.3 }), WHITE)).toHaveLength(1);
    expect(paintProblems(paint({ kind: 'text', fill: 'rgb(118, 118, 118)' }), WHITE)).toEqual([]);
    expect(paintProblems(paint({ kind: 'text', fill: 'rgb(140, 140, 140)' }), WHITE)).toHaveLength(1);
    expect(paintProblems(paint({ fill: 'rgb(255, 255, 255)', stroke: 'rgb(255, 255, 255)' }), WHITE)).toHaveLength(1);
    expect(paintProblems(paint({ fill: 'rgb(255, 255, 255)', stroke: 'rgb(80, 90, 95)' }), WHITE)).toEqual([]);
    expect(sizeProblems(paint({ kind: 'text', fontSize: 11, drawnFontSize: 11 }))).toHaveLength(2);
  });
});

describe('charts on the sample site', () => {
  const site = sites().find((s) => s.base === '/')!;
  let page: Page;
  beforeAll(async () => {
    page = await (await sharedBrowser()).newPage({ viewport: { width: 320, height: 800 } });
  });
  afterAll(() => page?.close());

  it('draw every text and mark with enough contrast, and text at 12px or more', async () => {
    const found: string[] = [];
    let charts = 0;
    let texts = 0;
    const colours = new Set<string>();
    for (const url of sitemapUrls(site)) {
      await page.goto(url);
      const result = await readCharts(page);
      charts += result.charts;
      for (const p of result.paints) {
        if (p.kind === 'text') texts++;
        if (!p.grid) for (const c of [p.fill, p.stroke]) if (c !== 'none') colours.add(c);
        for (const m of [...paintProblems(p, WHITE), ...sizeProblems(p)]) found.push(`${new URL(url).pathname} ${m}`);
      }
    }
    // The sample site has charts on every meeting and indicator page, in every series colour.
    expect(charts).toBeGreaterThan(50);
    expect(texts).toBeGreaterThan(500);
    expect(colours.size).toBeGreaterThanOrEqual(6);
    expect([...new Set(found)]).toEqual([]);
  });
});
