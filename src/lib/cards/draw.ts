/**
 * Draws a link preview card's picture: satori lays out the text with the Atkinson Hyperlegible
 * font (from npm, so every machine draws the same glyphs) and writes SVG, on this thread; resvg
 * rasterises the SVG, on libuv's thread pool when asked (so this thread can lay out the next card
 * meanwhile, queue.ts), and encodes the PNG. The bytes are the same on either thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg, renderAsync } from '@resvg/resvg-js';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const require = createRequire(import.meta.url);
type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Font[] | undefined;
function loadFonts(): Font[] {
  // satori reads TTF, OTF and WOFF (not WOFF2); @fontsource ships WOFF.
  const file = (weight: number) => require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`);
  return (fonts ??= ([400, 700] as const).map((weight) => ({ name: 'Atkinson Hyperlegible', data: readFileSync(file(weight)), weight, style: 'normal' as const })));
}

export interface Drawn {
  png: Uint8Array<ArrayBuffer>;
  /** How long the drawing took, in milliseconds, from its layout to its last byte. */
  ms: number;
}

const RESVG = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } } as const;

/**
 * A card's layout (plain objects, as render.ts's layout() makes them) in, PNG bytes out. With
 * `onPool`, resvg rasterises on libuv's thread pool (12 ms a card that this thread need not
 * wait for); its encoder runs on this thread either way (about 9 ms).
 */
export async function drawCard(tree: unknown, onPool = false): Promise<Drawn> {
  const started = performance.now();
  const svg = await satori(tree as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  const picture = onPool ? await renderAsync(svg, RESVG) : new Resvg(svg, RESVG).render();
  const png = picture.asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.length) as Uint8Array<ArrayBuffer>, ms: performance.now() - started };
}
