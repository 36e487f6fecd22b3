/**
 * `npm run import:ees` on DfE's real files (tests/fixtures/ees, see its README): the figures it
 * writes are DfE's, read here straight from the files; symbols are kept; ranks are right; a
 * second run writes nothing; a changed figure is a revision; every bad input is named, and leaves
 * the data untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, PROJECT } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';
import { importEes } from '../src/lib/ees/run';
import { summarise } from '../src/lib/ees/summary';
import { EesError } from '../src/lib/ees/errors';
import { eesPeriod } from '../src/lib/ees/periods';
import { rankAmong } from '../src/lib/ees/rank';
import { roundTo } from '../src/lib/ees/neighbours';
import { appendRows } from '../src/lib/data-file/append';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { addToQuarter, describeAdded } from '../src/lib/authoring/new-quarter';
import { jointNote, memberFor, membersOf, rowFor } from '../src/lib/ees/councils';

const EES = join(FIXTURES, 'ees');
const CLA = join(EES, 'cla_number_and_rate_per_10k_children.csv');
const C1 = join(EES, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv');
const D3 = join(EES, 'd3_cpps_subsequent_plan_2013_to_2025.csv');
const CSWW = join(EES, 'csww_indicators_2017_to_2025.csv');
const LEAVERS = join(EES, 'la_care_leavers_activity.csv');
const WORCESTERSHIRE = join(FIXTURES, 'sites', 'worcestershire');

// --- DfE's files, read here without the import's code ----------------------------------------
type Row = Record<string, string>;
const read = (path: string): Row[] => Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const cla = read(CLA);
const site = parseYaml(readFileSync(join(WORCESTERSHIRE, 'content', 'site.yaml'), 'utf8'));
const MEMBERS: number[] = site.comparators.statisticalNeighbours.members;

const LOOKED_AFTER = 'Children looked after on 31 March each year';
function dfe(rows: Row[], year: string, where: (r: Row) => boolean) {
  const found = rows.filter((r) => r.time_period === year && where(r));
  expect(found, `one row for ${year}`).toHaveLength(1);
  return found[0];
}
const isLa = (code: string) => (r: Row) => r.geographic_level === 'Local authority' && r.new_la_code === code;

// --- A site to import into: the Worcestershire fixture's content, without meetings or data ---
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function siteCopy(edit: (files: { site: string; indicator: (id: string) => string }) => Record<string, string> = () => ({})) {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ees-test-'));
  made.push(dir);
  cpSync(join(WORCESTERSHIRE, 'content'), join(dir, 'content'), { recursive: true });
  rmSync(join(dir, 'content', 'meetings'), { recursive: true });
  const changes = edit({
    site: readFileSync(join(dir, 'content', 'site.yaml'), 'utf8'),
    indicator: (id) => readFileSync(join(dir, 'content', 'indicators', `${id}.yaml`), 'utf8'),
  });
  for (const [path, text] of Object.entries(changes)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const csvOf = (dir: string, file: string): Row[] => Papa.parse<Row>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const find = (rows: Row[], indicator: string, period: string, area = '', breakdown = '') =>
  rows.filter((r) => r.indicator === indicator && r.period === period && (r.area ?? '') === area && (r.breakdown ?? '') === breakdown);

/** Every data file's text, to show that a failed import changed nothing. */
function snapshotData(dir: string) {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, name.name);
      if (name.isDirectory()) walk(full);
      else out[full.slice(dir.length + 1)] = readFileSync(full, 'utf8');
    }
  };
  walk(join(dir, 'data'));
  return out;
}
async function problemsOf(dir: string, files: string[], options: { quarter?: string; backfill?: boolean }) {
  const before = snapshotData(dir);
  try {
    await importEes(dir, files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(EesError);
    expect(snapshotData(dir), 'the data files are untouched').toEqual(before);
    return (error as EesError).problems;
  }
  throw new Error('the import did not fail');
}

describe('import:ees into one quarter', () => {
  it("writes the council's, England's, the region's and the neighbours' figures as DfE publishes them, every year that had ended", async () => {
    const dir = siteCopy();
    const result = await importEes(dir, [CLA], { quarter: '2024/25 Q3' });
    const rows = csvOf(dir, 'data/2024-25/q3.csv');
    // Years to 31 March 2021 to 2024; 2024/25 ends after the quarter, so it waits.
    expect([...new Set(rows.map((r) => r.period))].sort()).toEqual(['2020/21', '2021/22', '2022/23', '2023/24']);
    for (const year of ['2021', '2022', '2023', '2024']) {
      const period = `${Number(year) - 1}/${year.slice(2)}`;
      const council = dfe(cla, year, (r) => isLa('E10000034')(r) && r.population_type === LOOKED_AFTER);
      const [local] = find(rows, 'cla-rate', period);
      expect([local.value, local.numerator, local.denominator]).toEqual([council.rate_per_10000, council.children_count, council.population_estimate]);
      const england = dfe(cla, year, (r) => r.geographic_level === 'National' && r.population_type === LOOKED_AFTER);
      expect(find(rows, 'cla-rate', period, 'england')[0].value).toBe(england.rate_per_10000);
      const region = dfe(cla, year, (r) => r.geographic_level === 'Regional' && r.region_name === 'West Midlands' && r.population_type === LOOKED_AFTER);
      expect(find(rows, 'cla-rate', period, 'region')[0].value).toBe(region.rate_per_10000);
      // The neighbours' average: the mean of the ten, to the indicator's decimals (0).
      const values = MEMBERS.map((m) => Number(dfe(cla, year, (r) => r.geographic_level === 'Local authority' && Number(r.old_la_code) === m && r.population_type === LOOKED_AFTER).rate_per_10000));
      expect(find(rows, 'cla-rate', period, 'statistical-neighbours')[0].value).toBe(String(Math.round(values.reduce((a, b) => a + b) / values.length)));
      // A count: the council's own row only, and no rank.
      const count = find(rows.filter((r) => r.indicator === 'cla-count'), 'cla-count', period);
      expect(count.map((r) => [r.value, r.rank, r.outOf])).toEqual([[council.children_count, '', '']]);
      expect(rows.filter((r) => r.indicator === 'cla-count' && r.period === period)).toHaveLength(1);
    }
    expect(summarise(result)).toMatchInlineSnapshot(`
      [
        "Wrote 52 new rows and 0 revisions:",
        "  data/2024-25/q3.csv: 52 rows (a new file)",
        "Left 0 rows that data/ already has with the same figure.",
        "Skipped 5 things:",
        "  cla-ceases-rate 2024/25: dated 31 March 2025, after 2024/25 Q3, the quarter being filled; import it with the quarter DfE published it in",
        "  cla-count england, region, statistical-neighbours: cla-count is a count, and counts are not comparable between areas, so only the council's own rows were imported",
        "  cla-count 2024/25: dated 31 March 2025, after 2024/25 Q3, the quarter being filled; import it with the quarter DfE published it in",
        "  cla-rate 2024/25: dated 31 March 2025, after 2024/25 Q3, the quarter being filled; import it with the quarter DfE published it in",
        "  cla-starts-rate 2024/25: dated 31 March 2025, after 2024/25 Q3, the quarter being filled; import it with the quarter DfE published it in",
        "Statistical neighbours: the 10 listed in content/site.yaml (DfE statistical neighbour model, 2025).",
      ]
    `);
    // And the site takes it: npm run check passes on what was written.
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it('ranks the council among councils with a figure, 1 the highest, ties sharing a rank (checked by hand against the files)', async () => {
    const dir = siteCopy();
    await importEes(dir, [CLA, CSWW], { quarter: '2025/26 Q4' });
    const q = csvOf(dir, 'data/2025-26/q4.csv');
    // Children looked after at 31 March 2024: Worcestershire's 87 per 10,000 has 44 councils above
    // it (down to Wakefield's 89) of the 152 with a rate; Isles of Scilly (z) is not ranked.
    expect(find(q, 'cla-rate', '2023/24').map((r) => [r.value, r.rank, r.outOf])).toEqual([['87', '45', '152']]);
    // Agency social workers at 30 September 2024: 13.0% in Camden too; both are 92nd of 147.
    expect(find(q, 'agency-sw-rate', '2024/25').map((r) => [r.value, r.rank, r.outOf])).toEqual([['13', '92', '147']]);
    expect(rankAmong(13, [20, 13, 13, 12])).toEqual({ rank: 2, outOf: 4 });
    expect(rankAmong(12, [20, 13, 13, 12])).toEqual({ rank: 4, outOf: 4 });
  });

  it("keeps DfE's symbols, and ranks no council whose figure is one", async () => {
    const dir = siteCopy(({ site }) => ({ 'content/site.yaml': site.replace(/localAuthority:[\s\S]*$/, 'localAuthority:\n  code: E06000017\n  oldCode: 857\n  name: Rutland\n').replace(/region: West Midlands/, 'region: East Midlands').replace(/    members: .*\n/, '') }));
    const result = await importEes(dir, [D3], { quarter: '2025/26 Q3' });
    const rows = csvOf(dir, 'data/2025-26/q3.csv');
    // Rutland, 2022/23: 39 plans, DfE suppressed the second plans and the percentage.
    expect(find(rows, 'repeat-cp-plans', '2022/23').map((r) => [r.value, r.numerator, r.denominator, r.rank, r.outOf])).toEqual([['c', 'c', '39', '', '']]);
    expect(find(rows, 'repeat-cp-plans', '2024/25').map((r) => [r.value, r.numerator, r.denominator])).toEqual([['18.4', '7', '38']]);
    // Rutland lists no neighbours: DfE's 2025 model's, read here from the file the project ships.
    const model = Papa.parse<string[]>(readFileSync(join(PROJECT, 'src/lib/ees/data/sn_model_2025_wide.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const rutland = model.find((r) => r[0] === '857')!;
    const neighbours = Array.from({ length: 10 }, (_, i) => rutland[4 + 2 * i]);
    expect(result.plan.notes).toEqual([`Statistical neighbours: DfE statistical neighbour model, 2025 (sn_model_2025_wide.csv), for old LA code 857: ${neighbours.join(', ')}.`]);
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it("says how many neighbours the average is of, when one has no figure", async () => {
    const dir = siteCopy();
    await importEes(dir, [LEAVERS], { quarter: '2025/26 Q3' });
    const rows = csvOf(dir, 'data/2025-26/q3.csv');
    const leavers = read(LEAVERS);
    const [sn] = find(rows, 'care-leavers-activity', '2023/24', 'statistical-neighbours', 'not-known');
    expect(sn.note).toBe('Average of 9 of the 10 statistical neighbours; no figure for Somerset [k]');
    const values = MEMBERS.map((m) => dfe(leavers, '2024', (r) => r.geographic_level === 'Local authority' && Number(r.old_la_code) === m && r.breakdown === 'Total information not known').care_leaver_percent).filter((v) => /^\d/.test(v)).map(Number);
    expect(values).toHaveLength(9);
    expect(sn.value).toBe(roundTo(values.reduce((a, b) => a + b) / 9, 0));
    // The denominator is on the Total row: 1 of 351 care leavers not known, shown by DfE as k.
    expect(find(rows, 'care-leavers-activity', '2024/25', '', 'not-known').map((r) => [r.value, r.numerator, r.denominator])).toEqual([['k', '1', '351']]);
  });

  it('writes nothing the second time, and a figure DfE changed as a revision in the later quarter', async () => {
    const dir = siteCopy();
    await importEes(dir, [CLA], { quarter: '2024/25 Q3' });
    const first = snapshotData(dir);
    const again = await importEes(dir, [CLA], { quarter: '2024/25 Q3' });
    expect(again.written).toEqual([]);
    expect(snapshotData(dir)).toEqual(first);
    expect(summarise(again)[0]).toBe('Wrote nothing: data/ already has every figure in these files.');
    expect(again.plan.left).toBe(52);

    // DfE revises Worcestershire's and England's 2023/24 rates in its next release.
    const revisedDir = mkdtempSync(join(tmpdir(), 'scrutineer-ees-revised-'));
    made.push(revisedDir);
    const text = readFileSync(CLA, 'utf8')
      .replace('2024,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,885,Worcestershire,E10000034,Children looked after on 31 March each year,119662,1043,87', '2024,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,885,Worcestershire,E10000034,Children looked after on 31 March each year,119662,1055,88')
      .replace(/^2024,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,12059476,83530,69$/m, '2024,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,12059476,84650,70');
    expect(text).not.toBe(readFileSync(CLA, 'utf8'));
    const revisedFile = join(revisedDir, 'cla_number_and_rate_per_10k_children.csv');
    writeFileSync(revisedFile, text);
    const revised = await importEes(dir, [revisedFile], { quarter: '2025/26 Q3' });
    const q3 = csvOf(dir, 'data/2025-26/q3.csv');
    expect(find(q3, 'cla-rate', '2023/24').map((r) => [r.value, r.numerator, r.status])).toEqual([['88', '1055', 'revised']]);
    expect(find(q3, 'cla-rate', '2023/24', 'england').map((r) => [r.value, r.status])).toEqual([['70', 'revised']]);
    expect(find(q3, 'cla-count', '2023/24').map((r) => [r.value, r.status])).toEqual([['1055', 'revised']]);
    // 2024/25 is new in this quarter, not a revision.
    expect(find(q3, 'cla-rate', '2024/25').map((r) => r.status)).toEqual(['']);
    expect(summarise(revised).filter((l) => l.startsWith('Revised') || l.includes(', now '))).toMatchInlineSnapshot(`
      [
        "Revised 3 figures DfE has changed:",
        "  cla-count 2023/24 local: was 1043 in data/2024-25/q3.csv:21, now 1055 in data/2025-26/q3.csv",
        "  cla-rate 2023/24 local: was 87 (rank 45 of 152) in data/2024-25/q3.csv:34, now 88 (rank 45 of 152) in data/2025-26/q3.csv",
        "  cla-rate 2023/24 england: was 69 in data/2024-25/q3.csv:35, now 70 in data/2025-26/q3.csv",
      ]
    `);
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it("adds to a quarter's file without disturbing its rows or its column order", async () => {
    const existing = 'period,indicator,value,note,area\r\n2023/24,cla-starts-rate,26,"Typed by hand, from the council\'s own return",\r\n';
    const dir = siteCopy(() => ({ 'data/2024-25/q3.csv': existing }));
    await importEes(dir, [CLA], { quarter: '2024/25 Q3' });
    const text = readFileSync(join(dir, 'data/2024-25/q3.csv'), 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('period,indicator,value,note,area,numerator,denominator,rank,outOf');
    expect(lines[1]).toBe('2023/24,cla-starts-rate,26,"Typed by hand, from the council\'s own return",,,,,');
    // The row typed by hand is kept as it is: DfE's (with its counts) is skipped, not written twice.
    const local = find(csvOf(dir, 'data/2024-25/q3.csv'), 'cla-starts-rate', '2023/24');
    expect(local.map((r) => [r.value, r.numerator, r.note])).toEqual([['26', '', "Typed by hand, from the council's own return"]]);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(2, -1).every((l) => l.split(',').length === 9)).toBe(true);
    expect((await loadContent(dir)).problems).toEqual([]);
  });
});

describe('import:ees --backfill', () => {
  it('imports one file at a time into a site whose meetings still wait for the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ees-meetings-'));
    made.push(dir);
    cpSync(join(WORCESTERSHIRE, 'content'), join(dir, 'content'), { recursive: true });
    await importEes(dir, [CLA], { backfill: true });
    // The March meetings consider the workforce census, not imported yet: check says so, as before.
    expect((await loadContent(dir)).problems.map((p) => p.file)).toContain('content/meetings/children-and-education-scrutiny/2024-03-16.mdx');
    await importEes(dir, [C1, D3, CSWW, LEAVERS], { backfill: true });
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it('files each year in the quarter DfE published it: November and October in Q3, the workforce census of 30 September in February, Q4', async () => {
    const dir = siteCopy();
    const result = await importEes(dir, [CLA, C1, CSWW], { backfill: true });
    const q = (file: string) => csvOf(dir, file);
    expect(find(q('data/2024-25/q3.csv'), 'cla-rate', '2023/24')).toHaveLength(1);
    expect(find(q('data/2024-25/q3.csv'), 're-referrals', '2023/24')[0].value).toBe('20.9');
    // Census on 30 September 2024 (financial year 2024/25), published February 2025.
    expect(find(q('data/2024-25/q4.csv'), 'agency-sw-rate', '2024/25')[0].value).toBe('13');
    expect(find(q('data/2024-25/q4.csv'), 'cla-rate', '2024/25')).toHaveLength(0);
    expect(find(q('data/2025-26/q3.csv'), 'cla-rate', '2024/25')).toHaveLength(1);
    expect(result.written.map((w) => w.file)).toContain('data/2013-14/q3.csv');
    expect((await loadContent(dir)).problems).toEqual([]);
    const again = await importEes(dir, [CLA, C1, CSWW], { backfill: true });
    expect(again.written).toEqual([]);
    expect(again.plan.rows).toEqual([]);
  });
});

// --- Files shaped like DfE's others --------------------------------------------------------------
const GEOGRAPHY = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'];
/**
 * A file laid out as DfE's d5_cpps_at31march_by_duration file is: a value column per duration,
 * named as DfE names them (digits first), with a filter column and a count column whose names
 * hold capitals and spaces, as some EES files' do. Its areas are those of the looked-after file in
 * 2025; Worcestershire's figures differ from every other area's, so each row shows whose it is.
 */
function durationFile() {
  const areas = cla.filter((r) => r.time_period === '2025' && r.population_type === LOOKED_AFTER);
  const rows = areas.map((r) => {
    const mine = r.new_la_code === 'E10000034';
    return [...GEOGRAPHY.map((c) => r[c] ?? ''), 'All plans', mine ? '31.5' : '30.0', mine ? '22.1' : '20.0', mine ? 'c' : '5.5', r.children_count];
  });
  const text = Papa.unparse({ fields: [...GEOGRAPHY, 'Plan Type', '3_months_or_less', '1_year_less_than_2_years', '2_years_or_more', 'Number of Children'], data: rows });
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ees-d5-'));
  made.push(dir);
  const path = join(dir, 'd5_cpps_at31march_by_duration_2013_to_2025.csv');
  writeFileSync(path, text);
  return path;
}
const DURATION = `title: Child protection plans at 31 March by how long they had lasted
summary: Of the children on a plan at 31 March, how long their plan had lasted.
unit: percent
polarity: neutral
measure: snapshot
frequency: annual
definition: Children on a child protection plan at 31 March, by how long the plan had lasted.
categories:
  under-3-months: 3 months or less
  one-to-two-years: 1 year to less than 2 years
  two-years-plus: 2 years or more
ees:
  file: d5_cpps_at31march_by_duration_2013_to_2025
  value:
    under-3-months: 3_months_or_less
    one-to-two-years: 1_year_less_than_2_years
    two-years-plus: 2_years_or_more
  filters:
    Plan Type: All plans
  published: November
`;
const PLANS_COUNT = `title: Children on a child protection plan at 31 March
summary: How many children were on a child protection plan at 31 March.
unit: count
polarity: neutral
measure: snapshot
frequency: annual
definition: Children on a child protection plan at 31 March.
ees:
  file: d5_cpps_at31march_by_duration_2013_to_2025
  value: Number of Children
  filters:
    Plan Type: All plans
  published: November
`;

describe('any EES file: columns and filters as DfE writes them', () => {
  it('reads value columns that start with digits, and a filter and a count column with capitals and spaces', async () => {
    const dir = siteCopy(() => ({ 'content/indicators/cpp-duration.yaml': DURATION, 'content/indicators/cpp-count.yaml': PLANS_COUNT }));
    await importEes(dir, [durationFile()], { quarter: '2025/26 Q3' });
    const rows = csvOf(dir, 'data/2025-26/q3.csv');
    const figures = (breakdown: string) => ['', 'england', 'statistical-neighbours'].map((area) => find(rows, 'cpp-duration', '2024/25', area, breakdown)[0]?.value);
    expect(figures('under-3-months')).toEqual(['31.5', '30.0', '30.0']);
    expect(figures('one-to-two-years')).toEqual(['22.1', '20.0', '20.0']);
    expect(figures('two-years-plus')).toEqual(['c', '5.5', '5.5']);
    const council = dfe(cla, '2025', (r) => isLa('E10000034')(r) && r.population_type === LOOKED_AFTER);
    expect(find(rows, 'cpp-count', '2024/25').map((r) => r.value)).toEqual([council.children_count]);
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it("names a column the file lacks, with the file's real columns closest first", async () => {
    const dir = siteCopy(() => ({
      'content/indicators/cpp-duration.yaml': DURATION.replace('two-years-plus: 2_years_or_more', 'two-years-plus: 2_years_or_mor').replace('Plan Type: All plans', 'plan_type: All plans'),
      'content/indicators/cpp-count.yaml': PLANS_COUNT.replace('value: Number of Children', 'value: number of children '),
    }));
    expect(await problemsOf(dir, [durationFile()], { quarter: '2025/26 Q3' })).toMatchInlineSnapshot(`
      [
        "d5_cpps_at31march_by_duration_2013_to_2025.csv:1: has no column "number of children", which content/indicators/cpp-count.yaml:10:10 names (did you mean Number of Children?); write one of the file's columns exactly as its first row has it, closest first: Number of Children, 2_years_or_more, Plan Type, 3_months_or_less, 1_year_less_than_2_years",
        "d5_cpps_at31march_by_duration_2013_to_2025.csv:1: has no column "2_years_or_mor", which content/indicators/cpp-duration.yaml:15:5 names (did you mean 2_years_or_more?); write one of the file's columns exactly as its first row has it, closest first: 2_years_or_more, 3_months_or_less, Plan Type, 1_year_less_than_2_years, Number of Children",
        "d5_cpps_at31march_by_duration_2013_to_2025.csv:1: has no column "plan_type", which content/indicators/cpp-duration.yaml:19:16 names (did you mean Plan Type?); write one of the file's columns exactly as its first row has it, closest first: Plan Type, 2_years_or_more, 3_months_or_less, Number of Children, 1_year_less_than_2_years",
      ]
    `);
  });

  it("takes every column of every DfE file in tests/fixtures/ees, by its exact name, and the site passes check", async () => {
    const files = readdirSync(EES).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toHaveLength(5);
    const indicators: Record<string, string> = {};
    for (const file of files) {
      const rows = read(join(EES, file));
      const columns = Object.keys(rows[0]).filter((c) => !GEOGRAPHY.includes(c));
      // A filter column holds words; a value column numbers or DfE's symbols.
      const isValue = (c: string) => rows.every((r) => r[c] === undefined || /^(-?\d+(\.\d+)?|[cxzku]|low|)$/.test(r[c]));
      const council = rows.find((r) => r.new_la_code === 'E10000034')!;
      const filters = columns.filter((c) => !isValue(c)).map((c) => `    ${c}: "${council[c]}"`).join('\n');
      columns.filter(isValue).forEach((column, i) => {
        indicators[`content/indicators/${file.slice(0, 4).replace(/_/g, '')}-${i}.yaml`] =
          `title: ${column}\nsummary: ${column}.\nunit: ratio\npolarity: neutral\nmeasure: in-period\nfrequency: annual\ndefinition: ${column}.\nees:\n  file: ${file.replace(/\.csv$/, '')}\n  value: "${column}"\n${filters ? `  filters:\n${filters}\n` : ''}  published: November\n`;
      });
    }
    expect(Object.keys(indicators).length).toBeGreaterThanOrEqual(40);
    const dir = siteCopy(() => indicators);
    rmSync(join(dir, 'content', 'indicators'), { recursive: true });
    for (const [path, text] of Object.entries(indicators)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = await importEes(dir, files.map((f) => join(EES, f)), { backfill: true });
    expect(result.plan.skipped.filter((s) => !s.reason.includes('has no row for') && !s.reason.includes('cell is empty'))).toEqual([]);
    const written = new Set(result.plan.rows.map((r) => r.cells.indicator));
    expect([...written].sort()).toEqual(Object.keys(indicators).map((p) => p.replace(/^content\/indicators\/|\.yaml$/g, '')).sort());
    const { problems, warnings } = await loadContent(dir);
    expect([...problems, ...warnings].map(formatProblem)).toEqual([]);
  });
});

// --- Councils DfE reports jointly -----------------------------------------------------------------
const CSWW_ROWS = read(CSWW);
const councilSite = (oldCode: number, code: string, name: string, region: string) =>
  siteCopy(({ site }) => ({ 'content/site.yaml': site.replace(/localAuthority:[\s\S]*$/, `localAuthority:\n  code: ${code}\n  oldCode: ${oldCode}\n  name: ${name}\n`).replace(/region: West Midlands/, `region: ${region}`).replace(/    members: .*\n/, '') }));

describe("councils DfE reports jointly (the workforce census's 314 / 318 and 940 / 941)", () => {
  it("gives Kingston upon Thames the joint figure as its own, saying so, and its own figure where a file has one", async () => {
    const dir = councilSite(314, 'E09000021', 'Kingston upon Thames', 'Outer London');
    await importEes(dir, [CLA, CSWW], { quarter: '2025/26 Q4' });
    const rows = csvOf(dir, 'data/2025-26/q4.csv');
    const joint = dfe(CSWW_ROWS, '2024', (r) => r.old_la_code === '314 / 318');
    expect(find(rows, 'agency-sw-rate', '2024/25').map((r) => [r.value, r.note])).toEqual([[joint.agency_rate_fte, 'DfE reports Kingston upon Thames and Richmond upon Thames together; this is their joint figure']]);
    const own = dfe(cla, '2024', (r) => isLa('E09000021')(r) && r.population_type === LOOKED_AFTER);
    expect(find(rows, 'cla-rate', '2023/24').map((r) => [r.value, r.note])).toEqual([[own.rate_per_10000, '']]);
    // Richmond upon Thames (318) is one of Kingston's neighbours: the joint figure stands for it.
    expect(find(rows, 'agency-sw-rate', '2024/25', 'statistical-neighbours')[0].note).toBe('DfE reports Kingston upon Thames and Richmond upon Thames together; their joint figure stands for Richmond upon Thames');
    expect((await loadContent(dir)).problems).toEqual([]);
  });

  it("takes Wokingham's neighbour Richmond upon Thames (318) from the joint row, and lists it by either code or name", async () => {
    const dir = councilSite(872, 'E06000041', 'Wokingham', 'South East');
    const result = await importEes(dir, [CLA, CSWW], { quarter: '2025/26 Q4' });
    const [sn] = find(csvOf(dir, 'data/2025-26/q4.csv'), 'agency-sw-rate', '2024/25', 'statistical-neighbours');
    expect(sn.note).toBe('DfE reports Kingston upon Thames and Richmond upon Thames together; their joint figure stands for Richmond upon Thames');
    expect(result.plan.notes[0]).toContain('for old LA code 872: 868, 936, 825, 869, 305, 358, 318, 919, 867, 823');
    // The same, with the neighbours listed in site.yaml, Richmond by name.
    const listed = siteCopy(({ site }) => ({
      'content/site.yaml': site.replace(/localAuthority:[\s\S]*$/, 'localAuthority:\n  code: E06000041\n  oldCode: 872\n  name: Wokingham\n').replace(/region: West Midlands/, 'region: South East').replace(/members: .*/, 'members: [868, 936, 825, 869, 305, 358, Richmond upon Thames, 919, 867, 823]'),
    }));
    await importEes(listed, [CLA, CSWW], { quarter: '2025/26 Q4' });
    expect(find(csvOf(listed, 'data/2025-26/q4.csv'), 'agency-sw-rate', '2024/25', 'statistical-neighbours')[0]).toEqual(sn);
  });

  it('gives West Northamptonshire the joint figure from 2021, when the council began, and nothing before', async () => {
    const dir = councilSite(941, 'E06000062', 'West Northamptonshire', 'East Midlands');
    const result = await importEes(dir, [CSWW], { quarter: '2025/26 Q4' });
    const rows = csvOf(dir, 'data/2025-26/q4.csv').filter((r) => r.indicator === 'agency-sw-rate' && !r.area);
    expect(rows.map((r) => r.period)).toEqual(['2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
    expect(new Set(rows.map((r) => r.note))).toEqual(new Set(['DfE reports North Northamptonshire and West Northamptonshire together; this is their joint figure']));
    expect(summarise(result).find((l) => l.startsWith('  agency-sw-rate local'))).toMatchInlineSnapshot(`"  agency-sw-rate local 2017/18 to 2020/21: csww_indicators_2017_to_2025.csv has no row for West Northamptonshire this year"`);
  });
});

describe('which councils a row stands for', () => {
  const joint = { geographic_level: 'Local authority', old_la_code: '314 / 318', new_la_code: 'E09000021 / E09000027', la_name: 'Kingston upon Thames / Richmond upon Thames' };
  const own = { geographic_level: 'Local authority', old_la_code: '318', new_la_code: 'E09000027', la_name: 'Richmond upon Thames' };
  it('splits a joint row into its members, matched by new code, old code or name', () => {
    expect(membersOf(joint)).toEqual([
      { oldCode: 314, code: 'E09000021', name: 'Kingston upon Thames' },
      { oldCode: 318, code: 'E09000027', name: 'Richmond upon Thames' },
    ]);
    expect([{ code: 'E09000027' }, { oldCode: 318 }, { name: 'richmond upon thames' }].map((ref) => memberFor(joint, ref)?.name)).toEqual(['Richmond upon Thames', 'Richmond upon Thames', 'Richmond upon Thames']);
    // The new code decides when both sides have it, so a wrong old code cannot match another council.
    expect(memberFor(joint, { code: 'E09000099', oldCode: 318 })).toBeUndefined();
    expect(jointNote(joint)).toBe('DfE reports Kingston upon Thames and Richmond upon Thames together; this is their joint figure');
  });
  it("prefers a council's own row to a joint one in the same year", () => {
    expect(rowFor([{ cells: joint }, { cells: own }], { oldCode: 318 })?.cells).toBe(own);
    expect(rowFor([{ cells: joint }, { cells: own }], { oldCode: 314 })?.cells).toBe(joint);
    expect(rowFor([{ cells: own }], { oldCode: 314 })).toBeUndefined();
  });
});

describe('a backfilled site passes check --strict as it comes', () => {
  it("the sample site, with the guide's ees blocks: DfE's years back to 2012/13 need no file for the quarters between their releases", async () => {
    const dir = sampleWithGuideBlocks();
    const result = await importEes(dir, [CLA, C1, D3, LEAVERS], { backfill: true });
    // Q3 files from 2013/14, years before the sample's own monthly figures start in 2017/18.
    expect(result.written.map((w) => w.file)).toContain('data/2013-14/q3.csv');
    const { problems, warnings } = await loadContent(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
  });

  it("new:quarter on a quarter the import made adds the council's monthly rows and leaves DfE's as they are", async () => {
    const dir = sampleWithGuideBlocks();
    await importEes(dir, [CLA, C1, D3, LEAVERS], { backfill: true });
    const file = 'data/2021-22/q3.csv';
    const before = readFileSync(join(dir, file), 'utf8');
    const content = (await loadContent(dir)).content!;
    const result = addToQuarter(content, '2021/22 Q3', before);
    expect(result.csv.startsWith(before.split('\n')[0])).toBe(true);
    // Every row DfE's figures made is there, unchanged, in its place; the new rows follow.
    expect(result.csv.split('\n').slice(1, before.split('\n').length - 1).map((l) => l.replace(/,+$/, ''))).toEqual(before.split('\n').slice(1, -1).map((l) => l.replace(/,+$/, '')));
    expect(result.added.filter((r) => r.indicator === 'cla-rate').map((r) => [r.period, r.area])).toEqual([['2021-10', ''], ['2021-11', ''], ['2021-12', '']]);
    expect(result.added.some((r) => r.area && find(csvOf(dir, file), r.indicator, r.period, r.area, r.breakdown).length)).toBe(false);
    expect(describeAdded(result)[0]).toMatchInlineSnapshot(`"Added 88 rows to data/2021-22/q3.csv, which already had 12; the rows it had are unchanged (each has an empty cell for the new column breakdown). Added, values empty:"`);
  });

  it('still warns of a quarter missing among the council\'s own monthly figures, naming the indicators due in it', async () => {
    const dir = sampleWithGuideBlocks();
    await importEes(dir, [CLA, C1, D3, LEAVERS], { backfill: true });
    rmSync(join(dir, 'data/2018-19/q2.csv'));
    const { warnings } = await loadContent(dir);
    expect(warnings.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "data/2018-19/q2.csv:1:1: warning: there is no file for 2018/19 Q2 (July to September 2018), between data/2018-19/q1.csv and data/2018-19/q3.csv, but assessment-45-days (monthly), assessment-outcomes (quarterly), cp-plan-rate (monthly) and 29 others have the council's own figures in files before and after it, so this quarter's are missing; create it with npm run new:quarter -- "2018/19 Q2" and fill it in",
      ]
    `);
  });
});

describe('appending rows to a quarter file', () => {
  it('keeps a byte order mark, CRLF, a note running over two lines and a missing last newline', () => {
    const existing = '\uFEFFindicator,period,value,note\r\ncla-rate,2023/24,87,"Two\r\nlines"\r\ncla-count,2023/24,1043,';
    const text = appendRows(existing, [{ indicator: 'cla-rate', period: '2023/24', area: 'england', value: '69', note: 'A, b' }], 'data/2024-25/q3.csv');
    expect(text).toBe('\uFEFFindicator,period,value,note,area\r\ncla-rate,2023/24,87,"Two\r\nlines",\r\ncla-count,2023/24,1043,,\r\ncla-rate,2023/24,69,"A, b",england\r\n');
    expect(appendRows(undefined, [{ indicator: 'x', period: '2023/24', value: 'c', numerator: 'c', denominator: '39' }], 'f.csv')).toBe('indicator,period,area,value,numerator,denominator\nx,2023/24,,c,c,39\n');
  });
});

describe("the neighbours' average", () => {
  it('rounds half away from zero, as written: 2.675 to 2.68, 62.5 to 63', () => {
    expect([roundTo(2.675, 2), roundTo(62.5, 0), roundTo(62.49, 0), roundTo(13, 1)]).toEqual(['2.68', '63', '62', '13.0']);
  });
});

describe('EES time periods', () => {
  it('maps reporting, financial, academic and calendar years, and guesses nothing else', () => {
    const label = (p: ReturnType<typeof eesPeriod>) => ('period' in p ? p.period.label : p.reason);
    expect(label(eesPeriod('2024', 'Reporting year'))).toBe('2023/24');
    expect(label(eesPeriod('202324', 'Financial year'))).toBe('2023/24');
    expect(label(eesPeriod('2024', 'Reporting year', { month: 9, day: 30 }))).toBe('2024/25');
    expect(label(eesPeriod('202324', 'Academic year'))).toBe('2024/25');
    expect(label(eesPeriod('2024', 'Calendar year'))).toBe('2024/25');
    expect(label(eesPeriod('2024', 'Spring term'))).toMatchInlineSnapshot(`"time_identifier "Spring term" is not one this import maps to a financial year (Reporting year, Financial year, Academic year or Calendar year), so it was not guessed"`);
    expect(label(eesPeriod('2024/25', 'Reporting year'))).toMatchInlineSnapshot(`"time_period "2024/25" with time_identifier "Reporting year" is not a year this import understands, so it was not guessed"`);
  });
});

describe('import:ees refuses bad input, naming the file and line, and writes nothing', () => {
  it('a file that is not an EES data file', async () => {
    const dir = siteCopy();
    expect(await problemsOf(dir, [CLA, join(FIXTURES, 'import', 'performance-sheet.csv')], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "performance-sheet.csv:1: is not an EES data file: its first row has no time_period, time_identifier, geographic_level columns; download the data file (CSV) from the publication's "Explore data and files" section, not a table built on the site or the metadata file",
      ]
    `);
    expect(await problemsOf(dir, [join(FIXTURES, 'import', 'performance-sheet.xlsx')], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "performance-sheet.xlsx: is not an EES data file; give the .csv data file from the publication's "Download data" page (not a spreadsheet or a table)",
      ]
    `);
  });

  it('a column named in an ees block that the file does not have', async () => {
    const dir = siteCopy(({ indicator }) => ({ 'content/indicators/cla-rate.yaml': indicator('cla-rate').replace('value: rate_per_10000', 'value: rate_per_10k') }));
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "cla_number_and_rate_per_10k_children.csv:1: has no column "rate_per_10k", which content/indicators/cla-rate.yaml:12:10 names (did you mean rate_per_10000?); write one of the file's columns exactly as its first row has it, closest first: rate_per_10000, children_count, population_type, population_estimate",
      ]
    `);
  });

  it('a filter that matches no row', async () => {
    const dir = siteCopy(({ indicator }) => ({ 'content/indicators/cla-rate.yaml': indicator('cla-rate').replace('Children looked after on 31 March each year', 'Children looked after at 31 March each year') }));
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "cla_number_and_rate_per_10k_children.csv: no row has population_type "Children looked after at 31 March each year", which content/indicators/cla-rate.yaml:16:22 names; the column holds "Children looked after on 31 March each year", "Children ceasing to be looked after each year", "Children starting to be looked after each year". Did you mean "Children looked after on 31 March each year"?",
      ]
    `);
  });

  it('filters that match more than one row for an area and year', async () => {
    const dir = siteCopy(({ indicator }) => ({ 'content/indicators/cla-rate.yaml': indicator('cla-rate').replace(/  filters:\n    population_type: .*\n/, '') }));
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "cla_number_and_rate_per_10k_children.csv:3: two rows for England, time_period 2025 (lines 2 and 3), are picked by the ees block in content/indicators/cla-rate.yaml:11:3; each area and year needs one row, so add a filter that picks one, such as population_type: Children ceasing to be looked after each year",
      ]
    `);
  });

  it("a council code that is not in the file", async () => {
    const dir = siteCopy(({ site }) => ({ 'content/site.yaml': site.replace('code: E10000034', 'code: E10000099').replace('oldCode: 885', 'oldCode: 999').replace('name: Worcestershire', 'name: Worcestershir') }));
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "cla_number_and_rate_per_10k_children.csv: no local authority row has the council's code E10000099 (content/site.yaml localAuthority); check the code against DfE's list; did you mean Worcestershire?",
      ]
    `);
  });

  it('a neighbour that is not a council in the file', async () => {
    const dir = siteCopy(({ site }) => ({ 'content/site.yaml': site.replace(/members: \[\d+/, 'members: [999') }));
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "cla_number_and_rate_per_10k_children.csv: statistical neighbour old LA code 999 (content/site.yaml comparators.statisticalNeighbours.members) is not a council in this file; check the code or name",
      ]
    `);
  });

  it('a quarter that is malformed, or none', async () => {
    const dir = siteCopy();
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q5' })).toMatchInlineSnapshot(`
      [
        "--quarter "2024/25 Q5" is not a financial quarter; write it like "2020/21 Q1" (Q1 is April to June, Q4 is January to March)",
      ]
    `);
    expect(await problemsOf(dir, [CLA], {})).toMatchInlineSnapshot(`
      [
        "say which quarter's file to fill with --quarter "2024/25 Q3", or give --backfill to file each year in the quarter DfE published it",
      ]
    `);
  });

  it('(not an error) a figure already in the same quarter with another value is skipped with its reason, not overwritten', async () => {
    const dir = siteCopy(() => ({ 'data/2024-25/q3.csv': 'indicator,period,value\ncla-count,2023/24,1040\n' }));
    const result = await importEes(dir, [CLA], { quarter: '2024/25 Q3' });
    expect(readFileSync(join(dir, 'data/2024-25/q3.csv'), 'utf8')).toMatch(/^indicator,period,value,area,numerator,denominator,rank,outOf\ncla-count,2023\/24,1040,,,,,\n/);
    expect(summarise(result).find((l) => l.includes('already has 1040'))).toMatchInlineSnapshot(`"  cla-count local 2023/24: data/2024-25/q3.csv:2 already has 1040 where DfE's file has 1043; a revision goes in a later quarter's file than the figure it replaces, so run the import with --quarter for the quarter DfE revised it, or correct the row by hand"`);
  });

  it('(not an error) a file no indicator names is skipped with its reason, and a renamed download is recognised', async () => {
    const dir = siteCopy();
    const renamed = join(mkdtempSync(join(tmpdir(), 'scrutineer-ees-renamed-')), 'd3_cpps_subsequent_plan_2013_to_2025 (1).csv');
    made.push(join(renamed, '..'));
    cpSync(D3, renamed);
    const result = await importEes(dir, [CLA, renamed], { quarter: '2024/25 Q3' });
    expect(summarise(result).filter((l) => l.includes('(1)'))).toMatchInlineSnapshot(`
      [
        "  d3_cpps_subsequent_plan_2013_to_2025 (1).csv: no indicator's ees.file names d3_cpps_subsequent_plan_2013_to_2025 (1), so nothing was read from it; if it is d3_cpps_subsequent_plan_2013_to_2025, rename the file to d3_cpps_subsequent_plan_2013_to_2025.csv",
      ]
    `);
    expect(result.written.map((w) => w.file)).toEqual(['data/2024-25/q3.csv']);
  });

  it('rows that npm run check would reject: a percentage block pointing at a count column', async () => {
    const dir = siteCopy(({ indicator }) => ({ 'content/indicators/care-leavers-neet.yaml': indicator('care-leavers-neet').replace('value: care_leaver_percent', 'value: care_leaver_count') }));
    const problems = await problemsOf(dir, [LEAVERS], { quarter: '2025/26 Q3' });
    expect(problems.length).toBeGreaterThan(5);
    expect(problems[0]).toMatchInlineSnapshot(`"The imported rows would make npm run check fail, so nothing was written. It would report (lines as the file would be):"`);
    expect(problems[1]).toMatchInlineSnapshot(`"data/2025-26/q3.csv:82:5: value 129 is over 100, but care-leavers-neet is a percentage; write a number from 0 to 100"`);
  });

  it('--backfill with an indicator that does not say when DfE publishes it', async () => {
    const dir = siteCopy(({ indicator }) => ({ 'content/indicators/cla-rate.yaml': indicator('cla-rate').replace('  published: November\n', '') }));
    expect(await problemsOf(dir, [CLA], { backfill: true })).toMatchInlineSnapshot(`
      [
        "content/indicators/cla-rate.yaml:11:3: has no published: month, which --backfill needs to file each year in the quarter DfE published it; add published: November (or the month DfE publishes cla_number_and_rate_per_10k_children)",
      ]
    `);
  });

  it('a site that does not say which council it is', async () => {
    const dir = siteCopy(({ site }) => ({ 'content/site.yaml': site.replace(/localAuthority:[\s\S]*$/, '') }));
    expect(await problemsOf(dir, [CLA], { quarter: '2024/25 Q3' })).toMatchInlineSnapshot(`
      [
        "content/site.yaml: has no localAuthority, so the import cannot tell which council is yours; add localAuthority: with code (such as E10000034), oldCode (such as 885) and name, as DfE writes them",
      ]
    `);
  });

  it('one bad file among good ones: nothing from any of them is written (the command, as an officer runs it)', () => {
    const dir = siteCopy();
    const run = spawnSync(process.execPath, [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT, 'scripts', 'import-ees.ts'), CLA, join(FIXTURES, 'import', 'performance-sheet.csv'), '--quarter', '2024/25 Q3'], {
      cwd: PROJECT,
      env: cleanEnv({ SCRUTINEER_ROOT: dir }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('performance-sheet.csv:1: is not an EES data file');
    expect(run.stderr).toContain('Nothing was written.');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});

describe('the Worcestershire fixture', () => {
  it('holds exactly what import:ees --backfill makes from the DfE files committed beside it', async () => {
    const dir = siteCopy();
    const files = ['cla_number_and_rate_per_10k_children', 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025', 'd3_cpps_subsequent_plan_2013_to_2025', 'csww_indicators_2017_to_2025', 'la_care_leavers_activity'];
    await importEes(dir, files.map((f) => join(EES, `${f}.csv`)), { backfill: true });
    expect(snapshotData(dir)).toEqual(snapshotData(WORCESTERSHIRE));
  });
});

/** The publishing guide's ees blocks, as it shows them for the sample site. */
function guideBlocks() {
  const guide = readFileSync(join(PROJECT, 'docs', 'publishing.md'), 'utf8');
  return [...guide.matchAll(/```yaml\n\s*# content\/indicators\/([a-z0-9-]+)\.yaml\n([\s\S]*?)```/g)].map((m) => ({ id: m[1], yaml: m[2].replace(/^ {3}/gm, '') }));
}

/** A copy of the sample site with the guide's ees blocks and Worcestershire's codes, as the guide has an officer do. */
function sampleWithGuideBlocks() {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ees-sample-'));
  made.push(dir);
  for (const part of ['content', 'data']) cpSync(join(PROJECT, part), join(dir, part), { recursive: true });
  for (const b of guideBlocks()) {
    const path = join(dir, 'content', 'indicators', `${b.id}.yaml`);
    writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n${b.yaml}`);
  }
  const sitePath = join(dir, 'content', 'site.yaml');
  writeFileSync(sitePath, `${readFileSync(sitePath, 'utf8')}localAuthority:\n  code: E10000034\n  oldCode: 885\n  name: Worcestershire\n`);
  return dir;
}

describe("the publishing guide's ees blocks", () => {
  it('import DfE\'s files into the sample site, which still passes npm run check', async () => {
    const blocks = guideBlocks();
    expect(blocks.map((b) => b.id)).toEqual(['cla-rate', 're-referrals-12-months', 'repeat-cp-plans', 'care-leavers-neet']);
    const dir = sampleWithGuideBlocks();
    const result = await importEes(dir, [CLA, C1, D3, LEAVERS], { quarter: '2025/26 Q3' });
    const rows = csvOf(dir, 'data/2025-26/q3.csv');
    for (const b of blocks) {
      // Monthly and quarterly indicators: England, region and neighbours for each year; the council's own figures stay.
      expect(rows.filter((r) => r.indicator === b.id).map((r) => r.area).sort(), b.id).toEqual(expect.arrayContaining(['england', 'region', 'statistical-neighbours']));
      expect(rows.filter((r) => r.indicator === b.id && !r.area)).toEqual([]);
    }
    expect(result.plan.skipped.filter((s) => s.area === 'local').map((s) => s.indicator).sort()).toEqual(blocks.map((b) => b.id).sort());
    expect((await loadContent(dir)).problems).toEqual([]);
  });
});
