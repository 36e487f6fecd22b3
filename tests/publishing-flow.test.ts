/**
 * docs/publishing.md, followed step by step on a copy of the sample site: a new quarter and a new
 * meeting are added, checked and built, and the new meeting's page shows the new figures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { PROJECT, sampleCopy } from './helpers/fixtures';
import { buildSite, cleanEnv, page, tableRows } from './helpers/build';

const root = sampleCopy();
const out = mkdtempSync(join(tmpdir(), 'scrutineer-flow-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});
const npmRun = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', script), ...args], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: root }),
    encoding: 'utf8',
  });

describe('publishing a quarter and a meeting, as docs/publishing.md says', () => {
  it('step 1: new:quarter creates the file, and check lists the values to fill in', () => {
    expect(npmRun('new-quarter.ts', '2020/21 Q1').status).toBe(0);
    const check = npmRun('check.ts');
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^data\/2020-21\/q1\.csv:2:5: value missing: fill it in, or write x if the figure is not available \(c, z, low and u are DfE's other symbols\)$/m);
  });

  it('step 2: with the figures typed in, check passes', () => {
    const file = join(root, 'data/2020-21/q1.csv');
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
    // An officer types a plausible figure into every row: 60 children (or per cent, or days).
    for (const row of parsed.data) row.value = row.indicator === 'cla-rate' ? '61' : '60';
    writeFileSync(file, Papa.unparse(parsed.data, { columns: parsed.meta.fields, newline: '\n' }) + '\n');
    const check = npmRun('check.ts');
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it('step 3: new:meeting creates a draft, and filling it in and removing draft publishes it', () => {
    const made = npmRun('new-meeting.ts', 'children-and-families-panel', '2020-09-10', '--period', '2020/21 Q1');
    expect(made.status, made.stderr).toBe(0);
    const file = join(root, 'content/meetings/children-and-families-panel/2020-09-10.mdx');
    const text = readFileSync(file, 'utf8')
      .replace('number: TBC', 'number: "6"')
      .replace(/summary: .*/, 'summary: The panel considered the first quarter of 2020/21.')
      .replace('draft: true\n', '');
    writeFileSync(file, text.replace('## Discussion', 'The number of children in care rose.\n\n## Discussion'));
    expect(npmRun('check.ts').status).toBe(0);
    const result = buildSite(root, out);
    expect(result.status, result.stderr).toBe(0);
    const doc = page(out, 'children-and-families-panel/2020-09-10/');
    expect(doc.querySelector('h1')!.textContent).toContain('10 September 2020');
    const rows = tableRows(doc.querySelector('#cla-rate table')!);
    expect(rows.find((r) => r[0] === 'Jun 2020')![1]).toContain('61');
  });
});
