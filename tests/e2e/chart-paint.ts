/**
 * Reads the paint of every text and shape in the charts on a page, as Chromium computes it, and
 * judges it with the WCAG 2 contrast formula. Shared by chart-contrast.test.ts (the normal page)
 * and reflow.test.ts (forced colours).
 */
import type { Page } from 'playwright-core';
import { GRID } from '../../src/lib/charts/palette';

export type Rgb = [number, number, number];
type Rgba = [number, number, number, number];

export function parseColor(css: string): Rgba | undefined {
  const m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** The colour seen when `c`, at opacity `opacity`, is painted over `background`. */
export function blend([r, g, b, a]: Rgba, opacity: number, background: Rgb): Rgb {
  const k = a * opacity;
  return [r * k + background[0] * (1 - k), g * k + background[1] * (1 - k), b * k + background[2] * (1 - k)];
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export const hex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

export interface Paint {
  /** The chart's title and the element, for failure messages. */
  where: string;
  kind: 'text' | 'shape';
  /** A grid line: decoration, since every value is in the table beside the chart. */
  grid: boolean;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** Product of `opacity` from the element up to the <svg>. */
  opacity: number;
  fillOpacity: number;
  strokeOpacity: number;
  /** Font size in the SVG's own units (text only). */
  fontSize: number;
  /** Font size in CSS px as drawn on the screen (text only). */
  drawnFontSize: number;
}

/**
 * Every text and shape of every chart in the page's main content, with its computed paint. A grid
 * line is a <line> inside a group hidden from assistive technology and stroked in the palette's
 * GRID colour, which is how the charts draw their grids (Plot's gridY).
 */
export function readCharts(page: Page): Promise<{ charts: number; paints: Paint[] }> {
  return page.evaluate((grid) => {
    // The drawings on show: each chart is drawn for a wide column and for a phone, and CSS hides one.
    const charts = [...document.querySelectorAll<SVGSVGElement>('main svg')].filter((svg) => svg.getClientRects().length > 0);
    const paints: Paint[] = [];
    for (const svg of charts) {
      const title = svg.querySelector('title')?.textContent ?? '(untitled chart)';
      for (const el of svg.querySelectorAll<SVGGraphicsElement>('text, tspan, line, path, rect, circle, ellipse, polyline, polygon')) {
        if (el.closest('defs, clipPath, mask, marker, pattern')) continue;
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden') continue;
        let opacity = 1;
        for (let n: Element | null = el; n && n !== svg.parentElement; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
        const isText = el.tagName === 'text' || el.tagName === 'tspan';
        const fontSize = parseFloat(cs.fontSize);
        paints.push({
          where: `${title}: ${isText ? `"${el.textContent}"` : `<${el.tagName}>`}`,
          kind: isText ? 'text' : 'shape',
          grid: el.tagName === 'line' && el.closest('[aria-hidden="true"]') !== null && el.closest('[stroke]')?.getAttribute('stroke') === grid,
          fill: cs.fill,
          stroke: cs.stroke,
          strokeWidth: parseFloat(cs.strokeWidth),
          opacity,
          fillOpacity: Number(cs.fillOpacity),
          strokeOpacity: Number(cs.strokeOpacity),
          fontSize,
          drawnFontSize: fontSize * (el.getScreenCTM()?.a ?? 1),
        });
      }
    }
    return { charts: charts.length, paints };
  }, GRID);
}

/**
 * What is wrong with one element's paint against the background, in words: text needs 4.5:1
 * (WCAG 1.4.3), other marks 3:1 (1.4.11), grid lines nothing (`gridRatio`, 0 unless asked). Paint
 * in the background's own colour draws nothing (the inside of an outlined bar, the halo around a
 * point) and is not judged, but every element must have some visible paint.
 */
export function paintProblems(p: Paint, background: Rgb, gridRatio = 0): string[] {
  const out: string[] = [];
  const visible: { what: string; rgb: Rgb }[] = [];
  const consider = (what: 'fill' | 'stroke', css: string, alpha: number) => {
    if (css === 'none' || (what === 'stroke' && !(p.strokeWidth > 0))) return;
    const c = parseColor(css);
    if (!c) return void out.push(`${what} ${css} is not a colour this test can read`);
    const rgb = blend(c, alpha * p.opacity, background);
    if (contrast(rgb, background) < 1.01) return;
    visible.push({ what, rgb });
  };
  consider('fill', p.fill, p.fillOpacity);
  consider('stroke', p.stroke, p.strokeOpacity);
  if (visible.length === 0 && out.length === 0) out.push(`draws nothing visible on ${hex(background)}: every paint is the background colour or none`);
  const needed = p.kind === 'text' ? 4.5 : p.grid ? gridRatio : 3;
  for (const v of visible) {
    const ratio = contrast(v.rgb, background);
    if (ratio < needed) out.push(`${v.what} ${hex(v.rgb)} has ${ratio.toFixed(2)}:1 against ${hex(background)}; needs ${needed}:1`);
  }
  return out.map((m) => `${p.where} ${m}`);
}
