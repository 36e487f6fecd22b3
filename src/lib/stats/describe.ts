/**
 * A chart's text description, written from the same display cells the chart and table use: the
 * latest figure, the change since the previous period and since a year earlier, the comparison
 * with England (and statistical neighbours or the region when given), and the target.
 * It only ever reads display cells, so a suppressed figure is said to be suppressed and its
 * number cannot appear; nor is a suppressed figure compared with anything.
 */
import type { Indicator } from '../model';
import {
  FREQUENCY_KIND,
  comparePeriods,
  shiftPeriod,
  periodName,
  type Period,
} from '../periods';
import { compareWith, type ComparatorArea } from './compare';
import type { DisplayCell } from './disclosure';
import { SYMBOL_WORDS, capitalise, formatCell, periodInWords } from './format';
import { assessTarget, type TargetIndicator } from './target';
import { pointInWords, trendBetween, type ValuePoint } from './trend';

export type DescribeIndicator = TargetIndicator & Pick<Indicator, 'frequency'>;

export interface DescribeInput {
  indicator: DescribeIndicator;
  /** The indicator's display cells as the page sees them: local and comparator rows. */
  cells: readonly DisplayCell[];
  /** Describe the latest local figure ending no later than this period (the meeting's). */
  asOf?: Period;
}

const COMPARATOR_ORDER: ComparatorArea[] = ['england', 'statistical-neighbours', 'region'];

const PREVIOUS: Record<Period['kind'], string> = {
  month: 'the previous month',
  quarter: 'the previous quarter',
  year: 'the previous year',
};

const LENGTH: Record<Period['kind'], number> = { month: 1, quarter: 3, year: 12 };

const shift = shiftPeriod;

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
  const at = periodInWords(earlierPeriod);
  if (!earlier) return `There is no figure for ${when.noun} (${at}) to compare with.`;
  const t = trendBetween(indicator, earlier, latest);
  if (t.kind === 'no-comparison') return `No comparison with ${when.noun} (${at}): ${t.reason}.`;
  if (t.kind === 'unchanged') return `Unchanged from ${when.noun} (${at}, ${pointInWords(indicator, earlier)}).`;
  return `${capitalise(t.words)} from ${pointInWords(indicator, earlier)} ${when.adverbial} (${at}).`;
}

/** The text description of an indicator's time-series chart. */
export function describeSeries({ indicator, cells, asOf }: DescribeInput): string {
  const kind = FREQUENCY_KIND[indicator.frequency];
  const local = cells
    .filter((c) => c.area === 'local' && c.breakdown === undefined && c.period.kind === kind)
    .filter((c) => asOf === undefined || c.period.end <= asOf.end)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const latest = local.at(-1);
  if (!latest) return asOf ? `There are no figures up to ${periodInWords(asOf)}.` : 'There are no figures yet.';

  const when = periodName(latest.period);
  if (latest.symbol) {
    // Nothing is compared with a hidden figure: even "higher than England" would narrow it down.
    return `The latest figure, for ${when}, is ${SYMBOL_WORDS[latest.symbol]}.`;
  }
  const sentences = [`The latest figure, for ${when}, is ${pointInWords(indicator, latest)}.`];

  sentences.push(sinceSentence(indicator, local, latest, shift(latest.period, -LENGTH[kind]), previous(kind)));
  if (kind !== 'year') sentences.push(sinceSentence(indicator, local, latest, shift(latest.period, -12), YEAR_EARLIER));

  for (const area of COMPARATOR_ORDER) {
    const rows = cells.filter((c) => c.area === area && c.breakdown === undefined);
    if (rows.length === 0) continue;
    sentences.push(`${capitalise(compareWith(indicator, latest, rows, area).words)}.`);
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
}

/**
 * The text description of a breakdown chart for one period: each category's local figure, in
 * the indicator's category order, with England's beside it when there is one for that period.
 */
export function describeBreakdown({ indicator, cells, period }: DescribeBreakdownInput): string {
  const categories = Object.entries(indicator.categories ?? {});
  const inPeriod = cells.filter((c) => c.period.label === period.label && c.breakdown !== undefined);
  const parts = [`Figures for ${periodName(period)}.`];
  for (const [key, label] of categories) {
    const local = inPeriod.find((c) => c.area === 'local' && c.breakdown === key);
    const england = inPeriod.find((c) => c.area === 'england' && c.breakdown === key);
    const shown = local ? (local.symbol ? SYMBOL_WORDS[local.symbol] : formatCell(indicator, local)) : 'no figure';
    const comparator = england && england.value !== null ? ` (England ${formatCell(indicator, england)})` : '';
    parts.push(`${label}: ${shown}${comparator}.`);
  }
  return parts.join(' ');
}
