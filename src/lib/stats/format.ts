/**
 * Number formatting for everything a resident reads: tables, headlines, chart ticks and text
 * descriptions. Formatting is done by hand rather than with `Intl` or `toLocaleString`, so the
 * output is en-GB and byte-identical whatever the locale and ICU data of the machine that builds.
 */
import type { Indicator } from '../model';
import { periodName, type Period } from '../periods';

/** What formatting needs to know about an indicator. */
export type ValueFormat = Pick<Indicator, 'unit' | 'decimals'>;

/**
 * The DfE open data symbols a cell can carry instead of a number, as pages show them. DfE's `k`
 * is shown as `low`, which means the same.
 */
export type DisclosureSymbol = 'c' | 'x' | 'z' | 'low' | 'u';

/** A value as it may be displayed: a number, a symbol, or a small-denominator "N of D". */
export interface DisplayValue {
  value: number | null;
  symbol?: DisclosureSymbol;
  /**
   * Shown as "n of d". `requested` when the indicator asks for counts (`show: counts`) rather than
   * because the group is small: then a comparison with England is still fair.
   */
  nOfD?: { n: number; d: number; requested?: true };
  /** Decimal places the series was published with, when known. */
  precision?: number;
}

/**
 * The decimal places to show a figure with: the indicator's, or fewer when the series was
 * published with fewer. DfE publishes many rates as whole numbers; "67.0 per 10,000" would claim a
 * precision it does not have.
 */
export function shownDecimals(f: ValueFormat, precision?: number): number {
  return precision === undefined ? f.decimals : Math.min(f.decimals, precision);
}

/** A figure with its unit, at the precision it was published with. */
export function formatPublished(f: ValueFormat, value: number, precision?: number): string {
  return formatValue(f, value, shownDecimals(f, precision));
}

const MINUS = '\u2212';

/**
 * Rounds half away from zero on the decimal digits. `Math.round(1.005 * 100)` gives 100 because
 * 1.005 is stored as 1.00499..., but a reader checking a table by hand expects 1.01.
 */
export function roundTo(v: number, decimals: number): number {
  const abs = Math.abs(v);
  const text = String(abs);
  const r = text.includes('e')
    ? Math.round(abs * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return v < 0 && r !== 0 ? -r : r;
}

/** "1,234", "82.7", "−3.0": en-GB digits grouped in threes, a fixed number of decimals. */
export function formatNumber(v: number, decimals: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`formatNumber needs a finite number, got ${v}`);
  const r = roundTo(v, decimals);
  // toFixed does not depend on the locale; only the grouping is added by hand.
  const [int, frac] = Math.abs(r).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // A true minus sign: screen readers read it as "minus", not as a dash.
  return `${r < 0 ? MINUS : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A value with its unit, as a sentence or table cell shows it: "82.7%", "64.2 per 10,000", "£1,200", "486 days". */
export function formatValue(f: ValueFormat, v: number, decimals = f.decimals): string {
  const n = formatNumber(v, decimals);
  switch (f.unit) {
    case 'percent':
      return `${n}%`;
    case 'rate-per-10000':
      return `${n} per 10,000`;
    case 'days':
      return `${n} ${n === '1' ? 'day' : 'days'}`;
    case 'weeks':
      return `${n} ${n === '1' ? 'week' : 'weeks'}`;
    case 'gbp':
      // The sign goes before the pound sign: "−£5", not "£−5".
      return v < 0 && n.startsWith(MINUS) ? `${MINUS}£${n.slice(1)}` : `£${n}`;
    case 'count':
    case 'ratio':
      return n;
  }
}

/**
 * A target or threshold written with no more decimals than it needs: a target of 85 reads
 * "85%", not "85.0%", but 82.5 keeps its decimal.
 */
export function formatTarget(f: ValueFormat, v: number): string {
  let decimals = 0;
  while (decimals < f.decimals && roundTo(v, decimals) !== roundTo(v, f.decimals)) decimals++;
  return formatValue(f, v, decimals);
}

/** A chart tick: short, without words, so it fits under an axis ("20%", "£1,000", "64"). */
export function formatTickValue(f: Pick<Indicator, 'unit'>, v: number, decimals: number): string {
  const n = formatNumber(v, decimals);
  if (f.unit === 'percent') return `${n}%`;
  if (f.unit === 'gbp') return v < 0 && n.startsWith(MINUS) ? `${MINUS}£${n.slice(1)}` : `£${n}`;
  return n;
}

/** The unit for a table's column header or a chart's value axis. */
export function unitLabel(f: Pick<Indicator, 'unit' | 'counts'>): string {
  switch (f.unit) {
    case 'count':
      return f.counts === 'children' ? 'number of children' : 'number';
    case 'percent':
      return '%';
    case 'rate-per-10000':
      return 'rate per 10,000 children';
    case 'days':
      return 'days';
    case 'weeks':
      return 'weeks';
    case 'gbp':
      return '£';
    case 'ratio':
      // A ratio such as a caseload is read as a plain number; the title says what it counts.
      return 'number';
  }
}

/** "3 of 12": how a percentage of a small group is shown instead of the percentage. */
export function formatNOfD(n: number, d: number): string {
  return `${formatNumber(n, 0)} of ${formatNumber(d, 0)}`;
}

/** "[c]", "[x]", "[z]", "[low]", "[u]", as DfE writes its symbols in tables. */
export function formatSymbol(symbol: DisclosureSymbol): string {
  return `[${symbol}]`;
}

/** The symbol's meaning in words, for descriptions and explanations. */
export const SYMBOL_WORDS: Record<DisclosureSymbol, string> = {
  c: 'suppressed to protect the privacy of individual children',
  x: 'not available',
  z: 'not applicable',
  low: 'more than 0 but so small that it rounds to 0',
  u: 'not given because it is of low reliability',
};

/** The order the symbol key lists symbols in: DfE's own order. */
export const SYMBOL_ORDER: DisclosureSymbol[] = ['c', 'x', 'z', 'low', 'u'];

/** A display cell as a table shows it: the symbol, "N of D", or the value with its unit. */
export function formatCell(f: ValueFormat, cell: DisplayValue): string {
  if (cell.symbol) return formatSymbol(cell.symbol);
  if (cell.nOfD) return formatNOfD(cell.nOfD.n, cell.nOfD.d);
  if (cell.value === null) return formatSymbol('x');
  return formatPublished(f, cell.value, cell.precision);
}

/**
 * A period as a sentence names it: "June 2018" for a month (a reader does not say "Jun 2018"),
 * the canonical label for quarters and years ("2018/19 Q1", "2018/19").
 */
export function periodInWords(p: Period): string {
  return p.kind === 'month' ? periodName(p) : p.label;
}

/** Upper-cases the first letter, for words that start a sentence. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
