/**
 * Converts a wide performance spreadsheet (indicators as rows, periods as columns) into a quarter
 * CSV. It reads what performance teams actually send: a title row above the headings, month
 * headings as dates or as text ('Apr-21', 'April 2021'), '86.2%' typed into a percentage, '-' or
 * 'n/a' where there is no figure (written as x), DfE's symbols ('[c]', 'z'), indicator titles rather than ids, Target/RAG/Comments columns and
 * several sheets. Cells it cannot map are reported with what was found and what to write instead,
 * never guessed: a figure under the wrong indicator or month would publish a wrong number.
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

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const cellText = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? '').trim());

/** Header cells that name the key columns rather than periods. */
const KEY_COLUMNS = {
  indicator: ['indicator', 'indicator id', 'indicator title', 'indicator name', 'measure', 'kpi', 'performance indicator', 'id', 'title'],
  area: ['area', 'comparator'],
  breakdown: ['breakdown', 'category'],
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
/** What a performance team types where there is no figure: written as x, DfE's "not available". */
const NOT_AVAILABLE = new Set(['-', '\u2013', '\u2014', 'n/a', 'na', 'n.a.', '..', ':', 'not available']);
/** DfE's symbols (content format 1.1), as written or in brackets as spreadsheets show them. */
const SYMBOL_RE = /^\[?(c|x|z|low|k|u)\]?$/i;
/** Ways of hiding a small number that are not DfE's symbol: the figure cannot be published as it is. */
const HIDDEN = new Set(['*', '<5', '< 5', 'supp', 'suppressed']);
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

type Read = { value: string } | { problem: string };

/** One figure, as the data file wants it, or what is wrong with it in words. */
function readFigure(cell: Cell, indicator: Indicator): Read {
  if (typeof cell === 'number') {
    // Twelve significant digits: a spreadsheet's 0.1 + 0.2 is 0.30000000000000004.
    return { value: String(Number(cell.toPrecision(12))) };
  }
  if (cell instanceof Date) return { problem: 'is a date, not a figure; format the cell as a number' };
  if (typeof cell === 'boolean') return { problem: `is ${cell ? 'TRUE' : 'FALSE'}, not a figure; type the number` };
  const text = String(cell).trim();
  const lower = text.toLowerCase();
  if (NOT_AVAILABLE.has(lower)) return { value: 'x' };
  const symbol = SYMBOL_RE.exec(lower);
  if (symbol) return { value: symbol[1] };
  if (HIDDEN.has(lower)) {
    return { problem: "hides the figure; type the real number (Scrutineer hides small counts itself, and the hidden number is never published), or c, DfE's symbol, if you do not have it" };
  }
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) {
    if (indicator.unit === 'percent') return { value: percent[1] };
    return { problem: `is a percentage, but ${indicator.id} is measured in ${unitWords(indicator)}; write a plain number without %` };
  }
  const money = /^(-?)£\s*([\d,]+(?:\.\d+)?)$/.exec(text);
  if (money) {
    if (indicator.unit !== 'gbp') return { problem: `is a sum of money, but ${indicator.id} is measured in ${unitWords(indicator)}; write a plain number without £` };
    const plain = thousands(money[2]);
    if (plain !== undefined) return { value: money[1] + plain };
  }
  const plain = thousands(text);
  if (plain !== undefined) return { value: plain };
  return { problem: `is not a number; write a plain number such as 12.5, "-" or n/a where there is no figure, or one of DfE's symbols c, x, z, low or u` };
}

/** "1,200" or "1200.5" as a plain number; undefined when the commas are not thousands separators. */
function thousands(text: string) {
  const stripped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  return NUMBER_RE.test(stripped) ? stripped : undefined;
}

function unitWords(indicator: Indicator) {
  return { count: 'a count', percent: 'per cent', 'rate-per-10000': 'a rate per 10,000', days: 'days', weeks: 'weeks', gbp: 'pounds', ratio: 'a ratio' }[indicator.unit];
}

const columnLetter = (col: number): string => (col < 26 ? '' : columnLetter(Math.floor(col / 26) - 1)) + String.fromCharCode(65 + (col % 26));

/** Finds the row of headings: the first with a period heading and an Indicator heading, or two periods. */
function findHeader(rows: Cell[][]) {
  const periods = (row: Cell[]) => row.filter((c) => periodFromHeading(c)).length;
  const named = (row: Cell[]) => row.some((c) => KEY_COLUMNS.indicator.includes(norm(cellText(c))));
  const best = rows.findIndex((row) => periods(row) > 0 && (named(row) || periods(row) >= 2));
  return best >= 0 ? best : rows.findIndex((row) => periods(row) > 0);
}

/** Imports one sheet (a CSV, or a workbook's first sheet). */
export function importSheet(content: Content, sheet: Cell[][], quarterText: string, sourceName: string): ImportResult {
  return importSheets(content, [{ name: '', rows: sheet }], quarterText, sourceName);
}

/** Imports every sheet of a workbook into one quarter's file. */
export function importSheets(content: Content, sheets: Sheet[], quarterText: string, sourceName: string): ImportResult {
  const quarter = parseQuarter(quarterText);
  const skipped: string[] = [];
  const notes: string[] = [];
  const out: Record<string, string>[] = [];
  const seen = new Map<string, string>();
  const byId = new Map(content.indicators.map((i) => [i.id, i]));
  const byTitle = new Map(content.indicators.map((i) => [norm(i.title), i]));
  const several = sheets.length > 1;

  for (const sheet of sheets) {
    const where = several ? `${sourceName} (sheet ${sheet.name})` : sourceName;
    const at = (row: number, col: number, message: string) => skipped.push(`${where}:${row}:${col}: ${message}`);
    const headerIndex = findHeader(sheet.rows);
    if (headerIndex < 0) {
      if (several) notes.push(`${where}: no row of period headings, so the sheet was not imported`);
      else at(1, 1, 'no row of period headings found; the sheet needs a row naming the indicator column, then one column per period, such as Apr 2020, 2020-04 or 2020/21 Q1');
      continue;
    }
    if (headerIndex > 0) {
      const title = sheet.rows.slice(0, headerIndex).map((r) => r.map(cellText).filter(Boolean).join(' ')).filter(Boolean)[0];
      notes.push(`${where}: ${headerIndex === 1 ? 'row 1' : `rows 1 to ${headerIndex}`}, above the headings on row ${headerIndex + 1}, ${headerIndex === 1 ? 'was' : 'were'} not imported${title ? ` ("${title.slice(0, 60)}")` : ''}`);
    }
    const header = sheet.rows[headerIndex];
    const find = (names: string[]) => header.findIndex((c) => names.includes(norm(cellText(c))));
    const indicatorCol = Math.max(0, find(KEY_COLUMNS.indicator));
    const areaCol = find(KEY_COLUMNS.area);
    const breakdownCol = find(KEY_COLUMNS.breakdown);

    const periodCols: { col: number; period: Period }[] = [];
    const outside: string[] = [];
    const extra: string[] = [];
    header.forEach((cell, col) => {
      if ([indicatorCol, areaCol, breakdownCol].includes(col)) return;
      const period = periodFromHeading(cell);
      if (!period) {
        if (cellText(cell)) extra.push(`${cellText(cell)} (${columnLetter(col)})`);
        return;
      }
      // Only this quarter's periods, and its financial year in Q4: other columns belong to other files.
      if (period.end >= quarter.start && period.end <= quarter.end) periodCols.push({ col, period });
      else outside.push(period.label);
    });
    if (extra.length) notes.push(`${where}: column${extra.length === 1 ? '' : 's'} ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not a period, so ${extra.length === 1 ? 'it was' : 'they were'} not imported`);
    if (outside.length) notes.push(`${where}: columns outside ${quarter.label} were not imported (${outside.join(', ')}); import them with the quarter they belong to`);
    const headings: string[] = [];

    for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      const name = cellText(row[indicatorCol]);
      const values = periodCols.map(({ col, period }) => ({ col, period, cell: row[col] })).filter((v) => cellText(v.cell) !== '');
      if (!name) {
        if (values.length) at(r + 1, indicatorCol + 1, `this row has figures but no indicator; write the indicator's id or title in column ${columnLetter(indicatorCol)}`);
        continue;
      }
      const indicator: Indicator | undefined = byId.get(name) ?? byTitle.get(norm(name));
      if (!indicator) {
        // A section heading ("Children in care") has no figures: say so once, not as a mistake.
        if (!values.length && periodCols.length) {
          headings.push(`${r + 1}`);
          continue;
        }
        const id = nearest(name, byId.keys());
        const title = nearest(norm(name), byTitle.keys());
        const guess = id ?? (title && byTitle.get(title)!.id);
        at(
          r + 1,
          indicatorCol + 1,
          `"${name}" is not an indicator id or title, so the row was not imported; ${guess ? `did you mean ${guess} ("${byId.get(guess)!.title}")?` : 'write the id (the file name in content/indicators/) or the title exactly as it is there'}`,
        );
        continue;
      }
      const areaText = areaCol >= 0 ? norm(cellText(row[areaCol])) : '';
      const area = AREA_WORDS[areaText] ?? (AREAS as readonly string[]).find((a) => a === areaText.replace(/ /g, '-'));
      if (!area) {
        at(r + 1, areaCol + 1, `area "${cellText(row[areaCol])}" is not one of ${AREAS.join(', ')}; write one of them (or leave it empty for the council's own figures); the row was not imported`);
        continue;
      }
      const breakdownText = breakdownCol >= 0 ? cellText(row[breakdownCol]) : '';
      let breakdown = '';
      if (indicator.categories) {
        breakdown = Object.keys(indicator.categories).find((k) => k === breakdownText || norm(indicator.categories![k]) === norm(breakdownText)) ?? '';
        if (!breakdown) {
          at(r + 1, (breakdownCol >= 0 ? breakdownCol : indicatorCol) + 1, `${indicator.id} is broken down by category, but "${breakdownText}" is not one of ${Object.keys(indicator.categories).join(', ')}; the row was not imported`);
          continue;
        }
      } else if (breakdownText) {
        at(r + 1, breakdownCol + 1, `${indicator.id} has no categories, but the row gives "${breakdownText}"; the row was not imported`);
        continue;
      }
      const numbers = values.filter((v) => typeof v.cell === 'number').map((v) => v.cell as number);
      if (indicator.unit === 'percent' && numbers.length > 0 && numbers.every((n) => n > 0 && n < 1)) {
        at(r + 1, indicatorCol + 1, `${indicator.id} is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825). The row was not imported`);
        continue;
      }
      // A local figure must have the indicator's own frequency; a comparator may also be yearly.
      const kind = FREQUENCY_KIND[indicator.frequency];
      const fits = (p: Period) => p.kind === kind || (area !== 'local' && p.kind === 'year');
      const misplaced = values.filter((v) => !fits(v.period));
      if (misplaced.length) {
        at(
          r + 1,
          misplaced[0].col + 1,
          `${indicator.id} is ${indicator.frequency}, so its figures under ${misplaced.map((v) => v.period.label).join(', ')} were not imported; put them under a ${kind} column, such as ${{ month: 'Apr 2020', quarter: '2020/21 Q1', year: '2020/21' }[kind]}`,
        );
      }
      for (const { col, period, cell } of values.filter((v) => fits(v.period))) {
        const figure = readFigure(cell, indicator);
        if ('problem' in figure) {
          at(r + 1, col + 1, `"${cellText(cell)}" for ${indicator.id} ${period.label} ${figure.problem}; that value was not imported`);
          continue;
        }
        const key = `${indicator.id}|${period.label}|${area}|${breakdown}`;
        const first = seen.get(key);
        if (first) {
          at(r + 1, col + 1, `${indicator.id} ${period.label}${area === 'local' ? '' : ` ${area}`}${breakdown ? ` ${breakdown}` : ''} was already given at ${first}; keep one, so the figure published is the one you mean`);
          continue;
        }
        seen.set(key, `${where}:${r + 1}:${col + 1}`);
        out.push({
          indicator: indicator.id,
          period: period.label,
          area: area === 'local' ? '' : area,
          breakdown,
          value: figure.value,
        });
      }
    }
    if (headings.length) notes.push(`${where}: row${headings.length === 1 ? '' : 's'} ${headings.join(', ')} ${headings.length === 1 ? 'has' : 'have'} text but no figures (a heading?), so ${headings.length === 1 ? 'it was' : 'they were'} not imported`);
  }
  const csv = Papa.unparse({ fields: [...BASIC_COLUMNS], data: out.map((r) => BASIC_COLUMNS.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
  return { file: quarterFile(quarter), csv, rows: out.length, skipped, notes };
}
