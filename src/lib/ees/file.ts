/**
 * Reading an Explore Education Statistics (EES) data file: DfE's standard layout, one row per
 * area, year and combination of filters. Some files start with a byte order mark, which the CSV
 * reader drops.
 */
import { basename } from 'node:path';
import { readCsv, type CsvRow } from '../content/csv-file';
import { ProblemList } from '../content/problems';
import { EesError } from './errors';

export interface EesFile {
  /** The file name as given, for messages: `cla_number_and_rate_per_10k_children.csv`. */
  display: string;
  /** The name an indicator's `ees.file` uses: the file name without `.csv`. */
  name: string;
  header: string[];
  columnOf: Record<string, number>;
  /** Rows with their line in the file; empty cells are absent. */
  rows: CsvRow[];
}

/** The columns every EES data file has, whatever it publishes. */
export const EES_COLUMNS = ['time_period', 'time_identifier', 'geographic_level'] as const;

/** Parses an EES data file's text, or throws an EesError saying why it is not one. */
export function readEesFile(text: string, path: string): EesFile {
  const display = basename(path);
  if (!/\.csv$/i.test(display)) {
    throw new EesError([`${display}: is not an EES data file; give the .csv data file from the publication's "Download data" page (not a spreadsheet or a table)`]);
  }
  const problems = new ProblemList();
  const csv = readCsv(text, display, problems);
  if (problems.items.length) throw new EesError(problems.items.map((p) => `${p.file}:${p.line}: ${p.message}`));
  const missing = EES_COLUMNS.filter((c) => !(c in csv.columnOf));
  if (missing.length) {
    throw new EesError([
      `${display}:1: is not an EES data file: its first row has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}; download the data file (CSV) from the publication's "Explore data and files" section, not a table built on the site or the metadata file`,
    ]);
  }
  return { display, name: display.replace(/\.csv$/i, ''), header: csv.header, columnOf: csv.columnOf, rows: csv.rows };
}
