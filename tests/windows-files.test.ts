/**
 * Files as a Windows laptop saves them: Windows line endings in every kind of file, a CSV saved by
 * Excel as Windows-1252, a data file emptied to its header, and YAML numbers that are really text.
 * Then completeness: what `check` warns about, and `--strict` failing on it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MINIMAL, PROJECT, sampleCopy, siteWith } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { decodeText } from '../src/lib/content/text-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const site = () => {
  const d = siteWith();
  dirs.push(d);
  return d;
};
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const toCrlf = (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));
const problems = async (dir: string) => (await loadContent(dir)).problems.map(formatProblem);
const warnings = async (dir: string) => (await loadContent(dir)).warnings.map(formatProblem);
const check = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', 'check.ts'), ...args], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: dir }),
    encoding: 'utf8',
  });

describe('Windows line endings', () => {
  it('every kind of file saved with \\r\\n reads exactly as with \\n', async () => {
    const dir = site();
    for (const f of files(dir)) toCrlf(f);
    const crlf = await loadContent(dir);
    const lf = await loadContent(MINIMAL);
    expect(crlf.problems).toEqual([]);
    // The same content, field for field (the root folder aside).
    expect({ ...crlf.content, root: '' }).toEqual({ ...lf.content, root: '' });
    // The last field of the front matter (before "---\r\n") is the one that used to break.
    expect(crlf.content!.meetings.map((m) => m.summary)).toEqual(lf.content!.meetings.map((m) => m.summary));
  });

  it('the sample site, checked out with autocrlf, is valid as it is with \\n', async () => {
    const dir = sampleCopy();
    dirs.push(dir);
    for (const f of files(dir)) toCrlf(f);
    expect(await problems(dir)).toEqual([]);
  });

  it('positions in \\r\\n files are the lines and columns an editor shows', async () => {
    const dir = site();
    edit(join(dir, 'data/2018-19/q1.csv'), (t) => t.replace('open-cases,2018/19 Q1,,family,12', 'open-cases,2018/19 Q1,,family,"1,200"'));
    edit(join(dir, 'content/indicators/cla-rate.yaml'), (t) => t.replace(/^unit: .*$/m, 'unit: rate'));
    edit(join(dir, 'content/meetings/panel/2018-10-25.mdx'), (t) => t.replace('    status: done', '    status: finished'));
    for (const f of files(dir)) toCrlf(f);
    expect(await problems(dir)).toMatchInlineSnapshot(`
      [
        "content/indicators/cla-rate.yaml:3:7: unit "rate" is not allowed; write one of count, percent, rate-per-10000, days, weeks, gbp, ratio; did you mean ratio?",
        "content/meetings/panel/2018-10-25.mdx:7:13: updates[1].status "finished" is not allowed; write one of open, in-progress, done, dropped",
        "data/2018-19/q1.csv:9:5: value "1,200" is not a number; write 1200",
      ]
    `);
  });
});

describe('a CSV saved by Excel as Windows-1252', () => {
  it('is read as Windows-1252, so "£" and curly quotes are kept', async () => {
    const dir = site();
    const file = join(dir, 'data/2018-19/q1.csv');
    const text = readFileSync(file, 'utf8').replace('England figure for 2017/18', 'Cost in £ per week (‘estimated’)');
    // What Excel's "CSV (Comma delimited)" writes: one byte a character, and \r\n.
    writeFileSync(file, Buffer.from(new Uint8Array([...text.replace(/\n/g, '\r\n')].map((c) => ({ '£': 0xa3, '‘': 0x91, '’': 0x92 })[c] ?? c.charCodeAt(0)))));
    expect(readFileSync(file).includes(0xa3)).toBe(true);
    const { problems: found, content } = await loadContent(dir);
    expect(found).toEqual([]);
    expect(content!.observations.find((o) => o.area === 'england')!.note).toBe('Cost in £ per week (‘estimated’)');
  });

  it('UTF-8, with or without the byte order mark Excel writes, stays UTF-8', () => {
    const text = 'note\nCost in £ per week — “estimated”\n';
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8', firstBadByte: undefined });
    expect(decodeText(Buffer.from('\uFEFF' + text.replace(/\n/g, '\r\n'))).text).toBe(text);
  });

  it('a meeting file that is not UTF-8 is refused at its first such byte (Astro reads it as UTF-8)', async () => {
    const dir = site();
    const file = join(dir, 'content/meetings/panel/2018-10-25.mdx');
    const text = readFileSync(file, 'utf8').replace('Timeliness improved.', 'Timeliness improved; it cost £40 a case.');
    writeFileSync(file, Buffer.from([...text].map((c) => (c === '£' ? 0xa3 : c.charCodeAt(0)))));
    expect(await problems(dir)).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:30: the file is not saved as UTF-8 (this character, "£", is byte 0xA3, as Windows-1252 writes it); save it as UTF-8: in Notepad, File > Save As and choose Encoding "UTF-8"",
      ]
    `);
  });
});

describe('a data file with no rows', () => {
  it('is reported at that file, rather than its quarter silently disappearing', async () => {
    const dir = site();
    writeFileSync(join(dir, 'data/2018-19/q2.csv'), 'indicator,period,area,breakdown,value,numerator,denominator,status,note\r\n');
    expect(await problems(dir)).toMatchInlineSnapshot(`
      [
        "data/2018-19/q2.csv:2:1: this file has a header row but no data rows, so 2018/19 Q2 has no figures; add its rows (npm run new:quarter -- "2018/19 Q2" writes them, in a new file), or delete the file",
      ]
    `);
  });
});

describe('YAML values that are text stay text', () => {
  it('agenda item 7.10 publishes "7.10", not "7.1"; a title written as a number is kept as written', async () => {
    const dir = site();
    edit(join(dir, 'content/meetings/panel/2018-10-25.mdx'), (t) => t.replace('number: "6"', 'number: 7.10'));
    edit(join(dir, 'content/meetings/panel/2018-07-20.mdx'), (t) => t.replace(/number: "?[^,]*"?,/, 'number: 007,'));
    edit(join(dir, 'content/committees/panel.yaml'), (t) => t.replace(/^shortName: .*$/m, '').replace(/^name: .*$/m, 'name: 2020'));
    const { problems: found, content } = await loadContent(dir);
    expect(found).toEqual([]);
    expect(content!.meetings.map((m) => m.agendaItem.number)).toEqual(['007', '7.10']);
    expect(content!.committees[0].name).toBe('2020');
  });
});

describe('completeness warnings', () => {
  it('an indicator with no figure for the meeting period, and a missing quarter file, are warnings', async () => {
    const dir = site();
    // A partial import: the quarter's assessments and cla-rate rows never arrived.
    edit(join(dir, 'data/2018-19/q2.csv'), (t) => t.split('\n').filter((l) => !/^(assessment-45-days,2018-09|cla-rate)/.test(l)).join('\n'));
    edit(join(dir, 'content/meetings/panel/2018-10-25.mdx'), (t) => t.replace('period: 2018/19 Q2', 'period: 2018/19 Q2\nindicators: [open-cases, cla-rate]'));
    // And a later quarter, leaving 2018/19 Q3 without a file.
    writeFileSync(join(dir, 'data/2018-19/q4.csv'), 'indicator,period,area,value\nopen-cases,2018/19 Q4,,abuse,41\n'.replace(',value\n', ',breakdown,value\n'));
    expect(await problems(dir)).toEqual([]);
    expect(await warnings(dir)).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:4:26: warning: cla-rate has no figure for 2018/19 Q2, the meeting's period; the page would show 2018/19 Q1 (April to June 2018) as its latest. Add a row for 2018/19 Q2 to data/2018-19/q2.csv, with x as its value if there is no figure",
        "data/2018-19/q3.csv:1:1: warning: there is no file for 2018/19 Q3 (October to December 2018), between data/2018-19/q2.csv and data/2018-19/q4.csv, but open-cases (quarterly) has the council's own figures in files before and after it, so this quarter's are missing; create it with npm run new:quarter -- "2018/19 Q3" and fill it in",
      ]
    `);
    // check prints them; it passes without --strict, and fails with it, as CI runs it.
    const plain = check(dir);
    expect(plain.stdout).toContain('data/2018-19/q3.csv:1:1: warning: there is no file for 2018/19 Q3');
    expect(plain.status).toBe(0);
    const strict = check(dir, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('2 warnings: with --strict, as CI checks, they must be fixed before the content is accepted.');
    expect(check(dir, '--strict', '--format', 'github').stdout).toContain('::warning file=data/2018-19/q3.csv,line=1,col=1::there is no file');
  });

  it('a meeting showing every indicator by default is warned at its period; x and not-available count as figures', async () => {
    const dir = site();
    edit(join(dir, 'data/2018-19/q2.csv'), (t) => t.replace(/^cla-rate,2018\/19 Q2,local,,53.0,,,,$/m, 'cla-rate,2018/19 Q2,local,,,,,not-available,'));
    expect(await warnings(dir)).toEqual([]);
    edit(join(dir, 'data/2018-19/q2.csv'), (t) => t.replace(/^cla-rate,2018\/19 Q2,local,,,,,not-available,$/m, 'cla-rate,2018/19 Q2,local,,x,,,,'));
    expect(await problems(dir)).toEqual([]);
    expect(await warnings(dir)).toEqual([]);
    edit(join(dir, 'data/2018-19/q2.csv'), (t) => t.replace(/^assessment-45-days,2018-09.*\n/m, ''));
    expect(await warnings(dir)).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:3:9: warning: assessment-45-days has no figure for 2018-09, where the meeting's period (2018/19 Q2) ends; the page would show August 2018 as its latest. Add a row for 2018-09 to data/2018-19/q2.csv, with x as its value if there is no figure",
      ]
    `);
  });
});
