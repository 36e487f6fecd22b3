import { AREAS, CSV_COLUMNS, DataRowSchema, REQUIRED_COLUMNS, SOURCE_SYMBOLS, STATUSES, type SourceSymbol } from '../schemas/data-row';
import type { Indicator, Observation } from '../model';
import { FREQUENCY_KIND, dayName, lastDayOf, observationDay, parsePeriod, periodName, type Period } from '../periods';
import { excerpt, type ProblemList } from './problems';
import { LIMITS } from '../schemas/limits';
import type { CsvFile } from './csv-file';
import { didYouMean } from './suggest';
import { readsAsFormula } from '../open-data/csv-safe';

const FILE_RE = /^data\/(\d{4})-(\d{2})\/q([1-4])\.csv$/;

/** The financial quarter a data file holds, from its path; undefined when the name is not one. */
export function quarterOfFile(path: string): Period | undefined {
  const m = FILE_RE.exec(path);
  if (!m) return undefined;
  return parsePeriod(`${m[1]}/${m[2]} Q${m[3]}`);
}

export const FILE_NAME_HINT = 'name quarterly files data/<YYYY-YY>/q<1-4>.csv, like data/2018-19/q1.csv for April to June 2018';

const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const WHOLE_RE = /^\d+$/;

/** Suggests the plain number a person probably meant: "12.5%" → 12.5, "£1,200" → 1200. */
function plainNumber(text: string) {
  const cleaned = text.replace(/[%£,\s]/g, '').replace(/^\+/, '');
  return NUMBER_RE.test(cleaned) ? cleaned : undefined;
}

const SYMBOL_HINT = "or one of DfE's symbols c, x, z, low, k or u";

/** DfE's symbol, as written or in brackets as spreadsheets show it ("[c]"), in any case. */
function asSymbol(text: string): SourceSymbol | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  return (SOURCE_SYMBOLS as readonly string[]).includes(bare) ? (bare as SourceSymbol) : undefined;
}

function notANumber(column: string, text: string) {
  const plain = plainNumber(text);
  const symbol = asSymbol(text.toLowerCase());
  const fix = plain !== undefined ? `write ${plain}` : symbol ? `write the symbol as ${symbol}, in lower case without brackets` : `write a plain number such as 12.5, with no %, £, commas or spaces, ${SYMBOL_HINT}`;
  return `${column} "${excerpt(text)}" is not a number; ${fix}`;
}

/** What to say of a note a spreadsheet would read as a formula. */
function formulaNote(note: string) {
  const first = note.charAt(0);
  const what = first === '\t' ? 'a tab' : first === '\r' ? 'a carriage return' : `"${first}"`;
  return `note "${excerpt(note, 40)}" begins with ${what}, which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead`;
}

/**
 * Checks one file's rows against the indicators and turns them into observations. Rules that
 * span files (duplicates and revisions) are checked afterwards by `checkAcrossFiles`.
 */
export function readDataFile(
  file: string,
  quarter: Period,
  csv: CsvFile,
  indicators: Map<string, Indicator>,
  problems: ProblemList,
  /** Indicators whose own file has problems: their rows are skipped without another message. */
  brokenIndicators: ReadonlySet<string> = new Set(),
): Observation[] {
  const col = (name: string) => csv.columnOf[name] ?? 1;
  for (const name of csv.header) {
    if (name && !(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.add(file, 1, csv.header.indexOf(name) + 1, `unknown column "${excerpt(name)}"; expected one of ${CSV_COLUMNS.join(', ')}${didYouMean(name, CSV_COLUMNS)}`);
    }
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !(c in csv.columnOf));
  if (missing.length) {
    problems.add(file, 1, 1, `the header row has no ${missing.map((c) => `"${c}"`).join(' or ')} column; the first row must name the columns, at least indicator, period and value`);
    return [];
  }

  const out: Observation[] = [];
  for (const { line, cells } of csv.rows) {
    const at = (column: string, message: string) => problems.add(file, line, col(column), message);
    const parsed = DataRowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0]);
        if (issue.code === 'invalid_enum_value') {
          const options = column === 'area' ? AREAS : STATUSES;
          at(column, `${column} "${excerpt(String(issue.received))}" is not allowed; write one of ${options.join(', ')}${column === 'area' ? ' (or leave it empty for local)' : ''}${didYouMean(String(issue.received), options)}`);
        } else if (issue.code === 'invalid_type' && issue.received === 'undefined') {
          at(column, `${column} is empty; ${column === 'indicator' ? 'write an indicator id' : 'write a period such as 2018-06 or 2018/19 Q1'}`);
        } else {
          at(column, `${column}: ${issue.message}`);
        }
      }
      continue;
    }
    const row = parsed.data;
    if (brokenIndicators.has(row.indicator)) continue;
    // Only a warning: the downloads are safe either way (csv-safe.ts), but the published note
    // gains an apostrophe its author did not write. The note is checked as read, after trimming.
    if (row.note !== undefined && readsAsFormula(row.note)) problems.warn(file, line, col('note'), formulaNote(row.note));
    let ok = true;
    const fail = (column: string, message: string) => {
      at(column, message);
      ok = false;
    };

    const indicator = indicators.get(row.indicator);
    if (!indicator) fail('indicator', `unknown indicator "${excerpt(row.indicator)}"${didYouMean(row.indicator, indicators.keys())}${didYouMean(row.indicator, indicators.keys()) ? '' : '; add content/indicators/' + excerpt(row.indicator) + '.yaml or correct the id'}`);

    const period = parsePeriod(row.period);
    if (!period) {
      fail('period', `period "${excerpt(row.period)}" is not a period; write a month as 2018-06, a quarter as 2018/19 Q1 or a financial year as 2018/19`);
    } else if (Number(period.label.slice(0, 4)) < LIMITS.earliestYear) {
      fail('period', `period ${row.period} is before ${LIMITS.earliestYear}, earlier than any children's services figure; check the year`);
    } else if (period.end > quarter.end && !indicator?.snapshotDate) {
      fail('period', `period ${row.period} ends after this file's quarter, ${periodName(quarter)}; move the row to the file for the quarter it belongs to`);
    } else if (indicator) {
      const expected = FREQUENCY_KIND[indicator.frequency];
      const allowed = row.area === 'local' ? [expected] : [expected, 'year'];
      if (!allowed.includes(period.kind)) {
        const example = { month: '2018-06', quarter: '2018/19 Q1', year: '2018/19' }[expected];
        fail(
          'period',
          `period ${row.period} is a ${period.kind}, but ${indicator.id} is ${indicator.frequency}; write a ${expected} such as ${example}${row.area === 'local' ? '' : ', or a financial year for a comparator'}`,
        );
      }
    }

    if (indicator) {
      if (indicator.categories) {
        if (row.breakdown === undefined) fail('breakdown', `breakdown is empty, but ${indicator.id} is broken down by category; write one of ${Object.keys(indicator.categories).join(', ')}`);
        else if (!(row.breakdown in indicator.categories)) {
          const keys = Object.keys(indicator.categories);
          fail('breakdown', `unknown breakdown "${excerpt(row.breakdown)}" for ${indicator.id}; write one of ${keys.join(', ')}${didYouMean(row.breakdown, keys)}`);
        }
      } else if (row.breakdown !== undefined) {
        fail('breakdown', `breakdown "${excerpt(row.breakdown)}" given, but ${indicator.id} has no categories; leave breakdown empty, or add categories to content/indicators/${indicator.id}.yaml`);
      }
    }

    let value: number | null = null;
    let symbol: SourceSymbol | undefined;
    if (row.status === 'not-available') {
      if (row.value !== undefined && row.value !== 'x') fail('value', `value is ${row.value} but status is not-available; leave value empty, or remove the status`);
      if (row.value === 'x') symbol = 'x';
    } else if (row.value === undefined) {
      fail('value', 'value missing: fill it in, or write x if the figure is not available (c, z, low and u are DfE\'s other symbols)');
    } else if ((symbol = row.value === asSymbol(row.value) ? (row.value as SourceSymbol) : undefined)) {
      // A symbol stands instead of the number: there is nothing to range-check.
    } else if (!NUMBER_RE.test(row.value)) {
      fail('value', notANumber('value', row.value));
    } else {
      value = Number(row.value);
      if (indicator) {
        if (value < 0) fail('value', `value ${row.value} is negative; a ${unitWord(indicator.unit)} cannot be below 0`);
        else if (indicator.unit === 'percent' && value > 100) fail('value', `value ${row.value} is over 100, but ${indicator.id} is a percentage; write a number from 0 to 100`);
      }
    }

    const whole = (column: 'numerator' | 'denominator'): number | SourceSymbol | undefined => {
      const t = row[column];
      if (t === undefined) return undefined;
      if (t === asSymbol(t)) return t as SourceSymbol;
      if (!WHOLE_RE.test(t)) {
        const plain = plainNumber(t);
        const fix = plain !== undefined && WHOLE_RE.test(plain) ? `write ${plain}` : asSymbol(t.toLowerCase()) ? `write the symbol as ${asSymbol(t.toLowerCase())}, in lower case without brackets` : `write a count such as 42, ${SYMBOL_HINT}`;
        fail(column, `${column} "${excerpt(t)}" is not a whole number; ${fix}`);
        return undefined;
      }
      return Number(t);
    };
    const numeratorCell = whole('numerator');
    const denominatorCell = whole('denominator');
    const numerator = typeof numeratorCell === 'number' ? numeratorCell : undefined;
    const denominator = typeof denominatorCell === 'number' ? denominatorCell : undefined;
    if ((row.numerator === undefined) !== (row.denominator === undefined)) {
      fail(row.numerator === undefined ? 'numerator' : 'denominator', `${row.numerator === undefined ? 'numerator' : 'denominator'} is empty; give both numerator and denominator, or neither`);
    }
    if (numerator !== undefined && denominator !== undefined && indicator) {
      if (denominator === 0) {
        if (row.area === 'local') fail('denominator', 'denominator is 0; a value cannot be worked out from it, so leave numerator and denominator empty');
      } else if (indicator.unit === 'percent' && numerator > denominator && row.area === 'local') {
        fail('numerator', `numerator ${numerator} is greater than denominator ${denominator}; a percentage's numerator counts part of its denominator`);
      } else if (value !== null && row.area === 'local') {
        // Rule 4 of version 1.1: England's and the region's counts are published rounded (to the
        // nearest 10), so only the council's own figures are checked against their counts.
        const expected = derivedValue(indicator.unit, numerator, denominator);
        const tolerance = 0.5 * 10 ** -Math.min(indicator.decimals, decimalsOf(row.value!)) + 1e-9;
        if (Math.abs(expected - value) > tolerance) {
          fail('value', `value ${row.value} does not agree with numerator ${numerator} and denominator ${denominator}, which give ${expected.toFixed(indicator.decimals)}; correct the value or the counts`);
        }
      }
    }

    // Rule 7: where the council stands among councils.
    const rankCell = (column: 'rank' | 'outOf') => {
      const t = row[column];
      if (t === undefined) return undefined;
      if (!/^[1-9]\d*$/.test(t)) {
        fail(column, `${column} "${excerpt(t)}" is not a whole number from 1; write ${column === 'rank' ? 'the council\'s position, 1 for the highest value' : 'how many councils were ranked, such as 153'}`);
        return undefined;
      }
      return Number(t);
    };
    const rank = rankCell('rank');
    const outOf = rankCell('outOf');
    if ((row.rank === undefined) !== (row.outOf === undefined)) {
      fail(row.rank === undefined ? 'rank' : 'outOf', `${row.rank === undefined ? 'rank' : 'outOf'} is empty; give both rank and outOf, or neither`);
    } else if (row.rank !== undefined && row.area !== 'local') {
      fail('rank', `rank is given on the ${row.area} row; only the council's own (local) rows have a rank, so leave it empty here`);
    } else if (rank !== undefined && outOf !== undefined && rank > outOf) {
      fail('rank', `rank ${rank} is greater than outOf ${outOf}; the rank counts from 1 (the highest value) to outOf`);
    } else if (rank !== undefined && value === null) {
      fail('rank', `rank is given but the value is ${symbol ?? 'empty'}; councils are ranked on a figure, so leave rank and outOf empty`);
    }

    const day = period && indicator ? observationDay(period, indicator.snapshotDate) : undefined;
    // With a snapshot day, what must not be after the file's quarter is the day of the count.
    if (period && day !== undefined && day > lastDayOf(quarter.end) && ok) {
      fail('period', `period ${row.period} is dated ${dayName(day)}, after this file's quarter, ${periodName(quarter)}; move the row to the file for the quarter it was published in`);
    }

    if (ok && indicator && period) {
      out.push({
        indicator: indicator.id,
        period,
        area: row.area,
        ...(row.breakdown !== undefined && { breakdown: row.breakdown }),
        value,
        ...(symbol !== undefined && { symbol }),
        ...(numerator !== undefined && { numerator }),
        ...(denominator !== undefined && { denominator }),
        ...(typeof numeratorCell === 'string' && { numeratorSymbol: numeratorCell }),
        ...(typeof denominatorCell === 'string' && { denominatorSymbol: denominatorCell }),
        ...(value !== null && { precision: decimalsOf(row.value!) }),
        day: day!,
        ...(rank !== undefined && outOf !== undefined && { rank, outOf }),
        ...(row.status !== undefined && { status: row.status }),
        ...(row.note !== undefined && { note: row.note }),
        source: { file, line, quarter },
      });
    }
  }
  return out;
}

/** Decimal places a number was written with: "47" 0, "46.70" 2. */
function decimalsOf(text: string) {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** What a numerator and denominator give for each unit. */
export function derivedValue(unit: Indicator['unit'], numerator: number, denominator: number) {
  if (unit === 'percent') return (100 * numerator) / denominator;
  if (unit === 'rate-per-10000') return (10000 * numerator) / denominator;
  return numerator / denominator;
}

function unitWord(unit: Indicator['unit']) {
  return { count: 'count', percent: 'percentage', 'rate-per-10000': 'rate', days: 'number of days', weeks: 'number of weeks', gbp: 'sum of money', ratio: 'ratio' }[unit];
}

export const observationKey = (o: Pick<Observation, 'indicator' | 'period' | 'area' | 'breakdown'>) =>
  `${o.indicator}|${o.period.label}|${o.area}|${o.breakdown ?? ''}`;

/**
 * Duplicates and revisions across files. Files must be given in quarter order. A row may repeat
 * an earlier one only when it is marked `revised` and sits in a later file; a `revised` row must
 * have something to revise. Returns the observations that passed.
 */
export function checkAcrossFiles(
  observations: Observation[],
  csvColumns: Map<string, Record<string, number>>,
  problems: ProblemList,
  options: { earlierFilesBroken?: boolean } = {},
) {
  const seen = new Map<string, Observation[]>();
  const kept: Observation[] = [];
  for (const o of observations) {
    const key = observationKey(o);
    const before = seen.get(key);
    const earlier = before?.find((b) => b.source.file === o.source.file) ?? before?.[0];
    const column = (name: string) => csvColumns.get(o.source.file)?.[name] ?? 1;
    const what = `${o.indicator} ${o.period.label} ${o.area}${o.breakdown ? ` ${o.breakdown}` : ''}`;
    if (!earlier) {
      if (o.status === 'revised') {
        // A file with problems may hold the row this one revises: say nothing until it is fixed.
        if (options.earlierFilesBroken) continue;
        problems.add(o.source.file, o.source.line, column('status'), `status is revised, but no earlier file has ${what} to revise; remove the status, or check the indicator, period, area and breakdown`);
        continue;
      }
      seen.set(key, [o]);
      kept.push(o);
      continue;
    }
    const sameFile = earlier.source.file === o.source.file;
    if (sameFile) {
      problems.add(
        o.source.file,
        o.source.line,
        column('indicator'),
        o.status === 'revised'
          ? `${what} appears twice in this file (first on line ${earlier.source.line}); a revised figure goes in the file of the quarter it was published in, after the original's, so keep one row here`
          : `${what} appears twice in this file (first on line ${earlier.source.line}); keep one row`,
      );
    } else if (o.status !== 'revised') {
      problems.add(
        o.source.file,
        o.source.line,
        column('indicator'),
        `${what} was already given in ${earlier.source.file} on line ${earlier.source.line}; set status to revised if this row replaces that figure, or remove it`,
      );
    } else {
      before!.push(o);
      kept.push(o);
    }
  }
  return kept;
}
