/**
 * The empty quarter file an officer fills in: a row for every indicator and period the quarter
 * needs, with comparator rows for the periods they are published at, and every value left empty
 * so `npm run check` lists what is still to do.
 */
import Papa from 'papaparse';
import type { Content, Observation } from '../model';
import { BASIC_COLUMNS } from '../schemas/data-row';
import { monthPeriod, parsePeriod, shiftPeriod, type Period } from '../periods';
import { readCsv } from '../content/csv-file';
import { ProblemList } from '../content/problems';
import { appendRows } from '../data-file/append';

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

/** One row the quarter's file needs: its key columns, value left to fill in. */
export type NeededRow = { indicator: string; period: string; area: string; breakdown: string };

/** Every row the quarter's file needs: each indicator's local periods, and the comparators at their cadence. */
export function rowsForQuarter(content: Content, q: Period): NeededRow[] {
  const rows: NeededRow[] = [];
  const add = (indicator: string, period: Period, area: string, breakdown?: string) =>
    rows.push({ indicator, period: period.label, area: area === 'local' ? '' : area, breakdown: breakdown ?? '' });
  const comparators = comparatorSeries(content.observations, q);
  for (const indicator of content.indicators) {
    const periods = periodsIn(q, KIND[indicator.frequency]);
    const categories = indicator.categories ? Object.keys(indicator.categories) : [undefined];
    for (const period of periods) for (const c of categories) add(indicator.id, period, 'local', c);
    for (const o of comparators.get(indicator.id) ?? []) add(indicator.id, o.period, o.area, o.breakdown);
  }
  return rows;
}

export function newQuarter(content: Content, quarterText: string): NewQuarter {
  const q = parseQuarter(quarterText);
  const rows = rowsForQuarter(content, q);
  const csv = Papa.unparse({ fields: [...BASIC_COLUMNS], data: rows.map((r) => BASIC_COLUMNS.map((c) => (r as Record<string, string>)[c] ?? '')) }, { newline: '\n' }) + '\n';
  return { file: quarterFile(q), csv, rows: rows.length };
}

const keyOf = (r: { indicator?: string; period?: string; area?: string; breakdown?: string }) =>
  `${r.indicator ?? ''}|${r.period ?? ''}|${!r.area || r.area === 'local' ? '' : r.area}|${r.breakdown ?? ''}`;

export interface AddedRows {
  file: string;
  /** The file's new text: its rows as they were, then the rows it lacked. */
  csv: string;
  added: NeededRow[];
  /** How many rows the file had. */
  had: number;
  /** Columns the added rows needed that the header lacked, added at its end. */
  columns: string[];
}

/**
 * For a quarter whose file exists (made by import:ees --backfill, or typed by hand): the rows it
 * lacks, appended, with every row already there left exactly as it is, in the file's own column
 * order and line endings. A row counts as there whatever its value, so nothing is asked for twice.
 */
export function addToQuarter(content: Content, quarterText: string, existing: string): AddedRows {
  const q = parseQuarter(quarterText);
  const file = quarterFile(q);
  const csv = readCsv(existing, file, new ProblemList());
  const missing = (['indicator', 'period'] as const).filter((c) => !(c in csv.columnOf));
  if (missing.length) {
    throw new AuthoringError(`${file}:1: already exists, but its first row has no ${missing.join(' or ')} column, so it is not a quarter's data file that rows can be added to; it was not changed. Fix its header row (${BASIC_COLUMNS.join(',')}), or move it aside and run this again`);
  }
  const there = new Set(csv.rows.map((r) => keyOf(r.cells)));
  const added = rowsForQuarter(content, q).filter((r) => !there.has(keyOf(r)));
  if (!added.length) return { file, csv: existing, added, had: csv.rows.length, columns: [] };
  const cells = added.map((r) => ({ indicator: r.indicator, period: r.period, ...(r.area && { area: r.area }), ...(r.breakdown && { breakdown: r.breakdown }) }));
  const text = appendRows(existing, cells, file);
  const columns = readCsv(text, file, new ProblemList()).header.filter((h) => !(h in csv.columnOf));
  return { file, csv: text, added, had: csv.rows.length, columns };
}

/** What addToQuarter added, for the command to print: one line per indicator. */
export function describeAdded(result: AddedRows): string[] {
  if (!result.added.length) return [`${result.file} already has a row for every indicator and period the quarter needs; it was not changed.`];
  const byIndicator = new Map<string, string[]>();
  for (const r of result.added) {
    const what = [r.period, r.area, r.breakdown].filter(Boolean).join(' ');
    byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), what]);
  }
  const n = result.added.length;
  return [
    `Added ${n} row${n === 1 ? '' : 's'} to ${result.file}, which already had ${result.had}; the rows it had are unchanged${result.columns.length ? ` (each has an empty cell for the new column${result.columns.length === 1 ? '' : 's'} ${result.columns.join(', ')})` : ''}. Added, values empty:`,
    ...[...byIndicator].map(([id, list]) => `  ${id}: ${list.join(', ')}`),
  ];
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
