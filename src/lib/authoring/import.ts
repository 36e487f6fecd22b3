/**
 * Converts a wide performance spreadsheet (indicators as rows, periods as columns) into a quarter
 * CSV. It reads what performance teams actually send: title rows above the headings, month
 * headings as dates or as text ('Apr-21', 'April 2021'), '86.2%' typed into a percentage, '-' or
 * 'n/a' where there is no figure (written as x), DfE's symbols ('[c]', 'z'), indicator titles
 * rather than ids, Unit, Target, RAG and Comments columns, footnote markers, Excel's percent
 * formats, and several sheets. A figure is imported as the sheet shows it or refused at its cell
 * with what was found and what to write instead, never guessed: a count published as a
 * percentage, or a percentage a hundred times too small, passes every later check.
 */
import Papa from 'papaparse';
import type { Content, Indicator } from '../model';
import { BASIC_COLUMNS, AREAS } from '../schemas/data-row';
import { FREQUENCY_KIND, monthPeriod, parsePeriod, type Period } from '../periods';
import { nearest } from '../content/suggest';
import { parseQuarter, quarterFile } from './new-quarter';

export type Cell = string | number | boolean | Date | null | undefined;

export interface Sheet {
  /** The sheet's name in the workbook; '' for a CSV. */
  name: string;
  rows: Cell[][];
  /** Each cell's Excel number format by address ("B7"), where it is not General; none for a CSV. */
  formats?: Record<string, string>;
}

export interface ImportResult {
  file: string;
  csv: string;
  rows: number;
  /** `where: message` lines for figures that were not imported: each needs the officer's attention. */
  skipped: string[];
  /** One line each for what was left out on purpose (a title row, a Comments column): no action needed. */
  notes: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month name or its abbreviation ("Sep", "Sept", "September"); -1 when it is not one. */
function monthNumber(word: string) {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
}

/** A two-digit year is this century's: '21' is 2021. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** "2021/22", "2021-22", "21/22" → "2021/22". */
function financialYear(text: string): string | undefined {
  const m = /^(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const first = fullYear(m[1]);
  const second = fullYear(m[2]);
  return second === first + 1 ? `${first}/${String(second % 100).padStart(2, '0')}` : undefined;
}

/**
 * A period from a column heading: an Excel date; text such as 2021-04, Apr-21, Apr 2021, April
 * 2021, 2021/22 Q1, Q1 2021/22, Q1 21/22, Qtr 1 2021-22; or a financial year, 2021/22.
 */
export function periodFromHeading(cell: Cell): Period | undefined {
  if (cell instanceof Date) return monthPeriod(cell.getUTCFullYear() * 12 + cell.getUTCMonth());
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim().replace(/\s+/g, ' ');
  const direct = parsePeriod(text);
  if (direct) return direct;
  const named = /^([A-Za-z]{3,9}\.?)[\s-]*'?(\d{2}|\d{4})$/.exec(text);
  if (named && monthNumber(named[1]) >= 0) return monthPeriod(fullYear(named[2]) * 12 + monthNumber(named[1]));
  // A date as a CSV saved from Excel writes a date heading in the UK: 01/04/2021.
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (date && Number(date[2]) >= 1 && Number(date[2]) <= 12) return monthPeriod(Number(date[3]) * 12 + Number(date[2]) - 1);
  const before = /^(?:Q|Qtr|Quarter)\s*([1-4])\s+(.+)$/i.exec(text);
  const after = /^(.+?)\s+(?:Q|Qtr|Quarter)\s*([1-4])$/i.exec(text);
  const [n, year] = before ? [before[1], before[2]] : after ? [after[2], after[1]] : [];
  const quarterYear = year && financialYear(year.trim());
  if (quarterYear) return parsePeriod(`${quarterYear} Q${n}`);
  const fy = financialYear(text);
  return fy ? parsePeriod(fy) : undefined;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9%£]+/g, ' ').trim();
const cellText = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? '').trim());
const columnLetter = (col: number): string => (col < 26 ? '' : columnLetter(Math.floor(col / 26) - 1)) + String.fromCharCode(65 + (col % 26));
/** A cell's address as Excel writes it, from 0-based row and column: B7. */
const address = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
/** A sheet's name as Excel writes it in a reference: quoted when it has spaces or punctuation. */
const sheetRef = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Header cells that name the key columns rather than periods. */
const KEY_COLUMNS = {
  indicator: ['indicator', 'indicator id', 'indicator title', 'indicator name', 'kpi', 'performance indicator', 'id', 'title', 'measure'],
  area: ['area', 'comparator'],
  breakdown: ['breakdown', 'category'],
  // "Measure" is the indicator's name in some reports and its unit in others: see findUnitColumn.
  unit: ['unit', 'units', 'unit of measure', 'measure type', 'type', 'format', 'measure'],
  note: ['note', 'notes', 'comment', 'comments', 'commentary', 'narrative', 'remarks'],
};
const AREA_WORDS: Record<string, (typeof AREAS)[number]> = {
  '': 'local',
  local: 'local',
  england: 'england',
  national: 'england',
  'england average': 'england',
  region: 'region',
  regional: 'region',
  'statistical neighbours': 'statistical-neighbours',
  'statistical neighbour': 'statistical-neighbours',
  'statistical neighbours average': 'statistical-neighbours',
  'stat neighbours': 'statistical-neighbours',
  sn: 'statistical-neighbours',
  'sn average': 'statistical-neighbours',
};
type Unit = Indicator['unit'];
/** What performance reports write in a unit column, normalised by norm(), for each unit. */
const UNIT_WORDS: Record<string, Unit> = Object.fromEntries(
  (
    [
      ['percent', ['%', 'percent', 'percentage', 'per cent', 'pct', '% of', 'proportion']],
      ['count', ['no', 'nos', 'number', 'count', 'n', 'num', 'total', 'children', 'number of children']],
      ['rate-per-10000', ['rate', 'rate per 10 000', 'rate per 10000', 'rate per 10k', 'per 10 000', 'per 10000', 'per 10k', 'rate 10 000']],
      ['gbp', ['£', 'gbp', 'pounds', 'cost', '£ per week', '£ a week', 'money']],
      ['days', ['days', 'day', 'average days', 'avg days', 'no of days', 'number of days']],
      ['weeks', ['weeks', 'week', 'wks', 'number of weeks']],
      ['ratio', ['ratio', 'cases', 'caseload']],
    ] as [Unit, string[]][]
  ).flatMap(([unit, words]) => words.map((w) => [w, unit])),
);
/** "Average" says only that the figure is not a count or a percentage: days, weeks, £ or a ratio. */
const AVERAGE_WORDS = new Set(['average', 'avg', 'mean']);
const AVERAGE_UNITS: Unit[] = ['ratio', 'days', 'weeks', 'gbp'];
/** The units a unit cell allows; undefined for a word the import does not know. */
function unitsOf(text: string): Unit[] | undefined {
  const word = norm(text);
  if (AVERAGE_WORDS.has(word)) return AVERAGE_UNITS;
  return UNIT_WORDS[word] ? [UNIT_WORDS[word]] : undefined;
}
/** What to write in the unit column for each unit, and the unit in words. */
const UNIT_LABEL: Record<Unit, string> = { count: 'No.', percent: '%', 'rate-per-10000': 'Rate per 10,000', days: 'Days', weeks: 'Weeks', gbp: '£', ratio: 'Ratio' };
const unitWords = (unit: Unit) => ({ count: 'a count', percent: 'a percentage', 'rate-per-10000': 'a rate per 10,000', days: 'days', weeks: 'weeks', gbp: 'pounds', ratio: 'a ratio' })[unit];

/** What a performance team types where there is no figure: written as x, DfE's "not available". */
const NOT_AVAILABLE = new Set(['-', '\u2013', '\u2014', 'n/a', 'na', 'n.a.', '..', ':', 'not available']);
/** DfE's symbols (content format 1.1), as written or in brackets as spreadsheets show them. */
const SYMBOL_RE = /^\[?(c|x|z|low|k|u)\]?$/i;
/** Ways of hiding a small number that are not DfE's symbol: the figure cannot be published as it is. */
const HIDDEN = new Set(['*', '<5', '< 5', 'supp', 'suppressed']);
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
/**
 * Footnote markers after a figure or a name ("12*", "Children in care†") and before the footnote
 * under the table ("* provisional"). Bracketed markers are digits only, so [c] stays DfE's symbol.
 */
const MARKER = String.raw`\*{1,3}|†|‡|§|[¹²³⁴⁵⁶⁷⁸⁹]|\[\d{1,2}\]|\(\d{1,2}\)`;
const MARKED_RE = new RegExp(String.raw`^(.*?\S)\s*(${MARKER})$`);
const FOOTNOTE_RE = new RegExp(String.raw`^(${MARKER})\s*(\S.*)$`);

/** Text without its footnote marker, and the marker. */
function splitMarker(text: string): { text: string; marker?: string } {
  const m = MARKED_RE.exec(text);
  return m ? { text: m[1], marker: m[2] } : { text };
}

/** A figure read from a cell: how it was written decides whether it may be a fraction. */
type Figure = { value: string; how: 'number' | 'percent-format' | 'percent-text' | 'symbol'; marker?: string };
type Read = Figure | { problem: string };

/** Whether a number format shows a cell as a percentage: a % outside quotes, brackets and escapes. */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

/** Twelve significant digits: a spreadsheet's 0.1 + 0.2 is 0.30000000000000004. */
const tidy = (n: number) => String(Number(n.toPrecision(12)));

/** A number cell: a percent-formatted one is shown a hundred times larger than Excel stores it. */
function readNumber(cell: number, format: string | undefined, indicator: Indicator): Read {
  if (!isPercentFormat(format)) return { value: tidy(cell), how: 'number' };
  const shown = tidy(cell * 100);
  // 45 typed before the cell was formatted as % shows as 4500%: the figure meant is not known.
  if (indicator.unit === 'percent' && Number(shown) > 100) {
    return { problem: `is formatted as a percentage, so Excel shows ${shown}%; type the percentage again in the formatted cell (Excel then stores 45% as 0.45), or format the cell as Number` };
  }
  if (indicator.unit !== 'percent') {
    return { problem: `is formatted as a percentage (Excel shows ${shown}%), but ${indicator.id} is ${unitWords(indicator.unit)}; format the cell as Number and type the figure itself` };
  }
  return { value: shown, how: 'percent-format' };
}

/** One figure, as the data file wants it, or what is wrong with it in words. */
function readFigure(cell: Cell, format: string | undefined, indicator: Indicator): Read {
  if (typeof cell === 'number') return readNumber(cell, format, indicator);
  if (cell instanceof Date) return { problem: 'is a date, not a figure; format the cell as a number' };
  if (typeof cell === 'boolean') return { problem: `is ${cell ? 'TRUE' : 'FALSE'}, not a figure; type the number` };
  const whole = String(cell).trim();
  if (HIDDEN.has(whole.toLowerCase())) {
    return { problem: "hides the figure; type the real number (Scrutineer hides small counts itself, and the hidden number is never published), or c, DfE's symbol, if you do not have it" };
  }
  const { text, marker } = splitMarker(whole);
  const read = readText(text, indicator);
  return 'problem' in read ? read : { ...read, marker };
}

/** A figure typed as text: "86.2%", "£1,200", "1,204", "n/a", "[c]". */
function readText(text: string, indicator: Indicator): Read {
  const lower = text.toLowerCase();
  if (NOT_AVAILABLE.has(lower)) return { value: 'x', how: 'symbol' };
  const symbol = SYMBOL_RE.exec(lower);
  if (symbol) return { value: symbol[1], how: 'symbol' };
  if (HIDDEN.has(lower)) return readFigure(text, undefined, indicator);
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) {
    if (indicator.unit === 'percent') return { value: percent[1], how: 'percent-text' };
    return { problem: `is a percentage, but ${indicator.id} is ${unitWords(indicator.unit)}; write a plain number without %` };
  }
  const money = /^(-?)£\s*([\d,]+(?:\.\d+)?)$/.exec(text);
  if (money) {
    if (indicator.unit !== 'gbp') return { problem: `is a sum of money, but ${indicator.id} is ${unitWords(indicator.unit)}; write a plain number without £` };
    const plain = thousands(money[2]);
    if (plain !== undefined) return { value: money[1] + plain, how: 'number' };
  }
  const plain = thousands(text);
  if (plain !== undefined) return { value: plain, how: 'number' };
  return { problem: `is not a number; write a plain number such as 12.5, "-" or n/a where there is no figure, or one of DfE's symbols c, x, z, low or u` };
}

/** "1,200" or "1200.5" as a plain number; undefined when the commas are not thousands separators. */
function thousands(text: string) {
  const stripped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  return NUMBER_RE.test(stripped) ? stripped : undefined;
}

/** Whether a cell holds a number in any form the import reads ("12", "12*", "86.2%", "£1,200"). */
function looksNumeric(cell: Cell) {
  if (typeof cell === 'number') return true;
  const text = splitMarker(cellText(cell)).text.replace(/^£\s*/, '').replace(/\s*%$/, '');
  return thousands(text) !== undefined;
}

/**
 * Finds the row of headings: the first with a period heading and an Indicator heading, or two
 * periods; failing that the row that names the indicator column, so that a single year in a
 * merged row above it is not taken for the headings; failing that any row with a period.
 */
function findHeader(rows: Cell[][]) {
  const periods = (row: Cell[]) => row.filter((c) => periodFromHeading(c)).length;
  const named = (row: Cell[]) => row.some((c) => KEY_COLUMNS.indicator.includes(norm(cellText(c))));
  const best = rows.findIndex((row) => periods(row) > 0 && (named(row) || periods(row) >= 2));
  if (best >= 0) return best;
  const namedRow = rows.findIndex(named);
  return namedRow >= 0 ? namedRow : rows.findIndex((row) => periods(row) > 0);
}

/** A bare month name ("April", "Apr") as a heading. */
const bareMonth = (c: Cell) => typeof c === 'string' && /^[A-Za-z]{3,9}\.?$/.test(c.trim()) && monthNumber(c.trim()) >= 0;

/**
 * Month headings without a year ("April", "May") under a merged row that gives it ("2020/21" over
 * the year's months, or "2020"), as the month with its year; other rows are left as they are. The
 * year is the nearest text at or left of the month in the row above, as Excel shows a merged cell.
 */
function datedMonths(rows: Cell[][]): Cell[][] {
  return rows.map((row, r) => {
    if (r === 0 || row.filter(bareMonth).length < 2) return row;
    return row.map((cell, col) => {
      if (!bareMonth(cell)) return cell;
      const above = rows[r - 1].slice(0, col + 1).map(cellText).filter(Boolean).pop() ?? '';
      const fy = financialYear(above);
      const month = monthNumber((cell as string).trim());
      // A financial year runs April to March: January to March are in its second calendar year.
      const year = fy ? Number(fy.slice(0, 4)) + (month < 3 ? 1 : 0) : /^\d{4}$/.test(above) ? Number(above) : undefined;
      return year === undefined ? cell : `${MONTHS[month]} ${year}`;
    });
  });
}

/** Where each kind of column is on a sheet, from its row of headings. */
interface Layout {
  indicatorCol: number;
  areaCol: number;
  breakdownCol: number;
  unitCol: number;
  noteCol: number;
  /** Every period column; `inQuarter` says whether it belongs to the quarter being imported. */
  periodCols: { col: number; period: Period; inQuarter: boolean }[];
  /** Headings that are neither a key column nor a period, as "Target (G)". */
  extra: string[];
}

/**
 * The unit column: a unit heading whose cells hold at least one unit word, so a "Type" column of
 * "Statutory" and "Local" is not taken for one.
 */
function findUnitColumn(header: Cell[], rows: Cell[][], indicatorCol: number) {
  return header.findIndex(
    (c, col) => col !== indicatorCol && KEY_COLUMNS.unit.includes(norm(cellText(c))) && rows.some((r) => unitsOf(cellText(r[col])) !== undefined),
  );
}

function layout(header: Cell[], body: Cell[][], quarter: Period): Layout {
  const find = (names: string[], skip: number[] = []) => header.findIndex((c, col) => !skip.includes(col) && names.includes(norm(cellText(c))));
  // "Measure" names the indicators only when no other heading does.
  const named = find(KEY_COLUMNS.indicator.filter((n) => n !== 'measure'));
  const indicatorCol = Math.max(0, named >= 0 ? named : find(['measure']));
  const areaCol = find(KEY_COLUMNS.area);
  const breakdownCol = find(KEY_COLUMNS.breakdown);
  const unitCol = findUnitColumn(header, body, indicatorCol);
  const noteCol = find(KEY_COLUMNS.note, [indicatorCol]);
  const keys = [indicatorCol, areaCol, breakdownCol, unitCol, noteCol];
  const periodCols: Layout['periodCols'] = [];
  const extra: string[] = [];
  header.forEach((cell, col) => {
    if (keys.includes(col)) return;
    const period = periodFromHeading(cell);
    // Only this quarter's periods, and its financial year in Q4: other columns belong to other files.
    if (period) periodCols.push({ col, period, inQuarter: period.end >= quarter.start && period.end <= quarter.end });
    else if (cellText(cell)) extra.push(`${cellText(cell)} (${columnLetter(col)})`);
  });
  return { indicatorCol, areaCol, breakdownCol, unitCol, noteCol, periodCols, extra };
}

/** Footnotes under the table ("* provisional", or "*" and "provisional" in two cells), by marker. */
function findFootnotes(rows: Cell[][], from: number, periodCols: Layout['periodCols']) {
  const footnotes = new Map<string, { text: string; row: number }>();
  for (let r = from; r < rows.length; r++) {
    if (periodCols.some(({ col }) => looksNumeric(rows[r]?.[col]))) continue;
    const m = FOOTNOTE_RE.exec(rows[r].map(cellText).filter(Boolean).join(' '));
    if (m && !footnotes.has(m[1])) footnotes.set(m[1], { text: m[2], row: r });
  }
  return footnotes;
}

/** Distinct texts of a sheet's period cells, when none of them is a number: a sheet of RAG ratings. */
function textOnly(body: Cell[][], periodCols: Layout['periodCols']): string[] | undefined {
  const cells = body.flatMap((row) => periodCols.map(({ col }) => row[col])).filter((c) => cellText(c) !== '');
  // A sheet of '-' and n/a only is a sheet of figures not yet available, written as x.
  const symbol = (c: Cell) => NOT_AVAILABLE.has(cellText(c).toLowerCase()) || SYMBOL_RE.test(cellText(c));
  if (!cells.length || cells.some(looksNumeric) || cells.every(symbol)) return undefined;
  return [...new Set(cells.map(cellText))];
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Imports one sheet (a CSV, or a workbook's first sheet). */
export function importSheet(content: Content, sheet: Cell[][], quarterText: string, sourceName: string): ImportResult {
  return importSheets(content, [{ name: '', rows: sheet }], quarterText, sourceName);
}

/** What every sheet shares while the workbook is imported. */
interface Run {
  content: Content;
  quarter: Period;
  sourceName: string;
  sheetNames: string[];
  byId: Map<string, Indicator>;
  byTitle: Map<string, Indicator>;
  skipped: string[];
  notes: string[];
  out: Record<string, string>[];
  /** Where each indicator/period/area/breakdown was first given, to refuse a second. */
  seen: Map<string, string>;
}

/** Imports every sheet of a workbook into one quarter's file. */
export function importSheets(content: Content, sheets: Sheet[], quarterText: string, sourceName: string): ImportResult {
  const run: Run = {
    content,
    quarter: parseQuarter(quarterText),
    sourceName,
    sheetNames: sheets.map((s) => s.name),
    byId: new Map(content.indicators.map((i) => [i.id, i])),
    byTitle: new Map(content.indicators.map((i) => [norm(i.title), i])),
    skipped: [],
    notes: [],
    out: [],
    seen: new Map(),
  };
  for (const sheet of sheets) importOneSheet(run, sheet);
  const csv = Papa.unparse({ fields: [...BASIC_COLUMNS], data: run.out.map((r) => BASIC_COLUMNS.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
  return { file: quarterFile(run.quarter), csv, rows: run.out.length, skipped: run.skipped, notes: run.notes };
}

/** The sheet's place in messages: the file, and the sheet's name where a workbook has several. */
const sheetWhere = (run: Run, sheet: Sheet) => (run.sheetNames.length > 1 ? `${run.sourceName} (sheet ${sheet.name})` : run.sourceName);

/** A cell in messages, as Excel names it: "Performance.xlsx 'Social care'!C7", "sheet.csv C7". */
const cellWhere = (run: Run, sheet: Sheet, row: number, col: number) => `${run.sourceName} ${sheet.name ? `${sheetRef(sheet.name)}!` : ''}${address(row, col)}`;

function importOneSheet(run: Run, given: Sheet) {
  const sheet = { ...given, rows: datedMonths(given.rows) };
  const where = sheetWhere(run, sheet);
  const headerIndex = findHeader(sheet.rows);
  if (headerIndex < 0) {
    if (run.sheetNames.length > 1) run.notes.push(`${where}: no row of period headings, so the sheet was not imported`);
    else run.skipped.push(`${cellWhere(run, sheet, 0, 0)}: no row of period headings found; the sheet needs a row naming the indicator column, then one column per period, such as Apr 2020, 2020-04 or 2020/21 Q1`);
    return;
  }
  const body = sheet.rows.slice(headerIndex + 1);
  const cols = layout(sheet.rows[headerIndex], body, run.quarter);
  if (!cols.periodCols.length) {
    const message = `row ${headerIndex + 1} has the headings, but none of them is a month, quarter or year; head each period's column as Apr 2020, 2020-04, 2020/21 Q1 or 2020/21 (a month alone, such as April, needs its year in the row above)`;
    if (run.sheetNames.length > 1) run.notes.push(`${where}: ${message}, so the sheet was not imported`);
    else run.skipped.push(`${cellWhere(run, sheet, headerIndex, 0)}: ${message}`);
    return;
  }
  const texts = textOnly(body, cols.periodCols);
  if (texts) {
    const others = run.sheetNames.filter((n) => n !== sheet.name);
    run.notes.push(
      `${where}: has no figures under its period headings, only text such as ${texts.slice(0, 3).map((t) => `"${t.slice(0, 20)}"`).join(', ')} (RAG ratings?), so the sheet was not imported${others.length ? `; to import one sheet only, name it: --sheet "${others[0]}"` : ''}`,
    );
    return;
  }
  if (headerIndex > 0) {
    const title = sheet.rows.slice(0, headerIndex).map((r) => r.map(cellText).filter(Boolean).join(' ')).filter(Boolean)[0];
    run.notes.push(`${where}: ${headerIndex === 1 ? 'row 1' : `rows 1 to ${headerIndex}`}, above the headings on row ${headerIndex + 1}, ${headerIndex === 1 ? 'was' : 'were'} not imported${title ? ` ("${title.slice(0, 60)}")` : ''}`);
  }
  if (cols.extra.length) run.notes.push(`${where}: ${plural(cols.extra.length, 'column', 'columns')} ${cols.extra.join(', ')} ${plural(cols.extra.length, 'is not a period, so it was', 'are not periods, so they were')} not imported`);
  const outside = cols.periodCols.filter((p) => !p.inQuarter).map((p) => p.period.label);
  if (outside.length) run.notes.push(`${where}: columns outside ${run.quarter.label} were not imported (${outside.join(', ')}); import them with the quarter they belong to`);
  const footnotes = findFootnotes(sheet.rows, headerIndex + 1, cols.periodCols);
  const footnoteRows = new Set([...footnotes.values()].map((f) => f.row));
  const headings: number[] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    if (footnoteRows.has(r)) continue;
    if (importRow(run, sheet, cols, footnotes, r) === 'heading') headings.push(r + 1);
  }
  if (headings.length) run.notes.push(`${where}: ${plural(headings.length, 'row', 'rows')} ${headings.join(', ')} ${plural(headings.length, 'has', 'have')} text but no figures (a heading?), so ${plural(headings.length, 'it was', 'they were')} not imported`);
  if (footnotes.size) run.notes.push(`${where}: ${[...footnotes].map(([m, f]) => `row ${f.row + 1} is footnote ${m} ("${f.text.slice(0, 40)}")`).join(', ')}, written as the note of each figure marked with it`);
}

/** One row of the sheet; 'heading' for a row of text with no figures. */
function importRow(run: Run, sheet: Sheet, cols: Layout, footnotes: Map<string, { text: string; row: number }>, r: number): 'heading' | undefined {
  const row = sheet.rows[r];
  const at = (col: number, message: string) => run.skipped.push(`${cellWhere(run, sheet, r, col)}: ${message}`);
  const { text: name, marker: nameMarker } = splitMarker(cellText(row[cols.indicatorCol]));
  const values = cols.periodCols.filter((p) => p.inQuarter).map((p) => ({ ...p, cell: row[p.col] })).filter((v) => cellText(v.cell) !== '');
  if (!name) {
    if (values.length) at(cols.indicatorCol, `this row has figures but no indicator; write the indicator's id or title in column ${columnLetter(cols.indicatorCol)}`);
    // A section heading may sit in the Ref column, left of the indicators: still only a heading.
    return row.some((c) => cellText(c) !== '') ? 'heading' : undefined;
  }
  const { indicator, unitInName } = findIndicator(run, name);
  if (!indicator) {
    // A section heading ("Children in care") has no figures: say so once, not as a mistake.
    if (!values.length && cols.periodCols.length) return 'heading';
    at(cols.indicatorCol, unknownIndicator(run, name));
    return;
  }
  const keys = rowKeys(row, cols, indicator);
  if ('problem' in keys) return void at(keys.col, keys.problem);
  const unitCell = cols.unitCol >= 0 ? cellText(row[cols.unitCol]) : '';
  const unitProblem = unitCell && checkUnit(unitCell, indicator, `write ${UNIT_LABEL[indicator.unit]} in ${address(r, cols.unitCol)}`);
  if (unitProblem) return void at(cols.unitCol, unitProblem);
  const nameProblem = unitInName && checkUnit(unitInName, indicator, `write the name as "${indicator.title} (${UNIT_LABEL[indicator.unit]})"`);
  if (nameProblem) return void at(cols.indicatorCol, nameProblem);
  const figures = rowFigures(sheet, r, indicator, keys.area, values, at);
  if (indicator.unit === 'percent') {
    const fraction = fractionProblem(indicator, figures);
    if (fraction) return void at(fraction.col, fraction.problem);
  }
  const rowNote = cols.noteCol >= 0 ? cellText(row[cols.noteCol]) : '';
  for (const { col, period, cell, figure } of figures) {
    const markers = [nameMarker, figure.marker].filter((m): m is string => m !== undefined);
    const missing = markers.find((m) => !footnotes.has(m));
    if (missing) {
      at(missing === nameMarker ? cols.indicatorCol : col, `"${cellText(missing === nameMarker ? row[cols.indicatorCol] : cell)}" is marked ${missing}, but there is no footnote starting ${missing} under the table, so ${indicator.id} ${period.label} was not imported; add the footnote (such as "${missing} provisional") or remove the ${missing}`);
      continue;
    }
    const note = [rowNote, ...markers.map((m) => footnotes.get(m)!.text)].filter(Boolean).join('; ');
    addFigure(run, { indicator, period, area: keys.area, breakdown: keys.breakdown, value: figure.value, note }, cellWhere(run, sheet, r, col));
  }
}

/** A cell of the quarter under a period heading. */
type PeriodCell = { col: number; period: Period; cell: Cell };
type RowFigure = PeriodCell & { figure: Figure };

/** The row's figures that read rightly; each other cell is reported where it stands. */
function rowFigures(sheet: Sheet, r: number, indicator: Indicator, area: string, values: PeriodCell[], at: (col: number, message: string) => void): RowFigure[] {
  // A local figure must have the indicator's own frequency; a comparator may also be yearly.
  const kind = FREQUENCY_KIND[indicator.frequency];
  const fits = (p: Period) => p.kind === kind || (area !== 'local' && p.kind === 'year');
  const misplaced = values.filter((v) => !fits(v.period));
  if (misplaced.length) {
    at(misplaced[0].col, `${indicator.id} is ${indicator.frequency}, so its figures under ${misplaced.map((v) => v.period.label).join(', ')} were not imported; put them under a ${kind} column, such as ${{ month: 'Apr 2020', quarter: '2020/21 Q1', year: '2020/21' }[kind]}`);
  }
  const figures: RowFigure[] = [];
  for (const v of values.filter((v) => fits(v.period))) {
    const figure = readFigure(v.cell, sheet.formats?.[address(r, v.col)], indicator);
    if ('problem' in figure) at(v.col, `"${cellText(v.cell)}" for ${indicator.id} ${v.period.label} ${figure.problem}; that value was not imported`);
    else figures.push({ ...v, figure });
  }
  return figures;
}

/** Adds one figure, unless the same indicator, period, area and breakdown was given before. */
function addFigure(run: Run, f: { indicator: Indicator; period: Period; area: string; breakdown: string; value: string; note: string }, where: string) {
  const key = `${f.indicator.id}|${f.period.label}|${f.area}|${f.breakdown}`;
  const first = run.seen.get(key);
  if (first) {
    run.skipped.push(`${where}: ${f.indicator.id} ${f.period.label}${f.area === 'local' ? '' : ` ${f.area}`}${f.breakdown ? ` ${f.breakdown}` : ''} was already given at ${first}; keep one, so the figure published is the one you mean`);
    return;
  }
  run.seen.set(key, where);
  run.out.push({ indicator: f.indicator.id, period: f.period.label, area: f.area === 'local' ? '' : f.area, breakdown: f.breakdown, value: f.value, note: f.note });
}

function unknownIndicator(run: Run, name: string) {
  const id = nearest(name, run.byId.keys());
  const title = nearest(norm(name), run.byTitle.keys());
  const guess = id ?? (title && run.byTitle.get(title)!.id);
  return `"${name}" is not an indicator id or title, so the row was not imported; ${guess ? `did you mean ${guess} ("${run.byId.get(guess)!.title}")?` : 'write the id (the file name in content/indicators/) or the title exactly as it is there'}`;
}

/** The row's area and breakdown, or the cell that names neither rightly. */
function rowKeys(row: Cell[], cols: Layout, indicator: Indicator): { area: string; breakdown: string } | { col: number; problem: string } {
  const areaText = cols.areaCol >= 0 ? norm(cellText(row[cols.areaCol])) : '';
  const area = AREA_WORDS[areaText] ?? (AREAS as readonly string[]).find((a) => a === areaText.replace(/ /g, '-'));
  if (!area) return { col: cols.areaCol, problem: `area "${cellText(row[cols.areaCol])}" is not one of ${AREAS.join(', ')}; write one of them (or leave it empty for the council's own figures); the row was not imported` };
  const breakdownText = cols.breakdownCol >= 0 ? cellText(row[cols.breakdownCol]) : '';
  if (!indicator.categories) {
    if (breakdownText) return { col: cols.breakdownCol, problem: `${indicator.id} has no categories, but the row gives "${breakdownText}"; the row was not imported` };
    return { area, breakdown: '' };
  }
  const breakdown = Object.keys(indicator.categories).find((k) => k === breakdownText || norm(indicator.categories![k]) === norm(breakdownText));
  if (!breakdown) {
    return { col: cols.breakdownCol >= 0 ? cols.breakdownCol : cols.indicatorCol, problem: `${indicator.id} is broken down by category, but "${breakdownText}" is not one of ${Object.keys(indicator.categories).join(', ')}; the row was not imported` };
  }
  return { area, breakdown };
}

/**
 * A unit (in the unit column, or in brackets after the name) must agree with the indicator: a count row that shares a percentage's name
 * ("No." beside "%" for the same measure, as reports set them out) would otherwise be published
 * as the percentage.
 */
function checkUnit(found: string, indicator: Indicator, fix: string): string | undefined {
  const units = unitsOf(found);
  if (!units) {
    return `the unit "${found}" is not one the import knows, so the row was not imported; ${indicator.id} is ${unitWords(indicator.unit)}: if the row is, ${fix}, otherwise leave the row out`;
  }
  if (units.includes(indicator.unit)) return undefined;
  const what = units.length > 1 ? 'an average' : unitWords(units[0]);
  return `the unit is "${found}" (${what}), but ${indicator.id} ("${indicator.title}") is ${unitWords(indicator.unit)}, so the row was not imported; if the row is ${unitWords(indicator.unit)}, ${fix}; if it is ${what}, it is not this indicator: leave it out, or add an indicator for it to content/indicators/`;
}

/**
 * The indicator a row names, by id or title; a title may end with its unit in brackets, as
 * reports write "Re-referrals within 12 months (%)", and that unit is then checked as well.
 */
function findIndicator(run: Run, name: string): { indicator?: Indicator; unitInName?: string } {
  const exact = run.byId.get(name) ?? run.byTitle.get(norm(name));
  if (exact) return { indicator: exact };
  const m = /^(.*?\S)\s*\(([^()]+)\)$/.exec(name);
  if (!m || unitsOf(m[2]) === undefined) return {};
  const indicator = run.byId.get(m[1]) ?? run.byTitle.get(norm(m[1]));
  return indicator ? { indicator, unitInName: m[2] } : {};
}

/**
 * A percentage row in the General format must be written from 0 to 100 throughout: 0.45 beside
 * 38.5 and 52.4 is a fraction typed by mistake (45%), and a row from 0 to 1 is a sheet of
 * fractions; either would be published a hundred times too small. Percent-formatted cells and
 * text such as "0.45%" say what they are, so they are left alone.
 */
function fractionProblem(indicator: Indicator, figures: RowFigure[]) {
  const plain = figures.filter((f) => f.figure.how === 'number').map((f) => ({ ...f, n: Number(f.figure.value) }));
  const fractions = plain.filter((f) => f.n > 0 && f.n < 1);
  if (!fractions.length) return undefined;
  // Beside a figure over 1, however it was written, a fraction is the odd one out.
  const over = figures.filter((f) => f.figure.how !== 'symbol' && Number(f.figure.value) > 1);
  if (!over.length) {
    return { col: fractions[0].col, problem: `${indicator.id} is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825), or format the cells as Percentage. The row was not imported` };
  }
  const odd = fractions[0];
  const shown = tidy(odd.n * 100);
  return {
    col: odd.col,
    problem: `${odd.figure.value} for ${indicator.id} ${odd.period.label} looks like a fraction (${shown}%) among percentages written from 0 to 100 (${over.slice(0, 2).map((f) => f.figure.value).join(', ')}), so the row was not imported; write ${shown} if it is ${shown}%, or type "${odd.figure.value}%" if it really is ${odd.figure.value}%`,
  };
}
