/** Helpers for chart tests: parse an SVG string, normalise it for snapshots, WCAG contrast. */
import { parseHTML } from 'linkedom';

/** The root <svg> of a chart, parsed as a browser would parse it inside an HTML page. */
export function parseSvg(markup: string): Element {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${markup}</body></html>`);
  const svg = document.querySelector('svg');
  if (!svg) throw new Error('no <svg> in markup');
  return svg as unknown as Element;
}

/** Text of every <text> element, in document order. */
export function texts(svg: Element): string[] {
  return [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
}

/**
 * As Plot's own snapshot tests do: decimals rounded to 2 places and generated ids renumbered,
 * so a snapshot changes only when the drawing does. One tag per line, for readable diffs.
 */
export function normaliseSvg(markup: string, prefix: string): string {
  const ids = new Map<string, string>();
  const generated = new RegExp(`${prefix}-\\d+`, 'g');
  return (
    markup
      .replace(/-?\d+\.\d+/g, (d) => String(Math.round(Number(d) * 100) / 100))
      .replace(generated, (id) => {
        if (!ids.has(id)) ids.set(id, `${prefix}-id${ids.size + 1}`);
        return ids.get(id)!;
      })
      .replace(/></g, '>\n<') + '\n'
  );
}

function channel(c: number) {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
