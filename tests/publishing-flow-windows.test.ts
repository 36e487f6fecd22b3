/**
 * docs/publishing.md, followed as a democratic services officer on a Windows laptop does: the
 * performance team's real-looking workbook (a title row, text month headings, '86.2%', '-', 'n/a',
 * indicator titles, Ref/Target/RAG columns, a Comments column written as notes, a second sheet of
 * comparators) is imported;
 * what it could not use, and what check then says is unfinished, are locked as the officer sees
 * them; the quarter is completed in Excel and saved as "CSV (Comma delimited)" (Windows-1252,
 * \r\n), the meeting saved from Notepad with \r\n and agenda item 7.10; and the site builds with it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { PROJECT, sampleCopy } from './helpers/fixtures';
import { buildSite, cleanEnv, page, tableRows } from './helpers/build';
import { loadContent } from '../src/lib/content/load';
import { newQuarter } from '../src/lib/authoring/new-quarter';
import { CSP } from '../src/lib/security';

const root = sampleCopy();
const work = mkdtempSync(join(tmpdir(), 'scrutineer-officer-'));
const out = mkdtempSync(join(tmpdir(), 'scrutineer-flow-windows-'));
afterAll(() => {
  for (const d of [root, work, out]) rmSync(d, { recursive: true, force: true });
});
const npmRun = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', script), ...args], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: root }),
    encoding: 'utf8',
  });

/** What Notepad or Excel on Windows writes: \r\n, and Windows-1252 where asked. */
const CP1252: Record<string, number> = { '£': 0xa3, '‘': 0x91, '’': 0x92, '–': 0x96 };
function saveAsWindows(path: string, text: string, encoding: 'utf-8' | 'windows-1252') {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  if (encoding === 'utf-8') return writeFileSync(path, crlf);
  const bytes = [...crlf].map((c) => {
    const b = CP1252[c] ?? c.charCodeAt(0);
    if (b > 0xff) throw new Error(`"${c}" has no Windows-1252 byte in this test`);
    return b;
  });
  writeFileSync(path, Uint8Array.from(bytes));
}

const QUARTER_FILE = join(root, 'data/2020-21/q1.csv');
const MEETING = 'corporate-parenting-board/2020-09-17';
const MEETING_FILE = join(root, `content/meetings/${MEETING}.mdx`);

describe("an officer's quarter on a Windows laptop, as docs/publishing.md says", () => {
  it('step 1: the performance team’s workbook imports, with one line for each thing left out', async () => {
    const date = (month: number) => ({ value: new Date(Date.UTC(2020, month, 1)), type: Date, format: 'mmm-yy' });
    const text = (value: string) => ({ value, type: String });
    const cell = (v: string | number | null) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : text(v));
    const main = [
      ["Children's Services Performance Report – Quarter 1 2020/21", null, null, null, null, null, null, null, null],
      ['Ref', 'Indicator', 'Apr-20', 'May-20', 'Jun-20', 'Q1 2020/21', 'Target', 'RAG', 'Comments'],
      ['CSC1', 'Children looked after, rate per 10,000 under-18s', 57.2, 58, 58.4, null, 60, 'G', 'Stable'],
      [null, 'Children in care', null, null, null, null, null, null, null],
      ['CSC2', 'Social work assessments completed within 45 working days', '86.2%', '84.0%', '-', null, '85%', 'A', 'June not yet validated'],
      ['CSC3', 'cla-starts', 31, 'n/a', 35, null, null, null, null],
      ['CSC4', 'Children in care reported missing', '*', '[c]', 9, null, null, null, null],
      ['CSC5', 'Children in need rate per 10,000', null, null, null, 335.2, null, null, null],
      ['CSC6', 'Care leavers aged 19 to 21 not in education, employment or training', null, null, null, '41.5%', 40, 'R', null],
      ['CSC7', 'Families supported by early help', '1,204', '1,180', '1,250', null, null, null, null],
      ['CSC8', 'Children who stopped being looked after', null, null, null, 30, null, null, null],
    ].map((row) => row.map(cell));
    const comparators = [
      [text('Indicator'), text('Area'), date(3), date(4), date(5), text('2019/20')],
      ['assessment-45-days', 'England', 83.1, 83.1, 83.1, null].map(cell),
      ['cla-rate', 'Statistical neighbours', 60, 60, 61, null].map(cell),
      ['cla-rate', 'England', null, null, null, 67].map(cell),
    ];
    const workbook = join(work, 'Performance Q1 2020-21.xlsx');
    await writeXlsxFile([
      { data: main as any, sheet: 'Social care' },
      { data: comparators as any, sheet: 'Comparators' },
    ]).toFile(workbook);

    const result = npmRun('import.ts', workbook, '--quarter', '2020/21 Q1');
    expect(result.stderr).toMatchInlineSnapshot(`
      "Performance Q1 2020-21.xlsx (sheet Social care): row 1, above the headings on row 2, was not imported ("Children's Services Performance Report – Quarter 1 2020/21")
      Performance Q1 2020-21.xlsx (sheet Social care): columns Ref (A), Target (G), RAG (H) are not periods, so they were not imported
      Performance Q1 2020-21.xlsx (sheet Social care): row 4 has text but no figures (a heading?), so it was not imported
      Performance Q1 2020-21.xlsx (sheet Comparators): columns outside 2020/21 Q1 were not imported (2019/20); import them with the quarter they belong to
      Performance Q1 2020-21.xlsx 'Social care'!C7: "*" for missing-from-care 2020-04 hides the figure; type the real number (Scrutineer hides small counts itself, and the hidden number is never published), or c, DfE's symbol, if you do not have it; that value was not imported
      Performance Q1 2020-21.xlsx 'Social care'!B8: "Children in need rate per 10,000" is not an indicator id or title, so the row was not imported; did you mean cin-rate ("Children in need, rate per 10,000 under-18s")?
      Performance Q1 2020-21.xlsx 'Social care'!F11: cla-ceases is monthly, so its figures under 2020/21 Q1 were not imported; put them under a month column, such as Apr 2020
      "
    `);
    expect(result.stdout).toContain('Created data/2020-21/q1.csv with 21 values; 3 things were not imported (listed above)');
    expect(result.status).toBe(1);
    const rows = Papa.parse<Record<string, string>>(readFileSync(QUARTER_FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const figure = (indicator: string, period: string, area = '') => rows.find((r) => r.indicator === indicator && r.period === period && r.area === area);
    expect(figure('assessment-45-days', '2020-04')).toMatchObject({ value: '86.2', status: '', note: 'June not yet validated' });
    // The Comments column is each figure's note.
    expect(figure('cla-rate', '2020-04')).toMatchObject({ value: '57.2', note: 'Stable' });
    expect(figure('assessment-45-days', '2020-06')).toMatchObject({ value: 'x' });
    expect(figure('cla-starts', '2020-05')).toMatchObject({ value: 'x' });
    // The team's own [c] is kept as DfE's symbol.
    expect(figure('missing-from-care', '2020-05')).toMatchObject({ value: 'c' });
    expect(figure('care-leavers-neet', '2020/21 Q1')).toMatchObject({ value: '41.5' });
    expect(figure('early-help', '2020-04')).toMatchObject({ value: '1204' });
    expect(figure('cla-rate', '2020-06', 'statistical-neighbours')).toMatchObject({ value: '61' });
    expect(figure('assessment-45-days', '2020-05', 'england')).toMatchObject({ value: '83.1' });
  });

  it('step 2: with a draft meeting, check warns about every indicator still without a figure, and --strict fails', () => {
    expect(npmRun('new-meeting.ts', 'corporate-parenting-board', '2020-09-17', '--period', '2020/21 Q1').status).toBe(0);
    const check = npmRun('check.ts', '--strict');
    expect(check.stdout).toMatchInlineSnapshot(`
      "content/meetings/corporate-parenting-board/2020-09-17.mdx:8:36: warning: cla-ceases has no figure for 2020-06, where the meeting's period (2020/21 Q1) ends; the page would show March 2020 as its latest. Add a row for 2020-06 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:48: warning: placement-type-mix has no figure for 2020/21 Q1, the meeting's period; the page would show 2019/20 Q4 (January to March 2020) as its latest. Add a row for 2020/21 Q1 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:68: warning: placement-moves-3plus has no figure for 2020-06, where the meeting's period (2020/21 Q1) ends; the page would show March 2020 as its latest. Add a row for 2020-06 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:91: warning: placement-weekly-cost has no figure for 2020/21 Q1, the meeting's period; the page would show 2019/20 Q4 (January to March 2020) as its latest. Add a row for 2020/21 Q1 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:114: warning: cla-review-timeliness has no figure for 2020-06, where the meeting's period (2020/21 Q1) ends; the page would show March 2020 as its latest. Add a row for 2020-06 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:137: warning: cla-review-participation has no figure for 2020/21 Q1, the meeting's period; the page would show 2019/20 Q4 (January to March 2020) as its latest. Add a row for 2020/21 Q1 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:182: warning: time-in-care-at-exit has no figure for 2020/21 Q1, the meeting's period; the page would show 2019/20 Q4 (January to March 2020) as its latest. Add a row for 2020/21 Q1 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:204: warning: sdq-completion has no figure for 2020/21 Q1, the meeting's period; the page would show 2019/20 Q4 (January to March 2020) as its latest. Add a row for 2020/21 Q1 to data/2020-21/q1.csv, with x as its value if there is no figure
      content/meetings/corporate-parenting-board/2020-09-17.mdx:8:239: warning: care-leavers-accommodation has no figure for 2020/21 Q1, the meeting's period; the page would show 2019/20 Q4 (January to March 2020) as its latest. Add a row for 2020/21 Q1 to data/2020-21/q1.csv, with x as its value if there is no figure
      "
    `);
    expect(check.status).toBe(1);
    expect(npmRun('check.ts').status).toBe(0);
  });

  it('step 3: completed in Excel and Notepad and saved the Windows way, the quarter and meeting pass --strict and publish', async () => {
    // The officer fills in what check asked for, and corrects the sheet's slips by hand.
    const { partial } = await loadContent(root, { drafts: true });
    const wanted = Papa.parse<Record<string, string>>(newQuarter(partial!, '2020/21 Q1').csv, { header: true, skipEmptyLines: true }).data;
    const parsed = Papa.parse<Record<string, string>>(readFileSync(QUARTER_FILE, 'utf8'), { header: true, skipEmptyLines: true });
    const rows = parsed.data;
    const key = (r: Record<string, string>) => `${r.indicator}|${r.period}|${r.area}|${r.breakdown}`;
    const have = new Set(rows.map(key));
    const units = new Map(partial!.indicators.map((i) => [i.id, i.unit]));
    for (const r of wanted.filter((w) => !have.has(key(w)))) {
      const unit = units.get(r.indicator);
      const value = r.indicator === 'placement-type-mix' ? '20' : unit === 'gbp' ? '1150' : '60';
      rows.push({ ...r, value, note: unit === 'gbp' ? 'Cost in £ per week, ‘all placements’' : '' });
    }
    const neet = rows.find((r) => r.indicator === 'care-leavers-neet' && r.area === '')!;
    Object.assign(neet, { numerator: '83', denominator: '200' });
    saveAsWindows(QUARTER_FILE, Papa.unparse(rows, { columns: parsed.meta.fields, newline: '\n' }) + '\n', 'windows-1252');
    expect(readFileSync(QUARTER_FILE).includes(0xa3)).toBe(true);

    // CSV UTF-8 from Excel would do as well; this one is Windows-1252. The indicator is asked to show counts.
    const neetFile = join(root, 'content/indicators/care-leavers-neet.yaml');
    saveAsWindows(neetFile, readFileSync(neetFile, 'utf8') + 'show: counts\n', 'utf-8');
    const meeting = readFileSync(MEETING_FILE, 'utf8')
      .replace('number: TBC', 'number: 7.10')
      .replace(/summary: .*/, 'summary: The board considered the first quarter of 2020/21.')
      .replace('draft: true\n', '')
      .replace('## Discussion', 'Fewer care leavers were out of education, employment or training.\n\n## Discussion');
    saveAsWindows(MEETING_FILE, meeting, 'utf-8');

    const check = npmRun('check.ts', '--strict');
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
    const result = buildSite(root, out);
    expect(result.status, result.stderr).toBe(0);

    const doc = page(out, `${MEETING}/`);
    const details = [...doc.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(details).toContain('Agenda item: 7.10: Performance report');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(CSP);
    const rowsOf = (id: string) => tableRows(doc.querySelector(`#${id} table`)!);
    const at = (id: string, label: string) => {
      const rows = rowsOf(id);
      // A snapshot's row is labelled with its date ("30 Jun 2020").
      const row = rows.find((r) => r[0] === label || r[0].endsWith(` ${label}`));
      if (!row) throw new Error(`no row ${label} in #${id}: ${rows.map((r) => r[0]).join(' | ')}`);
      return row[1];
    };
    // The unit is in the column header, not the cell; the number after it marks the note the
    // Comments column gave ("Stable").
    expect(at('cla-rate', 'Jun 2020')).toMatch(/^58 \d+$/);
    expect(doc.querySelector('#cla-rate')!.textContent).toContain('Stable');
    expect(at('cla-starts', 'May 2020')).toContain('[x]');
    // The team's [c] stays hidden.
    expect(at('missing-from-care', 'May 2020')).toContain('[c]');
    // Numbers instead of percentages, as the committee asked.
    expect(at('care-leavers-neet', 'Jun 2020')).toContain('83 of 200');
    expect(doc.querySelector('#care-leavers-neet')!.textContent).not.toContain('41.5%');
    expect(doc.querySelector('#placement-weekly-cost')!.textContent).toContain('Cost in £ per week, ‘all placements’');
    expect(doc.body.textContent).not.toContain('\uFFFD');

    // Assessments are on another committee's page; their figures reached the site too.
    const indicatorPage = page(out, 'indicators/assessment-45-days/');
    const assessment = tableRows(indicatorPage.querySelector('table')!);
    expect(assessment.find((r) => r[0] === 'Apr 2020')?.join(' ')).toContain('86.2');
    expect(assessment.find((r) => r[0] === 'Jun 2020')?.join(' ')).toContain('[x]');
  });
});
