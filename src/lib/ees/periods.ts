/**
 * EES time periods in the content format's terms (version 1.1, rule 6). "Reporting year" and
 * "Financial year" N are the year to 31 March N; with a snapshot day (a census on 30 September),
 * that day in calendar year N. "Academic year" 202324 ends on 31 August 2024 and "Calendar year"
 * 2024 on 31 December 2024; they take the financial year holding their end. Anything else is not
 * guessed: the caller skips it with the reason given.
 */
import { financialYearLabel, monthIndex, parsePeriod, yearOf, type Period } from '../periods';

export type EesPeriod = { period: Period } | { reason: string };

/** "2024" or "202324" (the second year is the one that ends): the year it ends in, or undefined. */
function endingYear(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  const m = /^(\d{4})(\d{2})$/.exec(text);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return Number(m[1]) + 1;
  return undefined;
}

export function eesPeriod(timePeriod: string, timeIdentifier: string, snapshot?: { month: number; day: number }): EesPeriod {
  const id = timeIdentifier.trim();
  const year = endingYear(timePeriod.trim());
  const unreadable = { reason: `time_period "${timePeriod}" with time_identifier "${timeIdentifier}" is not a year this import understands, so it was not guessed` };
  if (year === undefined) return unreadable;
  if (id === 'Reporting year' || id === 'Financial year') {
    // A census on a day of the year: that day in calendar year N, in the financial year holding it.
    if (snapshot) return { period: yearOf(monthIndex(year, snapshot.month)) };
    return { period: parsePeriod(financialYearLabel(year - 1))! };
  }
  if (id === 'Academic year') {
    if (!/^\d{6}$/.test(timePeriod.trim())) return unreadable;
    return { period: yearOf(monthIndex(year, 8)) };
  }
  if (id === 'Calendar year') {
    if (!/^\d{4}$/.test(timePeriod.trim())) return unreadable;
    return { period: yearOf(monthIndex(year, 12)) };
  }
  return { reason: `time_identifier "${timeIdentifier}" is not one this import maps to a financial year (Reporting year, Financial year, Academic year or Calendar year), so it was not guessed` };
}
