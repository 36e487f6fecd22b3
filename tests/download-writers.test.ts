/**
 * The fast paths of the downloads against the plain ones they replaced. The workbook writer
 * (src/lib/open-data/xlsx.ts): every XML part is byte for byte what write-excel-file writes for
 * the same cells, on real DfE figures and on text written to be awkward, and the archive opens in
 * read-excel-file. A meeting's CSV, put together from lines shared between meetings: the same
 * bytes as writing all its rows at once.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import writeXlsxFile, { type Cell as LibraryCell, type Row as LibraryRow } from 'write-excel-file/node';
import { readSheet } from 'read-excel-file/node';
import { loadContent } from '../src/lib/content/load';
import { DataIndex } from '../src/lib/data-index';
import { meetingCsv, meetingRows, toCsv } from '../src/lib/present/downloads';
import { spreadsheet, workbookSheets } from '../src/lib/open-data/spreadsheet';
import { xlsx, xlsxParts, type XlsxSheet } from '../src/lib/open-data/xlsx';
import { FIXTURES } from './helpers/fixtures';
import { unzip } from './helpers/zip';

/** The same sheets, as write-excel-file takes them. */
async function library(sheets: XlsxSheet[]) {
  const data = sheets.map((s) =>
    s.rows.map(
      (row): LibraryRow =>
        row.map((c): LibraryCell => {
          if (c === null) return null;
          const style = c.bold ? { fontWeight: 'bold' as const } : c.right ? { align: 'right' as const } : {};
          if (typeof c.value === 'string') return { value: c.value, type: String, ...style };
          if (typeof c.value === 'boolean') return { value: c.value, type: Boolean, ...style };
          return { value: c.value, type: Number, ...style };
        }),
    ),
  );
  const buffer = await writeXlsxFile(
    sheets.map((s, i) => ({ sheet: s.name, data: data[i], columns: s.widths.map((width) => ({ width })), ...(s.frozenHeader && { stickyRowsCount: 1 }) })),
  ).toBuffer();
  return unzip(buffer);
}

async function expectSameParts(sheets: XlsxSheet[]) {
  const theirs = await library(sheets);
  const ours = xlsxParts(sheets);
  expect(ours.map(([name]) => name).sort()).toEqual([...theirs.keys()].sort());
  for (const [name, xml] of ours) expect(xml, name).toBe(theirs.get(name)!.toString('utf8'));
  // And the archive itself holds exactly those parts.
  const unzipped = unzip(Buffer.from(xlsx(sheets)));
  for (const [name, xml] of ours) expect(unzipped.get(name)!.toString('utf8'), name).toBe(xml);
}

describe('workbooks are what write-excel-file wrote, part by part', () => {
  it("a meeting's figures from DfE's own files (Worcestershire)", async () => {
    const { content } = await loadContent(join(FIXTURES, 'sites', 'worcestershire'));
    const data = new DataIndex(content!);
    const meeting = content!.meetings.at(-1)!;
    const bytes = spreadsheet(content!.site, meetingRows(data, meeting), 'Title', 'https://example.gov.uk/');
    const parts = unzip(Buffer.from(bytes));
    expect(parts.get('xl/worksheets/sheet1.xml')!.length).toBeGreaterThan(10_000);
    const rows = await readSheet(Buffer.from(bytes), 'Data');
    expect(rows[0].slice(0, 6)).toEqual(['indicator', 'period', 'period_type', 'area', 'breakdown', 'value']);
    expect(rows.length).toBe(meetingRows(data, meeting).length + 1);
  });

  it('text written to be awkward: markup, quotes, spaces at the ends, characters XML cannot hold, symbols, booleans', async () => {
    const awkward = ['a & b < c > d', 'He said "no" and \'yes\'', '  leading', 'trailing  ', 'bell\u0007 and \u0000 null', 'lone \uD800 surrogate', 'emoji 👍 and Welsh ŵ', 'line\nbreak', '', 'c'];
    const sheets: XlsxSheet[] = [
      {
        name: 'Data',
        frozenHeader: true,
        widths: [28, 12, 40],
        rows: [
          [{ value: 'text', bold: true }, { value: 'number', bold: true }, { value: 'flag', bold: true }],
          ...awkward.map((value, i) => [{ value }, i % 2 ? { value: i * 1.5 } : { value: 'x', right: true }, { value: i % 3 === 0 }]),
          [null, { value: -0.000123 }, null],
          [],
          [{ value: 1e21 }, { value: 123456789012 }, { value: false }],
        ],
      },
      { name: "Notes & 'sources'", widths: [20, 100], rows: [[{ value: 'Title', bold: true }], [], [{ value: 'Licence' }, { value: awkward[0] }]] },
    ];
    await expectSameParts(sheets);
    // Styles are numbered as cells first use them; a workbook may use none.
    await expectSameParts([{ name: 'Only', widths: [10], rows: [[{ value: 'c', right: true }], [{ value: 'Heading', bold: true }]] }]);
    await expectSameParts([{ name: 'Plain', widths: [10, 10], rows: [[{ value: 1 }, { value: 'one' }]] }]);
  });

  it("every meeting's download of the real-data fixtures, with their notes", async () => {
    for (const site of ['dfe-1-1', 'worcestershire']) {
      const { content } = await loadContent(join(FIXTURES, 'sites', site));
      const data = new DataIndex(content!);
      for (const meeting of content!.meetings.slice(-3)) {
        await expectSameParts(workbookSheets(content!.site, meetingRows(data, meeting), `${meeting.id}: the figures as the meeting saw them`, 'https://example.gov.uk/?a=1&b=2'));
      }
    }
  });
});

describe("a meeting's CSV, from lines shared between meetings", () => {
  it('is byte for byte the CSV of all its rows, for every meeting of every fixture and the sample', async () => {
    let meetings = 0;
    for (const root of ['hard', 'minimal', 'dfe-1-1', 'worcestershire', 'body-constructs'].map((s) => join(FIXTURES, 'sites', s)).concat(join(FIXTURES, '..', '..'))) {
      const { content } = await loadContent(root);
      const data = new DataIndex(content!);
      for (const meeting of content!.meetings) {
        expect(meetingCsv(data, meeting), meeting.id).toEqual(Buffer.from(toCsv(meetingRows(data, meeting))));
        meetings++;
      }
    }
    expect(meetings).toBeGreaterThan(20);
  });
});
