/**
 * The empty quarter file an officer fills in: a row for every indicator and period the quarter
 * needs, with comparator rows for the periods they are published at, and every value left empty
 * so `npm run check` lists what is still to do.
 */
import Papa from 'papaparse';
import type { Content, Observation } from '../model';
import { BASIC_COLUMNS } from '../schemas/data-row';
import { monthPeriod, parsePeriod, shiftPeriod, type Period } from '../periods';

export interface NewQuarter {
  /** Path relative to the content root: data/2020-21/q1.csv */
  file: string;
  csv: string;
  rows: number;
}

export class AuthoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthoringError';
  }
}

/** Parses "2020/21 Q1" (or "2020-21 q1"), saying plainly what to write when it is not a quarter. */
export function parseQuarter(text: string): Period {
  const normal = text.trim().replace(/^(\d{4})-(\d{2})\s*q([1-4])$/i, '$1/$2 Q$3').replace(/\s+q([1-4])$/i, ' Q$1');
  const p = parsePeriod(normal);
  if (!p || p.kind !== 'quarter') {
    throw new AuthoringError(`"${text}" is not a financial quarter; write it like "2020/21 Q1" (Q1 is April to June, Q4 is January to March)`);
  }
  return p;
}

export function quarterFile(q: Period) {
  const [, y1, y2, n] = /^(\d{4})\/(\d{2}) Q(\d)$/.exec(q.label)!;
  return `data/${y1}-${y2}/q${n}.csv`;
}

/** Periods of a given kind that end inside the quarter. */
function periodsIn(q: Period, kind: Period['kind']): Period[] {
  if (kind === 'month') return [0, 1, 2].map((i) => monthPeriod(q.start + i));
  if (kind === 'quarter') return [q];
  // A financial year's figures go in its last quarter's file.
  return q.label.endsWith('Q4') ? [parsePeriod(q.label.replace(/ Q4$/, ''))!] : [];
}

const KIND = { monthly: 'month', quarterly: 'quarter', annual: 'year' } as const;

export function newQuarter(content: Content, quarterText: string): NewQuarter {
  const q = parseQuarter(quarterText);
  const rows: Record<string, string>[] = [];
  const add = (indicator: string, period: Period, area: string, breakdown?: string) =>
    rows.push({ indicator, period: period.label, area: area === 'local' ? '' : area, breakdown: breakdown ?? '' });
  const comparators = comparatorSeries(content.observations, q);

  for (const indicator of content.indicators) {
    const periods = periodsIn(q, KIND[indicator.frequency]);
    const categories = indicator.categories ? Object.keys(indicator.categories) : [undefined];
    for (const period of periods) for (const c of categories) add(indicator.id, period, 'local', c);
    for (const o of comparators.get(indicator.id) ?? []) add(indicator.id, o.period, o.area, o.breakdown);
  }
  const csv = Papa.unparse({ fields: [...BASIC_COLUMNS], data: rows.map((r) => BASIC_COLUMNS.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
  return { file: quarterFile(q), csv, rows: rows.length };
}

/**
 * The comparator rows (England, region, statistical neighbours) the quarter's file should expect,
 * by indicator: each series is expected at the cadence it has been published at. One that came in
 * every quarter's file comes again, a quarter on; one that came once a year (DfE's annual figures,
 * the September workforce census) comes in the same quarter's file a year on, for the period a year
 * on. A revision is a one-off and is not repeated.
 */
function comparatorSeries(observations: readonly Observation[], q: Period): Map<string, { period: Period; area: string; breakdown?: string }[]> {
  const byFile = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.area === 'local' || o.status === 'revised' || o.source.quarter.end >= q.start) continue;
    const key = `${o.indicator}|${o.area}|${o.breakdown ?? ''}`;
    byFile.set(key, [...(byFile.get(key) ?? []), o]);
  }
  const out = new Map<string, { period: Period; area: string; breakdown?: string }[]>();
  for (const series of byFile.values()) {
    // The gaps, in months, between the quarters whose files carried the series.
    const quarters = [...new Set(series.map((o) => o.source.quarter.start))].sort((a, b) => a - b);
    const gaps = quarters.slice(1).map((start, i) => start - quarters[i]);
    const yearly = series.every((o) => o.period.kind === 'year') || (gaps.length > 0 && Math.min(...gaps) >= 12);
    const step = yearly ? 12 : 3;
    const template = series.filter((o) => o.source.quarter.start === q.start - step);
    const list = out.get(series[0].indicator) ?? [];
    for (const o of template) list.push({ period: shiftPeriod(o.period, step), area: o.area, breakdown: o.breakdown });
    out.set(series[0].indicator, list);
  }
  return out;
}
