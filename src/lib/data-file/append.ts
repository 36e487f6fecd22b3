/**
 * Adding rows to a quarter's data file without disturbing what is there, for every command that
 * writes one (import:ees, new:quarter): the rows stay as they are, in the file's own column order
 * and line endings; columns the new rows need (rank, outOf, status, note) are added at the end of
 * the header.
 */
import Papa from 'papaparse';
import { CSV_COLUMNS } from '../schemas/data-row';

/** One row of a data file, as the text of its cells, by column. */
export type RowCells = Partial<Record<'indicator' | 'period' | 'area' | 'breakdown' | 'value' | 'numerator' | 'denominator' | 'status' | 'note' | 'rank' | 'outOf', string>>;
import { readCsv } from '../content/csv-file';
import { ProblemList } from '../content/problems';

/** The columns a new file gets: the content format's, in its order, less those no row uses. */
function columnsFor(rows: RowCells[]) {
  const always = ['indicator', 'period', 'area', 'value'];
  return CSV_COLUMNS.filter((c) => always.includes(c) || rows.some((r) => r[c] !== undefined));
}

/** The text of `file` with `rows` appended; `existing` is its current text, or undefined for a new file. */
export function appendRows(existing: string | undefined, rows: RowCells[], file: string): string {
  const line = (fields: string[], eol: string) => Papa.unparse([fields], { newline: eol }) + eol;
  if (existing === undefined || existing.replace(/^\uFEFF/, '').trim() === '') {
    const columns = columnsFor(rows);
    return line(columns, '\n') + rows.map((r) => line(columns.map((c) => r[c] ?? ''), '\n')).join('');
  }
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const csv = readCsv(existing, file, new ProblemList());
  const header = csv.header;
  const added = columnsFor(rows).filter((c) => !header.includes(c));
  const columns = [...header, ...added];
  const body = rows.map((r) => line(columns.map((c) => (c ? (r[c as keyof RowCells] ?? '') : '')), eol)).join('');
  if (!added.length) {
    return existing + (existing.endsWith('\n') ? '' : eol) + body;
  }
  // New columns: each existing row gets empty cells for them, at the end of its line.
  const bom = existing.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = existing.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  // Rows with a quoted newline span lines: only the line a record ends on gets the new cells.
  const recordEnds = new Set(
    csv.rows.map((_, i) => {
      let end = (csv.rows[i + 1]?.line ?? lines.length + 1) - 1;
      while (end > 1 && lines[end - 1].trim() === '') end--;
      return end;
    }),
  );
  const padding = ','.repeat(added.length);
  const out = lines.map((l, i) => {
    const n = i + 1;
    if (n === 1) return l + ',' + added.join(',');
    if (l.trim() === '') return l;
    return recordEnds.has(n) ? l + padding : l;
  });
  return bom + out.join(eol) + eol + body;
}
