/**
 * Times `npm run import:ees` as an officer runs it: all five DfE files for one council
 * (Worcestershire's content, without its data), with --backfill, then the same again (which
 * writes nothing). Uses the full files in ../shared/ees when they are there (the care leavers
 * file is 3.3 MB), otherwise the copies in tests/fixtures/ees. `npm run bench` runs it; on its
 * own: `npx tsx scripts/bench/import-ees.ts`. Prints one line per run, with the target.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importEes } from '../../src/lib/ees/run';

const PROJECT = resolve(import.meta.dirname, '..', '..');
const TSX = join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TARGET_SECONDS = 10;
const FILES = [
  'cla_number_and_rate_per_10k_children.csv',
  'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
  'd3_cpps_subsequent_plan_2013_to_2025.csv',
  'csww_indicators_2017_to_2025.csv',
  'la_care_leavers_activity.csv',
];
const shared = join(PROJECT, '..', 'shared', 'ees');
const from = FILES.every((f) => existsSync(join(shared, f))) ? shared : join(PROJECT, 'tests', 'fixtures', 'ees');
const paths = FILES.map((f) => join(from, f));
const megabytes = paths.reduce((sum, p) => sum + statSync(p).size, 0) / 1e6;

const root = mkdtempSync(join(tmpdir(), 'scrutineer-bench-ees-'));
try {
  cpSync(join(PROJECT, 'tests', 'fixtures', 'sites', 'worcestershire', 'content'), join(root, 'content'), { recursive: true });
  const env = { ...process.env, SCRUTINEER_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const label of ['first run, writes every year', 'second run, writes nothing']) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [TSX, join(PROJECT, 'scripts', 'import-ees.ts'), ...paths, '--backfill'], { cwd: PROJECT, env, encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`import:ees failed:\n${r.stderr}`);
    const wrote = /^Wrote (\d+) new rows/m.exec(r.stdout)?.[1] ?? '0';
    const text = `import:ees, ${FILES.length} DfE files (${megabytes.toFixed(1)} MB${from === shared ? '' : ', trimmed copies'}), one council, ${label}: ${seconds.toFixed(1)} s wall, ${wrote} rows written`;
    console.log(`${text.padEnd(78)} ${seconds < TARGET_SECONDS ? 'PASS' : 'FAIL'} (target < ${TARGET_SECONDS} s)`);
  }
  // The same work without starting Node and tsx, which on a busy machine is most of the wall time.
  rmSync(join(root, 'data'), { recursive: true, force: true });
  const started = performance.now();
  const result = await importEes(root, paths, { backfill: true });
  const rows = result.written.reduce((n, w) => n + w.rows, 0);
  console.log(`import:ees, the same first run inside this process: ${((performance.now() - started) / 1000).toFixed(1)} s, ${rows} rows written`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
