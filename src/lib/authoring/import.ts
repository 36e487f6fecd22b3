/**
 * Converts a wide performance spreadsheet (indicators as rows, periods as columns) into a quarter
 * CSV. Rows and columns it cannot map are reported, never guessed: a figure under the wrong
 * indicator or month would publish a wrong number.
 */
import Papa from 'papaparse';
import type { Content, Indicator } from '../model';
import { BASIC_COLUMNS, AREAS } from '../schemas/data-row';
import { monthPeriod, parsePeriod, type Period } from '../periods';
import { nearest } from '../content/suggest';
import { parseQuarter, quarterFile } from './new-quarter';

export type Cell = string | number | boolean | Date | null | undefined;

export interface ImportResult {
  file: string;
  csv: string;
  rows: number;
  /** `where: message` lines for what was not imported. */
  skipped: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A period from a column heading: 2020-04, Apr 2020, April 2020, an Excel date, 2020/21 Q1, Q1 2020/21, 2020/21. */
export function periodFromHeading(cell: Cell): Period | undefined {
  if (cell instanceof Date) return monthPeriod(cell.getUTCFullYear() * 12 + cell.getUTCMonth());
  const text = String(cell ?? '').trim();
  const direct = parsePeriod(text);
  if (direct) return direct;
  const named = /^([A-Za-z]{3,9})[\s-]+(\d{4})$/.exec(text);
  if (named) {
    const m = MONTHS.indexOf(named[1].slice(0, 3).toLowerCase());
    if (m >= 0 && (named[1].length === 3 || 'january february march april may june july august september october november december'.split(' ')[m] === named[1].toLowerCase())) {
      return monthPeriod(Number(named[2]) * 12 + m);
    }
  }
  const q = /^Q([1-4])\s+(\d{4}\/\d{2})$/i.exec(text);
  if (q) return parsePeriod(`${q[2]} Q${q[1]}`);
  return undefined;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Header cells that name the key columns rather than periods. */
const KEY_COLUMNS = { indicator: ['indicator', 'indicator id', 'measure', 'kpi'], area: ['area'], breakdown: ['breakdown', 'category'] };

export function importSheet(content: Content, sheet: Cell[][], quarterText: string, sourceName: string): ImportResult {
  const quarter = parseQuarter(quarterText);
  const skipped: string[] = [];
  const at = (row: number, col: number, message: string) => skipped.push(`${sourceName}:${row}:${col}: ${message}`);

  const headerIndex = sheet.findIndex((row) => row.some((c) => periodFromHeading(c)));
  if (headerIndex < 0) {
    at(1, 1, 'no row of period headings found; the first row should name the indicator column, then one column per period, such as 2020-04 or Apr 2020');
    return { file: quarterFile(quarter), csv: '', rows: 0, skipped };
  }
  const header = sheet[headerIndex];
  const find = (names: string[]) => header.findIndex((c) => names.includes(norm(String(c ?? ''))));
  const indicatorCol = Math.max(0, find(KEY_COLUMNS.indicator));
  const areaCol = find(KEY_COLUMNS.area);
  const breakdownCol = find(KEY_COLUMNS.breakdown);

  const byId = new Map(content.indicators.map((i) => [i.id, i]));
  const byTitle = new Map(content.indicators.map((i) => [norm(i.title), i]));
  const periodCols: { col: number; period: Period }[] = [];
  const outside: string[] = [];
  header.forEach((cell, col) => {
    if ([indicatorCol, areaCol, breakdownCol].includes(col)) return;
    const period = periodFromHeading(cell);
    if (!period) {
      if (String(cell ?? '').trim()) at(headerIndex + 1, col + 1, `column heading "${String(cell).trim()}" is not a period, so the column was not imported; write a month as 2020-04 or Apr 2020, a quarter as 2020/21 Q1`);
      return;
    }
    // Only this quarter's periods, and its financial year in Q4: other columns belong to other files.
    const inQuarter = period.end >= quarter.start && period.end <= quarter.end;
    if (inQuarter) periodCols.push({ col, period });
    else outside.push(period.label);
  });
  if (outside.length) skipped.push(`${sourceName}: columns outside ${quarter.label} were not imported (${outside.join(', ')}); import them with the quarter they belong to`);

  const out: Record<string, string>[] = [];
  for (let r = headerIndex + 1; r < sheet.length; r++) {
    const row = sheet[r];
    const name = String(row[indicatorCol] ?? '').trim();
    if (!name) continue;
    const indicator: Indicator | undefined = byId.get(name) ?? byTitle.get(norm(name));
    if (!indicator) {
      const guess = nearest(name, [...byId.keys()]) ?? content.indicators.find((i) => i.title === nearest(name, content.indicators.map((x) => x.title)))?.id;
      at(r + 1, indicatorCol + 1, `"${name}" is not an indicator id or title, so the row was not imported${guess ? `; did you mean ${guess}?` : '; use the id or the title from content/indicators/'}`);
      continue;
    }
    const areaText = areaCol >= 0 ? norm(String(row[areaCol] ?? '')).replace(/ /g, '-') : '';
    const area = areaText === '' || areaText === 'local' ? 'local' : areaText;
    if (!(AREAS as readonly string[]).includes(area)) {
      at(r + 1, areaCol + 1, `area "${row[areaCol]}" is not one of ${AREAS.join(', ')}; the row was not imported`);
      continue;
    }
    const breakdownText = breakdownCol >= 0 ? String(row[breakdownCol] ?? '').trim() : '';
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
    const values = periodCols.map(({ col, period }) => ({ col, period, cell: row[col] }));
    const numbers = values.filter((v) => typeof v.cell === 'number').map((v) => v.cell as number);
    if (indicator.unit === 'percent' && numbers.length > 0 && numbers.every((n) => n > 0 && n < 1)) {
      at(r + 1, indicatorCol + 1, `${indicator.id} is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825). The row was not imported`);
      continue;
    }
    for (const { col, period, cell } of values) {
      if (cell === null || cell === undefined || String(cell).trim() === '') continue;
      let value: string;
      if (typeof cell === 'number') value = String(cell);
      else if (/^-?\d+(\.\d+)?$/.test(String(cell).trim())) value = String(cell).trim();
      else {
        at(r + 1, col + 1, `"${String(cell)}" for ${indicator.id} ${period.label} is not a number; that value was not imported`);
        continue;
      }
      out.push({ indicator: indicator.id, period: period.label, area: area === 'local' ? '' : area, breakdown, value });
    }
  }
  const csv = Papa.unparse({ fields: [...BASIC_COLUMNS], data: out.map((r) => BASIC_COLUMNS.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
  return { file: quarterFile(quarter), csv, rows: out.length, skipped };
}
