/**
 * Version 1.1 of the content format (CONTENT-FORMAT.md, rules 1 to 5 and 7), each rule shown with
 * real Department for Education figures: the `dfe-1-1` fixture holds Sunderland's published
 * figures with England's and the North East's, copied unchanged from DfE's open data files (see
 * its README). Bad values in every new field are pinned with their messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { FIXTURES, problemsFor, siteWith } from './helpers/fixtures';
import { buildSite, page, tableRows } from './helpers/build';
import { compareWith, comparatorNames } from '../src/lib/stats/compare';
import { direction } from '../src/lib/stats/trend';
import { rankInWords } from '../src/lib/stats/rank';
import { P, indicator } from './stats/fixtures';

const DFE = join(FIXTURES, 'sites', 'dfe-1-1');
const out = mkdtempSync(join(tmpdir(), 'scrutineer-dfe-'));
let build: ReturnType<typeof buildSite>;
beforeAll(() => {
  build = buildSite(DFE, out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const text = (doc: Document, selector = 'main') => doc.querySelector(selector)!.textContent!.replace(/\s+/g, ' ');
const section = (path: string, id: string) => page(out, path).getElementById(id)!;
/** The symbol key of an indicator: each symbol with its meaning. */
const symbolKey = (path: string, id: string) =>
  Object.fromEntries([...section(path, id).querySelectorAll('.sc-key dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]));
const table = (path: string, id: string) => tableRows(section(path, id).querySelector('table')!);
const JANUARY = 'scrutiny/2025-01-23/';
const MARCH = 'scrutiny/2025-03-20/';

describe('version 1.1 with real DfE figures', () => {
  it('builds a content set of published statistics as it stands', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it('rule 1: a January meeting about 2023/24 sees the year DfE published in November, and nothing dated later', () => {
    // Sunderland's rate at 31 March 2024 (94) is filed in data/2024-25/q3.csv, the quarter DfE published it.
    const rows = table(JANUARY, 'cla-rate');
    // Units are in the column headers, not in every cell.
    expect(rows.at(-1)).toEqual(['31 Mar 2024', '94', '113', '69']);
    // The census of 30 September 2023 (caseload 16.1) is dated inside 2023/24; that of 2024 is not.
    expect(table(JANUARY, 'caseload').at(-1)![0]).toBe('30 Sep 2023');
    expect(text(page(out, JANUARY))).not.toMatch(/2024\/25|30 Sep(tember)? 2024|31 Mar(ch)? 2025/);
  });

  it('rule 1: dataAsAt lets a March meeting see the census DfE published in its own quarter', async () => {
    expect(table(MARCH, 'caseload').at(-1)!.slice(0, 2)).toEqual(['30 Sep 2024', '17.2']);
    // Without dataAsAt the meeting would only see files up to the quarter before its own.
    const dir = siteWith(undefined, DFE);
    try {
      const file = join(dir, 'content/meetings/scrutiny/2025-03-20.mdx');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, readFileSync(file, 'utf8').replace('dataAsAt: 2024/25 Q4\n', ''));
      const { problems } = await loadContent(dir);
      expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
        [
          "content/meetings/scrutiny/2025-03-20.mdx:3:9: period 2024/25 Q2 has no data: no file up to 2024/25 Q3 has a local figure dated in it; the latest data then was 2023/24 (dated 31 March 2024). Add the data to data/, correct the period, or name the quarter of the file the meeting saw with dataAsAt",
        ]
      `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rule 2: counts taken on a day say which day, and rolling measures say the twelve months', () => {
    const january = text(page(out, JANUARY));
    expect(january).toContain('94 per 10,000 at 31 March 2024');
    expect(january).toContain('16.1 at 30 September 2023');
    expect(january).toContain('13.4% in the 12 months to 30 September 2023');
    expect(table(JANUARY, 'turnover-rate').at(-1)![0]).toBe('12 months to 30 Sep 2023');
    // A year is never named alone for a count taken on one day.
    for (const id of ['cla-rate', 'caseload', 'agency-rate', 'turnover-rate']) {
      expect(text(page(out, JANUARY), `#${id}`), id).not.toMatch(/\(April 20\d\d to March 20\d\d\)/);
    }
    expect(section(JANUARY, 'caseload').querySelector('svg desc')!.textContent).toContain('The latest figure, at 30 September 2023, is 16.1.');
    // The chart's time axis names the day too, not the year alone.
    const ticks = [...section(JANUARY, 'cla-rate').querySelectorAll('svg.scrutineer-chart--wide text')].map((t) => t.textContent);
    expect(ticks).toContain('31 Mar 2024');
    expect(ticks).not.toContain('2023/24');
  });

  it("rule 3: DfE's symbols are shown, explained and kept in the downloads", () => {
    // Sunderland's no-further-action referrals in 2020/21 and 2021/22 are c in DfE's file.
    const nfa = table(JANUARY, 'referrals-nfa');
    expect(nfa.find((r) => r[0] === '2020/21')![1]).toBe('[c]');
    expect(symbolKey(JANUARY, 'referrals-nfa')['[c]']).toMatch(/^suppressed to protect the privacy of individual children/);
    // Its agency rate at 30 September 2024 is low, its turnover in the year to then u.
    expect(table(MARCH, 'agency-rate').at(-1)![1]).toBe('[low]');
    expect(symbolKey(MARCH, 'agency-rate')).toEqual({ '[low]': 'more than 0 but so small that it rounds to 0' });
    expect(table(MARCH, 'turnover-rate').at(-1)![1]).toBe('[u]');
    expect(symbolKey(MARCH, 'turnover-rate')).toEqual({ '[u]': 'not given because it is of low reliability' });
    expect(section(MARCH, 'agency-rate').querySelector('svg desc')!.textContent).toBe(
      'The latest figure, at 30 September 2024, is more than 0 but so small that it rounds to 0. England: 16.2% at 30 September 2024. North East: 10.4% at 30 September 2024.',
    );
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data/indicators/agency-rate.csv'), 'utf8'), { header: true }).data;
    // Numbers stay in value; the symbol stands in status_symbol, so the column is all numbers.
    expect(csv.filter((r) => r.area === 'local').map((r) => r.value)).toEqual(['9.6', '0.9', '1.3', '0.4', '', '', '']);
    expect(csv.filter((r) => r.area === 'local').map((r) => r.status_symbol)).toEqual(['', '', '', '', 'low', 'low', 'low']);
    const nfaCsv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data/indicators/referrals-nfa.csv'), 'utf8'), { header: true }).data;
    expect(nfaCsv.find((r) => r.period === '2021/22' && r.area === 'local')).toMatchObject({ value: '', numerator: '', status_symbol: 'c', numerator_symbol: 'c' });
    const turnover = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data/indicators/turnover-rate.csv'), 'utf8'), { header: true }).data;
    expect(turnover.find((r) => r.period === '2024/25' && r.area === 'local')).toMatchObject({ value: '', status_symbol: 'u' });
  });

  it("rule 3: DfE's k is shown as [low] and kept as k in the downloads", async () => {
    const dir = siteWith(undefined, DFE);
    const out2 = mkdtempSync(join(tmpdir(), 'scrutineer-dfe-k-'));
    try {
      const { writeFileSync } = await import('node:fs');
      const file = join(dir, 'data/2025-26/q4.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('agency-rate,2025/26,,,low,', 'agency-rate,2025/26,,,k,'));
      const { problems, content } = await loadContent(dir);
      expect(problems).toEqual([]);
      const obs = content!.observations.find((o) => o.indicator === 'agency-rate' && o.period.label === '2025/26' && o.area === 'local')!;
      expect(obs).toMatchObject({ value: null, symbol: 'k' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out2, { recursive: true, force: true });
    }
  });

  it("rule 4: England's and the region's rounded counts are not checked against their values; the council's are", async () => {
    // England's 81,770 children in a population of 12,183,016 give 67.1; DfE publishes 67.
    const { problems } = await loadContent(DFE);
    expect(problems).toEqual([]);
    expect(await problemsFor('v11-local-counts-disagree')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:2:5: value 82.0 does not agree with numerator 80 and denominator 100, which give 80.0; correct the value or the counts",
      ]
    `);
  });

  it('rule 5: the region is named in every table header, chart label, description and headline', () => {
    const cla = section(JANUARY, 'cla-rate');
    expect(tableRows(cla.querySelector('table')!)[0]).toEqual([
      'Date',
      'Sunderland City Council (rate per 10,000 children)',
      'North East (rate per 10,000 children)',
      'England (rate per 10,000 children)',
    ]);
    expect([...cla.querySelectorAll('svg text')].map((t) => t.textContent)).toContain('North East');
    expect(cla.querySelector('svg desc')!.textContent).toContain('Lower than North East (113 per 10,000).');
    expect(text(page(out, JANUARY), '#cla-rate .sc-headline')).toContain('Lower than North East (113 per 10,000)');
    expect(text(page(out, JANUARY))).not.toMatch(/\bRegion\b|the region\b/);
  });

  it('rule 7: the rank reads in words that know the polarity', () => {
    // Sunderland's caseload of 17.2 at 30 September 2024: 32nd highest of 150 councils with a figure.
    expect(text(page(out, MARCH), '#caseload .sc-headline')).toContain('32nd highest of 150 councils, in the worst quarter');
    expect(section(MARCH, 'caseload').querySelector('svg desc')!.textContent).toContain('That is the 32nd highest of 150 councils, in the worst quarter.');
    const csv = readFileSync(join(out, 'data/indicators/caseload.csv'), 'utf8');
    expect(csv).toContain('caseload,2024/25,year,local,,17.2,,,ratio,,,,,,false,32,150');
  });

  it('shows five years of an annual indicator on a meeting page', () => {
    expect(table(JANUARY, 're-referrals').slice(1).map((r) => r[0])).toEqual(['2019/20', '2020/21', '2021/22', '2022/23', '2023/24']);
    expect(section(JANUARY, 're-referrals').querySelector('svg desc')!.textContent).toContain('Over the 5 years shown, from 2019/20 to 2023/24');
  });
});

describe('words that respect precision, with real figures', () => {
  // Worcestershire's rate of children looked after, published as whole numbers: 87 at 31 March
  // 2024, 86 at 31 March 2025; the West Midlands' 86 at 31 March 2025.
  const cla = indicator({ unit: 'rate-per-10000', decimals: 0, polarity: 'neutral', measure: 'snapshot', frequency: 'annual' });
  const agency = indicator({ unit: 'percent', decimals: 1, polarity: 'lower-is-better', frequency: 'annual' });

  it('reads a change of one published unit as little change, never improved or worsened', () => {
    expect(direction(cla, 87, 86, 0).words).toBe('little change');
    // DfE publishes care leavers' percentages as whole numbers: 47% to 48% is little change.
    expect(direction(agency, 47, 48, 0).words).toBe('little change');
    // The same move published to one decimal place is a real one.
    expect(direction(agency, 47.0, 48.0, 1).words).toBe('worsened');
  });

  it('says "the same as" for equal figures, and names the comparator', () => {
    const names = comparatorNames({ comparators: { region: 'West Midlands' } });
    const local = { period: P('2024/25'), value: 86, precision: 0 };
    const rows = [{ period: P('2024/25'), area: 'region' as const, value: 86, precision: 0 }];
    expect(compareWith(cla, local, rows, 'region', names).words).toBe('the same as West Midlands (86 per 10,000)');
    const england = [{ period: P('2024/25'), area: 'england' as const, value: 67, precision: 0 }];
    expect(compareWith(cla, local, england, 'england', names).words).toBe('higher than England (67 per 10,000)');
  });

  it('places a rank in the quarter of councils that its polarity makes best or worst', () => {
    expect(rankInWords({ polarity: 'higher-is-better' }, 12, 152)).toBe('12th highest of 152 councils, in the best quarter');
    expect(rankInWords({ polarity: 'lower-is-better' }, 12, 152)).toBe('12th highest of 152 councils, in the worst quarter');
    expect(rankInWords({ polarity: 'lower-is-better' }, 150, 152)).toBe('150th highest of 152 councils, in the best quarter');
    expect(rankInWords({ polarity: 'neutral' }, 1, 153)).toBe('the highest of 153 councils, in the highest quarter');
    expect(rankInWords({ polarity: 'higher-is-better' }, 76, 152)).toBe('76th highest of 152 councils, in the second best quarter');
  });
});

describe('version 1.1: bad values in the new fields', () => {
  it("DfE's symbols written in another case or in brackets", async () => {
    expect(await problemsFor('v11-symbols-misspelt')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:3:5: value "[c]" is not a number; write the symbol as c, in lower case without brackets",
        "data/2018-19/q1.csv:4:7: denominator "[X]" is not a whole number; write the symbol as x, in lower case without brackets",
        "data/2018-19/q1.csv:5:5: value "C" is not a number; write the symbol as c, in lower case without brackets",
        "data/2018-19/q1.csv:9:5: value "Low" is not a number; write the symbol as low, in lower case without brackets",
      ]
    `);
  });

  it('rank and outOf', async () => {
    expect(await problemsFor('v11-rank')).toMatchInlineSnapshot(`
      [
        "data/2018-19/q1.csv:2:11: outOf is empty; give both rank and outOf, or neither",
        "data/2018-19/q1.csv:3:10: rank 160 is greater than outOf 152; the rank counts from 1 (the highest value) to outOf",
        "data/2018-19/q1.csv:4:10: rank "12th" is not a whole number from 1; write the council's position, 1 for the highest value",
        "data/2018-19/q1.csv:5:10: rank is given but the value is x; councils are ranked on a figure, so leave rank and outOf empty",
        "data/2018-19/q1.csv:6:10: rank is given on the england row; only the council's own (local) rows have a rank, so leave it empty here",
        "data/2018-19/q1.csv:7:10: rank "0" is not a whole number from 1; write the council's position, 1 for the highest value",
      ]
    `);
  });

  it('snapshotDate', async () => {
    expect(await problemsFor('v11-snapshot-date')).toMatchInlineSnapshot(`
      [
        "content/indicators/assessment-45-days.yaml:6:15: snapshotDate "03-31" is for snapshot and rolling-12-months measures, but measure is in-period; remove snapshotDate, or change the measure",
        "content/indicators/cla-rate.yaml:6:15: snapshotDate "30/09" is not a month and day; write it as "09-30" for 30 September, in quotes",
        "content/indicators/open-cases.yaml:6:15: snapshotDate "02-30" is not a month and day; write it as "09-30" for 30 September, in quotes",
      ]
    `);
  });

  it('dataAsAt', async () => {
    expect(await problemsFor('v11-data-as-at')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:4:11: dataAsAt "2018/19" is not a financial quarter; write it as 2024/25 Q3",
        "content/meetings/panel/2018-10-25.mdx:4:11: dataAsAt 2019/20 Q1 is after the quarter of the meeting itself (2018/19 Q3); a meeting cannot have seen a file published after it, so write 2018/19 Q3 or earlier",
      ]
    `);
  });

  it("site.yaml's comparators and localAuthority", async () => {
    expect(await problemsFor('v11-site-comparators')).toMatchInlineSnapshot(`
      [
        "content/site.yaml:7:3: unknown field "regionName" in comparators; expected one of region, statisticalNeighbours",
        "content/site.yaml:9:14: comparators.statisticalNeighbours.members is an empty list; list the neighbours, or remove members",
        "content/site.yaml:11:9: localAuthority.code "E1000034" is not a local authority code; write the 9-character code such as E10000034",
        "content/site.yaml:12:12: localAuthority.oldCode 88 is not an old LA code; write DfE's 3-digit code such as 885",
      ]
    `);
  });

  it('an ees block', async () => {
    expect(await problemsFor('v11-ees-block')).toMatchInlineSnapshot(`
      [
        "content/indicators/cla-rate.yaml:9:3: missing ees.value; add "value:" here, with the column that holds the value, such as rate_per_10000, or for a breakdown each category and its column; write a column named with a number in quotes, such as "2021"",
        "content/indicators/cla-rate.yaml:9:9: ees.file "cla_number_and_rate_per_10k_children.csv" ends .csv; write the file name without it",
        "content/indicators/cla-rate.yaml:10:14: ees.numerator is empty; write the column as it is in the first row of the EES file, such as rate_per_10000",
        "content/indicators/cla-rate.yaml:13:14: ees.published "Nov" is not allowed; write one of January, February, March, April, May, June, July, August, September, October, November, December",
      ]
    `);
  });
});

describe('disclosure control reaches the words', () => {
  it('finds small counts of children, and numbers the page hides, in every kind of text', async () => {
    expect(await problemsFor('v11-prose')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-07-20.mdx:4:31: "two young people" in summary states a count from 1 to 5 of children or their families, which the site never publishes; write "fewer than 6" or "a small number of" instead, or, if the number is already public (published by DfE, say), list it under confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")",
        "content/meetings/panel/2018-07-20.mdx:8:14: "4 care leavers" in resolution 2 states a count from 1 to 5 of children or their families, which the site never publishes; write "fewer than 6" or "a small number of" instead, or, if the number is already public (published by DfE, say), list it under confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")",
        "content/meetings/panel/2018-07-20.mdx:11:32: "three families" in action timeliness-plan states a count from 1 to 5 of children or their families, which the site never publishes; write "fewer than 6" or "a small number of" instead, or, if the number is already public (published by DfE, say), list it under confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")",
        "content/meetings/panel/2018-07-20.mdx:21:48: "3 children" states a count from 1 to 5 of children or their families, which the site never publishes; write "fewer than 6" or "a small number of" instead, or, if the number is already public (published by DfE, say), list it under confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")",
        "content/meetings/panel/2018-07-20.mdx:22:10: "12 children" states 12, a number that this page hides as [c] in its tables (hidden so that a smaller figure cannot be worked out); leave the number out ("some", "a number of"), or, if this 12 is not that figure (a duration or an age, say) or is already public, list "12 children" under confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")",
        "data/2018-19/q1.csv:9:9: "one child" in this note states a count from 1 to 5 of children or their families, which the site never publishes; write "fewer than 6" or "a small number of" instead, or, if the number is already public (published by DfE, say), list it under site.yaml's disclosure.confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")",
      ]
    `);
  });

  it('finds counts standing for people by pronoun or partitive, and a hidden number anywhere, in minutes as officers write them', async () => {
    const problems = await problemsFor('v11-prose-minutes');
    // Each problem's place, phrase and reason; the whole wording is pinned in the test above.
    expect(problems.map((p) => p.replace(/ (?:in \S+(?: \S+)? )?states (?:a count|(\d+), a number).*/, ' $1').trim())).toEqual([
      'content/meetings/panel/2018-07-20.mdx:5:24: "3 of whom"',
      'content/meetings/panel/2018-07-20.mdx:9:38: "2 of these"',
      'content/meetings/panel/2018-07-20.mdx:12:82: "four of them"',
      'content/meetings/panel/2018-07-20.mdx:26:5: "5 of them"',
      'content/meetings/panel/2018-07-20.mdx:27:4: "4 cases"',
      'content/meetings/panel/2018-07-20.mdx:28:32: "were 7 and" 7',
      'content/meetings/panel/2018-07-20.mdx:30:23: "the seven were" 7',
      'data/2018-19/q1.csv:9:9: "2 of them"',
    ]);
    expect(problems[5]).toMatchInlineSnapshot(`"content/meetings/panel/2018-07-20.mdx:28:32: "were 7 and" states 7, a number that this page hides as [c] in its tables (hidden so that a smaller figure cannot be worked out); leave the number out ("some", "a number of"), or, if this 7 is not that figure (a duration or an age, say) or is already public, list "were 7 and" under confirmedSafe with the reason (see docs/content-format.md, "Numbers in the text")"`);
  });

  it('lets through numbers the author confirms are safe, with the reason', async () => {
    expect(await problemsFor('v11-prose-confirmed')).toEqual([]);
  });
});
