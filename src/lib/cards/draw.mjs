/**
 * Draws a link preview card's picture: satori lays out the text with the Atkinson Hyperlegible
 * font (from npm, so every machine draws the same glyphs) and writes SVG; resvg rasterises it to
 * PNG. Plain JavaScript, so that the card worker (draw-worker.mjs) runs the very same code as the
 * page that draws a card itself, and the two give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const require = createRequire(import.meta.url);
/** @type {{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined} */
let fonts;
function loadFonts() {
  // satori reads TTF, OTF and WOFF (not WOFF2); @fontsource ships WOFF.
  /** @param {number} weight */
  const file = (weight) => require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`);
  return (fonts ??= /** @type {const} */ ([400, 700]).map((weight) => ({ name: 'Atkinson Hyperlegible', data: readFileSync(file(weight)), weight, style: /** @type {const} */ ('normal') })));
}

/**
 * A card's layout (plain objects, as render.ts's layout() makes them) in, PNG bytes out, with the
 * milliseconds the drawing took.
 * @param {unknown} tree
 * @returns {Promise<{ png: Uint8Array<ArrayBuffer>; ms: number }>}
 */
export async function drawCard(tree) {
  const started = performance.now();
  const svg = await satori(/** @type {Parameters<typeof satori>[0]} */ (tree), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return { png: new Uint8Array(png), ms: performance.now() - started };
}
