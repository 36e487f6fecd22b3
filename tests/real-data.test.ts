/**
 * The Worcestershire fixture (tests/fixtures/sites/worcestershire, made by
 * scripts/fixtures/make-real-site.ts with `import:ees --backfill`), built once and read as a
 * resident would: every figure in every meeting page's tables — the council's, England's, the
 * West Midlands' and the neighbours' average — must be DfE's, read here straight from DfE's files
 * (tests/fixtures/ees) with a mapping of its own, not through the import's code or the indicators'
 * ees blocks. Symbols included, and each meeting sees the year DfE had published by then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { FIXTURES } from './helpers/fixtures';
import { buildSite, page } from './helpers/build';

const SITE = join(FIXTURES, 'sites', 'worcestershire');
const EES = join(FIXTURES, 'ees');
const out = mkdtempSync(join(tmpdir(), 'scrutineer-real-'));
let build: { status: number | null; stderr: string };
beforeAll(() => {
  build = buildSite(SITE, out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

// --- DfE's figures, read here ---------------------------------------------------------------
type Row = Record<string, string>;
const files = new Map<string, Row[]>();
const file = (name: string) => {
  if (!files.has(name)) files.set(name, Papa.parse<Row>(readFileSync(join(EES, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data);
  return files.get(name)!;
};

/** Where each indicator's figures are in DfE's files: written here, independently of the site's ees blocks. */
interface Source {
  file: string;
  value: string;
  filter: (r: Row, category?: string) => boolean;
  numerator?: string;
  /** The denominator's column, on the same row or on the row `denominatorRow` picks. */
  denominator?: string;
  denominatorRow?: (r: Row) => boolean;
}
const population = (type: string) => (r: Row) => r.population_type === type;
const leavers = (breakdown: string) => (r: Row) => r.care_leaver_age === '19 to 21 years' && r.breakdown === breakdown;
const ACTIVITY: Record<string, string> = {
  'in-eet': 'Total in education, employment or training',
  neet: 'Total not in education, employment or training',
  'not-known': 'Total information not known',
};
const SOURCES: Record<string, Source> = {
  'cla-rate': { file: 'cla_number_and_rate_per_10k_children', value: 'rate_per_10000', filter: population('Children looked after on 31 March each year') },
  'cla-count': { file: 'cla_number_and_rate_per_10k_children', value: 'children_count', filter: population('Children looked after on 31 March each year') },
  'cla-starts-rate': { file: 'cla_number_and_rate_per_10k_children', value: 'rate_per_10000', filter: population('Children starting to be looked after each year') },
  'cla-ceases-rate': { file: 'cla_number_and_rate_per_10k_children', value: 'rate_per_10000', filter: population('Children ceasing to be looked after each year') },
  're-referrals': { file: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025', value: 'rereferral_percent', numerator: 'rereferral_count', denominator: 'referral_count', filter: () => true },
  'repeat-cp-plans': { file: 'd3_cpps_subsequent_plan_2013_to_2025', value: 'CPP_subsequent_percent', numerator: 'CPP_subsequent', denominator: 'CPP_start', filter: () => true },
  'care-leavers-neet': { file: 'la_care_leavers_activity', value: 'care_leaver_percent', numerator: 'care_leaver_count', denominator: 'care_leaver_count', denominatorRow: leavers('Total'), filter: leavers(ACTIVITY.neet) },
  'care-leavers-eet': { file: 'la_care_leavers_activity', value: 'care_leaver_percent', numerator: 'care_leaver_count', denominator: 'care_leaver_count', denominatorRow: leavers('Total'), filter: leavers(ACTIVITY['in-eet']) },
  'care-leavers-activity': { file: 'la_care_leavers_activity', value: 'care_leaver_percent', numerator: 'care_leaver_count', denominator: 'care_leaver_count', denominatorRow: leavers('Total'), filter: (r, c) => leavers(ACTIVITY[c!])(r) },
  'agency-sw-rate': { file: 'csww_indicators_2017_to_2025', value: 'agency_rate_fte', filter: () => true },
  'sw-turnover-rate': { file: 'csww_indicators_2017_to_2025', value: 'turnover_rate_fte', filter: () => true },
  'sw-caseload': { file: 'csww_indicators_2017_to_2025', value: 'caseload_fte', filter: () => true },
};

const site = parseYaml(readFileSync(join(SITE, 'content', 'site.yaml'), 'utf8'));
const members: number[] = site.comparators.statisticalNeighbours.members;
const indicators = new Map(readdirSync(join(SITE, 'content', 'indicators')).map((f) => [f.replace('.yaml', ''), parseYaml(readFileSync(join(SITE, 'content', 'indicators', f), 'utf8'))]));

type Area = 'local' | 'england' | 'region' | 'statistical-neighbours';
const inArea = (area: Area) => (r: Row) =>
  area === 'local' ? r.geographic_level === 'Local authority' && r.new_la_code === 'E10000034' : area === 'england' ? r.geographic_level === 'National' : r.geographic_level === 'Regional' && r.region_name === 'West Midlands';

function dfeRow(id: string, year: string, where: (r: Row) => boolean, category?: string) {
  const s = SOURCES[id];
  const rows = file(s.file).filter((r) => r.time_period === year && where(r) && s.filter(r, category));
  expect(rows.length, `${id} ${year} ${category ?? ''}: one row`).toBeLessThanOrEqual(1);
  return rows[0];
}

/** What the page should show for a cell: a symbol in brackets, "N of D", or a number. */
type Expected = { symbol: string } | { number: number } | { nOfD: [number, number] };
const SYMBOL: Record<string, string> = { c: '[c]', x: '[x]', z: '[z]', k: '[low]', low: '[low]', u: '[u]' };
const isNumber = (t: string | undefined) => t !== undefined && /^-?\d+(\.\d+)?$/.test(t);

function expected(id: string, year: string, area: Area, category?: string): Expected | undefined {
  const ind = indicators.get(id);
  const decimals = ind.decimals ?? (ind.unit === 'count' ? 0 : 1);
  if (area === 'statistical-neighbours') {
    // The unweighted mean of the neighbours with a figure, rounded to the indicator's decimals.
    const values = members.map((m) => dfeRow(id, year, (r) => r.geographic_level === 'Local authority' && Number(r.old_la_code) === m, category)?.[SOURCES[id].value]).filter(isNumber).map(Number);
    if (!values.length) return undefined;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { number: Math.round(mean * 10 ** decimals + 1e-9) / 10 ** decimals };
  }
  const row = dfeRow(id, year, inArea(area), category);
  if (!row) return undefined;
  const text = row[SOURCES[id].value];
  if (text === 'c') return { symbol: '[c]' };
  // The council's small counts are hidden even where DfE gives a symbol for the percentage (k: 1 of 351).
  if (area === 'local' && ind.unit === 'percent') {
    const s = SOURCES[id];
    const n = Number(row[s.numerator!]);
    const totalRow = s.denominatorRow && file(s.file).find((r) => r.time_period === year && inArea('local')(r) && s.denominatorRow!(r));
    const d = Number((totalRow ?? row)[s.denominator!]);
    // Disclosure control (DOMAIN.md): 1 to 5 children, or all but 1 to 5, are not published.
    const small = (x: number) => x >= 1 && x <= 5;
    if (small(n) || small(d - n)) return { symbol: '[c]' };
    if (isNumber(text) && d < 20) return { nOfD: [n, d] };
  }
  if (!isNumber(text)) return { symbol: SYMBOL[text] };
  if (area === 'local' && ind.unit === 'count' && Number(text) >= 1 && Number(text) <= 5) return { symbol: '[c]' };
  return { number: Number(text) };
}

/** A breakdown's local cells for one year, with secondary suppression: when exactly one category is hidden, the next smallest is too. */
function expectedBreakdown(id: string, year: string): Map<string, Expected | undefined> {
  const categories = Object.keys(indicators.get(id).categories);
  const cells = new Map(categories.map((c) => [c, expected(id, year, 'local', c)]));
  const hidden = categories.filter((c) => {
    const e = cells.get(c);
    return e && 'symbol' in e && e.symbol === '[c]';
  });
  if (hidden.length === 1) {
    const next = categories
      .filter((c) => !hidden.includes(c))
      .map((c) => ({ c, e: cells.get(c) }))
      .filter((x): x is { c: string; e: { number: number } } => x.e !== undefined && 'number' in x.e && x.e.number > 0)
      .sort((a, b) => a.e.number - b.e.number)[0];
    if (next) cells.set(next.c, { symbol: '[c]' });
  }
  return cells;
}

// --- The pages --------------------------------------------------------------------------------
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** DfE's time_period for a row header: "31 Mar 2024", "30 Sep 2024" and "12 months to 30 Sep 2024" are 2024; "2023/24" is 2024. */
function yearOf(header: string): string {
  const fy = /^(\d{4})\/(\d{2})$/.exec(header);
  if (fy) return String(Number(fy[1]) + 1);
  const day = /(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(header);
  expect(day, `row header "${header}"`).not.toBeNull();
  expect(MONTH).toContain(day![2]);
  return day![3];
}
const AREAS: Record<string, Area> = {
  'Worcestershire County Council': 'local',
  England: 'england',
  'West Midlands': 'region',
  'Statistical neighbours (average)': 'statistical-neighbours',
};

interface MeetingFile {
  path: string;
  date: string;
  period: string;
}
const meetings: MeetingFile[] = readdirSync(join(SITE, 'content', 'meetings')).flatMap((committee) =>
  readdirSync(join(SITE, 'content', 'meetings', committee)).map((f) => {
    const front = parseYaml(readFileSync(join(SITE, 'content', 'meetings', committee, f), 'utf8').split(/^---$/m)[1]);
    return { path: `${committee}/${f.replace('.mdx', '')}/`, date: f.replace('.mdx', ''), period: String(front.period) };
  }),
);

/** A cell's text without its footnote markers. */
function cellText(td: Element) {
  for (const sup of [...td.querySelectorAll('sup')]) sup.remove();
  return td.textContent!.replace(/\s+/g, ' ').trim();
}
const numberIn = (text: string) => Number(/^-?[\d,]+(\.\d+)?/.exec(text)![0].replace(/,/g, ''));

describe('a real council, Worcestershire, from DfE files', () => {
  it('builds, with its neighbours from DfE\'s 2025 model', () => {
    expect(build.status, build.stderr).toBe(0);
    const model = Papa.parse<string[]>(readFileSync(join(import.meta.dirname, '..', 'src', 'lib', 'ees', 'data', 'sn_model_2025_wide.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const worcestershire = model.find((r) => r[0] === '885')!;
    expect(members).toEqual(Array.from({ length: 10 }, (_, i) => Number(worcestershire[4 + 2 * i])));
    expect(meetings.length).toBeGreaterThanOrEqual(12);
  });

  it.each(meetings.map((m) => [m.path, m] as const))('%s: every figure in its tables is DfE\'s', (_, m) => {
    const doc = page(out, m.path);
    let checked = 0;
    for (const section of doc.querySelectorAll('section.sc-indicator')) {
      const id = section.id;
      const ind = indicators.get(id);
      expect(SOURCES[id], id).toBeDefined();
      const table = section.querySelector('table')!;
      const headers = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent!.replace(/\s+/g, ' ').trim().replace(/ \([^)]*\)$/, ''));
      const columns = headers.map((h) => {
        const cut = h.lastIndexOf(': ');
        const [label, areaLabel] = cut >= 0 ? [h.slice(0, cut), h.slice(cut + 2)] : [undefined, h];
        const category = label === undefined ? undefined : Object.keys(ind.categories).find((k) => ind.categories[k] === label);
        expect(AREAS[areaLabel], `${id}: column "${h}"`).toBeDefined();
        return { area: AREAS[areaLabel], category };
      });
      if (ind.unit !== 'count') expect(columns.map((c) => c.area), id).toEqual(expect.arrayContaining(['local', 'england', 'region', 'statistical-neighbours']));
      for (const tr of table.querySelectorAll('tbody tr')) {
        const year = yearOf(tr.querySelector('th')!.textContent!.trim());
        const breakdown = ind.categories ? expectedBreakdown(id, year) : undefined;
        [...tr.querySelectorAll('td')].forEach((td, i) => {
          const { area, category } = columns[i];
          const want = area === 'local' && breakdown ? breakdown.get(category!) : expected(id, year, area, category);
          const text = cellText(td);
          const where = `${m.path} ${id} ${year} ${area} ${category ?? ''}: "${text}"`;
          if (want === undefined) expect(text, where).toBe('– no figure');
          else if ('symbol' in want) expect(text, where).toBe(want.symbol);
          else if ('nOfD' in want) expect(text, where).toMatch(new RegExp(`^${want.nOfD[0]} of ${want.nOfD[1]}`));
          else expect(numberIn(text), where).toBeCloseTo(want.number, 6);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });

  it('shows a January meeting the year DfE published the November before, and nothing later', () => {
    // 19 January 2025, period 2023/24: the figures for the year to 31 March 2024, published in
    // November 2024 and filed in data/2024-25/q3.csv; not 2024/25, published November 2025.
    const doc = page(out, 'corporate-parenting-board/2025-01-19/');
    const rows = [...doc.querySelectorAll('#cla-rate tbody tr')];
    expect(rows.at(-1)!.querySelector('th')!.textContent!.trim()).toBe('31 Mar 2024');
    const local = file('cla_number_and_rate_per_10k_children').find((r) => r.time_period === '2024' && inArea('local')(r) && SOURCES['cla-rate'].filter(r))!;
    // The unit is in the column header.
    expect(cellText(rows.at(-1)!.querySelector('td')!)).toBe(local.rate_per_10000);
    expect(doc.querySelector('#cla-rate')!.textContent).not.toContain('31 Mar 2025');
    // The headline says where the council ranks, from the same file: councils with a higher rate, plus one.
    const all = file('cla_number_and_rate_per_10k_children').filter((r) => r.time_period === '2024' && r.geographic_level === 'Local authority' && SOURCES['cla-rate'].filter(r) && isNumber(r.rate_per_10000));
    const rank = 1 + all.filter((r) => Number(r.rate_per_10000) > Number(local.rate_per_10000)).length;
    expect(doc.querySelector('#cla-rate')!.textContent!.replace(/\s+/g, ' ')).toContain(`${rank}th highest of ${all.length} councils`);
    // The March 2025 meeting sees the workforce census of 30 September 2024, published in February.
    const march = page(out, 'children-and-education-scrutiny/2025-03-16/');
    expect([...march.querySelectorAll('#agency-sw-rate tbody th')].at(-1)!.textContent!.trim()).toBe('30 Sep 2024');
    // The one from January 2025 does not see it yet.
    const january = page(out, 'children-and-education-scrutiny/2025-01-26/');
    expect(january.querySelector('#agency-sw-rate')).toBeNull();
  });

  it("names the West Midlands and the neighbours in the tables, and keeps DfE's symbols", () => {
    const doc = page(out, 'corporate-parenting-board/2026-01-19/');
    const headers = [...doc.querySelectorAll('#care-leavers-neet thead th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers).toEqual(['Period', 'Worcestershire County Council (%)', 'Statistical neighbours (average) (%)', 'West Midlands (%)', 'England (%)']);
    // 2024/25: DfE gives "k" (rounds to 0%) for the 1 of 351 care leavers whose activity is not
    // known. The count of 1 is a small number of children: the cell is [c], and so is the next
    // smallest category, and the 1 is in no download.
    const last = [...doc.querySelectorAll('#care-leavers-activity tbody tr')].at(-1)!;
    expect(last.querySelector('th')!.textContent!.trim()).toBe('2024/25');
    expect([...last.querySelectorAll('td')].slice(0, 3).map(cellText)).toEqual(['54', '[c]', '[c]']);
    const download = Papa.parse<Row>(readFileSync(join(out, 'data', 'indicators', 'care-leavers-activity.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const notKnown = download.find((r) => r.period === '2024/25' && r.area === 'local' && r.breakdown === 'not-known')!;
    // Typed downloads: the figure and its counts are empty, the symbol says why, and DfE's k is gone.
    expect([notKnown.value, notKnown.numerator, notKnown.denominator, notKnown.status_symbol]).toEqual(['', '', '', 'c']);
    expect(Object.values(notKnown)).not.toContain('k');
    expect(Object.values(notKnown)).not.toContain('1');
    // Where DfE suppressed a neighbour's figure, the average says so.
    expect(doc.querySelector('#care-leavers-activity')!.textContent).toContain('Average of 9 of the 10 statistical neighbours; no figure for Somerset [k]');
  });

  it("names the ten neighbours site.yaml lists on each indicator page, and explains them in the glossary it lacked", () => {
    const site = parseYaml(readFileSync(join(SITE, 'content', 'site.yaml'), 'utf8'));
    const model = Papa.parse<Row>(readFileSync(join(SITE, '..', '..', '..', '..', 'src', 'lib', 'ees', 'data', 'sn_model_2025_wide.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const names = site.comparators.statisticalNeighbours.members.map((code: number) => model.find((r) => Number(r.old_la_code) === code)!.la_name);
    const doc = page(out, 'indicators/care-leavers-neet/');
    expect([...doc.querySelectorAll('.sc-neighbours li')].map((li) => li.textContent)).toEqual(names);
    expect(doc.getElementById('neighbours')!.nextElementSibling!.textContent).toContain('Worcestershire County Council chose them');
    const glossary = page(out, 'glossary/');
    const dt = [...glossary.querySelectorAll('dt')].find((d) => d.textContent === 'Statistical neighbours')!;
    expect(dt.nextElementSibling!.textContent).toContain('Source of the list: DfE statistical neighbour model, 2025.');
  });
});
