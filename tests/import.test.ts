import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, PROJECT, sampleCopy } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import writeXlsxFile from 'write-excel-file/node';
import Papa from 'papaparse';
import { importSheet, importSheets, type ImportResult } from '../src/lib/authoring/import';
import { readNumberFormats, readWorkbook } from '../src/lib/authoring/workbook';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const importFile = (root: string, file: string, quarter: string, ...more: string[]) =>
  spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', 'import.ts'), file, '--quarter', quarter, ...more], {
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
      'performance-sheet.xlsx Sheet1!A4: "Childrn in care" is not an indicator id or title, so the row was not imported; write the id (the file name in content/indicators/) or the title exactly as it is there',
      // The cells are in the General format, so 0.842 may be a fraction or 0.842%: refused, not guessed.
      'performance-sheet.xlsx Sheet1!C5: assessment-45-days is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825), or format the cells as Percentage. The row was not imported',
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
    expect(result.stderr).toContain('performance-sheet.csv A9: "cla-rte" is not an indicator id or title, so the row was not imported; did you mean cla-rate ("Children looked after, rate per 10,000 under-18s")?');
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

const sample = (await loadContent(PROJECT)).content!;
type Value = string | number | null | { value: number; format: string };
/** A workbook as Excel saves it, from rows of values; { value, format } gives a cell a number format. */
async function workbook(sheets: Record<string, Value[][]>) {
  const data = Object.entries(sheets).map(([sheet, rows]) => ({
    sheet,
    data: rows.map((row) => row.map((v) => (v === null ? null : typeof v === 'object' ? { value: v.value, type: Number, format: v.format } : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String }))),
  }));
  const bytes = await (writeXlsxFile as any)(data).toBuffer();
  return readWorkbook(new Uint8Array(bytes));
}
const importBook = async (sheets: Record<string, Value[][]>) => importSheets(sample, await workbook(sheets), '2020/21 Q1', 'Performance.xlsx');
/** The imported rows as indicator period area: value (note). */
const imported = (result: ImportResult) =>
  Papa.parse<Record<string, string>>(result.csv, { header: true, skipEmptyLines: true }).data.map((r) => `${r.indicator} ${r.period}${r.area ? ` ${r.area}` : ''}: ${r.value}${r.note ? ` (${r.note})` : ''}`);
const pct = (value: number, format = '0.0%') => ({ value, format });
const HEAD = ['Indicator', 'Unit', 'Apr-20', 'May-20', 'Jun-20'];
const EHCP = 'New Education, Health and Care plans issued within 20 weeks';

describe('the workbook import: right or refused, never wrong', () => {
  it('refuses a count row that shares a percentage\'s name, naming the unit cell, and imports the % row', async () => {
    const result = await importBook({
      Sheet1: [HEAD, [EHCP, 'No.', 18, 10, 22], [EHCP, '%', 45, 38.5, 52.4]],
    });
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!B2: the unit is "No." (a count), but ehcp-20-weeks ("New Education, Health and Care plans issued within 20 weeks") is a percentage, so the row was not imported; if the row is a percentage, write % in B2; if it is a count, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
      ]
    `);
    expect(imported(result)).toEqual(['ehcp-20-weeks 2020-04: 45', 'ehcp-20-weeks 2020-05: 38.5', 'ehcp-20-weeks 2020-06: 52.4']);
  });

  it('refuses the count row of the issue, under a site whose percentage is titled as the sheet names it', async () => {
    const title = 'New EHCPs issued within 20 weeks';
    const site = { ...sample, indicators: sample.indicators.map((i) => (i.id === 'ehcp-20-weeks' ? { ...i, title } : i)) };
    const result = importSheets(site, await workbook({ Sheet1: [HEAD, [title, 'No.', 18, 10, 22]] }), '2020/21 Q1', 'Performance.xlsx');
    expect(result.rows).toBe(0);
    expect(result.skipped).toEqual([expect.stringMatching(/^Performance\.xlsx Sheet1!B2: the unit is "No\." \(a count\), but ehcp-20-weeks \("New EHCPs issued within 20 weeks"\) is a percentage/)]);
  });

  it('reads the units real reports write, and refuses one it does not know or that disagrees', async () => {
    const result = await importBook({
      Sheet1: [
        ['KPI', 'Measure', 'Apr-20', 'May-20', 'Jun-20'],
        ['cla-rate', 'Rate per 10,000', 57.2, 58, 58.4],
        ['cla-starts', 'No.', 31, 28, 35],
        ['sw-caseload', 'Rate', 17.2, 17.9, 18.1],
        ['assessment-45-days', 'Score', 84.2, 86, 85.1],
        ['early-help', '', 1204, 1180, 1250],
        // "Average" fits days, weeks, £ or a ratio, not a count or a percentage.
        ['time-in-care-at-exit', 'Average', null, null, null],
        ['missing-from-home', 'Average', 40, 41, 42],
      ],
    });
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!B4: the unit is "Rate" (a rate per 10,000), but sw-caseload ("Average caseload of a children's social worker") is a ratio, so the row was not imported; if the row is a ratio, write Ratio in B4; if it is a rate per 10,000, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
        "Performance.xlsx Sheet1!B5: the unit "Score" is not one the import knows, so the row was not imported; assessment-45-days is a percentage: if the row is, write % in B5, otherwise leave the row out",
        "Performance.xlsx Sheet1!B8: the unit is "Average" (an average), but missing-from-home ("Children reported missing from home") is a count, so the row was not imported; if the row is a count, write No. in B8; if it is an average, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
      ]
    `);
    expect(imported(result)).toHaveLength(9);
  });

  it('reads a unit in brackets after the name, and refuses one that disagrees', async () => {
    const result = importSheet(
      sample,
      [
        ['Indicator', 'Apr-20', 'May-20', 'Jun-20'],
        ['Re-referrals within 12 months (%)', '21.9', '22.6', '23.1'],
        [`${EHCP} (No.)`, '18', '10', '22'],
      ],
      '2020/21 Q1',
      'Performance.csv',
    );
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.csv A3: the unit is "No." (a count), but ehcp-20-weeks ("New Education, Health and Care plans issued within 20 weeks") is a percentage, so the row was not imported; if the row is a percentage, write the name as "New Education, Health and Care plans issued within 20 weeks (%)"; if it is a count, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
      ]
    `);
    expect(imported(result)).toEqual(['re-referrals-12-months 2020-04: 21.9', 're-referrals-12-months 2020-05: 22.6', 're-referrals-12-months 2020-06: 23.1']);
  });

  it('reads a percent-formatted cell as the percentage Excel shows, 1 as 100, and leaves 38.5 in General as 38.5', async () => {
    const result = await importBook({
      Sheet1: [
        HEAD,
        [EHCP, '%', pct(0.45, '0%'), pct(0.385), pct(1, '0%')],
        ['assessment-45-days', '%', 84.2, 38.5, 100],
        ['re-referrals-12-months', null, pct(0.219, '0.00%'), 22.6, '21.9%'],
        // 38.5 typed, then formatted as %: Excel shows 3850%.
        ['repeat-cp-plans', null, 20.2, pct(38.5, '0%'), 21],
      ],
    });
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!D5: "38.5" for repeat-cp-plans 2020-05 is formatted as a percentage, so Excel shows 3850%; type the percentage again in the formatted cell (Excel then stores 45% as 0.45), or format the cell as Number; that value was not imported",
      ]
    `);
    expect(imported(result)).toEqual([
      'ehcp-20-weeks 2020-04: 45',
      'ehcp-20-weeks 2020-05: 38.5',
      'ehcp-20-weeks 2020-06: 100',
      'assessment-45-days 2020-04: 84.2',
      'assessment-45-days 2020-05: 38.5',
      'assessment-45-days 2020-06: 100',
      're-referrals-12-months 2020-04: 21.9',
      're-referrals-12-months 2020-05: 22.6',
      're-referrals-12-months 2020-06: 21.9',
      'repeat-cp-plans 2020-04: 20.2',
      'repeat-cp-plans 2020-06: 21',
    ]);
  });

  it("reads Excel's built-in percent formats, which styles.xml names by number only", async () => {
    const bytes = new Uint8Array(await (writeXlsxFile as any)([{ sheet: 'Sheet1', data: [[{ value: 0.385, type: Number, format: '0%' }, { value: 0.4, type: Number, format: '0.00%' }]] }]).toBuffer());
    const files = unzipSync(bytes);
    // As Excel saves it: formats 9 (0%) and 10 (0.00%) are built in, so no <numFmt> defines them.
    files['xl/styles.xml'] = strToU8(
      strFromU8(files['xl/styles.xml'])
        .replace(/<numFmts.*<\/numFmts>/, '')
        .replace('numFmtId="100"', 'numFmtId="9" fontId="0" xfId="0"')
        .replace('numFmtId="101"', 'numFmtId="10" fontId="0" xfId="0"'),
    );
    expect(readNumberFormats(zipSync(files)).get('Sheet1')).toEqual({ A1: '0%', B1: '0.00%' });
    // Some programs leave out the cells' and rows' r: the next column and row are meant.
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/ r="[A-Z]*\d+"/g, ''));
    expect(files['xl/worksheets/sheet1.xml']).not.toEqual(strToU8(sheet));
    expect(readNumberFormats(zipSync(files)).get('Sheet1')).toEqual({ A1: '0%', B1: '0.00%' });
  });

  it('refuses a percent-formatted cell for an indicator that is not a percentage', async () => {
    const result = await importBook({ Sheet1: [HEAD, ['cla-starts', null, 31, pct(0.28, '0%'), 35]] });
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!D2: "0.28" for cla-starts 2020-05 is formatted as a percentage (Excel shows 28%), but cla-starts is a count; format the cell as Number and type the figure itself; that value was not imported",
      ]
    `);
    expect(imported(result)).toEqual(['cla-starts 2020-04: 31', 'cla-starts 2020-06: 35']);
  });

  it('refuses a row that mixes a fraction with percentages, naming the odd cell, in a workbook and a CSV', async () => {
    const result = await importBook({
      Sheet1: [HEAD, [EHCP, null, 0.45, 38.5, 52.4], ['assessment-45-days', null, 0.45, 0.385, 1]],
    });
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!C2: 0.45 for ehcp-20-weeks 2020-04 looks like a fraction (45%) among percentages written from 0 to 100 (38.5, 52.4), so the row was not imported; write 45 if it is 45%, or type "0.45%" if it really is 0.45%",
        "Performance.xlsx Sheet1!C3: assessment-45-days is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825), or format the cells as Percentage. The row was not imported",
      ]
    `);
    expect(result.rows).toBe(0);
    const csv = importSheet(sample, [HEAD, [EHCP, '', '38.5', '0.45', '52.4']], '2020/21 Q1', 'Performance.csv');
    // Beside percentages typed with their % sign, too.
    expect(importSheet(sample, [HEAD, [EHCP, '', '38.5%', '0.45', '52.4%']], '2020/21 Q1', 'Performance.csv').skipped[0]).toContain('D2: 0.45 for ehcp-20-weeks 2020-05 looks like a fraction (45%)');
    expect(csv.skipped).toMatchInlineSnapshot(`
      [
        "Performance.csv D2: 0.45 for ehcp-20-weeks 2020-05 looks like a fraction (45%) among percentages written from 0 to 100 (38.5, 52.4), so the row was not imported; write 45 if it is 45%, or type "0.45%" if it really is 0.45%",
      ]
    `);
    // Typed with its % sign, a small percentage says what it is.
    expect(imported(importSheet(sample, [HEAD, [EHCP, '', '38.5', '0.45%', '52.4']], '2020/21 Q1', 'Performance.csv'))).toEqual([
      'ehcp-20-weeks 2020-04: 38.5',
      'ehcp-20-weeks 2020-05: 0.45',
      'ehcp-20-weeks 2020-06: 52.4',
    ]);
  });

  it('writes footnote markers and a Notes column as the row\'s note, and refuses a marker with no footnote', async () => {
    const result = await importBook({
      Sheet1: [
        [...HEAD, 'Notes'],
        ['cla-starts', 'No.', 31, 28, '12*', 'June not yet validated'],
        ['Children in care reported missing†', 'No.', 9, 11, '7**', null],
        ['early-help', null, 1204, '1,180 [1]', 1250, null],
        [],
        ['* provisional', null, null, null, null, null],
        ['** revised since the last report', null, null, null, null, null],
        ['†', 'Episodes, not children', null, null, null, null],
      ],
    });
    expect(result.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!D4: "1,180 [1]" is marked [1], but there is no footnote starting [1] under the table, so early-help 2020-05 was not imported; add the footnote (such as "[1] provisional") or remove the [1]",
      ]
    `);
    expect(result.notes).toMatchInlineSnapshot(`
      [
        "Performance.xlsx: row 6 is footnote * ("provisional"), row 7 is footnote ** ("revised since the last report"), row 8 is footnote † ("Episodes, not children"), written as the note of each figure marked with it",
      ]
    `);
    expect(imported(result)).toMatchInlineSnapshot(`
      [
        "cla-starts 2020-04: 31 (June not yet validated)",
        "cla-starts 2020-05: 28 (June not yet validated)",
        "cla-starts 2020-06: 12 (June not yet validated; provisional)",
        "missing-from-care 2020-04: 9 (Episodes, not children)",
        "missing-from-care 2020-05: 11 (Episodes, not children)",
        "missing-from-care 2020-06: 7 (Episodes, not children; revised since the last report)",
        "early-help 2020-04: 1204",
        "early-help 2020-06: 1250",
      ]
    `);
  });

  it('gives months without a year the year of the merged row above, and never takes that row for the headings', async () => {
    const body = [
      ['Indicator', 'Unit', 'April', 'May', 'June', 'July'],
      ['cla-starts', 'No.', 31, 28, 35, 30],
      ['early-help', 'No.', 1204, 1180, 1250, 1190],
    ];
    const dated = await importBook({ Sheet1: [['Performance report'], [null, null, '2020/21', null, null, null], ...body] });
    expect(dated.skipped).toEqual([]);
    expect(imported(dated)).toEqual(['cla-starts 2020-04: 31', 'cla-starts 2020-05: 28', 'cla-starts 2020-06: 35', 'early-help 2020-04: 1204', 'early-help 2020-05: 1180', 'early-help 2020-06: 1250']);
    // With no year over them, the months are refused, and a year in the row above (over the
    // Target column here) is not taken for the row of headings.
    const undated = await importBook({ Sheet1: [[null, null, 'This year', null, null, null, '2020/21'], [...body[0], 'Target'], ...body.slice(1)] });
    expect(undated.skipped).toMatchInlineSnapshot(`
      [
        "Performance.xlsx Sheet1!A2: row 2 has the headings, but none of them is a month, quarter or year; head each period's column as Apr 2020, 2020-04, 2020/21 Q1 or 2020/21 (a month alone, such as April, needs its year in the row above)",
      ]
    `);
    expect(undated.rows).toBe(0);
  });

  it('skips a sheet of RAG ratings with one line, naming --sheet', async () => {
    const result = await importBook({
      'Social care': [HEAD, ['cla-starts', 'No.', 31, 28, 35]],
      'RAG ratings': [
        ['Indicator', 'Apr-20', 'May-20', 'Jun-20'],
        ['cla-starts', 'Green', 'Green', 'Amber'],
        ['assessment-45-days', 'Red', 'Amber', 'Green'],
        ['cla-rate', 'Amber', 'Amber', 'Amber'],
      ],
    });
    expect(result.skipped).toEqual([]);
    expect(result.notes).toMatchInlineSnapshot(`
      [
        "Performance.xlsx (sheet RAG ratings): has no figures under its period headings, only text such as "Green", "Amber", "Red" (RAG ratings?), so the sheet was not imported; to import one sheet only, name it: --sheet "Social care"",
      ]
    `);
    expect(result.rows).toBe(3);
  });
});

/**
 * tests/fixtures/workbooks/: workbooks shaped as performance teams make them (make-workbooks.ts
 * says how). Every figure in them is either imported as the sheet shows it or refused at its cell.
 */
describe('the corpus of real-shaped workbooks', () => {
  const corpus = async (name: string) => {
    const sheets = await readWorkbook(readFileSync(join(FIXTURES, 'workbooks', name)));
    const result = importSheets(sample, sheets, '2020/21 Q1', name);
    return { skipped: result.skipped, notes: result.notes, imported: imported(result) };
  };

  it('a monthly scorecard with a Unit column, formats, footnotes and a sheet of RAG ratings', async () => {
    expect(await corpus('monthly-scorecard.xlsx')).toMatchInlineSnapshot(`
      {
        "imported": [
          "early-help 2020-04: 1204",
          "early-help 2020-05: 1180",
          "early-help 2020-06: 1250",
          "re-referrals-12-months 2020-04: 21.9 (Above target; audit under way)",
          "re-referrals-12-months 2020-05: 22.6 (Above target; audit under way)",
          "re-referrals-12-months 2020-06: 23.1 (Above target; audit under way)",
          "cla-rate 2020-04: 57.2",
          "cla-rate 2020-05: 58",
          "cla-rate 2020-06: 58.4",
          "cla-starts 2020-04: 31",
          "cla-starts 2020-05: 28",
          "cla-starts 2020-06: 35 (provisional: not yet validated)",
          "missing-from-care 2020-04: 9",
          "missing-from-care 2020-05: c",
          "missing-from-care 2020-06: 11",
          "ehcp-20-weeks 2020-04: 45",
          "ehcp-20-weeks 2020-05: 38.5",
          "ehcp-20-weeks 2020-06: 100",
          "sw-caseload 2020-04: 17.2",
          "sw-caseload 2020-05: 17.9",
          "sw-caseload 2020-06: 18.1",
        ],
        "notes": [
          "monthly-scorecard.xlsx (sheet Scorecard): rows 1 to 4, above the headings on row 5, were not imported ("Children's Services Performance Scorecard")",
          "monthly-scorecard.xlsx (sheet Scorecard): columns Ref (A), Target (G), RAG (H), Direction of travel (I) are not periods, so they were not imported",
          "monthly-scorecard.xlsx (sheet Scorecard): rows 6, 10, 14, 17, 22 have text but no figures (a heading?), so they were not imported",
          "monthly-scorecard.xlsx (sheet Scorecard): row 21 is footnote * ("provisional: not yet validated"), written as the note of each figure marked with it",
          "monthly-scorecard.xlsx (sheet RAG ratings): has no figures under its period headings, only text such as "Green", "Amber", "Red" (RAG ratings?), so the sheet was not imported; to import one sheet only, name it: --sheet "Scorecard"",
        ],
        "skipped": [
          "monthly-scorecard.xlsx Scorecard!C15: the unit is "No." (a count), but ehcp-20-weeks ("New Education, Health and Care plans issued within 20 weeks") is a percentage, so the row was not imported; if the row is a percentage, write % in C15; if it is a count, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
          "monthly-scorecard.xlsx Scorecard!E19: 0.86 for assessment-45-days 2020-05 looks like a fraction (86%) among percentages written from 0 to 100 (84.2, 85.1), so the row was not imported; write 86 if it is 86%, or type "0.86%" if it really is 0.86%",
        ],
      }
    `);
  });

  it('a quarterly board report with Measure and Type columns, notes and a footnote', async () => {
    expect(await corpus('quarterly-board-report.xlsx')).toMatchInlineSnapshot(`
      {
        "imported": [
          "care-leavers-neet 2020/21 Q1: 41.5",
          "care-leavers-accommodation 2020/21 Q1: 88 (June figure is provisional)",
          "cin-rate 2020/21 Q1: 335.2 (Includes children on child protection plans)",
          "time-in-care-at-exit 2020/21 Q1: 498",
        ],
        "notes": [
          "quarterly-board-report.xlsx: row 1, above the headings on row 2, was not imported ("Corporate Parenting Board – performance report")",
          "quarterly-board-report.xlsx: column Good is (E) is not a period, so it was not imported",
          "quarterly-board-report.xlsx: columns outside 2020/21 Q1 were not imported (2019/20 Q4); import them with the quarter they belong to",
          "quarterly-board-report.xlsx: row 10 is footnote (1) ("June figure is provisional"), written as the note of each figure marked with it",
        ],
        "skipped": [
          "quarterly-board-report.xlsx 'Q1 2020-21'!D5: cla-review-participation is a percentage, but every value is between 0 and 1, as a spreadsheet stores a cell formatted as %; write the percentages as numbers from 0 to 100 (82.5, not 0.825), or format the cells as Percentage. The row was not imported",
          "quarterly-board-report.xlsx 'Q1 2020-21'!B8: the unit is "No." (a count), but sdq-completion ("Children in care with a Strengths and Difficulties Questionnaire completed") is a percentage, so the row was not imported; if the row is a percentage, write % in B8; if it is a count, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
        ],
      }
    `);
  });

  it('a SEND dashboard with text months, a Type column beside the Unit, and months under a merged year', async () => {
    const sheets = await readWorkbook(readFileSync(join(FIXTURES, 'workbooks', 'send-dashboard.xlsx')));
    const result = importSheets(sample, sheets, '2024/25 Q1', 'send-dashboard.xlsx');
    expect({ skipped: result.skipped, notes: result.notes, imported: imported(result) }).toMatchInlineSnapshot(`
      {
        "imported": [
          "ehcp-20-weeks 2024-04: 58.0 (Checked against the SEN2 return)",
          "ehcp-20-weeks 2024-05: 61.2 (Checked against the SEN2 return)",
          "ehcp-20-weeks 2024-06: 100 (Checked against the SEN2 return)",
          "early-help 2024-04: 1204",
          "early-help 2024-05: 1180",
          "early-help 2024-06: 1250",
          "rhi-72-hours 2024-04: 71.2",
          "rhi-72-hours 2024-05: 68.4",
          "rhi-72-hours 2024-06: 75",
          "missing-from-home 2024-04: 45",
          "missing-from-home 2024-05: 52",
          "missing-from-home 2024-06: 48 (includes repeat episodes for the same child)",
          "missing-from-care 2024-04: 9",
          "missing-from-care 2024-06: 11",
          "cla-starts 2024-04: 31",
          "cla-starts 2024-05: 28",
          "cla-starts 2024-06: 35",
          "sw-caseload 2024-04: 17.2",
          "sw-caseload 2024-05: 17.9",
          "sw-caseload 2024-06: 18.1",
        ],
        "notes": [
          "send-dashboard.xlsx (sheet SEND and early help): rows 1 to 2, above the headings on row 3, were not imported ("SEND and Early Help Dashboard")",
          "send-dashboard.xlsx (sheet SEND and early help): column Type (B) is not a period, so it was not imported",
          "send-dashboard.xlsx (sheet SEND and early help): row 11 is footnote ² ("includes repeat episodes for the same ch"), written as the note of each figure marked with it",
          "send-dashboard.xlsx (sheet By month): row 1, above the headings on row 2, was not imported ("2024/25")",
        ],
        "skipped": [
          "send-dashboard.xlsx 'SEND and early help'!C5: the unit is "No." (a count), but ehcp-20-weeks ("New Education, Health and Care plans issued within 20 weeks") is a percentage, so the row was not imported; if the row is a percentage, write % in C5; if it is a count, it is not this indicator: leave it out, or add an indicator for it to content/indicators/",
          "send-dashboard.xlsx 'SEND and early help'!E9: "<5" for missing-from-care 2024-05 hides the figure; type the real number (Scrutineer hides small counts itself, and the hidden number is never published), or c, DfE's symbol, if you do not have it; that value was not imported",
        ],
      }
    `);
  });

  it('npm run import --sheet reads the one sheet, and what it writes passes check', async () => {
    const dir = copy();
    const result = importFile(dir, join(FIXTURES, 'workbooks', 'monthly-scorecard.xlsx'), '2020/21 Q1', '--sheet', 'Scorecard');
    expect(result.stderr).not.toContain('RAG ratings');
    expect(result.stdout).toContain('Created data/2020-21/q1.csv with 21 values; 2 things were not imported (listed above)');
    expect(result.status).toBe(1);
    const { problems } = await loadContent(dir);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
