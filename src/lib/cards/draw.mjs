/**
 * Draws a link preview card's picture: satori lays out the text with the Atkinson Hyperlegible
 * font (from npm, so every machine draws the same glyphs) and writes SVG, on this thread; resvg
 * rasterises the SVG, on libuv's thread pool when asked (so this thread can lay out the next card
 * meanwhile, queue.ts), and encodes the PNG. Plain JavaScript, so that the worker drawing cards
 * in the background (draw-worker.mjs) runs the very same code as the pages' thread: the bytes are
 * the same whichever thread drew them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg, renderAsync } from '@resvg/resvg-js';

import { CARD_HEIGHT, CARD_WIDTH } from './size.mjs';

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
 * @typedef {object} Drawn
 * @property {Uint8Array<ArrayBuffer>} png
 * @property {number} ms How long the drawing took, in milliseconds, from its layout to its last byte.
 */

const RESVG = /** @type {const} */ ({ fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });

/**
 * A card's layout (plain objects, as render.ts's layout() makes them) in, PNG bytes out. With
 * `onPool`, resvg rasterises on libuv's thread pool (12 ms a card that this thread need not
 * wait for); its encoder runs on this thread either way (about 9 ms).
 * @param {unknown} tree
 * @param {boolean} [onPool]
 * @returns {Promise<Drawn>}
 */
export async function drawCard(tree, onPool = false) {
  const started = performance.now();
  const svg = await satori(/** @type {Parameters<typeof satori>[0]} */ (tree), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  const picture = onPool ? await renderAsync(svg, RESVG) : new Resvg(svg, RESVG).render();
  const png = picture.asPng();
  return { png: /** @type {Uint8Array<ArrayBuffer>} */ (new Uint8Array(png.buffer, png.byteOffset, png.length)), ms: performance.now() - started };
}
