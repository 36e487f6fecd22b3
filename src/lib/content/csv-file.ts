import Papa from 'papaparse';
import { excerpt, type ProblemList } from './problems';
import { LIMITS } from '../schemas/limits';

export interface CsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  /** Trimmed cells by column name; an empty cell is absent. */
  cells: Record<string, string>;
}

export interface CsvFile {
  header: string[];
  /** Column number (from 1, as a spreadsheet counts) of each column name. */
  columnOf: Record<string, number>;
  rows: CsvRow[];
}

/**
 * Reads CSV text with papaparse, keeping the line each row starts on so that every later message
 * can point at it. Columns are reported by number, as a spreadsheet counts them.
 */
export function readCsv(text: string, file: string, problems: ProblemList): CsvFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Newlines before an offset, counted once, so a row's line is found in one pass.
  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const records: { line: number; fields: string[] }[] = [];
  let previousCursor = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    step(result) {
      const start = previousCursor;
      previousCursor = result.meta.cursor;
      const fields = result.data.map((f) => f.replace(/\r$/, ''));
      // One message per row is enough: a stray quote makes papaparse report it twice.
      const error = result.errors[0];
      if (error) {
        const at = typeof error.index === 'number' ? error.index : start;
        const line = lineAt(at);
        const before = source.slice(lineStarts[line - 1], Math.max(at, lineStarts[line - 1]));
        problems.add(file, line, fieldNumberAt(before), csvErrorMessage(error.code, error.message));
      }
      if (fields.length === 1 && fields[0].trim() === '') return;
      records.push({ line: lineAt(start), fields });
    },
  });

  const headerRecord = records.shift();
  const header = (headerRecord?.fields ?? []).map((h) => h.trim());
  const columnOf: Record<string, number> = {};
  header.forEach((name, i) => {
    if (!name) return;
    if (name in columnOf) {
      problems.add(file, headerRecord!.line, i + 1, `column "${excerpt(name)}" appears twice in the header (columns ${columnOf[name]} and ${i + 1}); keep one`);
    } else columnOf[name] = i + 1;
  });
  const rows = records.map(({ line, fields }) => {
    const cells: Record<string, string> = {};
    fields.forEach((f, i) => {
      const name = header[i];
      const value = f.trim();
      if (value.length > LIMITS.textCharacters) {
        problems.add(file, line, i + 1, `this cell is ${value.length.toLocaleString('en-GB')} characters long, over the limit of ${LIMITS.textCharacters.toLocaleString('en-GB')} for one cell; shorten it`);
        return;
      }
      if (name && value !== '' && !(name in cells)) cells[name] = value;
    });
    if (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== '')) {
      problems.add(file, line, header.length + 1, `this row has ${fields.length} cells but the header names ${header.length} columns; remove the extra cells or add a column name`);
    }
    return { line, cells };
  });
  return { header, columnOf, rows };
}

/** The field number (from 1) at the end of a line's text, counting commas outside quotes. */
function fieldNumberAt(lineText: string) {
  let field = 1;
  let quoted = false;
  for (const ch of lineText) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) field++;
  }
  return field;
}

function csvErrorMessage(code: string, message: string) {
  if (code === 'MissingQuotes') return 'a quoted cell is never closed; add the closing double quote (")';
  if (code === 'InvalidQuotes') return 'a double quote (") appears inside an unquoted cell; put the whole cell in double quotes and write "" for each quote inside it';
  return `this line cannot be read as CSV (${message})`;
}
