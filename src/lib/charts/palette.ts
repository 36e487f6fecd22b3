/**
 * Colours and line styles of chart series. Every colour has at least 4.5:1 contrast against
 * white, so it serves both for lines (WCAG 1.4.11 asks 3:1) and for the direct labels written in
 * it (1.4.3 asks 4.5:1). Series are also told apart by line style and by their labels, never by
 * colour alone.
 */

export type SeriesRole = 'local' | 'england' | 'statistical-neighbours' | 'region' | 'target';

/** The background charts are drawn on; contrast is checked against it. */
export const BACKGROUND = '#ffffff';

export const PALETTE: Record<SeriesRole, string> = {
  local: '#1d70b8', // blue
  england: '#505a5f', // dark grey
  'statistical-neighbours': '#912b88', // magenta
  region: '#8f4e00', // brown
  target: '#0b0c0c', // near black
};

/** Line style per role: solid for the council's own figures, dashed, dotted or dash-dot for the rest. */
export const DASHES: Record<SeriesRole, string | undefined> = {
  local: undefined,
  england: '8,4',
  'statistical-neighbours': '2,4',
  region: '10,3,2,3',
  target: '14,5',
};

export const STROKE_WIDTH: Record<SeriesRole, number> = {
  local: 3,
  england: 2.5,
  'statistical-neighbours': 2.5,
  region: 2.5,
  target: 1.5,
};

/**
 * Grid lines are decoration (values are written out), so they are kept light. site.css finds grid
 * lines by this value, to draw them in the theme's grey in forced colours: change both together.
 */
export const GRID = '#b1b4b6';

/** Smallest font size anywhere in a chart, in px of the 640-wide viewBox. */
export const MIN_FONT_SIZE = 12;
/** Direct labels and values: a little larger than ticks. */
export const LABEL_FONT_SIZE = 14;
