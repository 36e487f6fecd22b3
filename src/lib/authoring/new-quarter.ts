/**
 * The empty quarter file an officer fills in: a row for every indicator and period the quarter
 * needs, with comparator rows where the previous quarter had them, and every value left empty
 * so `npm run check` lists what is still to do.
 */
import Papa from 'papaparse';
import type { Content, Observation } from '../model';
import { BASIC_COLUMNS } from '../schemas/data-row';
import { monthPeriod, parsePeriod, type Period } from '../periods';

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
  const previous = content.observations.filter((o) => o.source.quarter.end === q.start - 1);
  const rows: Record<string, string>[] = [];
  const add = (indicator: string, period: Period, area: string, breakdown?: string) =>
    rows.push({ indicator, period: period.label, area: area === 'local' ? '' : area, breakdown: breakdown ?? '' });

  for (const indicator of content.indicators) {
    const periods = periodsIn(q, KIND[indicator.frequency]);
    const categories = indicator.categories ? Object.keys(indicator.categories) : [undefined];
    for (const period of periods) for (const c of categories) add(indicator.id, period, 'local', c);
    // Comparators that came every quarter (not the yearly ones, which arrive once a year).
    const comparators = new Map<string, Observation>();
    for (const o of previous) {
      if (o.indicator !== indicator.id || o.area === 'local' || o.period.kind === 'year') continue;
      comparators.set(`${o.area}|${o.breakdown ?? ''}`, o);
    }
    for (const o of comparators.values()) {
      for (const period of periodsIn(q, o.period.kind)) add(indicator.id, period, o.area, o.breakdown);
    }
  }
  const csv = Papa.unparse({ fields: [...BASIC_COLUMNS], data: rows.map((r) => BASIC_COLUMNS.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
  return { file: quarterFile(q), csv, rows: rows.length };
}
