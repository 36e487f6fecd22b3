import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sampleCopy, siteWith, PROJECT } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';

const run = (root: string, script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', script), ...args], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: root }),
    encoding: 'utf8',
  });

const dirs: string[] = [];
const copy = (sample = false) => {
  const dir = sample ? sampleCopy() : siteWith();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run new:quarter', () => {
  it('creates the quarter file with a row for every indicator and period, values empty', () => {
    const dir = copy();
    const result = run(dir, 'new-quarter.ts', '2018/19 Q3');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Created data/2018-19/q3.csv with 7 rows to fill in.');
    expect(readFileSync(join(dir, 'data/2018-19/q3.csv'), 'utf8')).toBe(
      [
        'indicator,period,area,breakdown,value,numerator,denominator,status,note',
        'assessment-45-days,2018-10,,,,,,,',
        'assessment-45-days,2018-11,,,,,,,',
        'assessment-45-days,2018-12,,,,,,,',
        'cla-rate,2018/19 Q3,,,,,,,',
        'open-cases,2018/19 Q3,,abuse,,,,,',
        'open-cases,2018/19 Q3,,disability,,,,,',
        'open-cases,2018/19 Q3,,family,,,,,',
        '',
      ].join('\n'),
    );
  });

  it('then check asks for each value in plain words', async () => {
    const dir = copy();
    run(dir, 'new-quarter.ts', '2018/19 Q3');
    const { problems } = await loadContent(dir);
    expect(problems.map(formatProblem)).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((line) => `data/2018-19/q3.csv:${line}:5: value missing: fill it in, or write x if the figure is not available (c, z, low and u are DfE's other symbols)`),
    );
  });

  it('expects comparators at the cadence they are published at, and the sample site’s quarter builds from its indicators', () => {
    const dir = copy(true);
    const result = run(dir, 'new-quarter.ts', '2020/21 Q1');
    expect(result.status, result.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'data/2020-21/q1.csv'), 'utf8');
    expect(csv).toContain('cla-rate,2020-04,,,,,,,');
    expect(csv).toContain('placement-type-mix,2020/21 Q1,,foster-care,,,,,');
    // The workforce census (September, published in each Q4 file) is not asked for in Q1, though
    // the previous quarter's file had it; England's EHCP figure for December, which came in each
    // Q1 file, is asked for again, a year on.
    expect(csv.split('\n').filter((l) => /,(england|region|statistical-neighbours),/.test(l))).toEqual(['ehcp-20-weeks,2019-12,england,,,,,,']);
  });

  it('asks for a yearly comparator in the quarter a year after it last came, for the period a year on', () => {
    const dir = copy(true);
    const result = run(dir, 'new-quarter.ts', '2020/21 Q4');
    expect(result.status, result.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'data/2020-21/q4.csv'), 'utf8');
    expect(csv.split('\n').filter((l) => /,(england|region|statistical-neighbours),/.test(l))).toEqual([
      'adoption-a1,2019/20,england,,,,,,',
      'adoption-a2,2019/20,england,,,,,,',
      'agency-sw-rate,2020-09,england,,,,,,',
      'agency-sw-rate,2020-09,statistical-neighbours,,,,,,',
      'sw-caseload,2020-09,england,,,,,,',
      'sw-caseload,2020-09,statistical-neighbours,,,,,,',
    ]);
  });

  it('on a quarter whose file exists, adds the rows it lacks, changes nothing else, and says what it added', async () => {
    const dir = copy();
    // As import:ees --backfill leaves a Q3: DfE's yearly figures, Windows line endings, no monthly rows.
    const existing = 'indicator,period,area,value,note\r\ncla-rate,2018/19 Q3,,44,"Typed by hand, from the return"\r\nassessment-45-days,2018-11,,81.5,\r\n';
    writeFileSync(join(dir, 'data/2018-19/q3.csv'), existing);
    const result = run(dir, 'new-quarter.ts', '2018/19 Q3');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Added 5 rows to data/2018-19/q3.csv, which already had 2; the rows it had are unchanged (each has an empty cell for the new column breakdown). Added, values empty:
        assessment-45-days: 2018-10, 2018-12
        open-cases: 2018/19 Q3 abuse, 2018/19 Q3 disability, 2018/19 Q3 family
      Next: type each value into the value column (or set status to not-available), then run npm run check.
      "
    `);
    const text = readFileSync(join(dir, 'data/2018-19/q3.csv'), 'utf8');
    // The rows it had, byte for byte, with an empty cell for the breakdown column the new rows need.
    expect(text.split('\r\n').slice(0, 3)).toEqual(['indicator,period,area,value,note,breakdown', 'cla-rate,2018/19 Q3,,44,"Typed by hand, from the return",', 'assessment-45-days,2018-11,,81.5,,']);
    expect(text.split('\r\n').slice(3)).toEqual(['assessment-45-days,2018-10,,,,', 'assessment-45-days,2018-12,,,,', 'open-cases,2018/19 Q3,,,,abuse', 'open-cases,2018/19 Q3,,,,disability', 'open-cases,2018/19 Q3,,,,family', '']);
    // Run again: nothing is lacking, and the file is left alone.
    const again = run(dir, 'new-quarter.ts', '2018/19 Q3');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.trim()).toMatchInlineSnapshot(`"data/2018-19/q3.csv already has a row for every indicator and period the quarter needs; it was not changed."`);
    expect(readFileSync(join(dir, 'data/2018-19/q3.csv'), 'utf8')).toBe(text);
  });

  it('refuses a file it cannot add to, and rejects what is not a quarter', () => {
    const dir = copy();
    writeFileSync(join(dir, 'data/2018-19/q3.csv'), 'keep me');
    const again = run(dir, 'new-quarter.ts', '2018/19 Q3');
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toMatchInlineSnapshot(`"data/2018-19/q3.csv:1: already exists, but its first row has no indicator or period column, so it is not a quarter's data file that rows can be added to; it was not changed. Fix its header row (indicator,period,area,breakdown,value,numerator,denominator,status,note), or move it aside and run this again"`);
    expect(readFileSync(join(dir, 'data/2018-19/q3.csv'), 'utf8')).toBe('keep me');
    const bad = run(dir, 'new-quarter.ts', '2018 Q3');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"2018 Q3" is not a financial quarter; write it like "2020/21 Q1"');
  });
});

describe('npm run new:meeting', () => {
  it('creates a draft with complete front matter and an update for every open action', async () => {
    const dir = copy();
    // Re-open the action so the new meeting has something to report on.
    const later = join(dir, 'content/meetings/panel/2018-10-25.mdx');
    writeFileSync(later, readFileSync(later, 'utf8').replace('status: done', 'status: in-progress'));
    const result = run(dir, 'new-meeting.ts', 'panel', '2019-01-20', '--period', '2018/19 Q2');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('with 1 open action from earlier meetings to report on');
    const text = readFileSync(join(dir, 'content/meetings/panel/2019-01-20.mdx'), 'utf8');
    expect(text).toContain('period: 2018/19 Q2');
    expect(text).toMatch(/updates:\n  - action: panel\/2018-07-20\/timeliness-plan\n    status: in-progress/);
    expect(text).toContain('draft: true');
    expect(text).toContain('## Discussion');
    // The draft is valid content: check passes, and the build leaves it out.
    const { problems, content } = await loadContent(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content!.meetings.map((m) => m.id)).not.toContain('panel/2019-01-20');
    const withDrafts = await loadContent(dir, { drafts: true });
    expect(withDrafts.content!.meetings.map((m) => m.id)).toContain('panel/2019-01-20');
  });

  it('rejects an unknown committee or a bad date with what is valid, and refuses to overwrite', () => {
    const dir = copy();
    const committee = run(dir, 'new-meeting.ts', 'pannel', '2019-01-20', '--period', '2018/19 Q2');
    expect(committee.status).toBe(1);
    expect(committee.stderr.trim()).toBe('unknown committee "pannel"; did you mean panel? The committees are: panel.');
    const date = run(dir, 'new-meeting.ts', 'panel', '20-01-2019', '--period', '2018/19 Q2');
    expect(date.stderr.trim()).toBe('"20-01-2019" is not a date; write the meeting\'s date as YYYY-MM-DD, like 2020-09-10');
    const existing = run(dir, 'new-meeting.ts', 'panel', '2018-07-20', '--period', '2018/19 Q1');
    expect(existing.status).toBe(1);
    expect(existing.stderr).toContain('content/meetings/panel/2018-07-20.mdx already exists; it was not changed.');
    expect(existsSync(join(dir, 'content/meetings/pannel'))).toBe(false);
  });
});
