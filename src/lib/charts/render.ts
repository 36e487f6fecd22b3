/**
 * Renders an Observable Plot chart to an SVG string at build time, then mends Plot's markup so
 * every chart passes axe and the Nu HTML checker and is byte-identical for the same input:
 * - the root <svg> is role="img", named by a <title> and described by a <desc>, through ids
 *   derived from the caller's prefix;
 * - `aria-label` on inner elements goes (axe: aria-prohibited-attr inside role="img"), as do
 *   `aria-description` (not in ARIA 1.2) and `font-variant` (rejected by the Nu checker);
 * - Plot's <style> goes: its class name is the same for every chart on a page and its only
 *   useful rule (scale down to fit) comes from the viewBox without width and height attributes;
 * - any other ids are renumbered from the prefix, in document order, so they do not depend on
 *   how many charts were rendered before (Plot numbers clip paths with a global counter);
 * - coordinates are rounded to 2 decimals: smaller files, and no float noise between machines.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { MIN_FONT_SIZE } from './palette';

/** Class on every chart's root <svg>, for the site's CSS (display, max-width). */
export const CHART_CLASS = 'scrutineer-chart';

/** Width of every chart's viewBox. It scales down with the page; text sizes are in these units. */
export const CHART_WIDTH = 640;

export interface RenderMeta {
  /** Id prefix, unique on the page: letters, digits, hyphens and underscores, starting with a letter. */
  id: string;
  title: string;
  description: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ID_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const GEOMETRY = new Set(['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points', 'viewBox']);
const NUMBER_RE = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

// One document for every chart: creating a linkedom document costs far more than a chart, and
// Plot only uses it to create detached elements, so nothing accumulates in it.
let sharedDocument: Document | undefined;
function chartDocument(): Document {
  sharedDocument ??= parseHTML('<!DOCTYPE html><html><body></body></html>').document as unknown as Document;
  return sharedDocument;
}

/** The ids of a chart's title and description, for tests and for pages that refer to them. */
export function chartIds(id: string) {
  return { title: `${id}-title`, desc: `${id}-desc` };
}

function round2(text: string): string {
  return text.replace(NUMBER_RE, (n) => {
    const r = Math.round(Number(n) * 100) / 100;
    return String(r === 0 ? 0 : r);
  });
}

/** Plot options in, accessible SVG markup out. */
export function renderPlot(options: Plot.PlotOptions, meta: RenderMeta): string {
  if (!ID_RE.test(meta.id)) {
    throw new Error(`Chart id "${meta.id}" cannot be used in SVG ids; use letters, digits and hyphens, starting with a letter, such as the indicator id.`);
  }
  const document = chartDocument();
  const svg = Plot.plot({ ...options, document, className: CHART_CLASS }) as Element;
  if (svg.tagName.toLowerCase() !== 'svg') {
    throw new Error('Plot returned a <figure>, not an <svg>: charts must not use a Plot title, subtitle, caption or legend; the page supplies them.');
  }

  for (const name of ['width', 'height', 'aria-label', 'aria-description']) svg.removeAttribute(name);
  svg.setAttribute('font-size', String(MIN_FONT_SIZE));

  // One pass over the elements (a few hundred per chart, thousands of charts per build): read
  // each element's attribute names once, and write only what changes.
  const ids = chartIds(meta.id);
  const renamed = new Map<string, string>();
  let next = 1;
  for (const el of svg.querySelectorAll('*') as unknown as Element[]) {
    if (el.localName === 'style') {
      el.remove();
      continue;
    }
    for (const name of el.getAttributeNames()) {
      if (name === 'aria-label' || name === 'aria-description' || name === 'font-variant') {
        el.removeAttribute(name);
      } else if (name === 'id') {
        const fresh = `${meta.id}-${next++}`;
        renamed.set(el.getAttributeNode(name)!.value, fresh);
        el.setAttribute('id', fresh);
      } else if (GEOMETRY.has(name)) {
        const value = el.getAttributeNode(name)!.value;
        const rounded = round2(value);
        if (rounded !== value) el.setAttribute(name, rounded);
      }
    }
  }
  if (renamed.size > 0) {
    for (const el of [...svg.querySelectorAll('*')]) {
      for (const attr of [...el.attributes]) {
        const value = attr.value.replace(/url\(#([^)]+)\)|^#(.+)$/g, (m, inUrl?: string, inHref?: string) => {
          const fresh = renamed.get((inUrl ?? inHref)!);
          if (!fresh) return m;
          return inUrl ? `url(#${fresh})` : `#${fresh}`;
        });
        if (value !== attr.value) el.setAttribute(attr.name, value);
      }
    }
  }

  const title = document.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', ids.title);
  title.textContent = meta.title;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', ids.desc);
  desc.textContent = meta.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);

  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', ids.title);
  svg.setAttribute('aria-describedby', ids.desc);
  return svg.outerHTML;
}
