/**
 * Periods: months (`2018-06`), financial quarters (`2018/19 Q1`) and financial years (`2018/19`).
 * Every period is reduced to a span of months counted from year 0 (`year * 12 + month - 1`), so
 * ordering and "ends after" questions are plain integer comparisons.
 */

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** The canonical text, as the content format writes it. */
  label: string;
  /** First month of the period (inclusive), as a month index. */
  start: number;
  /** Last month of the period (inclusive), as a month index. */
  end: number;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH_SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));

export const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
export const monthYear = (index: number) => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });

/** The month index of April in the financial year that starts in `startYear`. */
const fyStart = (startYear: number) => monthIndex(startYear, 4);

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^(\d{4})\/(\d{2})$/;
const QUARTER_RE = /^(\d{4})\/(\d{2}) Q([1-4])$/;

/** Parses a period as the content format writes it; returns undefined when it is not one. */
export function parsePeriod(text: string): Period | undefined {
  const s = text.trim();
  let m = MONTH_RE.exec(s);
  if (m) {
    const i = monthIndex(Number(m[1]), Number(m[2]));
    return { kind: 'month', label: s, start: i, end: i };
  }
  m = QUARTER_RE.exec(s);
  if (m && consecutive(m[1], m[2])) {
    const q = Number(m[3]);
    const start = fyStart(Number(m[1])) + (q - 1) * 3;
    return { kind: 'quarter', label: s, start, end: start + 2 };
  }
  m = YEAR_RE.exec(s);
  if (m && consecutive(m[1], m[2])) {
    const start = fyStart(Number(m[1]));
    return { kind: 'year', label: s, start, end: start + 11 };
  }
  return undefined;
}

function consecutive(first: string, second: string) {
  return (Number(first) + 1) % 100 === Number(second);
}

/** The financial year label, such as `2018/19`, for the year starting in April of `startYear`. */
export function financialYearLabel(startYear: number) {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial quarter containing a month index. */
export function quarterOf(month: number): Period {
  const { year, month: m } = monthYear(month);
  const startYear = m >= 4 ? year : year - 1;
  const q = Math.floor((month - fyStart(startYear)) / 3) + 1;
  return parsePeriod(`${financialYearLabel(startYear)} Q${q}`)!;
}

/** The financial year containing a month index. */
export function yearOf(month: number): Period {
  const { year, month: m } = monthYear(month);
  return parsePeriod(financialYearLabel(m >= 4 ? year : year - 1))!;
}

export function monthPeriod(index: number): Period {
  const { year, month } = monthYear(index);
  return parsePeriod(`${year}-${String(month).padStart(2, '0')}`)!;
}

/** The period of the same kind `months` months away: the previous quarter, a year earlier. */
export function shiftPeriod(p: Period, months: number): Period {
  const start = p.start + months;
  if (p.kind === 'month') return monthPeriod(start);
  if (p.kind === 'quarter') return quarterOf(start);
  return yearOf(start);
}

/** The period kind each indicator frequency publishes. */
export const FREQUENCY_KIND = { monthly: 'month', quarterly: 'quarter', annual: 'year' } as const;

/** Plain-English name for a period: "June 2018", "2018/19 Q1 (April to June 2018)", "2018/19". */
export function periodName(p: Period): string {
  if (p.kind === 'month') {
    const { year, month } = monthYear(p.start);
    return `${MONTH_NAMES[month - 1]} ${year}`;
  }
  if (p.kind === 'quarter') {
    const a = monthYear(p.start);
    const b = monthYear(p.end);
    return `${p.label} (${MONTH_NAMES[a.month - 1]} to ${MONTH_NAMES[b.month - 1]} ${b.year})`;
  }
  return `${p.label} (April ${monthYear(p.start).year} to March ${monthYear(p.end).year})`;
}

/** Short name for chart axes and table headers: "Jun 2018", "2018/19 Q1", "2018/19". */
export function periodShortName(p: Period): string {
  if (p.kind === 'month') {
    const { year, month } = monthYear(p.start);
    return `${MONTH_SHORT[month - 1]} ${year}`;
  }
  return p.label;
}

/** Orders periods by when they end, then the longer first. */
export function comparePeriods(a: Period, b: Period) {
  return a.end - b.end || b.end - b.start - (a.end - a.start);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string) {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "6 September 2018" from "2018-09-06". */
export function formatDate(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * Days, for the dates that version 1.1 of the format gives observations (rule 1): written as one
 * comparable number, `year * 10000 + month * 100 + day`, so "on or before" is an integer comparison.
 */
export type DayNumber = number;

export const dayNumber = (year: number, month: number, day: number): DayNumber => year * 10000 + month * 100 + day;

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of the month with this month index. */
export function lastDayOf(month: number): DayNumber {
  const { year, month: m } = monthYear(month);
  return dayNumber(year, m, daysInMonth(year, m));
}

/** "2018-09-13" as a day number. */
export function dayOfIsoDate(iso: string): DayNumber {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y, m, d);
}

/** "31 March 2024" from a day number. */
export function dayName(day: DayNumber): string {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  return `${day % 100} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "31 Mar 2024", for axes and table headers. */
export function dayShortName(day: DayNumber): string {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  return `${day % 100} ${MONTH_SHORT[month - 1]} ${year}`;
}

/** The month index of a day number. */
export const monthOfDay = (day: DayNumber) => monthIndex(Math.floor(day / 10000), Math.floor(day / 100) % 100);

const MONTH_DAY_RE = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A snapshot day written "MM-DD" ("09-30"), or undefined when it is not a day of the year. */
export function parseMonthDay(text: string): { month: number; day: number } | undefined {
  const m = MONTH_DAY_RE.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  // 29 February exists in leap years only, so a yearly snapshot on it would move: not allowed.
  if (day > daysInMonth(2023, month)) return undefined;
  return { month, day };
}

/**
 * The day an observation is dated (rule 1 of version 1.1): the last day of its period or, with a
 * snapshot day, the last such day inside the period. A period that holds no such day (a quarter
 * of April to June, for a census taken on 30 September) is dated by its last day.
 */
export function observationDay(period: Period, snapshot?: { month: number; day: number }): DayNumber {
  if (snapshot) {
    for (let month = period.end; month >= period.start; month--) {
      if (monthYear(month).month === snapshot.month) return dayNumber(monthYear(month).year, snapshot.month, snapshot.day);
    }
  }
  return lastDayOf(period.end);
}

/** The quarter before this one. */
export const quarterBefore = (q: Period) => quarterOf(q.start - 1);

/** The month index of a date written YYYY-MM-DD. */
export function monthOfIsoDate(iso: string) {
  const [y, m] = iso.split('-').map(Number);
  return monthIndex(y, m);
}
