/**
 * Open data downloads: tidy rows of every figure, disclosure-controlled exactly as the pages are.
 * A suppressed value is written as its symbol (c), never the number; nor are its numerator and
 * denominator.
 */
import Papa from 'papaparse';
import type { Indicator, Meeting } from '../model';
import { LATEST, meetingCut, type Cut, type DataIndex } from '../data-index';
import { indicatorView } from './indicator';

export interface TidyRow {
  indicator: string;
  period: string;
  period_type: 'month' | 'quarter' | 'year';
  area: string;
  breakdown: string;
  value: string;
  numerator: string;
  denominator: string;
  unit: string;
  status: string;
  status_symbol: string;
  note: string;
  revised: string;
  rank: string;
  out_of: string;
}

export const TIDY_COLUMNS: (keyof TidyRow)[] = [
  'indicator', 'period', 'period_type', 'area', 'breakdown', 'value', 'numerator', 'denominator', 'unit', 'status', 'status_symbol', 'note', 'revised', 'rank', 'out_of',
];

/** Every figure of an indicator visible at a cut, as tidy rows. */
export function tidyRows(data: DataIndex, indicator: Indicator, cut: Cut = LATEST): TidyRow[] {
  const view = indicatorView(data, indicator.id, cut);
  return view.cells.map((cell) => {
    const shown = view.disclosed.get(cell.obs)!;
    // DfE's own symbol is kept as DfE wrote it (k stays k); the site's own suppression is c.
    const hidden = shown.symbol === 'c';
    const symbol = shown.symbol ? (hidden ? 'c' : (cell.obs.symbol ?? shown.symbol)) : '';
    const count = (n: number | undefined, written: string | undefined) => (hidden ? '' : (written ?? (n === undefined ? '' : String(n))));
    return {
      indicator: indicator.id,
      period: cell.obs.period.label,
      period_type: cell.obs.period.kind,
      area: cell.obs.area,
      breakdown: cell.obs.breakdown ?? '',
      value: symbol ? symbol : String(shown.value),
      numerator: count(cell.obs.numerator, cell.obs.numeratorSymbol),
      denominator: count(cell.obs.denominator, cell.obs.denominatorSymbol),
      unit: indicator.unit,
      status: cell.obs.status ?? '',
      status_symbol: symbol,
      note: cell.obs.note ?? '',
      revised: cell.replaced.length > 0 ? 'true' : 'false',
      rank: shown.rank && !hidden ? String(shown.rank.rank) : '',
      out_of: shown.rank && !hidden ? String(shown.rank.outOf) : '',
    };
  });
}

export function toCsv(rows: TidyRow[]): string {
  return Papa.unparse({ fields: TIDY_COLUMNS, data: rows.map((r) => TIDY_COLUMNS.map((c) => r[c])) }, { newline: '\n' }) + '\n';
}

/** The data as a meeting saw it: every indicator it showed, up to its period. */
export function meetingRows(data: DataIndex, meeting: Meeting): TidyRow[] {
  const cut = meetingCut(meeting);
  return meeting.indicatorIds.flatMap((id) => tidyRows(data, data.indicators.get(id)!, cut));
}

export function allRows(data: DataIndex): TidyRow[] {
  return data.content.indicators.flatMap((i) => tidyRows(data, i));
}

/** The indicator's JSON download: what it measures, then its figures. */
export function indicatorJson(data: DataIndex, indicator: Indicator) {
  const { file: _file, snapshotDate, ...meta } = indicator;
  return {
    indicator: {
      ...meta,
      ...(snapshotDate && { snapshotDate: `${String(snapshotDate.month).padStart(2, '0')}-${String(snapshotDate.day).padStart(2, '0')}` }),
      targets: indicator.targets.map((t) => ({ from: t.from?.label ?? null, value: t.value })),
    },
    disclosure: data.content.site.disclosure,
    rows: tidyRows(data, indicator),
  };
}

const FIELD_DOCS: Record<keyof TidyRow, { type: string; description: string }> = {
  indicator: { type: 'string', description: 'The indicator id; its definition is at /indicators/<id>/.' },
  period: { type: 'string', description: 'The period: a month (2018-06), a financial quarter (2018/19 Q1, April to June) or a financial year (2018/19, April to March).' },
  period_type: { type: 'string', description: 'month, quarter or year.' },
  area: { type: 'string', description: 'local (this council), england, region or statistical-neighbours (the average of the 10 most similar councils).' },
  breakdown: { type: 'string', description: 'The category, for indicators broken down by category; empty otherwise.' },
  value: { type: 'string', description: 'The figure, in the unit given; or one of DfE\'s symbols: c suppressed to protect children\'s privacy, x not available, z not applicable, low (or k) rounds to 0 but is not 0, u low reliability.' },
  numerator: { type: 'string', description: 'The count the value is worked out from, where published, or DfE\'s symbol for it; empty when suppressed. England\'s and regional counts are rounded as DfE publishes them.' },
  denominator: { type: 'string', description: 'The count the numerator is taken from, where published, or DfE\'s symbol for it; empty when suppressed.' },
  unit: { type: 'string', description: 'count, percent (0 to 100), rate-per-10000 (per 10,000 children under 18), days, weeks, gbp (pounds) or ratio.' },
  status: { type: 'string', description: 'provisional (may change), revised (replaces a figure published earlier), not-available, or empty.' },
  status_symbol: { type: 'string', description: 'c, x, z, low, k or u when the value is a symbol; empty otherwise.' },
  note: { type: 'string', description: 'A footnote on the figure.' },
  revised: { type: 'boolean', description: 'true when this figure replaced one published earlier.' },
  rank: { type: 'string', description: 'For the council\'s own figures, where given: its rank among councils, 1 for the highest value.' },
  out_of: { type: 'string', description: 'How many councils with a figure the rank is out of.' },
};

/** A Frictionless Data Package describing every download and column. */
export function dataPackage(data: DataIndex, siteUrl: string, base: string) {
  const schema = { fields: TIDY_COLUMNS.map((name) => ({ name, ...FIELD_DOCS[name] })), missingValues: [''] };
  const site = data.content.site;
  return {
    name: site.council.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') + '-childrens-services-performance',
    title: `${site.title}: ${site.council}`,
    description: `Children's services performance figures published by ${site.council}. Counts of 1 to ${site.disclosure.suppressUpTo} children, and figures from which they could be worked out, are suppressed and shown as c.`,
    homepage: new URL(base, siteUrl).href,
    resources: [
      { name: 'all-indicators', path: 'all.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema },
      ...data.content.indicators.map((i) => ({ name: i.id, title: i.title, description: i.summary, path: `indicators/${i.id}.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema })),
    ],
  };
}
