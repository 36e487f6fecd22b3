/**
 * When a figure is from, in the words its measure needs (version 1.1, rule 2): a count taken on
 * one day is "at 31 March 2024", a rolling measure is "in the 12 months to 30 September 2024",
 * anything else is its period ("in 2018/19 Q1", "in June 2018").
 */
import type { Indicator } from '../model';
import { dayName, dayShortName, observationDay, periodName, periodShortName, type DayNumber, type Period } from '../periods';

export type WhenIndicator = Pick<Indicator, 'measure'> & Partial<Pick<Indicator, 'snapshotDate'>>;

/** The day a snapshot or rolling figure is dated, or undefined for other measures. */
function datedDay(ind: WhenIndicator, p: Period): DayNumber | undefined {
  if (ind.measure !== 'snapshot' && ind.measure !== 'rolling-12-months') return undefined;
  return observationDay(p, ind.snapshotDate);
}

/**
 * The figure's time as a noun: "31 March 2024", "the 12 months to 30 September 2024", "June 2018",
 * "2018/19 Q1". With `long`, a quarter or year says its months: "2018/19 (April 2018 to March 2019)".
 */
export function whenNoun(ind: WhenIndicator, p: Period, options: { long?: boolean } = {}): string {
  const day = datedDay(ind, p);
  if (day !== undefined) return ind.measure === 'snapshot' ? dayName(day) : `the 12 months to ${dayName(day)}`;
  return p.kind === 'month' || options.long ? periodName(p) : p.label;
}

/** The figure's time with its preposition: "at 31 March 2024", "in the 12 months to ...", "in 2018/19 Q1". */
export function whenPhrase(ind: WhenIndicator, p: Period, options: { long?: boolean } = {}): string {
  return `${ind.measure === 'snapshot' && datedDay(ind, p) !== undefined ? 'at' : 'in'} ${whenNoun(ind, p, options)}`;
}

/** After "the latest figure": "at 31 March 2024", or "for 2018/19 Q2 (July to September 2018)". */
export function whenFor(ind: WhenIndicator, p: Period, options: { long?: boolean } = {}): string {
  const phrase = whenPhrase(ind, p, options);
  return phrase.startsWith('at ') ? phrase : `for ${whenNoun(ind, p, options)}`;
}

/** Short, for table row headers and chart axes: "31 Mar 2024", "12 months to 30 Sep 2024", "Jun 2018", "2018/19 Q1". */
export function whenShort(ind: WhenIndicator, p: Period): string {
  const day = p.kind === 'month' ? undefined : datedDay(ind, p);
  if (day === undefined) return periodShortName(p);
  return ind.measure === 'snapshot' ? dayShortName(day) : `12 months to ${dayShortName(day)}`;
}

/**
 * For a chart's time axis, where space is short: a snapshot's day ("31 Mar 2024"); the end of a
 * rolling year ("to Sep 2024"); otherwise the period's short name.
 */
export function whenAxis(ind: WhenIndicator, p: Period): string {
  const day = p.kind === 'month' ? undefined : datedDay(ind, p);
  if (day === undefined) return periodShortName(p);
  return ind.measure === 'snapshot' ? dayShortName(day) : `to ${dayShortName(day).replace(/^\d+ /, '')}`;
}
