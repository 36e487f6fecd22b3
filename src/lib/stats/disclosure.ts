/**
 * Disclosure control: turns one indicator's observations into the cells a page may show.
 * Follows DfE's conventions (DOMAIN.md, CONTENT-FORMAT.md):
 * - only the council's own figures (`local`) are controlled; England, regional and statistical
 *   neighbour figures are published totals and pass through;
 * - a count of children from 1 to `suppressUpTo` is shown as [c]; 0 is a true zero and shown;
 * - a percentage or rate is [c] when its numerator, or its denominator minus its numerator, is
 *   from 1 to `suppressUpTo` (the complement would otherwise give the small number away);
 * - within a breakdown, when exactly one category of a period is suppressed, the next smallest
 *   non-zero category is suppressed too, so the hidden one cannot be worked out from a total;
 * - a percentage of fewer than `percentMinDenominator` is flagged to be shown as "N of D", and so
 *   is every percentage of an indicator with `show: counts` (after suppression: never a hidden one).
 *
 * - DfE's own symbols (version 1.1, rule 3) pass through as symbols; a value suppressed at source
 *   (`c`) is treated exactly like one the site suppresses, including for secondary suppression;
 *   a local percentage or rate whose numerator is `c` is suppressed too.
 *
 * A suppressed cell carries no number at all (value null, no numerator, denominator or N of D),
 * so nothing downstream — table, chart, description, download — can leak it by mistake.
 */
import type { Area, Indicator, Observation, RowStatus } from '../model';
import type { DayNumber, Period } from '../periods';
import type { DisclosureSymbol } from './format';

export type { DisclosureSymbol };

export interface DisclosureSettings {
  /** Counts of children from 1 to this number are suppressed. */
  suppressUpTo: number;
  /** Below this denominator a percentage is shown as "N of D". */
  percentMinDenominator: number;
}

/** The defaults of `site.yaml`'s `disclosure`. */
export const DEFAULT_DISCLOSURE: DisclosureSettings = { suppressUpTo: 5, percentMinDenominator: 20 };

/** What a page may show for one observation. */
export interface DisplayCell {
  period: Period;
  /** The day the observation is dated (version 1.1, rule 1). */
  day: DayNumber;
  area: Area;
  breakdown?: string;
  /** The value to show; null when there is a symbol. */
  value: number | null;
  /** [c] suppressed, [x] not available, [z] not applicable. */
  symbol?: DisclosureSymbol;
  /** Why a [c] cell is hidden: its own small number, or to protect another cell. */
  suppression?: 'primary' | 'secondary';
  /** A percentage of a small group: show "n of d" instead of the percentage. */
  nOfD?: { n: number; d: number; requested?: true };
  status?: RowStatus;
  note?: string;
  /** Decimal places the figure was published with. */
  precision?: number;
  /** Where the council stands among councils (rule 7), for a local figure that is shown. */
  rank?: { rank: number; outOf: number };
}

export type DisclosureIndicator = Pick<Indicator, 'id' | 'unit' | 'counts' | 'decimals'> &
  Partial<Pick<Indicator, 'categories' | 'show'>>;

/**
 * The display cells for the observations of one indicator, in the order given. Pass every
 * observation the page sees for the indicator (all periods and categories), so secondary
 * suppression can see each period's whole breakdown.
 */
export function disclose(
  observations: readonly Observation[],
  indicator: DisclosureIndicator,
  settings: DisclosureSettings = DEFAULT_DISCLOSURE,
): DisplayCell[] {
  for (const o of observations) {
    if (o.indicator !== indicator.id) {
      throw new Error(`disclose() was given a row of "${o.indicator}" (${o.source.file}, line ${o.source.line}) with the indicator "${indicator.id}"; pass one indicator's rows at a time.`);
    }
  }
  const primary = observations.map((o) => isPrimarySuppressed(o, indicator, settings));
  const secondary = secondarySuppression(observations, primary, indicator);

  return observations.map((o, i): DisplayCell => {
    const base: DisplayCell = { period: o.period, day: o.day, area: o.area, value: null };
    if (o.breakdown !== undefined) base.breakdown = o.breakdown;
    if (o.status !== undefined) base.status = o.status;
    if (o.note !== undefined) base.note = o.note;

    if (primary[i] || secondary.has(i)) {
      return { ...base, symbol: 'c', suppression: primary[i] ? 'primary' : 'secondary' };
    }
    if (o.symbol) return { ...base, symbol: o.symbol === 'k' ? 'low' : o.symbol };
    if (o.value === null || o.status === 'not-available') return { ...base, symbol: 'x' };
    if (indicator.unit === 'percent' && o.denominator === 0) {
      // No one to take a percentage of: "not applicable" rather than a misleading 0%.
      return { ...base, symbol: 'z' };
    }
    const cell: DisplayCell = { ...base, value: o.value };
    if (o.precision !== undefined) cell.precision = o.precision;
    if (o.rank !== undefined && o.outOf !== undefined) cell.rank = { rank: o.rank, outOf: o.outOf };
    if (
      o.area === 'local' &&
      indicator.unit === 'percent' &&
      o.numerator !== undefined &&
      o.denominator !== undefined
    ) {
      if (o.denominator < settings.percentMinDenominator) cell.nOfD = { n: o.numerator, d: o.denominator };
      else if (indicator.show === 'counts') cell.nOfD = { n: o.numerator, d: o.denominator, requested: true };
    }
    return cell;
  });
}

/** True for a [c] cell, whether suppressed for itself or to protect another. */
export const isSuppressed = (cell: Pick<DisplayCell, 'symbol'>) => cell.symbol === 'c';

function isPrimarySuppressed(o: Observation, ind: DisclosureIndicator, s: DisclosureSettings): boolean {
  if (o.symbol === 'c') return true;
  // A DfE symbol standing for the value (k, low, u) can still have a small count beside it: check it.
  if (o.area !== 'local' || (o.value === null && o.numerator === undefined) || o.status === 'not-available') return false;
  if (o.numeratorSymbol === 'c' && ind.counts === 'children' && (ind.unit === 'percent' || ind.unit === 'rate-per-10000')) return true;
  // `> 0` rather than `>= 1`: a fractional count cannot occur, and if it did it would be small.
  const small = (n: number) => n > 0 && n <= s.suppressUpTo;
  if (ind.unit === 'count') return ind.counts === 'children' && o.value !== null && small(o.value);
  // Percentages and rates of events or money (reviews held, say) reveal no child: only those whose
  // numerator counts children are controlled.
  if ((ind.unit === 'percent' || ind.unit === 'rate-per-10000') && ind.counts === 'children') {
    if (o.numerator !== undefined && small(o.numerator)) return true;
    if (o.numerator !== undefined && o.denominator !== undefined && small(o.denominator - o.numerator)) return true;
  }
  return false;
}

/**
 * Indexes of the cells to hide because exactly one other cell of their period's breakdown is
 * hidden. With two or more hidden, no single one can be worked out from the total.
 */
function secondarySuppression(
  observations: readonly Observation[],
  primary: readonly boolean[],
  ind: DisclosureIndicator,
): Set<number> {
  const groups = new Map<string, number[]>();
  observations.forEach((o, i) => {
    if (o.area !== 'local' || o.breakdown === undefined) return;
    const list = groups.get(o.period.label) ?? [];
    list.push(i);
    groups.set(o.period.label, list);
  });

  const order = Object.keys(ind.categories ?? {});
  const rank = (key: string) => {
    const r = order.indexOf(key);
    return r === -1 ? order.length : r;
  };

  const hidden = new Set<number>();
  // Sorted so the result does not depend on the order the rows were read in.
  for (const label of [...groups.keys()].sort()) {
    const group = groups.get(label)!;
    if (!isAdditive(group.map((i) => observations[i]), ind)) continue;
    if (group.filter((i) => primary[i]).length !== 1) continue;
    const candidates = group
      .filter((i) => !primary[i])
      .filter((i) => {
        const o = observations[i];
        return o.value !== null && o.status !== 'not-available' && o.value > 0;
      })
      .sort((a, b) => {
        const oa = observations[a];
        const ob = observations[b];
        return (
          oa.value! - ob.value! ||
          rank(oa.breakdown!) - rank(ob.breakdown!) ||
          (oa.breakdown! < ob.breakdown! ? -1 : oa.breakdown! > ob.breakdown! ? 1 : 0)
        );
      });
    // When every other category is zero or missing there is nothing left to hide; the total,
    // if published elsewhere, is then the caller's to control.
    if (candidates.length > 0) hidden.add(candidates[0]);
  }
  return hidden;
}

/**
 * Whether a period's breakdown adds up to something a reader could know: counts of children
 * always do; percentages do when they share a denominator or sum to 100 (shares of one group).
 * Rates and other units are not additive across categories.
 */
function isAdditive(rows: Observation[], ind: DisclosureIndicator): boolean {
  if (ind.unit === 'count') return ind.counts === 'children';
  if (ind.unit !== 'percent') return false;
  const denominators = new Set(rows.map((r) => r.denominator));
  if (denominators.size === 1 && !denominators.has(undefined)) return true;
  const values = rows.map((r) => r.value);
  if (values.some((v) => v === null)) return false;
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  // Each share is rounded to the indicator's decimals, so the sum may miss 100 by half a unit each.
  const tolerance = (rows.length * 0.5) / 10 ** ind.decimals + 1e-9;
  return Math.abs(sum - 100) <= tolerance;
}
