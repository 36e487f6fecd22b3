/**
 * The validation suite: one small bad fixture per rule of CONTENT-FORMAT.md, each laid over the
 * valid `minimal` site (see tests/helpers/fixtures.ts), and the exact `path:line:column: message`
 * lines `npm run check` prints for it. Columns in CSV files are field numbers counted from 1, as a
 * spreadsheet counts them; in YAML and MDX they are character columns.
 *
 * Tests marked `it.fails` record a known validator bug: they assert what the output should be,
 * and so fail today. When the bug is fixed vitest reports "expected to fail"; then drop `.fails`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, MINIMAL, PROJECT, problemsFor, siteWith } from './helpers/fixtures';

const inFile = (file: string) => (line: string) => line.startsWith(`${file}:`);
const notInFile = (file: string) => (line: string) => !line.startsWith(`${file}:`);

const Q1 = 'data/2018-19/q1.csv';
const M1 = 'content/meetings/panel/2018-07-20.mdx';
const M2 = 'content/meetings/panel/2018-10-25.mdx';

describe('data CSV files', () => {
  it('value not a plain number: %, thousands separator, £, words', async () => {
    expect(await problemsFor('csv-value-not-number')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value "12.5%" is not a number; write 12.5",
        "data/2018-19/q1.csv:7:5: value "1,200" is not a number; write 1200",
        "data/2018-19/q1.csv:8:5: value "£40" is not a number; write 40",
        "data/2018-19/q1.csv:9:5: value "about 12" is not a number; write a plain number such as 12.5, with no %, £, commas or spaces, or one of DfE's symbols c, x, z, low, k or u",
      ]
    `);
  });

  it('value missing, with no status', async () => {
    expect(await problemsFor('csv-value-missing')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value missing: fill it in, or write x if the figure is not available (c, z, low and u are DfE's other symbols)",
      ]
    `);
  });

  it('value given with status not-available', async () => {
    expect(await problemsFor('csv-value-with-not-available')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value is 82.5 but status is not-available; leave value empty, or remove the status",
      ]
    `);
  });

  it('unknown indicator: suggests the nearest id, or says how to add one', async () => {
    expect(await problemsFor('csv-unknown-indicator')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:5:1: unknown indicator "cla-rte"; did you mean cla-rate?",
        "data/2018-19/q1.csv:9:1: unknown indicator "children-in-need"; add content/indicators/children-in-need.yaml or correct the id",
      ]
    `);
  });

  it('unknown area', async () => {
    expect(await problemsFor('csv-unknown-area')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:6:3: area "England" is not allowed; write one of local, england, region, statistical-neighbours (or leave it empty for local); did you mean england?",
      ]
    `);
  });

  it('unknown status', async () => {
    expect(await problemsFor('csv-unknown-status')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:8: status "provisonal" is not allowed; write one of provisional, revised, not-available; did you mean provisional?",
      ]
    `);
  });

  it('unknown breakdown', async () => {
    expect(await problemsFor('csv-unknown-breakdown')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:7:4: unknown breakdown "neglect" for open-cases; write one of abuse, disability, family",
      ]
    `);
  });

  it('breakdown missing for an indicator with categories', async () => {
    expect(await problemsFor('csv-breakdown-missing')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:8:4: breakdown is empty, but open-cases is broken down by category; write one of abuse, disability, family",
      ]
    `);
  });

  it('breakdown given for an indicator without categories', async () => {
    expect(await problemsFor('csv-breakdown-not-expected')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:5:4: breakdown "abuse" given, but cla-rate has no categories; leave breakdown empty, or add categories to content/indicators/cla-rate.yaml",
      ]
    `);
  });

  it('percentage over 100', async () => {
    expect(await problemsFor('csv-percent-over-100')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value 182.5 is over 100, but assessment-45-days is a percentage; write a number from 0 to 100",
      ]
    `);
  });

  it('negative value', async () => {
    expect(await problemsFor('csv-negative-value')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:5:5: value -52.3 is negative; a rate cannot be below 0",
      ]
    `);
  });

  it('numerator greater than denominator for a percentage', async () => {
    expect(await problemsFor('csv-numerator-over-denominator')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:6: numerator 120 is greater than denominator 99; a percentage's numerator counts part of its denominator",
      ]
    `);
  });

  it('value disagreeing with numerator/denominator', async () => {
    expect(await problemsFor('csv-value-disagrees')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value 85.2 does not agree with numerator 99 and denominator 120, which give 82.5; correct the value or the counts",
      ]
    `);
  });

  it('numerator or denominator not a whole number', async () => {
    expect(await problemsFor('csv-numerator-not-whole')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:2:6: numerator "80.5" is not a whole number; write a count such as 42, or one of DfE's symbols c, x, z, low, k or u",
        "data/2018-19/q1.csv:3:7: denominator "1,200" is not a whole number; write 1200",
      ]
    `);
  });

  it('only one of numerator and denominator', async () => {
    expect(await problemsFor('csv-denominator-missing')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:7: denominator is empty; give both numerator and denominator, or neither",
      ]
    `);
  });

  it('denominator 0', async () => {
    expect(await problemsFor('csv-denominator-zero')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:7: denominator is 0; a value cannot be worked out from it, so leave numerator and denominator empty",
      ]
    `);
  });

  it('period malformed: "2018-13", "2018-19 Q1", "2018/20"', async () => {
    expect(await problemsFor('csv-period-malformed')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:2: period "2018-13" is not a period; write a month as 2018-06, a quarter as 2018/19 Q1 or a financial year as 2018/19",
        "data/2018-19/q1.csv:5:2: period "2018-19 Q1" is not a period; write a month as 2018-06, a quarter as 2018/19 Q1 or a financial year as 2018/19",
        "data/2018-19/q1.csv:6:2: period "2018/20" is not a period; write a month as 2018-06, a quarter as 2018/19 Q1 or a financial year as 2018/19",
      ]
    `);
  });

  it("period ending after the file's quarter (a month, and a whole year)", async () => {
    expect(await problemsFor('csv-period-after-quarter')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:2: period 2018-07 ends after this file's quarter, 2018/19 Q1 (April to June 2018); move the row to the file for the quarter it belongs to",
        "data/2018-19/q1.csv:6:2: period 2018/19 ends after this file's quarter, 2018/19 Q1 (April to June 2018); move the row to the file for the quarter it belongs to",
      ]
    `);
  });

  it('local monthly row for a quarterly indicator; the annual England row stays valid', async () => {
    expect(await problemsFor('csv-frequency-mismatch')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:5:2: period 2018-06 is a month, but cla-rate is quarterly; write a quarter such as 2018/19 Q1",
      ]
    `);
  });

  it('comparator row that is neither the indicator frequency nor annual', async () => {
    expect(await problemsFor('csv-comparator-frequency-mismatch')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:6:2: period 2018-03 is a month, but cla-rate is quarterly; write a quarter such as 2018/19 Q1, or a financial year for a comparator",
      ]
    `);
  });

  it('same row twice in one file (an empty area is local)', async () => {
    expect(await problemsFor('csv-duplicate-in-file')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:10:1: cla-rate 2018/19 Q1 local appears twice in this file (first on line 5); keep one row",
      ]
    `);
  });

  it('same row again in a later file without revised', async () => {
    expect(await problemsFor('csv-duplicate-in-later-file')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q2.csv:2:1: assessment-45-days 2018-06 local was already given in data/2018-19/q1.csv on line 4; set status to revised if this row replaces that figure, or remove it",
      ]
    `);
  });

  it('revised row in the same file as the row it would replace', async () => {
    expect(await problemsFor('csv-revised-in-same-file')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:10:1: assessment-45-days 2018-05 local appears twice in this file (first on line 3); a revised figure goes in the file of the quarter it was published in, after the original's, so keep one row here",
      ]
    `);
  });

  it('revised row with nothing earlier to revise', async () => {
    expect(await problemsFor('csv-revised-nothing-earlier')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q2.csv:6:8: status is revised, but no earlier file has cla-rate 2018/19 Q2 local to revise; remove the status, or check the indicator, period, area and breakdown",
      ]
    `);
  });

  it('unknown column in the header', async () => {
    expect(await problemsFor('csv-unknown-column')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:1:9: unknown column "notes"; expected one of indicator, period, area, breakdown, value, numerator, denominator, status, note, rank, outOf; did you mean note?",
      ]
    `);
  });

  it('missing required column (header "Period"); the file is not read, so what depended on it is reported too', async () => {
    expect(await problemsFor('csv-missing-column')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:1:1: the header row has no "period" column; the first row must name the columns, at least indicator, period and value",
        "data/2018-19/q1.csv:1:2: unknown column "Period"; expected one of indicator, period, area, breakdown, value, numerator, denominator, status, note, rank, outOf; did you mean period?",
      ]
    `);
  });

  it('columns in another order: columns are numbered from the header', async () => {
    expect(await problemsFor('csv-columns-reordered')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:4: value "12.5%" is not a number; write 12.5",
        "data/2018-19/q1.csv:5:9: unknown indicator "cla-rte"; did you mean cla-rate?",
      ]
    `);
  });

  it('Excel export (byte-order mark, CRLF line ends) keeps lines and columns', async () => {
    expect(await problemsFor('csv-excel-export')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value "82.5%" is not a number; write 82.5",
      ]
    `);
  });

  it('a row with more cells than the header', async () => {
    expect(await problemsFor('csv-extra-cells')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:10: this row has 10 cells but the header names 9 columns; remove the extra cells or add a column name",
      ]
    `);
  });

  it('empty indicator or period cell', async () => {
    expect(await problemsFor('csv-empty-required-cells')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:1: indicator is empty; write an indicator id",
        "data/2018-19/q1.csv:5:2: period is empty; write a period such as 2018-06 or 2018/19 Q1",
      ]
    `);
  });

  it('file name not a financial quarter: q5, folder 2018-20, upper-case Q', async () => {
    expect(await problemsFor('csv-file-name-not-quarter')).toMatchInlineSnapshot(`
      [
        "data/2018-19/Q3.csv:1:1: "data/2018-19/Q3.csv" is not a financial quarter; rename it q3.csv, in lower case",
        "data/2018-19/q5.csv:1:1: "data/2018-19/q5.csv" is not a financial quarter; name quarterly files data/<YYYY-YY>/q<1-4>.csv, like data/2018-19/q1.csv for April to June 2018",
        "data/2018-20/q1.csv:1:1: the folder 2018-20 is not a financial year; name quarterly files data/<YYYY-YY>/q<1-4>.csv, like data/2018-19/q1.csv for April to June 2018",
      ]
    `);
  });

  // BUG: the column is always 1; the quote opens in the note, field 9.
  it('unclosed quote: points at the field where the quote opens', async () => {
    expect(await problemsFor('csv-unclosed-quote')).toEqual([
      `${Q1}:6:9: a quoted cell is never closed; add the closing double quote (")`,
    ]);
  });

  // BUG: two messages, both at column 1; the cell is field 9 and one message is enough.
  it('quoted text followed by more text in one cell: one message, at the field', async () => {
    expect(await problemsFor('csv-quote-inside-cell')).toEqual([
      `${Q1}:6:9: a double quote (") appears inside an unquoted cell; put the whole cell in double quotes and write "" for each quote inside it`,
    ]);
  });

  // BUG: a second "value" column is silently ignored.
  it('the same column named twice in the header', async () => {
    expect(await problemsFor('csv-duplicate-column')).toEqual([expect.stringMatching(/^data\/2018-19\/q1\.csv:1:9: .*"value"/)]);
  });
});

describe('YAML files', () => {
  it('site.yaml without url', async () => {
    expect(await problemsFor('site-missing-url')).toMatchInlineSnapshot(`
      [
        "content/site.yaml:1:1: missing url; add "url:" here",
      ]
    `);
  });

  it('site.yaml with a url that is not a web address', async () => {
    expect(await problemsFor('site-bad-url')).toMatchInlineSnapshot(`
      [
        "content/site.yaml:3:6: url "performance.testshire.example" is not a web address; write it in full, starting https://",
      ]
    `);
  });

  it('site.yaml naming a licence without its address, and with an id that is not SPDX', async () => {
    expect(await problemsFor('site-licence-incomplete')).toMatchInlineSnapshot(`
      [
        "content/site.yaml:6:3: missing licence.url; add "url:" here",
        "content/site.yaml:7:7: licence.id "CC BY 4.0" is not an SPDX licence identifier; write one such as OGL-UK-3.0 or CC-BY-4.0, or remove id",
      ]
    `);
  });

  it('site.yaml missing', async () => {
    expect(await problemsFor('site-missing-file')).toMatchInlineSnapshot(`
      [
        "content/site.yaml:1:1: content/site.yaml is missing; create it with at least council, title and url",
      ]
    `);
  });

  // The cases below drop the indicator, committee or meeting, so what refers to it fails too;
  // these snapshots hold the problems in the file itself (see "knock-on errors" for the rest).
  it('indicator with an unknown unit: suggests the nearest', async () => {
    expect((await problemsFor('indicator-unknown-unit')).filter(inFile('content/indicators/assessment-45-days.yaml'))).toMatchInlineSnapshot(`
      [
        "content/indicators/assessment-45-days.yaml:3:7: unit "percentage" is not allowed; write one of count, percent, rate-per-10000, days, weeks, gbp, ratio; did you mean percent?",
      ]
    `);
  });

  it('indicator without a title', async () => {
    expect((await problemsFor('indicator-missing-title')).filter(inFile('content/indicators/cla-rate.yaml'))).toMatchInlineSnapshot(`
      [
        "content/indicators/cla-rate.yaml:1:1: missing title; add "title:" here",
      ]
    `);
  });

  it('indicator with a misspelt field (sumary)', async () => {
    expect((await problemsFor('indicator-unknown-field')).filter(inFile('content/indicators/cla-rate.yaml'))).toMatchInlineSnapshot(`
      [
        "content/indicators/cla-rate.yaml:1:1: missing summary; add "summary:" here",
        "content/indicators/cla-rate.yaml:2:1: unknown field "sumary"; expected one of title, summary, unit, decimals, polarity, measure, frequency, snapshotDate, definition, source, target, categories, counts, ees, show; did you mean summary?",
      ]
    `);
  });

  it('indicator target list with a bad year', async () => {
    expect((await problemsFor('indicator-target-bad-year')).filter(inFile('content/indicators/assessment-45-days.yaml'))).toMatchInlineSnapshot(`
      [
        "content/indicators/assessment-45-days.yaml:10:13: target[2].from "2018-19" is not a financial year; write it as 2018/19",
      ]
    `);
  });

  it('indicator decimals not a number', async () => {
    expect((await problemsFor('indicator-decimals-not-number')).filter(inFile('content/indicators/cla-rate.yaml'))).toMatchInlineSnapshot(`
      [
        "content/indicators/cla-rate.yaml:4:11: decimals "one" is text; expected a number",
      ]
    `);
  });

  it('indicator file ending .yml', async () => {
    expect(await problemsFor('indicator-yml-extension')).toMatchInlineSnapshot(`
      [
        "content/indicators/cin-rate.yml:1:1: content/indicators/cin-rate.yml is not named like content/indicators/<id>.yaml; rename it to end .yaml",
      ]
    `);
  });

  it('committee id that is a reserved route', async () => {
    expect(await problemsFor('committee-reserved-id')).toMatchInlineSnapshot(`
      [
        "content/committees/indicators.yaml:1:1: committee id "indicators" is taken by the site's own /indicators/ page; rename the file to another id, such as indicators-committee",
      ]
    `);
  });

  it("committee id that is a folder the build writes (the search index's)", async () => {
    expect(await problemsFor('committee-reserved-pagefind')).toMatchInlineSnapshot(`
      [
        "content/committees/pagefind.yaml:1:1: committee id "pagefind" is taken by the site's own /pagefind/ page; rename the file to another id, such as pagefind-committee",
      ]
    `);
  });

  it('committee file name not kebab-case', async () => {
    expect(await problemsFor('committee-file-not-kebab')).toMatchInlineSnapshot(`
      [
        "content/committees/Scrutiny_Panel.yaml:1:1: the file name "Scrutiny_Panel" is not a kebab-case id; rename it using lower-case letters, digits and single hyphens, like scrutiny-panel.yaml",
      ]
    `);
  });

  it('committee without a name', async () => {
    expect((await problemsFor('committee-missing-name')).filter(inFile('content/committees/panel.yaml'))).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:1: missing name; add "name:" here",
      ]
    `);
  });

  it('glossary term defined twice (case does not matter)', async () => {
    expect(await problemsFor('glossary-duplicate-term')).toMatchInlineSnapshot(`
      [
        "content/glossary.yaml:4:9: term "cla" is defined twice (also entry 1); keep one",
      ]
    `);
  });

  it('a file in content/ that is not part of the format', async () => {
    expect(await problemsFor('content-unknown-file')).toMatchInlineSnapshot(`
      [
        "content/glosary.yaml:1:1: content/glosary.yaml is not part of the content format; expected site.yaml, glossary.yaml, committees/, indicators/ or meetings/; did you mean glossary.yaml?",
      ]
    `);
  });

  it('syntax error (a list item under-indented) is reported on its line', async () => {
    expect(await problemsFor('yaml-bad-indentation-list')).toContain(
      'content/glossary.yaml:3:1: this line is read as part of the list above but does not start with "- "; start each list item with "- " in the same column as the others, or indent the line further if it continues the item above',
    );
  });

  it('syntax error in meeting front matter is reported on its line of the .mdx file', async () => {
    expect(await problemsFor('yaml-bad-indentation-front-matter')).toContain(
      `${M1}:11:1: this line is read as part of the list above but does not start with "- "; start each list item with "- " in the same column as the others, or indent the line further if it continues the item above`,
    );
  });

  // BUG: after a YAML syntax error the schema still runs on nothing and adds
  // `missing ; add "undefined:" here`; the glossary's terms are then reported as missing.
  it('syntax error (a list item under-indented): only the syntax error', async () => {
    expect(await problemsFor('yaml-bad-indentation-list')).toEqual([
      'content/glossary.yaml:3:1: this line is read as part of the list above but does not start with "- "; start each list item with "- " in the same column as the others, or indent the line further if it continues the item above',
    ]);
  });

  // BUG: the space is on line 4, but both messages point at the value on line 3 (where the yaml
  // library's multi-line scalar starts), and the bogus `missing ;` line is added.
  it('syntax error (a top-level field indented by one space) points at that line', async () => {
    const lines = (await problemsFor('yaml-bad-indentation')).filter(inFile('content/indicators/cla-rate.yaml'));
    expect(lines).toEqual([expect.stringMatching(/^content\/indicators\/cla-rate\.yaml:4:\d+: /)]);
  });

  // BUG: five messages for one tab (and the bogus `missing ;` line); yaml-file.ts has a message for
  // TAB_AS_INDENT, but the yaml library reports this tab as UNEXPECTED_TOKEN.
  it('a tab used for indentation: one message', async () => {
    expect((await problemsFor('yaml-tab-indent')).filter(inFile('content/glossary.yaml'))).toEqual([
      'content/glossary.yaml:2:1: a tab is used for indentation; YAML needs spaces, so replace the tab with spaces',
    ]);
  });

  // BUG: the message does not name the field ("Map keys must be unique"), and the bogus
  // `missing ;` line is added.
  it('a field given twice: names the field', async () => {
    expect((await problemsFor('yaml-duplicate-key')).filter(inFile('content/indicators/cla-rate.yaml'))).toEqual([
      expect.stringMatching(/^content\/indicators\/cla-rate\.yaml:5:1: .*"?unit"?.*/),
    ]);
  });

  // BUG: prints "content/site.yaml:1:1:  is empty; expected a set of fields" (no subject).
  it('an empty site.yaml says what to write', async () => {
    expect(await problemsFor('yaml-empty-file')).toEqual([expect.stringMatching(/^content\/site\.yaml:1:1: content\/site\.yaml is empty; .*council, title and url/)]);
  });

  // BUG: prints "this file holds a list is a list; expected a set of fields".
  it('an indicator file holding a list instead of fields', async () => {
    const lines = await problemsFor('yaml-list-not-map');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/a list is a list/);
  });
});

describe('meetings', () => {
  it('front matter missing', async () => {
    expect(await problemsFor('meeting-no-front-matter')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:1:1: the file does not start with front matter; make the first line --- , then the fields (agendaItem, period, summary, ...), then a line ---",
      ]
    `);
  });

  it('front matter never closed', async () => {
    expect(await problemsFor('meeting-front-matter-not-closed')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:1:1: the front matter is never closed; add a line --- after the last field",
      ]
    `);
  });

  it('unknown committee folder', async () => {
    expect(await problemsFor('meeting-unknown-committee')).toMatchInlineSnapshot(`
      [
        "content/meetings/pannel/2019-01-24.mdx:1:1: the folder "pannel" is not a committee id (did you mean panel?); the committees are panel. To add one, create content/committees/pannel.yaml",
      ]
    `);
  });

  it('file name not a date: 2018-02-30, 25-10-2018', async () => {
    expect(await problemsFor('meeting-file-not-date')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-02-30.mdx:1:1: "2018-02-30" is not a real date; name the file after the meeting's date as YYYY-MM-DD.mdx, like 2018-09-06.mdx",
        "content/meetings/panel/25-10-2018.mdx:1:1: the file name "25-10-2018" is not the meeting's date; name the file after the meeting's date as YYYY-MM-DD.mdx, like 2018-09-06.mdx",
      ]
    `);
  });

  it('meeting file not ending .mdx', async () => {
    expect(await problemsFor('meeting-file-not-mdx')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-11-29.md:1:1: content/meetings/panel/2018-11-29.md is not named like content/meetings/<committee-id>/<YYYY-MM-DD>.mdx; move or rename it",
      ]
    `);
  });

  it('summary missing', async () => {
    expect(await problemsFor('meeting-missing-summary')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:2:1: missing summary; add "summary:" here",
      ]
    `);
  });

  it('period malformed', async () => {
    expect(await problemsFor('meeting-period-malformed')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:3:9: period "Q2 2018/19" is not a period; write a month as 2018-06, a quarter as 2018/19 Q1 or a financial year as 2018/19",
      ]
    `);
  });

  it('period with no data', async () => {
    expect(await problemsFor('meeting-period-no-data')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:3:9: period 2019/20 Q1 has no data: no file up to 2019/20 Q1 has a local figure dated in it; the latest data then was 2018/19 Q2 (dated 30 September 2018). Add the data to data/, correct the period, or name the quarter of the file the meeting saw with dataAsAt",
      ]
    `);
  });

  it('unknown indicator in the indicators list', async () => {
    expect(await problemsFor('meeting-unknown-indicator-in-list')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:5:14: unknown indicator "cla-rte" in indicators; did you mean cla-rate?",
      ]
    `);
  });

  it('unknown indicator in <Indicator> and <Chart>, at the tag', async () => {
    expect(await problemsFor('meeting-unknown-indicator-in-body')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:16:1: unknown indicator "cla-rte" in <Indicator>; did you mean cla-rate?",
        "content/meetings/panel/2018-07-20.mdx:20:21: unknown indicator "assessment-45-day" in <Chart>; did you mean assessment-45-days?",
      ]
    `);
  });

  it('unknown component', async () => {
    expect(await problemsFor('meeting-unknown-component')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: unknown component <Foo>; the components are <Indicator id="..." />, <Chart id="..." /> and <Term>...</Term>",
      ]
    `);
  });

  it('MDX syntax error: a stray < in text', async () => {
    expect(await problemsFor('meeting-mdx-stray-lt')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:39: a < followed by "5" is read as the start of a tag; to show < as text, write \\<5",
      ]
    `);
  });

  it('<Term> not in the glossary', async () => {
    expect(await problemsFor('meeting-term-not-in-glossary')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:15: <Term>XYZ</Term> is not in content/glossary.yaml; add the term to the glossary or remove the <Term> tag",
      ]
    `);
  });

  it('action ids used twice', async () => {
    expect(await problemsFor('meeting-duplicate-action-ids')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:13:9: action id "timeliness-plan" is used twice in this meeting (also action 1); give each action its own id",
      ]
    `);
  });

  it('updates naming an action that does not exist', async () => {
    expect(await problemsFor('meeting-update-unknown-action')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:6:13: updates names action panel/2018-07-20/timeliness-plna, which does not exist; that meeting's actions are timeliness-plan; did you mean timeliness-plan?",
      ]
    `);
  });

  it('updates naming a meeting that does not exist', async () => {
    expect(await problemsFor('meeting-update-unknown-meeting')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:6:13: updates names action panel/2018-07-21/timeliness-plan, which does not exist; there is no meeting panel/2018-07-21; did you mean panel/2018-07-20?",
      ]
    `);
  });

  it('updates naming an action of a later meeting', async () => {
    expect(await problemsFor('meeting-update-later-action')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:9:13: updates names action panel/2018-10-25/caseloads, raised on 2018-10-25, not before this meeting; an update reports on an action from an earlier meeting",
      ]
    `);
  });

  it('updates naming an action of the same meeting', async () => {
    expect(await problemsFor('meeting-update-same-meeting')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:9:13: updates names action panel/2018-10-25/caseloads, raised on 2018-10-25, not before this meeting; an update reports on an action from an earlier meeting",
      ]
    `);
  });

  it('updates naming an action of a draft meeting', async () => {
    expect(await problemsFor('meeting-update-draft-action')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:6:13: updates names action panel/2018-07-20/timeliness-plan, raised at a draft meeting; publish that meeting first, or mark this one as a draft too",
      ]
    `);
  });

  it('the same action updated twice', async () => {
    expect(await problemsFor('meeting-update-twice')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:9:13: action panel/2018-07-20/timeliness-plan is updated twice in this meeting (also update 1); merge the two",
      ]
    `);
  });

  it('update with an unknown status', async () => {
    expect(await problemsFor('meeting-update-bad-status')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:7:13: updates[1].status "complete" is not allowed; write one of open, in-progress, done, dropped",
      ]
    `);
  });

  it('action due date not YYYY-MM-DD', async () => {
    expect((await problemsFor('meeting-action-bad-due-date')).filter(inFile(M1))).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:12:10: actions[1].due "01/10/2018" is not a date; write it as YYYY-MM-DD, like 2018-12-05",
      ]
    `);
  });

  it('MDX syntax error: an unclosed { is reported where it opens, saying how to write a brace', async () => {
    expect(await problemsFor('meeting-mdx-unclosed-brace')).toEqual([
      `${M2}:10:21: this { is never closed; to show a brace as text, write \\{ (and \\} for a closing one)`,
    ]);
  });

  // BUG: prints "content/meetings/panel/2018-10-25.mdx:2:1:  is empty; expected a set of fields".
  it('empty front matter says which fields to write', async () => {
    expect(await problemsFor('meeting-empty-front-matter')).toEqual([expect.stringMatching(/^content\/meetings\/panel\/2018-10-25\.mdx:\d+:\d+: .*agendaItem.*period.*summary/)]);
  });

  // BUG: findComponents reads one line at a time, so a tag written over several lines is not checked.
  it('unknown indicator in a tag written over several lines', async () => {
    expect(await problemsFor('meeting-indicator-tag-multiline')).toEqual([
      `${M1}:16:1: unknown indicator "cla-rte" in <Indicator>; did you mean cla-rate?`,
    ]);
  });

  // BUG (false alarm): a tag shown in `inline code` is checked as if it were used.
  it('a tag inside inline code is not checked', async () => {
    expect(await problemsFor('meeting-tag-in-inline-code')).toEqual([]);
  });

  // BUG (false alarm): a tag inside an MDX comment {/* ... */} is checked as if it were used.
  it('a tag inside an MDX comment is not checked', async () => {
    expect(await problemsFor('meeting-tag-in-comment')).toEqual([]);
  });
});

/**
 * BUG: when an indicator, committee, meeting or the glossary fails validation it is dropped, and
 * everything that refers to it is then reported as unknown, with advice that is wrong because the
 * file exists: "add content/indicators/cla-rate.yaml", "committees are not defined yet (add
 * content/committees/panel.yaml ...)", "there is no meeting panel/2018-07-20; did you mean
 * panel/2018-10-25?", "<Term>CLA</Term> is not in content/glossary.yaml". Only the file's own
 * problems should be listed (or the knock-on lines should say the referred-to file has problems).
 */
describe('knock-on errors from a file that failed validation', () => {
  it.each([
    ['indicator-unknown-unit', 'content/indicators/assessment-45-days.yaml'],
    ['indicator-missing-title', 'content/indicators/cla-rate.yaml'],
    ['indicator-unknown-field', 'content/indicators/cla-rate.yaml'],
    ['indicator-target-bad-year', 'content/indicators/assessment-45-days.yaml'],
    ['indicator-decimals-not-number', 'content/indicators/cla-rate.yaml'],
    ['yaml-bad-indentation', 'content/indicators/cla-rate.yaml'],
    ['yaml-duplicate-key', 'content/indicators/cla-rate.yaml'],
    ['committee-missing-name', 'content/committees/panel.yaml'],
    ['meeting-action-bad-due-date', M1],
    ['yaml-bad-indentation-front-matter', M1],
    ['yaml-tab-indent', 'content/glossary.yaml'],
    ['yaml-bad-indentation-list', 'content/glossary.yaml'],
  ])('%s: no problems outside %s', async (badCase, file) => {
    expect((await problemsFor(badCase)).filter(notInFile(file))).toEqual([]);
  });
});

describe('several problems in several files', () => {
  it('lists all of them, sorted by file, then line, then column', async () => {
    const lines = await problemsFor('many-problems');
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/indicators/cin-rate.yaml:3:7: unit "percentage" is not allowed; write one of count, percent, rate-per-10000, days, weeks, gbp, ratio; did you mean percent?",
        "content/meetings/panel/2018-07-20.mdx:5:14: unknown indicator "cla-rte" in indicators; did you mean cla-rate?",
        "content/meetings/panel/2018-10-25.mdx:10:15: <Term>XYZ</Term> is not in content/glossary.yaml; add the term to the glossary or remove the <Term> tag",
        "content/site.yaml:1:1: missing url; add "url:" here",
        "data/2018-19/q1.csv:3:5: value missing: fill it in, or write x if the figure is not available (c, z, low and u are DfE's other symbols)",
        "data/2018-19/q1.csv:9:4: unknown breakdown "familly" for open-cases; write one of abuse, disability, family; did you mean family?",
        "data/2018-19/q2.csv:6:5: value "53%" is not a number; write 53",
      ]
    `);
    const key = (l: string) => {
      const [, file, line, column] = /^(.*?):(\d+):(\d+): /.exec(l)!;
      return { file, line: Number(line), column: Number(column) };
    };
    const sorted = [...lines].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) || x.line - y.line || x.column - y.column;
    });
    expect(lines).toEqual(sorted);
    expect(new Set(lines.map((l) => key(l).file))).toEqual(
      new Set(['content/indicators/cin-rate.yaml', M1, M2, 'content/site.yaml', Q1, 'data/2018-19/q2.csv']),
    );
  });
});

describe('npm run check', () => {
  const check = (root: string, ...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/check.ts', '--root', root, ...args], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const withBadCopy = async (badCase: string, run: (dir: string) => void | Promise<void>) => {
    const dir = siteWith(join(FIXTURES, 'bad', badCase));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('exits 0 on the minimal site and prints no problems', () => {
    const result = check(MINIMAL);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Content is valid: 1 committees, 2 meetings, 3 indicators, \d+ data rows\./);
  });

  it('exits 1 on a bad copy and prints every problem as path:line:column: message', async () => {
    await withBadCopy('many-problems', async (dir) => {
      const result = check(dir);
      expect(result.status).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      for (const line of lines) expect(line).toMatch(/^[^:\s]+:\d+:\d+: \S.*$/);
      expect(lines).toEqual(await problemsFor('many-problems'));
      expect(result.stderr).toContain(`${lines.length} problems found. Nothing can be published until they are fixed.`);
    });
  });

  it('with --format github prints ::error annotations', async () => {
    await withBadCopy('csv-value-not-number', (dir) => {
      const result = check(dir, '--format', 'github');
      expect(result.status).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      for (const line of lines) expect(line).toMatch(/^::error file=[^,:]+,line=\d+,col=\d+::\S.*$/);
      expect(lines).toMatchInlineSnapshot(`
        [
          "::error file=data/2018-19/q1.csv,line=3,col=5::value "12.5%25" is not a number; write 12.5",
          "::error file=data/2018-19/q1.csv,line=7,col=5::value "1,200" is not a number; write 1200",
          "::error file=data/2018-19/q1.csv,line=8,col=5::value "£40" is not a number; write 40",
          "::error file=data/2018-19/q1.csv,line=9,col=5::value "about 12" is not a number; write a plain number such as 12.5, with no %25, £, commas or spaces, or one of DfE's symbols c, x, z, low, k or u",
        ]
      `);
    });
  });
});

describe('placing an indicator in the commentary', () => {
  it('allows each indicator once, so its link leads to one place', async () => {
    expect(await problemsFor('meeting-indicator-placed-twice')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:16:1: cla-rate is already placed on line 12; place each indicator once, since its link (#cla-rate) must lead to one place",
      ]
    `);
  });
});
