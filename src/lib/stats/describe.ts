/**
 * A chart's text description, written from the same display cells the chart and table use: the
 * latest figure and where the council ranks, the shape of the series over the periods shown
 * (rising or falling throughout, its peak or low), the change since the previous period and a year
 * earlier, the latest figure against every comparator drawn, and the target.
 * It only ever reads display cells, so a suppressed figure is said to be suppressed and its
 * number cannot appear; nor is a suppressed figure compared with anything.
 */
import type { Indicator } from '../model';
import { FREQUENCY_KIND, comparePeriods, lastDayOf, shiftPeriod, type Period } from '../periods';
import { closeness, coarser } from './band';
import { COMPARATOR_NAMES, compareWith, pickComparator, type ComparatorArea, type ComparatorNames } from './compare';
import type { DisplayCell } from './disclosure';
import { SYMBOL_WORDS, capitalise, formatCell, formatPublished } from './format';
import { rankInWords } from './rank';
import { assessTarget, type TargetIndicator } from './target';
import { direction, pointInWords, trendBetween, type ValuePoint } from './trend';
import { whenFor, whenNoun, whenPhrase, type WhenIndicator } from './when';

export type DescribeIndicator = TargetIndicator & Pick<Indicator, 'frequency'> & WhenIndicator;

export interface DescribeInput {
  indicator: DescribeIndicator;
  /** The indicator's display cells as the page sees them: local and comparator rows. */
  cells: readonly DisplayCell[];
  /** Describe the latest local figure ending no later than this period (the meeting's). */
  asOf?: Period;
  /** The month index from which the chart shows periods (those ending in or after it); the shape is told over those. */
  shownFrom?: number;
  /** How comparators are named (site.yaml's `comparators`). */
  names?: ComparatorNames;
}

const COMPARATOR_ORDER: ComparatorArea[] = ['england', 'statistical-neighbours', 'region'];

const UNIT: Record<Period['kind'], [string, string]> = {
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
};

const PREVIOUS: Record<Period['kind'], string> = {
  month: 'the previous month',
  quarter: 'the previous quarter',
  year: 'the previous year',
};

const LENGTH: Record<Period['kind'], number> = { month: 1, quarter: 3, year: 12 };

/** How a sentence names an earlier period: "the previous quarter", "a year earlier". */
interface When {
  /** After "No comparison with" and "There is no figure for". */
  noun: string;
  /** After "Improved from 78.0%". */
  adverbial: string;
}

const YEAR_EARLIER: When = { noun: 'a year earlier', adverbial: 'a year earlier' };

function previous(kind: Period['kind']): When {
  const noun = PREVIOUS[kind];
  return { noun, adverbial: `in ${noun}` };
}

/** One sentence comparing the latest point with an earlier one. */
function sinceSentence(indicator: DescribeIndicator, local: readonly DisplayCell[], latest: ValuePoint, earlierPeriod: Period, when: When): string {
  const earlier = local.find((c) => c.period.label === earlierPeriod.label);
  const at = whenNoun(indicator, earlierPeriod);
  if (!earlier) return `There is no figure for ${when.noun} (${at}) to compare with.`;
  const t = trendBetween(indicator, earlier, latest);
  if (t.kind === 'no-comparison') return `No comparison with ${when.noun} (${at}): ${t.reason}.`;
  if (t.kind === 'unchanged') return `Unchanged from ${when.noun} (${at}, ${pointInWords(indicator, earlier)}).`;
  return `${capitalise(t.words)} from ${pointInWords(indicator, earlier)} ${when.adverbial} (${at}).`;
}

type Numeric = DisplayCell & { value: number };

/**
 * The shape of the local series over the periods shown: "Over the 8 quarters shown, from 2017/18
 * Q1 to 2019/20 Q4, it rose in every quarter, from £1,284 to £1,351." or "... it improved
 * overall, rising from 48.2% to 52.1%; the highest was 66.0% in 2020/21." Told only from three
 * figures up: with two, the sentence on the previous period says it all.
 */
function shapeSentence(indicator: DescribeIndicator, shown: readonly DisplayCell[], kind: Period['kind']): string | undefined {
  const points = shown.filter((c): c is Numeric => c.value !== null && !c.symbol && !c.nOfD);
  if (points.length < 3) return undefined;
  const first = points[0];
  const last = points.at(-1)!;
  const [one, many] = UNIT[kind];
  const span = `Over the ${shown.length} ${shown.length === 1 ? one : many} shown, from ${whenNoun(indicator, shown[0].period)} to ${whenNoun(indicator, shown.at(-1)!.period)}`;
  const v = (c: Numeric) => formatPublished(indicator, c.value, c.precision);
  const published = points.reduce<number | undefined>((p, c) => (p === undefined ? c.precision : coarser(p, c.precision)), points[0].precision);
  const overall = direction(indicator, first.value, last.value, published);

  // Every step the same way, with no gap in between: "in every quarter".
  const consecutive = points.length === shown.length;
  const steps = points.slice(1).map((c, i) => Math.sign(c.value - points[i].value));
  const every = consecutive && steps.every((s) => s === steps[0]) && steps[0] !== 0 ? (steps[0] > 0 ? 'rose' : 'fell') : undefined;

  const max = points.reduce((a, c) => (c.value > a.value ? c : a));
  const min = points.reduce((a, c) => (c.value < a.value ? c : a));
  const apart = (a: Numeric, b: Numeric) => closeness(indicator, a.value, b.value, published) === 'apart';
  const extremes: string[] = [];
  if (max !== first && max !== last && apart(max, first) && apart(max, last)) extremes.push(`the highest was ${v(max)} ${whenPhrase(indicator, max.period)}`);
  if (min !== first && min !== last && apart(min, first) && apart(min, last)) extremes.push(`the lowest was ${v(min)} ${whenPhrase(indicator, min.period)}`);
  const tail = extremes.length ? `; ${extremes.join(', and ')}` : '';

  if (overall.kind === 'unchanged' || overall.kind === 'little-change') {
    return `${span}, it was broadly steady, between ${v(min)} and ${v(max)}${tail}.`;
  }
  const moved = last.value > first.value ? 'rising' : 'falling';
  if (every) {
    const judged = indicator.polarity === 'neutral' ? '' : ` (${overall.words})`;
    return `${span}, it ${every} in every ${one}, from ${v(first)} to ${v(last)}${judged}${tail}.`;
  }
  const verb = indicator.polarity === 'neutral' ? `${overall.words} overall, from` : `${overall.words} overall, ${moved} from`;
  return `${span}, it ${verb} ${v(first)} to ${v(last)}${tail}.`;
}

/** The text description of an indicator's time-series chart. */
export function describeSeries({ indicator, cells, asOf, shownFrom, names = COMPARATOR_NAMES }: DescribeInput): string {
  const kind = FREQUENCY_KIND[indicator.frequency];
  const asOfDay = asOf === undefined ? undefined : lastDayOf(asOf.end);
  const local = cells
    .filter((c) => c.area === 'local' && c.breakdown === undefined && c.period.kind === kind)
    .filter((c) => asOfDay === undefined || c.day <= asOfDay)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const latest = local.at(-1);
  if (!latest) return asOf ? `There are no figures up to ${whenNoun(indicator, asOf)}.` : 'There are no figures yet.';

  const when = whenFor(indicator, latest.period, { long: true });
  const comparatorRows = (area: ComparatorArea) => cells.filter((c) => c.area === area && c.breakdown === undefined);
  if (latest.symbol) {
    // Nothing is compared with a hidden figure: even "higher than England" would narrow it down.
    // The comparators' own figures are published, so each line drawn is still named.
    const others = COMPARATOR_ORDER.flatMap((area) => {
      const picked = pickComparator(latest.period, comparatorRows(area), area);
      return picked ? [`${capitalise(names.sentence[area])}: ${formatPublished(indicator, picked.value, picked.precision)} ${whenPhrase(indicator, picked.period)}.`] : [];
    });
    return [`The latest figure, ${when}, is ${SYMBOL_WORDS[latest.symbol]}.`, ...others].join(' ');
  }
  const sentences = [`The latest figure, ${when}, is ${pointInWords(indicator, latest)}.`];
  if (latest.rank) sentences.push(`That is the ${rankInWords(indicator, latest.rank.rank, latest.rank.outOf)}.`);

  const shown = shownFrom === undefined ? local : local.filter((c) => c.period.end >= shownFrom);
  const shape = shapeSentence(indicator, shown, kind);
  if (shape) sentences.push(shape);

  sentences.push(sinceSentence(indicator, local, latest, shiftPeriod(latest.period, -LENGTH[kind]), previous(kind)));
  if (kind !== 'year') sentences.push(sinceSentence(indicator, local, latest, shiftPeriod(latest.period, -12), YEAR_EARLIER));

  for (const area of COMPARATOR_ORDER) {
    const rows = comparatorRows(area);
    if (rows.length === 0) continue;
    sentences.push(`${capitalise(compareWith(indicator, latest, rows, area, names).words)}.`);
  }

  const target = assessTarget(indicator, latest);
  if (target) sentences.push(`${target.words}.`);
  return sentences.join(' ');
}

export interface DescribeBreakdownInput {
  indicator: DescribeIndicator & Pick<Indicator, 'categories'>;
  cells: readonly DisplayCell[];
  /** The period to describe. */
  period: Period;
  names?: ComparatorNames;
}

/**
 * The text description of a breakdown chart for one period: each category's local figure, in
 * the indicator's category order, with England's beside it: the same England figure the chart
 * draws (that period's or the latest year before it), so every bar drawn is in the words.
 */
export function describeBreakdown({ indicator, cells, period, names = COMPARATOR_NAMES }: DescribeBreakdownInput): string {
  const categories = Object.entries(indicator.categories ?? {});
  const inPeriod = cells.filter((c) => c.period.label === period.label && c.breakdown !== undefined);
  const parts = [`Figures ${whenFor(indicator, period, { long: true })}.`];
  let englandWhen: Period | undefined;
  for (const [key, label] of categories) {
    const local = inPeriod.find((c) => c.area === 'local' && c.breakdown === key);
    const england = pickComparator(period, cells, 'england', key);
    if (england && !england.samePeriod) englandWhen = england.period;
    const shown = local ? (local.symbol ? SYMBOL_WORDS[local.symbol] : formatCell(indicator, local)) : 'no figure';
    const comparator = england ? ` (${names.sentence.england} ${formatPublished(indicator, england.value, england.precision)})` : '';
    parts.push(`${label}: ${shown}${comparator}.`);
  }
  if (englandWhen) parts.push(`${names.sentence.england}'s figures are ${whenPhrase(indicator, englandWhen)}, the latest published.`);
  return parts.join(' ');
}
