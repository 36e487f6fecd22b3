/**
 * `npm run import:ees -- --backfill` for every one of the 153 councils in DfE's 2025 statistical
 * neighbour model, each with DfE's default neighbours and every DfE data file the project holds:
 * each import must succeed, and the site it makes must pass `npm run check -- --strict` (no
 * problem and no warning). This is what an officer at any council gets on day one.
 *
 * It runs the import and the check in process, on files parsed once, into a temporary folder per
 * council, so it takes a minute or two rather than 153 runs of npm. The files are DfE's own, as
 * downloaded, in ../shared/ees beside the checkout (CI has it there); a checkout without it uses
 * the copies in tests/fixtures/ees (the care leavers file trimmed to the rows the indicators use;
 * see its README). SCRUTINEER_EES=/path/to/folder runs it on another folder of DfE files.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { FIXTURES, PROJECT } from './helpers/fixtures';
import { importEes, readEesFiles } from '../src/lib/ees/run';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';

const SHARED = join(PROJECT, '..', 'shared', 'ees');
const EES = process.env.SCRUTINEER_EES ?? (existsSync(SHARED) ? SHARED : join(FIXTURES, 'ees'));
const WORCESTERSHIRE = join(FIXTURES, 'sites', 'worcestershire');
// DfE's groupings are not EES data files: the import reads the 2025 model itself.
const DATA_FILES = readdirSync(EES).filter((f) => f.endsWith('.csv') && !/^(sn_model|New_Statistical_Neighbour)/.test(f)).sort();

const model = Papa.parse<Record<string, string>>(readFileSync(join(PROJECT, 'src/lib/ees/data/sn_model_2025_wide.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const INDICATORS = [...readdirSync(join(WORCESTERSHIRE, 'content', 'indicators')).map((f) => f.replace(/\.yaml$/, '')), 're-referrals-monthly'];
const COUNCILS = model.map((r) => ({ oldCode: Number(r.old_la_code), name: r.la_name.trim() }));

/** The Worcestershire fixture's indicators and glossary, as another council's new site: no meetings, no data, DfE's neighbours. */
function siteFor(base: string, council: { oldCode: number; name: string }) {
  const dir = mkdtempSync(join(base, `${council.oldCode}-`));
  cpSync(join(WORCESTERSHIRE, 'content'), join(dir, 'content'), { recursive: true });
  rmSync(join(dir, 'content', 'meetings'), { recursive: true });
  const site = readFileSync(join(dir, 'content', 'site.yaml'), 'utf8')
    .replace(/^comparators:\n(?: .*\n)*/m, '')
    .replace(/^localAuthority:\n(?: .*\n)*/m, `localAuthority:\n  oldCode: ${council.oldCode}\n  name: "${council.name}"\n`)
    .replace(/Worcestershire/g, council.name);
  writeFileSync(join(dir, 'content', 'site.yaml'), site);
  // A monthly indicator, as most councils' sites have: DfE's yearly figures are its comparators.
  // The backfill files them in Q3s back to 2013/14, and no quarter between needs a file for it.
  const rereferrals = readFileSync(join(dir, 'content', 'indicators', 're-referrals.yaml'), 'utf8');
  writeFileSync(join(dir, 'content', 'indicators', 're-referrals-monthly.yaml'), rereferrals.replace('frequency: annual', 'frequency: monthly').replace('measure: in-period', 'measure: rolling-12-months'));
  return dir;
}

describe('import:ees --backfill for every council in DfE\'s 2025 neighbour model', () => {
  it('succeeds for each of the 153, with DfE\'s own neighbours and every DfE file, and the site passes check --strict', { timeout: 15 * 60_000 }, async () => {
    expect(COUNCILS).toHaveLength(153);
    expect(DATA_FILES.length).toBeGreaterThanOrEqual(5);
    const files = readEesFiles(DATA_FILES.map((f) => join(EES, f)));
    const base = mkdtempSync(join(tmpdir(), 'scrutineer-every-council-'));
    const failures: string[] = [];
    const joint: string[] = [];
    try {
      for (const council of COUNCILS) {
        const dir = siteFor(base, council);
        try {
          const result = await importEes(dir, files, { backfill: true });
          // Every annual indicator has the council's own figures, and every one but the count its neighbours'.
          const has = (area: string) => new Set(result.plan.rows.filter((r) => (r.cells.area ?? '') === area).map((r) => r.cells.indicator));
          const own = has('');
          const neighbours = has('statistical-neighbours');
          for (const id of INDICATORS) {
            if (id !== 're-referrals-monthly' && !own.has(id)) failures.push(`${council.oldCode} ${council.name}: no local rows for ${id}`);
            if (id !== 'cla-count' && !neighbours.has(id)) failures.push(`${council.oldCode} ${council.name}: no statistical-neighbours rows for ${id}`);
          }
          if (result.plan.rows.some((r) => !r.cells.area && r.cells.note?.startsWith('DfE reports'))) joint.push(council.name);
          const { problems, warnings } = await loadContent(dir);
          for (const p of [...problems, ...warnings]) failures.push(`${council.oldCode} ${council.name}: ${formatProblem(p)}`);
        } catch (error) {
          failures.push(`${council.oldCode} ${council.name}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    // The councils whose own rows are DfE's joint figures (the workforce census).
    expect(joint.sort()).toEqual(expect.arrayContaining(['Kingston upon Thames', 'North Northamptonshire', 'Richmond upon Thames', 'West Northamptonshire']));
  });
});
