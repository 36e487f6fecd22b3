/**
 * Fitting a chart to the width it is given. Every chart is drawn twice at build time, for a
 * phone (NARROW_WIDTH) and for a wider column (CHART_WIDTH); the page's CSS shows one of them by
 * the width of the chart's container, so no script is needed and text is never drawn smaller
 * than MIN_FONT_SIZE px on screen (the narrow drawing is never shown narrower than its viewBox).
 *
 * On the narrow drawing there is no room beside the plot for the names of the lines, so they go
 * in a key above it; names too long for the width wrap onto more lines, and a word too long for
 * a line (an email address, a made-up name) is broken, as a browser breaks it with
 * `overflow-wrap: anywhere`.
 */
import * as Plot from '@observablehq/plot';
import { BOLD_FACTOR, CHAR_WIDTH_EM, textWidth } from './layout';
import { DASHES, LABEL_FONT_SIZE, PALETTE, STROKE_WIDTH, type SeriesRole } from './palette';

/** viewBox width of the phone drawing: the narrowest column a page gives a chart (320px less padding). */
export const NARROW_WIDTH = 280;

/** A drawing narrower than this puts its series names in a key above the plot. */
export const KEY_BELOW_WIDTH = 480;

/** Which drawing: its viewBox width. */
export interface Fit {
  width: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Lines of `text` no wider than `maxWidth` px at `fontSize`, breaking long words where they must. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const perLine = Math.max(1, Math.floor(maxWidth / (fontSize * CHAR_WIDTH_EM * (bold ? BOLD_FACTOR : 1))));
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    // A word longer than a line is cut into pieces that fit.
    while (word.length > perLine) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, perLine));
      word = word.slice(perLine);
    }
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, fontSize, bold) <= maxWidth) line = next;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Height in px of one line of wrapped label text. */
export const LINE_HEIGHT_EM = 1.25;
export const lineHeight = (fontSize: number) => fontSize * LINE_HEIGHT_EM;

/** Writes `lines` into a <text>, one <tspan> per line when there are several, the block centred on `y`. */
export function setLines(doc: Document, text: Element, lines: string[], x: number, y: number, fontSize: number): void {
  if (lines.length === 1) {
    text.textContent = lines[0];
    return;
  }
  const step = lineHeight(fontSize);
  lines.forEach((l, i) => {
    const span = doc.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(x));
    span.setAttribute('y', (y + (i - (lines.length - 1) / 2) * step).toFixed(2));
    span.setAttribute('dy', '0.32em');
    span.textContent = l;
    text.append(span);
  });
}

export type KeyStyle = 'line' | 'bar';

export interface KeyEntry {
  role: SeriesRole;
  label: string;
}

/** How a key above the plot is laid out: each entry's wrapped lines, and the height it all takes. */
export interface KeyLayout {
  entries: (KeyEntry & { lines: string[]; top: number })[];
  height: number;
}

const SWATCH = 24;
const SWATCH_GAP = 6;

/** Lays out a key of `entries`, one under another, across `width` px from `left`. */
export function keyLayout(entries: readonly KeyEntry[], width: number, left = 0): KeyLayout {
  const step = lineHeight(LABEL_FONT_SIZE);
  let top = 4;
  const out: KeyLayout['entries'] = [];
  for (const e of entries) {
    const lines = wrapText(e.label, width - left - SWATCH - SWATCH_GAP - 4, LABEL_FONT_SIZE, e.role === 'local');
    out.push({ ...e, lines, top });
    top += lines.length * step + 4;
  }
  return { entries: out, height: top + 4 };
}

/**
 * A Plot mark, written as a function, that draws the key: a sample of each series' style (a line
 * for line charts; a filled or outlined bar for bar charts), then its name.
 */
export function keyMark(key: KeyLayout, style: KeyStyle, left = 0): Plot.RenderableMark {
  return ((_index: number[], _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) => {
    const doc = context.document;
    const g = doc.createElementNS(SVG_NS, 'g');
    const step = lineHeight(LABEL_FONT_SIZE);
    for (const e of key.entries) {
      const mid = e.top + step / 2;
      const swatch = doc.createElementNS(SVG_NS, style === 'line' ? 'line' : 'rect');
      const attrs: Record<string, string> =
        style === 'line'
          ? { x1: String(left), x2: String(left + SWATCH), y1: String(mid), y2: String(mid), stroke: PALETTE[e.role], 'stroke-width': String(STROKE_WIDTH[e.role]) }
          : e.role === 'local'
            ? { x: String(left), y: String(mid - 6), width: String(SWATCH), height: '12', fill: PALETTE.local }
            : { x: String(left + 1), y: String(mid - 5), width: String(SWATCH - 2), height: '10', fill: 'white', stroke: PALETTE[e.role], 'stroke-width': '2' };
      if (DASHES[e.role] && e.role !== 'local') attrs['stroke-dasharray'] = DASHES[e.role]!;
      for (const [k, v] of Object.entries(attrs)) swatch.setAttribute(k, v);
      const x = left + SWATCH + SWATCH_GAP;
      const y = e.top + (e.lines.length * step) / 2;
      const text = doc.createElementNS(SVG_NS, 'text');
      for (const [k, v] of Object.entries({ x: String(x), y: y.toFixed(2), dy: '0.32em', 'text-anchor': 'start', fill: PALETTE[e.role], 'font-size': String(LABEL_FONT_SIZE) })) {
        text.setAttribute(k, v);
      }
      if (e.role === 'local') text.setAttribute('font-weight', 'bold');
      setLines(doc, text, e.lines, x, y, LABEL_FONT_SIZE);
      g.append(swatch, text);
    }
    return g as unknown as SVGElement;
  }) as unknown as Plot.RenderableMark;
}

/**
 * Moves blocks of text apart vertically so none overlaps another (with `gap` px between), keeping
 * their centres inside [top, bottom]. As `spreadLabels` in layout.ts, for blocks of several lines.
 */
export function spreadBlocks(ys: readonly number[], heights: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const half = (k: number) => heights[order[k].i] / 2;
  // Each block's centre kept far enough from the edges for the whole block to fit.
  const placed = order.map((o, k) => Math.min(Math.max(o.y, top + half(k)), bottom - half(k)));
  const need = (k: number) => half(k - 1) + half(k) + gap;
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + need(k));
  if (placed.length > 0 && placed[placed.length - 1] > bottom - half(placed.length - 1)) {
    placed[placed.length - 1] = bottom - half(placed.length - 1);
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - need(k + 1));
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top + half(k), placed[k])));
  return out;
}
