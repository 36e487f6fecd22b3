/**
 * Spreadsheet downloads (.xlsx) for people who open figures in Excel: the same columns as the
 * CSV, periods as text (so Excel never turns 2018-06 into a date), numbers as numbers, DfE's
 * symbols as text in the value cells, and a Notes sheet saying what the symbols mean, where the
 * figures come from and the licence.
 */
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
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

const bold = (value: string): Cell => ({ value, type: String, fontWeight: 'bold' });
const textCell = (value: string | null): Cell => (value === null ? null : { value, type: String });
const numberCell = (value: number | null, symbol: string | null): Cell =>
  value !== null ? { value, type: Number } : symbol ? { value: symbol, type: String, align: 'right' } : null;

function dataSheet(rows: TidyRow[]): Row[] {
  const header = TIDY_COLUMNS.map(bold);
  return [
    header,
    ...rows.map((r) =>
      TIDY_COLUMNS.map((c): Cell => {
        if (c === 'value') return numberCell(r.value, r.status_symbol);
        if (c === 'numerator') return numberCell(r.numerator, r.numerator_symbol);
        if (c === 'denominator') return numberCell(r.denominator, r.denominator_symbol);
        if (c === 'rank' || c === 'out_of') return r[c] === null ? null : { value: r[c]!, type: Number };
        if (c === 'revised') return { value: r.revised, type: Boolean };
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

/**
 * fflate stamps each file in the archive with the time it was written; a fixed stamp
 * (1 January 1980, the first date a zip can hold) keeps the download byte-identical build to build.
 */
export function fixZipTimes<T extends Uint8Array>(zip: T): T {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  // Walk the central directory (found from its end record, which fflate writes without a comment)
  // rather than scanning bytes, which could match inside compressed data.
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('not a zip archive without a comment');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('unexpected zip central directory');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

export async function spreadsheet(site: Site, rows: TidyRow[], title: string, source: string): Promise<Uint8Array<ArrayBuffer>> {
  const widths = TIDY_COLUMNS.map((c) => ({ width: c === 'indicator' ? 28 : c === 'note' ? 40 : c === 'area' ? 22 : 12 }));
  const buffer = await writeXlsxFile([
    { sheet: 'Data', data: dataSheet(rows), columns: widths, stickyRowsCount: 1 },
    { sheet: 'Notes', data: notesSheet(site, title, source), columns: [{ width: 20 }, { width: 100 }] },
  ]).toBuffer();
  return fixZipTimes(new Uint8Array(buffer));
}
