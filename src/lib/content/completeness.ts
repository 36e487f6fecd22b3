/**
 * Completeness: what is probably unfinished rather than wrong. A partly imported quarter, or a
 * quarter whose file was never created, builds a site that quietly shows older figures; these
 * warnings say so. `npm run check -- --strict` (CI) fails on them; the build prints them.
 */
import type { Indicator, Meeting, Observation } from '../model';
import { FREQUENCY_KIND, monthPeriod, periodName, quarterOf, yearOf, type Period } from '../periods';
import type { ProblemList } from './problems';
import type { YamlSource } from './yaml-file';

/**
 * Every quarter between the first and the last data file that has no file of its own, though a
 * monthly or quarterly indicator is due in it: one with local figures in files before and after
 * it. A quarter that only DfE's yearly releases would fill needs no file (a backfilled site files
 * them in Q3 and Q4 only, back to years before the council's own figures start), and asking for
 * one would make an officer create rows with nothing to put in them.
 */
export function missingQuarterFiles(
  quarters: readonly { file: string; quarter: Period }[],
  indicators: Iterable<Indicator>,
  observations: readonly Observation[],
  problems: ProblemList,
) {
  const spans = localSpans(indicators, observations);
  if (!spans.size) return;
  const sorted = [...quarters].sort((a, b) => a.quarter.end - b.quarter.end);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    for (let end = before.quarter.end + 3; end < after.quarter.start; end += 3) {
      const quarter = quarterOf(end);
      const due = [...spans].filter(([, s]) => s.first < end && s.last > end).map(([id, s]) => `${id} (${s.frequency})`);
      if (!due.length) continue;
      problems.warn(
        fileOf(quarter),
        1,
        1,
        `there is no file for ${periodName(quarter)}, between ${before.file} and ${after.file}, but ${listed(due)} ${due.length === 1 ? 'has' : 'have'} the council's own figures in files before and after it, so this quarter's are missing; create it with npm run new:quarter -- "${quarter.label}" and fill it in`,
      );
    }
  }
}

/** For each monthly or quarterly indicator, the ends of the first and last quarters whose files hold a local row of it. */
function localSpans(indicators: Iterable<Indicator>, observations: readonly Observation[]) {
  const periodic = new Map([...indicators].filter((i) => i.frequency !== 'annual').map((i) => [i.id, i.frequency]));
  const spans = new Map<string, { first: number; last: number; frequency: string }>();
  for (const o of observations) {
    const frequency = periodic.get(o.indicator);
    if (o.area !== 'local' || !frequency) continue;
    const end = o.source.quarter.end;
    const span = spans.get(o.indicator);
    if (!span) spans.set(o.indicator, { first: end, last: end, frequency });
    else {
      span.first = Math.min(span.first, end);
      span.last = Math.max(span.last, end);
    }
  }
  return spans;
}

/** "a, b and c", or the first three "and 4 others". */
function listed(items: string[]) {
  if (items.length > 4) return `${items.slice(0, 3).join(', ')} and ${items.length - 3} others`;
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Every indicator a meeting shows that has no local figure for the meeting's period (a row with
 * x, or marked not-available, counts: the officer has said so). Only indicators whose periods can
 * end when the meeting's does are asked for: an annual indicator has no figure for a first quarter.
 */
export function missingFigures(
  meeting: Meeting & { source: YamlSource },
  visible: readonly Observation[],
  indicators: ReadonlyMap<string, Indicator>,
  problems: ProblemList,
) {
  const target = meeting.period.end;
  const listed = new Map((meeting.indicators ?? []).map((id, i) => [id, i]));
  for (const id of meeting.indicatorIds) {
    const indicator = indicators.get(id);
    if (!indicator || !canEndAt(indicator, target)) continue;
    if (visible.some((o) => o.indicator === id && o.period.end === target)) continue;
    const latest = visible.reduce<Observation | undefined>((best, o) => (o.indicator === id && (!best || o.period.end > best.period.end) ? o : best), undefined);
    const listedAt = listed.get(id);
    const at = meeting.source.locate(listedAt === undefined ? ['period'] : ['indicators', listedAt]);
    const wanted = periodFor(indicator, meeting.period);
    problems.warn(
      meeting.file,
      at.line,
      at.column,
      `${id} has no figure for ${wanted}${wanted === meeting.period.label ? ", the meeting's period" : `, where the meeting's period (${meeting.period.label}) ends`}${latest ? `; the page would show ${periodName(latest.period)} as its latest` : ', so the page would show no figures for it'}. Add a row for ${wanted} to ${fileOf(quarterOf(target))}, with x as its value if there is no figure`,
    );
  }
}

function canEndAt(indicator: Indicator, month: number) {
  const kind = FREQUENCY_KIND[indicator.frequency];
  if (kind === 'month') return true;
  // Financial quarters end in June, September, December and March; the financial year in March.
  const calendarMonth = ((month % 12) + 12) % 12;
  return kind === 'quarter' ? calendarMonth % 3 === 2 : calendarMonth === 2;
}

/** The label of the indicator's period that ends when the meeting's period ends. */
function periodFor(indicator: Indicator, period: Period) {
  const kind = FREQUENCY_KIND[indicator.frequency];
  if (kind === period.kind) return period.label;
  const end = period.end;
  if (kind === 'month') return monthPeriod(end).label;
  if (kind === 'quarter') return quarterOf(end).label;
  return yearOf(end).label;
}

function fileOf(quarter: Period) {
  const [, y1, y2, n] = /^(\d{4})\/(\d{2}) Q(\d)$/.exec(quarter.label)!;
  return `data/${y1}-${y2}/q${n}.csv`;
}
