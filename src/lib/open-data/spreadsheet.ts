/**
 * Spreadsheet downloads (.xlsx) for people who open figures in Excel: the same columns as the
 * CSV, periods as text (so Excel never turns 2018-06 into a date), numbers as numbers, DfE's
 * symbols as text in the value cells, and a Notes sheet saying what the symbols mean, where the
 * figures come from and the licence.
 */
import { xlsx, type XlsxCell as Cell, type XlsxRow as Row, type XlsxSheet } from './xlsx';
import type { Site } from '../model';
import { FIELDS, TIDY_COLUMNS, type TidyRow } from '../present/downloads';
import { licenceOf } from './licence';

export const SYMBOL_MEANINGS: [string, string][] = [
  ['c', 'Suppressed to protect children\'s privacy: a count of 1 to SUPPRESS children, a figure worked out from one, or a figure from which a hidden one could be worked out.'],
  ['x', 'Not available.'],
  ['z', 'Not applicable.'],
  ['low', 'More than 0, but rounds to 0.'],
  ['k', 'More than 0, but rounds to 0 (DfE\'s older symbol for low).'],
  ['u', 'Low reliability: no figure given.'],
];

const bold = (value: string): Cell => ({ value, bold: true });
const textCell = (value: string | null): Cell | null => (value === null ? null : { value });
const numberCell = (value: number | null, symbol: string | null): Cell | null => (value !== null ? { value } : symbol ? { value: symbol, right: true } : null);

function dataSheet(rows: TidyRow[]): Row[] {
  const header = TIDY_COLUMNS.map(bold);
  return [
    header,
    ...rows.map((r) =>
      TIDY_COLUMNS.map((c): Cell | null => {
        if (c === 'value') return numberCell(r.value, r.status_symbol);
        if (c === 'numerator') return numberCell(r.numerator, r.numerator_symbol);
        if (c === 'denominator') return numberCell(r.denominator, r.denominator_symbol);
        if (c === 'rank' || c === 'out_of') return r[c] === null ? null : { value: r[c]! };
        if (c === 'revised') return { value: r.revised };
        return textCell(r[c] as string | null);
      }),
    ),
  ];
}

function notesSheet(site: Site, title: string, source: string): Row[] {
  const licence = licenceOf(site);
  const line = (a: string, b = ''): Row => [textCell(a), textCell(b || null)];
  return [
    [bold(title)],
    line('Published by', site.council),
    line('Source', source),
    line('Licence', `${licence.name}: ${licence.url}`),
    line('Attribution', licence.attribution),
    ...(site.illustrative ? [line('Illustrative', `${site.council} is fictional: every figure is made up.`)] : []),
    [],
    [bold('Symbols'), bold('Meaning')],
    line('', 'Where a figure is not given, the value, numerator or denominator cell holds one of these symbols, as text, and status_symbol (or numerator_symbol, denominator_symbol) repeats it.'),
    ...SYMBOL_MEANINGS.map(([s, m]) => line(s, m.replace('SUPPRESS', String(site.disclosure.suppressUpTo)))),
    [],
    [bold('Column'), bold('What it holds')],
    ...TIDY_COLUMNS.map((c) => line(c, FIELDS[c].description as string)),
  ];
}

/** The two sheets of a download: the figures, and notes on what they are. */
export function workbookSheets(site: Site, rows: TidyRow[], title: string, source: string): XlsxSheet[] {
  const widths = TIDY_COLUMNS.map((c) => (c === 'indicator' ? 28 : c === 'note' ? 40 : c === 'area' ? 22 : 12));
  return [
    { name: 'Data', rows: dataSheet(rows), widths, frozenHeader: true },
    { name: 'Notes', rows: notesSheet(site, title, source), widths: [20, 100] },
  ];
}

export function spreadsheet(site: Site, rows: TidyRow[], title: string, source: string): Uint8Array<ArrayBuffer> {
  return xlsx(workbookSheets(site, rows, title, source));
}
