/**
 * Direction of travel between two figures of one indicator, in words that respect its polarity:
 * "improved" / "worsened" when higher or lower is better, "rose" / "fell" when neither is
 * (DOMAIN.md: say "higher/lower", never "better/worse", for context indicators). Changes inside
 * the neutral band (see band.ts) read "little change"; equal displayed values read "no change".
 */
import type { Indicator } from '../model';
import type { Period } from '../periods';
import { closeness, coarser } from './band';
import { capitalise, formatNOfD, formatPublished, periodInWords, type DisclosureSymbol, type ValueFormat } from './format';
import { whenNoun, whenPhrase, type WhenIndicator } from './when';

export type TrendIndicator = ValueFormat & Pick<Indicator, 'polarity'>;

/** One figure as a page shows it; a display cell from disclosure.ts is one. */
export interface ValuePoint {
  period: Period;
  /** Null when suppressed, not available, or when there is no figure for the period. */
  value: number | null;
  symbol?: DisclosureSymbol;
  nOfD?: { n: number; d: number; requested?: true };
  /** Decimal places the figure was published with, when known. */
  precision?: number;
}

export type TrendKind = 'improved' | 'worsened' | 'rose' | 'fell' | 'little-change' | 'unchanged' | 'no-comparison';

export interface Trend {
  kind: TrendKind;
  /** "improved", "rose", "little change", "no change", or "No comparison: ..." */
  words: string;
  /** For no-comparison: why, as a clause ("the earlier figure is suppressed"). */
  reason?: string;
}

/** The direction of travel from one number to another. */
export function direction(indicator: TrendIndicator, from: number, to: number, published?: number): Trend {
  const c = closeness(indicator, from, to, published);
  if (c === 'same') return { kind: 'unchanged', words: 'no change' };
  if (c === 'close') return { kind: 'little-change', words: 'little change' };
  const up = to > from;
  if (indicator.polarity === 'neutral') return up ? { kind: 'rose', words: 'rose' } : { kind: 'fell', words: 'fell' };
  const better = up === (indicator.polarity === 'higher-is-better');
  return better ? { kind: 'improved', words: 'improved' } : { kind: 'worsened', words: 'worsened' };
}

/** Why a point has no number to compare, as a clause about "the earlier/latest figure". */
function missingReason(point: ValuePoint | undefined, which: 'earlier' | 'latest'): string | undefined {
  if (point === undefined) return `there is no ${which} figure`;
  if (point.symbol === 'c') return `the ${which} figure is suppressed`;
  if (point.symbol === 'z') return `the ${which} figure does not apply`;
  if (point.symbol === 'x') return `the ${which} figure is not available`;
  if (point.symbol === 'low') return `the ${which} figure rounds to 0`;
  if (point.symbol === 'u') return `the ${which} figure is of low reliability`;
  if (point.value === null) return `there is no figure for ${periodInWords(point.period)}`;
  return undefined;
}

/**
 * The direction of travel between two display points. Never compares with a suppressed or
 * missing figure: saying "rose" from a hidden number would give away which side of it we are.
 */
export function trendBetween(indicator: TrendIndicator, earlier: ValuePoint | undefined, later: ValuePoint | undefined): Trend {
  const reason = missingReason(earlier, 'earlier') ?? missingReason(later, 'latest');
  if (reason !== undefined) return { kind: 'no-comparison', words: `No comparison: ${reason}`, reason };
  return direction(indicator, earlier!.value!, later!.value!, coarser(earlier!.precision, later!.precision));
}

/** A point's figure in words: "82.5%", or "3 of 12" for a small group. */
export function pointInWords(indicator: ValueFormat, point: ValuePoint): string {
  if (point.nOfD) return formatNOfD(point.nOfD.n, point.nOfD.d);
  return formatPublished(indicator, point.value!, point.precision);
}

/**
 * "Improved from 78.0% in 2018/19 Q1 to 82.5% in 2018/19 Q2", "Unchanged at 82.5% in ... and
 * ...", or "No comparison: the earlier figure is suppressed". No full stop, so it can be joined.
 */
export function trendSentence(indicator: TrendIndicator & WhenIndicator, earlier: ValuePoint | undefined, later: ValuePoint | undefined): string {
  const t = trendBetween(indicator, earlier, later);
  if (t.kind === 'no-comparison') return t.words;
  const a = earlier!;
  const b = later!;
  // With "N of D" the two groups differ in size, so "unchanged at 3 of 12" would misstate one.
  if (t.kind === 'unchanged' && !a.nOfD && !b.nOfD) {
    return `Unchanged at ${pointInWords(indicator, b)} ${whenPhrase(indicator, a.period)} and ${whenNoun(indicator, b.period)}`;
  }
  return `${capitalise(t.words)} from ${pointInWords(indicator, a)} ${whenPhrase(indicator, a.period)} to ${pointInWords(indicator, b)} ${whenPhrase(indicator, b.period)}`;
}
