/**
 * Open data downloads: tidy rows of every figure, disclosure-controlled exactly as the pages are.
 * A suppressed value is written as its symbol (c), never the number; nor are its numerator and
 * denominator.
 */
import Papa from 'papaparse';
import type { Indicator, Meeting } from '../model';
import { cutKey, meetingCut, type DataIndex } from '../data-index';
import { indicatorView } from './indicator';
import { RecentCuts } from '../recent';
import { formatDate } from '../periods';
import { AREAS, STATUSES } from '../schemas/data-row';
import { UNITS } from '../schemas/indicator';
import { frictionlessLicence, licenceOf } from '../open-data/licence';
import { APOSTROPHE_RULE, csvSafe } from '../open-data/csv-safe';

/**
 * One figure, typed: numbers are numbers and a symbol stands in its own column, so a value
 * column never mixes text and numbers (pandas and Frictionless tools then type it the same in
 * every file). null is an empty cell in CSV.
 */
export interface TidyRow {
  indicator: string;
  period: string;
  period_type: 'month' | 'quarter' | 'year';
  area: string;
  breakdown: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  status: string | null;
  /** DfE's symbol standing instead of the value (c when the site suppressed it). */
  status_symbol: string | null;
  numerator_symbol: string | null;
  denominator_symbol: string | null;
  note: string | null;
  revised: boolean;
  rank: number | null;
  out_of: number | null;
}

export const TIDY_COLUMNS: (keyof TidyRow)[] = [
  'indicator', 'period', 'period_type', 'area', 'breakdown', 'value', 'numerator', 'denominator', 'unit', 'status', 'status_symbol', 'numerator_symbol', 'denominator_symbol', 'note', 'revised', 'rank', 'out_of',
];

/**
 * An indicator's figures as tidy rows: every figure published now, or for a meeting those its
 * page's table and chart show, as the meeting saw them.
 */
export function tidyRows(data: DataIndex, indicator: Indicator, meeting?: Meeting): TidyRow[] {
  const view = meeting ? indicatorView(data, indicator.id, meetingCut(meeting), { window: true, asOf: meeting.period }) : indicatorView(data, indicator.id);
  return view.shown.map((cell) => {
    const obs = cell.obs;
    const shown = view.disclosed.get(obs)!;
    // DfE's own symbol is kept as DfE wrote it (k stays k); the site's own suppression is c.
    // The site's own suppression wins over DfE's symbol: a k beside a count of 1 is c, and its
    // counts are hidden with it.
    const hidden = shown.symbol === 'c';
    const symbol = shown.symbol ? (hidden ? 'c' : (obs.symbol ?? shown.symbol)) : null;
    // A suppressed figure's counts are hidden with it, and marked c where there was one to hide.
    const count = (n: number | undefined, written: string | undefined) => (hidden ? null : written ? null : (n ?? null));
    const countSymbol = (n: number | undefined, written: string | undefined) => (hidden ? (n !== undefined || written ? 'c' : null) : (written ?? null));
    return {
      indicator: indicator.id,
      period: obs.period.label,
      period_type: obs.period.kind,
      area: obs.area,
      breakdown: obs.breakdown ?? null,
      value: symbol ? null : shown.value,
      numerator: count(obs.numerator, obs.numeratorSymbol),
      denominator: count(obs.denominator, obs.denominatorSymbol),
      unit: indicator.unit,
      status: obs.status ?? null,
      status_symbol: symbol,
      numerator_symbol: countSymbol(obs.numerator, obs.numeratorSymbol),
      denominator_symbol: countSymbol(obs.denominator, obs.denominatorSymbol),
      note: obs.note ?? null,
      revised: cell.replaced.length > 0,
      rank: shown.rank && !hidden ? shown.rank.rank : null,
      out_of: shown.rank && !hidden ? shown.rank.outOf : null,
    };
  });
}

/**
 * A row's CSV cells. Every CSV the site publishes is written through here, so that no text cell
 * (a data note above all) reaches a spreadsheet as a formula; numbers stay numbers (csv-safe.ts).
 */
const csvCells = (r: TidyRow) => TIDY_COLUMNS.map((c) => csvSafe(r[c]));

export function toCsv(rows: TidyRow[]): string {
  return Papa.unparse({ fields: TIDY_COLUMNS, data: rows.map(csvCells) }, { newline: '\n' }) + '\n';
}

/**
 * Each indicator's rows and CSV lines (UTF-8, without the header) at a cut, kept for the cut in
 * hand and the one before: committees meeting about the same quarter share them.
 */
const KEPT_CUTS = 2;
const kept = new WeakMap<DataIndex, { rows: RecentCuts<TidyRow[]>; lines: RecentCuts<Buffer<ArrayBuffer>> }>();

function keptFor(data: DataIndex) {
  let cache = kept.get(data);
  if (!cache) kept.set(data, (cache = { rows: new RecentCuts(KEPT_CUTS), lines: new RecentCuts(KEPT_CUTS) }));
  return cache;
}

/** A meeting's rows of one indicator: the same for every meeting at the same cut. */
const rowsAt = (data: DataIndex, id: string, meeting: Meeting) =>
  keptFor(data).rows.at(cutKey(meetingCut(meeting)), id, () => tidyRows(data, data.indicators.get(id)!, meeting));

const CSV_HEADER = Buffer.from(TIDY_COLUMNS.join(','));
const NEWLINE = Buffer.from('\n');

/**
 * A meeting's CSV, as UTF-8: toCsv(meetingRows(...)), put together from each indicator's lines at
 * the meeting's cut. Each indicator's are written once per quarter, not once per meeting (the
 * committees meeting about the same quarter share them), and kept as bytes, so the file is copied
 * once, not joined, checked and encoded again.
 */
export function meetingCsv(data: DataIndex, meeting: Meeting): Buffer<ArrayBuffer> {
  const cut = meetingCut(meeting);
  const parts = [CSV_HEADER];
  for (const id of meeting.indicatorIds) {
    const lines = keptFor(data).lines.at(cutKey(cut), id, () => {
      const rows = rowsAt(data, id, meeting);
      return Buffer.from(rows.length ? Papa.unparse(rows.map(csvCells), { newline: '\n' }) : '');
    });
    if (lines.length) parts.push(NEWLINE, lines);
  }
  parts.push(NEWLINE);
  return Buffer.concat(parts);
}

/**
 * The figures a meeting's page shows, as the meeting saw them: of every indicator it showed, the
 * history its tables and charts show (24 months, 8 quarters or 5 years, MEETING_WINDOW), with every
 * comparator and category. The whole history is in each indicator's own downloads. A meeting's
 * download holding every figure since the archive began would grow with the archive's length:
 * 2,000 meetings over 50 years published 1.4 GB of meeting CSVs, more than some static hosts allow
 * a whole site (README, "Memory and time: the fourth round").
 */
export function meetingRows(data: DataIndex, meeting: Meeting): TidyRow[] {
  return meeting.indicatorIds.flatMap((id) => rowsAt(data, id, meeting));
}

export function allRows(data: DataIndex): TidyRow[] {
  return data.content.indicators.flatMap((i) => tidyRows(data, i));
}

/** The indicator's JSON download: what it measures, its licence, then its figures, typed. */
export function indicatorJson(data: DataIndex, indicator: Indicator) {
  const { file: _file, snapshotDate, ...meta } = indicator;
  const licence = licenceOf(data.content.site);
  return {
    indicator: {
      ...meta,
      ...(snapshotDate && { snapshotDate: `${String(snapshotDate.month).padStart(2, '0')}-${String(snapshotDate.day).padStart(2, '0')}` }),
      targets: indicator.targets.map((t) => ({ from: t.from?.label ?? null, value: t.value })),
    },
    publisher: data.content.site.council,
    licence: { name: licence.name, url: licence.url, ...(licence.id && { id: licence.id }), attribution: licence.attribution },
    disclosure: data.content.site.disclosure,
    rows: tidyRows(data, indicator),
  };
}

const SYMBOLS = ['c', 'x', 'z', 'low', 'k', 'u'];

/** Table Schema fields: types, allowed values and descriptions of every column. */
export const FIELDS: Record<keyof TidyRow, Record<string, unknown>> = {
  indicator: { type: 'string', description: 'The indicator id; its definition is at /indicators/<id>/.', constraints: { required: true } },
  period: { type: 'string', description: 'The period: a month (2018-06), a financial quarter (2018/19 Q1, April to June) or a financial year (2018/19, April to March).', constraints: { required: true, pattern: '(\\d{4}-\\d{2}|\\d{4}/\\d{2}( Q[1-4])?)' } },
  period_type: { type: 'string', description: 'month, quarter or year.', constraints: { required: true, enum: ['month', 'quarter', 'year'] } },
  area: { type: 'string', description: 'local (this council), england, region or statistical-neighbours (the average of the council\'s statistical neighbours).', constraints: { required: true, enum: [...AREAS] } },
  // An empty breakdown is "no breakdown", a real value of a primary key field, not a missing one
  // (Data Package v2 per-field missing values; v1 tools read it as null, which they allow).
  breakdown: { type: 'string', description: 'The category, for indicators broken down by category; empty otherwise.', missingValues: [] },
  value: { type: 'number', description: 'The figure, in the unit given; empty when status_symbol gives one of DfE\'s symbols instead.' },
  numerator: { type: 'integer', description: 'The count the value is worked out from, where published; empty when not published or when numerator_symbol gives a symbol. England\'s and regional counts are rounded as DfE publishes them.' },
  denominator: { type: 'integer', description: 'The count the numerator is taken from, where published; empty when not published or when denominator_symbol gives a symbol.' },
  unit: { type: 'string', description: 'count, percent (0 to 100), rate-per-10000 (per 10,000 children under 18), days, weeks, gbp (pounds) or ratio.', constraints: { required: true, enum: [...UNITS] } },
  status: { type: 'string', description: 'provisional (may change), revised (replaces a figure published earlier), not-available, or empty.', constraints: { enum: [...STATUSES] } },
  status_symbol: { type: 'string', description: 'DfE\'s symbol standing instead of the value: c suppressed to protect children\'s privacy, x not available, z not applicable, low (or k) more than 0 but rounds to 0, u low reliability; empty when value is a number.', constraints: { enum: SYMBOLS } },
  numerator_symbol: { type: 'string', description: 'DfE\'s symbol standing instead of the numerator (c when it is suppressed with the value); empty otherwise.', constraints: { enum: SYMBOLS } },
  denominator_symbol: { type: 'string', description: 'DfE\'s symbol standing instead of the denominator (c when it is suppressed with the value); empty otherwise.', constraints: { enum: SYMBOLS } },
  note: { type: 'string', description: `A footnote on the figure. ${APOSTROPHE_RULE}` },
  revised: { type: 'boolean', description: 'true when this figure replaced one published earlier.', constraints: { required: true } },
  rank: { type: 'integer', description: 'For the council\'s own figures, where given: its rank among councils, 1 for the highest value.', constraints: { minimum: 1 } },
  out_of: { type: 'integer', description: 'How many councils with a figure the rank is out of.', constraints: { minimum: 1 } },
};

/** The Table Schema every CSV download shares. */
export function tableSchema() {
  return {
    fields: TIDY_COLUMNS.map((name) => ({ name, ...FIELDS[name] })),
    missingValues: [''],
    primaryKey: ['indicator', 'period', 'area', 'breakdown'],
  };
}

/** A Frictionless Data Package (v2, readable by v1 tools) describing every CSV download and column. */
export function dataPackage(data: DataIndex, siteUrl: string, base: string) {
  const schema = tableSchema();
  const site = data.content.site;
  const licence = licenceOf(site);
  const licenses = [frictionlessLicence(licence)];
  const csv = { format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', licenses, schema };
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: site.council.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') + '-childrens-services-performance',
    title: `${site.title}: ${site.council}`,
    description: `Children's services performance figures published by ${site.council}. Counts of 1 to ${site.disclosure.suppressUpTo} children, and figures from which they could be worked out, are suppressed: their value is empty and status_symbol is c. ${APOSTROPHE_RULE} ${licence.attribution}`,
    homepage: new URL(base, siteUrl).href,
    licenses,
    contributors: [{ title: site.council, roles: ['publisher'], ...(site.contact?.email && { email: site.contact.email }) }],
    resources: [
      { name: 'all-indicators', title: 'All indicators, whole history', path: 'all.csv', ...csv },
      ...data.content.indicators.map((i) => ({ name: i.id, title: i.title, description: i.summary, path: `indicators/${i.id}.csv`, ...csv })),
      ...data.content.meetings.map((m) => ({
        name: `meeting-${m.id.replace('/', '-')}`,
        title: `${data.committees.get(m.committee)!.name}, ${formatDate(m.date)}: the figures as the meeting saw them`,
        path: `meetings/${m.id}.csv`,
        ...csv,
      })),
    ],
  };
}
