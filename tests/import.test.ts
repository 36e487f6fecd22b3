import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, PROJECT, sampleCopy } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';

const importFile = (root: string, file: string, quarter: string) =>
  spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', 'import.ts'), file, '--quarter', quarter], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: root }),
    encoding: 'utf8',
  });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const copy = () => {
  const d = sampleCopy();
  dirs.push(d);
  return d;
};

describe('npm run import', () => {
  it('converts an .xlsx sheet, by indicator title or id, and reports what it cannot map', () => {
    const dir = copy();
    const result = importFile(dir, join(FIXTURES, 'import', 'performance-sheet.xlsx'), '2020/21 Q1');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('performance-sheet.xlsx'))).toEqual([
      'performance-sheet.xlsx: columns outside 2020/21 Q1 were not imported (2020-07); import them with the quarter they belong to',
      'performance-sheet.xlsx:4:1: "Childrn in care" is not an indicator id or title, so the row was not imported; write the id (the file name in content/indicators/) or the title exactly as it is there',
      'performance-sheet.xlsx:5:1: assessment-45-days is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825). The row was not imported',
    ]);
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, 'data/2020-21/q1.csv'), 'utf8')).toBe(
      [
        'indicator,period,area,breakdown,value,numerator,denominator,status,note',
        'cla-rate,2020-04,,,57,,,,',
        'cla-rate,2020-05,,,58,,,,',
        // The June heading is a date cell formatted "mmm yyyy".
        'cla-rate,2020-06,,,58,,,,',
        'cla-starts,2020-04,,,31,,,,',
        // "n/a" in the sheet: no figure, written as DfE's symbol for not available.
        'cla-starts,2020-05,,,x,,,,',
        'cla-starts,2020-06,,,35,,,,',
        'assessment-45-days,2020-04,england,,83.1,,,,',
        'assessment-45-days,2020-05,england,,83.1,,,,',
        'assessment-45-days,2020-06,england,,83.1,,,,',
        '',
      ].join('\n'),
    );
  });

  it('converts a .csv sheet with categories and quarters, and the result passes check', async () => {
    const dir = copy();
    const result = importFile(dir, join(FIXTURES, 'import', 'performance-sheet.csv'), '2020/21 Q1');
    expect(result.stderr).toContain('performance-sheet.csv:9:1: "cla-rte" is not an indicator id or title, so the row was not imported; did you mean cla-rate ("Children looked after, rate per 10,000 under-18s")?');
    const csv = readFileSync(join(dir, 'data/2020-21/q1.csv'), 'utf8');
    expect(csv).toContain('placement-type-mix,2020/21 Q1,,foster-care,76.5,,,,');
    expect(csv).toContain('assessment-45-days,2020-05,,,86.0,,,,');
    expect(csv).not.toContain('cla-rte');
    const { problems } = await loadContent(dir);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('refuses to overwrite a quarter that exists', () => {
    const dir = copy();
    const result = importFile(dir, join(FIXTURES, 'import', 'performance-sheet.csv'), '2019/20 Q4');
    expect(result.stderr).toContain('data/2019-20/q4.csv already exists; it was not changed.');
    expect(readFileSync(join(dir, 'data/2019-20/q4.csv'), 'utf8')).toBe(readFileSync(join(PROJECT, 'data/2019-20/q4.csv'), 'utf8'));
  });
});
