/**
 * `npm run import:ees`, apart from its command line: reads the EES files and the content, plans
 * the rows (plan.ts), checks that the content with them would still pass `npm run check`, and only
 * then writes, each file through a temporary file renamed into place. Any problem is thrown as an
 * EesError before anything is written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContent } from '../content/load';
import { formatProblem, ProblemList } from '../content/problems';
import { readCsv } from '../content/csv-file';
import { quarterOfFile } from '../content/data';
import { parseYaml } from '../content/yaml-file';
import { AuthoringError, parseQuarter } from '../authoring/new-quarter';
import type { Indicator } from '../model';
import { EesError } from './errors';
import { readEesFile, type EesFile } from './file';
import { planImport, type ExistingRow, type Mode, type Plan } from './plan';
import { appendRows } from '../data-file/append';
import { loadGrouping } from './groupings';

export interface ImportResult {
  plan: Plan;
  /** Files written, with how many rows each gained. */
  written: { file: string; rows: number; created: boolean }[];
}

export function parseMode(options: { quarter?: string; backfill?: boolean }): Mode {
  if (options.backfill && options.quarter !== undefined) throw new EesError(['give either --quarter or --backfill, not both']);
  if (options.backfill) return { backfill: true };
  if (options.quarter === undefined) throw new EesError(['say which quarter\'s file to fill with --quarter "2024/25 Q3", or give --backfill to file each year in the quarter DfE published it']);
  try {
    return { quarter: parseQuarter(options.quarter) };
  } catch (error) {
    if (error instanceof AuthoringError) throw new EesError([`--quarter ${error.message}`]);
    throw error;
  }
}

/** Reads every EES file, collecting every problem before giving up. */
export function readEesFiles(paths: string[]): EesFile[] {
  const problems: string[] = [];
  const files: EesFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (!existsSync(path) || statSync(path).isDirectory()) {
      problems.push(`${path}: no such file; give the path of an EES data file you downloaded, such as cla_number_and_rate_per_10k_children.csv`);
      continue;
    }
    try {
      const f = readEesFile(readFileSync(path, 'utf8'), path);
      if (seen.has(f.name)) problems.push(`${f.display}: is given twice; give each file once`);
      seen.add(f.name);
      files.push(f);
    } catch (error) {
      if (error instanceof EesError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length) throw new EesError(problems);
  return files;
}

function listCsv(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? listCsv(full) : name.endsWith('.csv') ? [full] : [];
    });
}

/** Every row of every quarter file in `data/`, as text. */
export function existingRows(root: string): ExistingRow[] {
  const out: ExistingRow[] = [];
  for (const full of listCsv(join(root, 'data'))) {
    const file = full.slice(root.length + 1).split('\\').join('/');
    const quarter = quarterOfFile(file);
    if (!quarter) continue;
    const csv = readCsv(readFileSync(full, 'utf8'), file, new ProblemList());
    for (const row of csv.rows) out.push({ file, quarter, line: row.line, cells: row.cells });
  }
  return out;
}

/**
 * `paths` are the EES files to read; files already read (readEesFiles) may be given instead, so a
 * caller importing the same files for many councils (the every-council test) parses them once.
 */
export async function importEes(root: string, paths: string[] | EesFile[], options: { quarter?: string; backfill?: boolean }): Promise<ImportResult> {
  const mode = parseMode(options);
  const files = paths.every((p): p is string => typeof p === 'string') ? readEesFiles(paths) : paths;
  const before = await loadContent(root);
  const content = before.partial;
  if (!content || !content.indicators.length) {
    throw new EesError([...before.problems.map(formatProblem), 'Fix the problems above first: the import needs content/site.yaml and the indicator definitions.']);
  }
  // Indicators whose own file is broken are left out of `partial`: say so rather than skip them quietly.
  const brokenIndicators = before.problems.filter((p) => p.file.startsWith('content/indicators/') || p.file === 'content/site.yaml');
  if (brokenIndicators.length) throw new EesError([...brokenIndicators.map(formatProblem), 'Fix the problems above first: the import reads the indicators and site.yaml.']);

  const sources = new Map<string, ReturnType<typeof parseYaml>>();
  const locate = (ind: Indicator, path: (string | number)[]) => {
    let source = sources.get(ind.file);
    if (!source) sources.set(ind.file, (source = parseYaml(readFileSync(join(root, ind.file), 'utf8'), ind.file, new ProblemList())));
    const at = source.locate(path);
    return `${ind.file}:${at.line}:${at.column}`;
  };
  const plan = planImport({ site: content.site, indicators: content.indicators, files, existing: existingRows(root), mode, locate, grouping: loadGrouping() });

  // The new text of each file.
  const byFile = new Map<string, Plan['rows']>();
  for (const r of plan.rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const texts = new Map<string, { text: string; created: boolean; rows: number }>();
  for (const [file, rows] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const path = join(root, file);
    const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    texts.set(file, { text: appendRows(existing, rows.map((r) => r.cells), file), created: existing === undefined, rows: rows.length });
  }
  if (!texts.size) return { plan, written: [] };

  // Would `npm run check` still pass? Try it on a copy before touching the real files.
  const trial = mkdtempSync(join(tmpdir(), 'scrutineer-ees-'));
  try {
    for (const part of ['content', 'data']) if (existsSync(join(root, part))) cpSync(join(root, part), join(trial, part), { recursive: true });
    for (const [file, { text }] of texts) {
      mkdirSync(dirname(join(trial, file)), { recursive: true });
      writeFileSync(join(trial, file), text);
    }
    const after = await loadContent(trial);
    // Only problems in the files written count: a meeting that still waits for data (its message
    // now naming the latest year the import brought) is not made worse by the import.
    const known = new Set(before.problems.map(formatProblem));
    const added = after.problems.filter((p) => texts.has(p.file)).map(formatProblem).filter((p) => !known.has(p));
    if (added.length) {
      throw new EesError([
        `The imported rows would make npm run check fail, so nothing was written. It would report (lines as the file${texts.size === 1 ? '' : 's'} would be):`,
        ...added,
      ]);
    }
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }

  // All or nothing: every file is written beside its target first, then each renamed into place.
  const staged: [string, string][] = [];
  try {
    for (const [file, { text }] of texts) {
      const target = join(root, file);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.import-${process.pid}.tmp`;
      writeFileSync(temp, text);
      staged.push([temp, target]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  return { plan, written: [...texts].map(([file, t]) => ({ file, rows: t.rows, created: t.created })) };
}
