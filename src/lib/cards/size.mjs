/**
 * A link preview card's size in pixels: what Facebook, LinkedIn and X show large (1.91:1). Apart
 * from draw.mjs so that laying a card out (render.ts) does not load satori and resvg.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
