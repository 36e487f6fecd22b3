/**
 * Writes the illustrative quarterly data files for the Example County Council sample site:
 * data/<YYYY-YY>/q<n>.csv for 2017/18 Q1 to 2019/20 Q4.
 *
 *   npx tsx scripts/sample/make-sample-data.ts
 *
 * The figures are invented. They follow plausible trends for a county of about 110,000 children,
 * with a seeded pseudo-random wobble so that the output is identical on every run. A handful of
 * rows are placed by hand because the sample exists to exercise the generator: small counts that
 * disclosure control must hide, small denominators, revisions, a figure not available, and
 * England and statistical-neighbour figures that arrive months after the year they describe.
 * England figures that DOMAIN.md gives are DfE's published ones and are used exactly; every other
 * comparator (statistical neighbours, the region, England for other years or categories) is made up.
 *
 * The script checks its own output against the content format's data rules before writing, so a
 * change here that breaks a rule fails loudly instead of producing a file the build rejects.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { mulberry32 } from '../lib/random';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------------------------------------
// Time. Month index m counts from April 2017 (m = 0) to March 2020 (m = 35); quarter index q from
// 2017/18 Q1 (q = 0) to 2019/20 Q4 (q = 11); year index y from 2017/18 (y = 0).

const MONTHS = 36;
const QUARTERS = 12;

const fyLabel = (startYear: number) => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
const monthLabel = (m: number) => {
  const year = 2017 + Math.floor((m + 3) / 12);
  const month = ((m + 3) % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
};
const quarterLabel = (q: number) => `${fyLabel(2017 + Math.floor(q / 4))} Q${(q % 4) + 1}`;
const yearLabel = (y: number) => fyLabel(2017 + y);
const quarterFile = (q: number) => {
  const start = 2017 + Math.floor(q / 4);
  return `data/${start}-${String((start + 1) % 100).padStart(2, '0')}/q${(q % 4) + 1}.csv`;
};
/** Last month (index) of a period label, for the "must not end after the file's quarter" check. */
function periodEnd(label: string): number {
  let r = /^(\d{4})-(\d{2})$/.exec(label);
  if (r) return (Number(r[1]) - 2017) * 12 + Number(r[2]) - 4;
  r = /^(\d{4})\/\d{2} Q([1-4])$/.exec(label);
  if (r) return (Number(r[1]) - 2017) * 12 + Number(r[2]) * 3 - 1;
  r = /^(\d{4})\/\d{2}$/.exec(label);
  if (r) return (Number(r[1]) - 2017) * 12 + 11;
  throw new Error(`bad period ${label}`);
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32). Every series draws in a fixed order, so output is repeatable.

const rand = mulberry32(20170401);
/** Roughly normal noise with standard deviation `sd`. */
const noise = (sd: number) => (rand() + rand() + rand() - 1.5) * 2 * sd;
/** Piecewise-linear trend through [month, value] points. */
function trend(m: number, points: [number, number][]) {
  if (m <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i];
    const [m0, v0] = points[i - 1];
    if (m <= m1) return v0 + ((v1 - v0) * (m - m0)) / (m1 - m0);
  }
  return points[points.length - 1][1];
}
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

// ---------------------------------------------------------------------------------------------
// Rows.

type Area = 'local' | 'england' | 'region' | 'statistical-neighbours';
type Status = 'provisional' | 'revised' | 'not-available';
interface Row {
  indicator: string;
  period: string;
  area?: Area;
  breakdown?: string;
  value?: string;
  numerator?: number;
  denominator?: number;
  status?: Status;
  note?: string;
}

// What the rows must agree with is read from the indicator files, so the two cannot drift apart.
interface IndicatorFile {
  unit: string;
  decimals?: number;
  frequency: 'monthly' | 'quarterly' | 'annual';
  categories?: Record<string, string>;
}
const INDICATORS = new Map<string, IndicatorFile>(
  readdirSync(join(ROOT, 'content', 'indicators'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f.slice(0, -'.yaml'.length), parse(readFileSync(join(ROOT, 'content', 'indicators', f), 'utf8')) as IndicatorFile]),
);
const meta = (indicator: string) => {
  const m = INDICATORS.get(indicator);
  if (!m) throw new Error(`no content/indicators/${indicator}.yaml`);
  return m;
};
const decimalsOf = (indicator: string) => {
  const { unit, decimals } = meta(indicator);
  return decimals ?? (unit === 'count' || unit === 'gbp' ? 0 : 1);
};
const isPercent = (indicator: string) => meta(indicator).unit === 'percent';
const isRate = (indicator: string) => meta(indicator).unit === 'rate-per-10000';
const categoriesOf = (indicator: string) => Object.keys(meta(indicator).categories ?? {});

/** Order of indicators within a file, following DOMAIN.md's table. */
const ORDER = [
  'assessment-45-days', 'assessment-outcomes', 'cp-plan-rate', 'cp-plan-starts', 'cp-plan-ends', 'cp-plans-since-april', 'cin-rate',
  'open-cases-by-category', 'missing-from-home', 'missing-from-care', 'rhi-72-hours', 'rhi-72-hours-care', 'cse-month-end', 'cla-rate',
  'cla-starts', 'cla-ceases', 'cla-since-april', 'time-in-care-at-exit', 'cla-review-participation', 'cla-review-timeliness',
  'placement-moves-3plus', 'placement-weekly-cost', 'placement-type-mix', 'care-leavers-neet',
  'care-leavers-accommodation', 'sdq-completion', 'adoption-a1', 'adoption-a2', 'ehcp-20-weeks', 'early-help',
  'sw-caseload', 'agency-sw-rate', 're-referrals-12-months', 'repeat-cp-plans',
];

const files: Row[][] = range(QUARTERS).map(() => []);
const fmt = (x: number, decimals: number) => x.toFixed(decimals);
/** The scaled ratio n/d, or undefined when it sits so close to a rounding tie that readers could disagree. */
function ratio(indicator: string, n: number, d: number) {
  const x = ((isPercent(indicator) ? 100 : 10000) * n) / d;
  const f = x * 10 ** decimalsOf(indicator);
  return Math.abs(f - Math.floor(f) - 0.5) < 1e-3 ? undefined : x;
}
/** A value with its numerator and denominator; nudges the numerator off an exact rounding tie. */
function withNd(indicator: string, n: number, d: number): Pick<Row, 'value' | 'numerator' | 'denominator'> {
  let x = ratio(indicator, n, d);
  if (x === undefined) x = ratio(indicator, ++n, d)!;
  return { value: fmt(x, decimalsOf(indicator)), numerator: n, denominator: d };
}
const local = (q: number, row: Row) => files[q].push({ area: 'local', ...row });
const v = (indicator: string, x: number) => fmt(x, decimalsOf(indicator));

// Under-18 population (mid-year estimates), used as the denominator of every rate per 10,000.
const POPULATION = [109600, 110300, 110900];
const popOf = (m: number) => POPULATION[Math.floor(m / 12)];

// ---------------------------------------------------------------------------------------------
// Children looked after: starts, ceases and the month-end count move together.

const claStarts: number[] = [];
const claCeases: number[] = [];
const cla: number[] = [];
{
  let prev = 570;
  for (const m of range(MONTHS)) {
    const target = 572 + 2 * m + 6 * Math.sin(m / 3);
    const s = Math.round(clamp(trend(m, [[0, 29], [35, 33]]) + noise(4), 19, 44));
    const x = Math.round(clamp(s - (target - prev) + noise(1.5), 17, 44));
    claStarts.push(s);
    claCeases.push(x);
    prev = prev + s - x;
    cla.push(prev);
  }
}
// December 2018 (m = 20): admissions recorded late, so the first figures published were too low.
const LATE_MONTH = 20;
const LATE_ADMISSIONS = 3;
/** The month-end count as first published, which other measures in the same file also used. */
const claPublished = (m: number) => cla[m] - (m === LATE_MONTH ? LATE_ADMISSIONS : 0);

for (const m of range(MONTHS)) {
  const q = Math.floor(m / 3);
  const marchProvisional = m % 12 === 11 ? { status: 'provisional' as const, note: 'Year-end figure; may change once the SSDA903 return is checked.' } : {};
  const late = m === LATE_MONTH ? LATE_ADMISSIONS : 0;
  local(q, { indicator: 'cla-rate', period: monthLabel(m), ...withNd('cla-rate', cla[m] - late, popOf(m)), ...marchProvisional });
  local(q, { indicator: 'cla-starts', period: monthLabel(m), value: String(claStarts[m] - late), ...marchProvisional });
  local(q, { indicator: 'cla-ceases', period: monthLabel(m), value: String(claCeases[m]), ...marchProvisional });
  if (late) {
    const note = 'Admissions recorded after the month closed have been added.';
    local(q + 1, { indicator: 'cla-rate', period: monthLabel(m), ...withNd('cla-rate', cla[m], popOf(m)), status: 'revised', note });
    local(q + 1, { indicator: 'cla-starts', period: monthLabel(m), value: String(claStarts[m]), status: 'revised', note });
  }
}

// Placement stability: three or more placements in the 12 months to the month end.
for (const m of range(MONTHS)) {
  const pct = trend(m, [[0, 9.3], [20, 12.2], [35, 11.0]]) + noise(0.3);
  const d = claPublished(m);
  local(Math.floor(m / 3), {
    indicator: 'placement-moves-3plus', period: monthLabel(m), ...withNd('placement-moves-3plus', Math.round((d * pct) / 100), d),
    ...(m % 12 === 11 ? { status: 'provisional' as const } : {}),
  });
}

// Where children in care live, at the quarter end. "Other" (secure units, hospitals, young
// offender institutions) is deliberately small: disclosure control must hide it.
const OTHER_PLACEMENTS = [4, 3, 5, 4, 3, 5, 4, 2, 3, 5, 4, 3];
for (const q of range(QUARTERS)) {
  const m = 3 * q + 2;
  const d = claPublished(m);
  const resi = Math.round(d * (trend(m, [[0, 0.118], [35, 0.141]]) + noise(0.002)));
  const parents = Math.round(d * (0.055 + noise(0.003)));
  const adoption = Math.round(d * (trend(m, [[0, 0.041], [35, 0.03]]) + noise(0.002)));
  const other = OTHER_PLACEMENTS[q];
  const foster = d - resi - parents - adoption - other;
  const parts: [string, number][] = [
    ['foster-care', foster], ['residential', resi], ['placed-with-parents', parents],
    ['placed-for-adoption', adoption], ['other', other],
  ];
  for (const [breakdown, n] of parts) {
    local(q, { indicator: 'placement-type-mix', period: quarterLabel(q), breakdown, ...withNd('placement-type-mix', n, d) });
  }
}

// Average weekly cost of a placement, year to date.
{
  const base = {
    residential: [3650, 3810, 4080], fostering: [548, 566, 590], 'all-placements': [1080, 1140, 1220],
  } as const;
  const drift = { residential: 25, fostering: 4, 'all-placements': 10 } as const;
  for (const q of range(QUARTERS)) {
    const y = Math.floor(q / 4);
    for (const k of ['residential', 'fostering', 'all-placements'] as const) {
      const x = base[k][y] + drift[k] * (q % 4) + noise(drift[k] / 2);
      local(q, { indicator: 'placement-weekly-cost', period: quarterLabel(q), breakdown: k, value: v('placement-weekly-cost', x) });
    }
  }
}

// Time in care, in days, of the children who left care in the quarter.
for (const q of range(QUARTERS)) {
  local(q, { indicator: 'time-in-care-at-exit', period: quarterLabel(q), value: v('time-in-care-at-exit', 735 + noise(55)) });
}

// Reviews.
for (const m of range(MONTHS)) {
  const d = Math.round(165 + noise(12));
  const pct = clamp(trend(m, [[0, 88.6], [24, 94.5], [35, 96.2]]) + noise(1), 0, 99.5);
  local(Math.floor(m / 3), { indicator: 'cla-review-timeliness', period: monthLabel(m), ...withNd('cla-review-timeliness', Math.round((d * pct) / 100), d) });
}
for (const q of range(QUARTERS)) {
  const d = Math.round(405 + noise(20));
  const pct = 92 + noise(1.1);
  local(q, { indicator: 'cla-review-participation', period: quarterLabel(q), ...withNd('cla-review-participation', Math.round((d * pct) / 100), d) });
}

// Care leavers aged 19 to 21, at the quarter end.
for (const q of range(QUARTERS)) {
  const d = Math.round(trend(q, [[0, 206], [11, 233]]) + noise(3));
  const neet = trend(q, [[0, 36.4], [6, 38.5], [11, 43.1]]) + noise(0.8);
  const acc = 88 + noise(1.3);
  local(q, { indicator: 'care-leavers-neet', period: quarterLabel(q), ...withNd('care-leavers-neet', Math.round((d * neet) / 100), d) });
  local(q, { indicator: 'care-leavers-accommodation', period: quarterLabel(q), ...withNd('care-leavers-accommodation', Math.round((d * acc) / 100), d) });
}

// Strengths and Difficulties Questionnaires. 2019/20 Q1 was lost to a system change and filled in
// the next quarter.
for (const q of range(QUARTERS)) {
  const d = Math.round(trend(q, [[0, 366], [11, 394]]) + noise(4));
  const pct = trend(q, [[0, 68.2], [11, 84.4]]) + noise(1);
  const nd = withNd('sdq-completion', Math.round((d * pct) / 100), d);
  if (q === 8) {
    local(q, { indicator: 'sdq-completion', period: quarterLabel(q), status: 'not-available', note: 'Not available: questionnaires were being moved to the new case recording system.' });
    local(q + 1, { indicator: 'sdq-completion', period: quarterLabel(q), ...nd, status: 'revised', note: 'Added once the move to the new case recording system was complete.' });
  } else {
    local(q, { indicator: 'sdq-completion', period: quarterLabel(q), ...nd });
  }
}

// Adoption scorecard, three-year averages labelled by their last year. 2016/17 is back-filled in
// the first file so the series starts with a trend.
{
  const a1 = [512, 478, 452, 466];
  const a2 = [232, 214, 196, 188];
  const years = ['2016/17', '2017/18', '2018/19', '2019/20'];
  const fileOf = [0, 3, 7, 11];
  for (const i of range(4)) {
    const provisional = i > 0 ? { status: 'provisional' as const, note: 'Provisional until the adoption scorecard is published.' } : {};
    local(fileOf[i], { indicator: 'adoption-a1', period: years[i], value: String(a1[i]), ...provisional });
    local(fileOf[i], { indicator: 'adoption-a2', period: years[i], value: String(a2[i]), ...provisional });
  }
  local(8, { indicator: 'adoption-a1', period: '2018/19', value: '458', status: 'revised', note: 'Corrected after a placement date was amended in the adoption record.' });
}

// ---------------------------------------------------------------------------------------------
// The front door, assessments and child protection.

// Referrals and assessments by month, with a dip in August and December.
const season = (m: number) => [1, 1.02, 0.98, 1.04, 0.86, 1.08, 1.06, 1.02, 0.9, 1.03, 0.99, 1.02][m % 12];
const referrals: number[] = range(MONTHS + 11, -11).map((m) => Math.round((470 + noise(25)) * season((m + 12) % 12)));
const referralsAt = (m: number) => referrals[m + 11];
for (const m of range(MONTHS)) {
  const d = range(12, m - 11).reduce((s, k) => s + referralsAt(k), 0);
  const pct = trend(m, [[0, 25.3], [14, 24.6], [35, 21.4]]) + noise(0.25);
  local(Math.floor(m / 3), { indicator: 're-referrals-12-months', period: monthLabel(m), ...withNd('re-referrals-12-months', Math.round((d * pct) / 100), d) });
}

const assessments: number[] = [];
for (const m of range(MONTHS)) {
  const d = Math.round((432 + noise(22)) * season(m));
  assessments.push(d);
  const pct = clamp(trend(m, [[0, 74.2], [9, 76.0], [24, 84.5], [35, 88.1]]) + noise(1.2), 0, 99);
  const q = Math.floor(m / 3);
  if (m === 23) {
    // March 2019: first published short of assessments recorded in April.
    local(q, { indicator: 'assessment-45-days', period: monthLabel(m), ...withNd('assessment-45-days', Math.round(((d - 21) * (pct - 1.6)) / 100), d - 21), status: 'provisional' });
    local(q + 1, { indicator: 'assessment-45-days', period: monthLabel(m), ...withNd('assessment-45-days', Math.round((d * pct) / 100), d), status: 'revised', note: 'Assessments completed in March but recorded in April have been added.' });
  } else {
    local(q, { indicator: 'assessment-45-days', period: monthLabel(m), ...withNd('assessment-45-days', Math.round((d * pct) / 100), d) });
  }
}

for (const q of range(QUARTERS)) {
  const d = assessments[3 * q] + assessments[3 * q + 1] + assessments[3 * q + 2];
  const m = 3 * q + 1;
  const share = {
    'no-further-action': trend(m, [[0, 0.315], [35, 0.268]]) + noise(0.006),
    'early-help': trend(m, [[0, 0.198], [35, 0.236]]) + noise(0.006),
    'child-protection': 0.121 + noise(0.005),
    other: 0.014 + noise(0.002),
  };
  const counts: Record<string, number> = {};
  for (const [k, s] of Object.entries(share)) counts[k] = Math.round(d * s);
  const cin = d - Object.values(counts).reduce((a, b) => a + b, 0);
  const ordered: [string, number][] = [
    ['no-further-action', counts['no-further-action']], ['early-help', counts['early-help']], ['child-in-need', cin],
    ['child-protection', counts['child-protection']], ['other', counts.other],
  ];
  for (const [breakdown, n] of ordered) {
    local(q, { indicator: 'assessment-outcomes', period: quarterLabel(q), breakdown, ...withNd('assessment-outcomes', n, d) });
  }
}

// Child protection plans: starts and ends drive the month-end count. Eleven months of history
// before April 2017 feed the rolling 12-month figures.
const cpStarts: number[] = range(MONTHS + 11, -11).map((m) => Math.round(clamp(trend(m, [[-11, 48], [35, 43]]) + noise(5), 30, 64)));
const cpEnds: number[] = [];
const cp: number[] = [];
{
  let prev = 492;
  for (const m of range(MONTHS + 11, -11)) {
    const target = m < 0 ? 492 : trend(m, [[0, 490], [10, 478], [16, 486], [35, 424]]) + 5 * Math.sin(m / 2);
    const s = cpStarts[m + 11];
    const e = Math.round(clamp(s - (target - prev) + noise(2), 25, 70));
    cpEnds.push(e);
    prev = prev + s - e;
    if (m >= 0) cp.push(prev);
  }
}
const sum12 = (series: number[], m: number) => range(12, m - 11).reduce((s, k) => s + series[k + 11], 0);
for (const m of range(MONTHS)) {
  const q = Math.floor(m / 3);
  local(q, { indicator: 'cp-plan-rate', period: monthLabel(m), ...withNd('cp-plan-rate', cp[m], popOf(m)) });
  const d = sum12(cpStarts, m);
  const pct = trend(m, [[0, 19.6], [18, 21.4], [35, 20.3]]) + noise(0.5);
  local(q, { indicator: 'repeat-cp-plans', period: monthLabel(m), ...withNd('repeat-cp-plans', Math.round((d * pct) / 100), d) });
}
for (const q of range(QUARTERS)) {
  const m = 3 * q + 2;
  local(q, { indicator: 'cp-plan-starts', period: quarterLabel(q), ...withNd('cp-plan-starts', sum12(cpStarts, m), popOf(m)) });
  local(q, { indicator: 'cp-plan-ends', period: quarterLabel(q), ...withNd('cp-plan-ends', sum12(cpEnds, m), popOf(m)) });
}

// Children in need at the quarter end, and their open cases by main category of need. Low income
// (N7) is rarely the main need recorded, so it is a small number, and once a true zero.
const N7 = [3, 4, 2, 5, 0, 4, 3, 6, 5, 2, 4, 3];
for (const q of range(QUARTERS)) {
  const m = 3 * q + 2;
  const total = Math.round(trend(m, [[0, 3585], [17, 3630], [35, 3540]]) + noise(30));
  local(q, { indicator: 'cin-rate', period: quarterLabel(q), ...withNd('cin-rate', total, popOf(m)) });
  const shares: [string, number][] = [
    ['n2-child-disability-or-illness', 0.088], ['n3-parental-disability-or-illness', 0.041],
    ['n4-family-in-acute-stress', 0.094], ['n5-family-dysfunction', trend(m, [[0, 0.162], [35, 0.181]])],
    ['n6-socially-unacceptable-behaviour', 0.027], ['n8-absent-parenting', 0.038],
  ];
  const counts: Record<string, number> = {};
  for (const [k, s] of shares) counts[k] = Math.round(total * (s + noise(0.002)));
  counts['n7-low-income'] = N7[q];
  counts['n9-cases-other-than-children-in-need'] = Math.round(38 + noise(6));
  counts['n1-abuse-or-neglect'] = total - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const k of categoriesOf('open-cases-by-category')) {
    local(q, { indicator: 'open-cases-by-category', period: quarterLabel(q), breakdown: k, value: String(counts[k]) });
  }
}

// ---------------------------------------------------------------------------------------------
// Missing children and exploitation.

const summer = (m: number) => 1 + 0.15 * Math.sin(((m - 1) / 12) * 2 * Math.PI);
for (const m of range(MONTHS)) {
  const q = Math.floor(m / 3);
  if (m === 30) {
    local(q, { indicator: 'missing-from-home', period: monthLabel(m), status: 'not-available', note: 'Not available: the police data for October 2019 were not received in time.' });
  } else {
    local(q, { indicator: 'missing-from-home', period: monthLabel(m), value: String(Math.round((trend(m, [[0, 44], [35, 51]]) + noise(4)) * summer(m))) });
  }
  local(q, { indicator: 'missing-from-care', period: monthLabel(m), value: String(Math.round(clamp((trend(m, [[0, 16], [35, 19]]) + noise(2.5)) * summer(m), 8, 30))) });
}

// Return home interviews. December 2018 and August 2019 were quiet months with fewer than 20.
for (const m of range(MONTHS)) {
  const q = Math.floor(m / 3);
  let d = Math.round(clamp((37 + noise(4)) * summer(m), 24, 52));
  let n = Math.round((d * clamp(trend(m, [[0, 62.5], [20, 70], [35, 78.5]]) + noise(3), 0, 98)) / 100);
  if (m === 20) [n, d] = [14, 18];
  if (m === 28) [n, d] = [12, 19];
  local(q, {
    indicator: 'rhi-72-hours', period: monthLabel(m), ...withNd('rhi-72-hours', n, d),
    ...(m === 20 ? { note: 'Fewer children went missing over the Christmas period.' } : {}),
  });
}

// Children assessed as at high risk of sexual exploitation, with some months of 5 or fewer.
const CSE_SMALL: Record<number, number> = { 8: 5, 16: 4, 25: 3, 26: 5 };
for (const m of range(MONTHS)) {
  const x = CSE_SMALL[m] ?? Math.round(clamp(trend(m, [[0, 11], [20, 9], [35, 8]]) + noise(2), 6, 16));
  local(Math.floor(m / 3), { indicator: 'cse-month-end', period: monthLabel(m), value: String(x) });
}

// ---------------------------------------------------------------------------------------------
// SEND, early help and the workforce.

const newPlans: number[] = range(MONTHS + 11, -11).map((m) => Math.round((48 + noise(5)) * season((m + 12) % 12)));
for (const m of range(MONTHS)) {
  const d = sum12(newPlans, m);
  const pct = clamp(trend(m, [[0, 41.2], [8, 39.5], [20, 55.8], [35, 71.6]]) + noise(0.8), 0, 99);
  local(Math.floor(m / 3), { indicator: 'ehcp-20-weeks', period: monthLabel(m), ...withNd('ehcp-20-weeks', Math.round((d * pct) / 100), d) });
}
for (const m of range(MONTHS)) {
  const q = Math.floor(m / 3);
  local(q, { indicator: 'early-help', period: monthLabel(m), value: String(Math.round(trend(m, [[0, 1850], [35, 2420]]) + noise(35))) });
  local(q, { indicator: 'sw-caseload', period: monthLabel(m), value: v('sw-caseload', trend(m, [[0, 19.8], [12, 19.1], [35, 16.4]]) + noise(0.25)) });
  const d = Math.round(trend(m, [[0, 298], [35, 326]]) + noise(3));
  const pct = trend(m, [[0, 23.6], [10, 22.8], [35, 13.2]]) + noise(0.6);
  local(q, { indicator: 'agency-sw-rate', period: monthLabel(m), ...withNd('agency-sw-rate', Math.round((d * pct) / 100), d) });
}

// ---------------------------------------------------------------------------------------------
// Comparators. DfE publishes a year's figures months after it ends: children in need and child
// protection in the autumn, children looked after in December, so a year's England figures reach
// the Q3 file of the next year. The workforce census (30 September) and SEN2 (calendar year) use
// their own dates, written here as the month they describe.

const Q = (label: string) => {
  const i = range(QUARTERS).find((q) => quarterLabel(q) === label);
  if (i === undefined) throw new Error(label);
  return i;
};
function comparator(file: string, indicator: string, period: string, area: Area, value: number | string, extra: Partial<Row> = {}) {
  // Written as published, not padded to the local decimals: England's 64 is not 64.0.
  files[Q(file)].push({ indicator, period, area, value: String(value), ...extra });
}
// England and statistical-neighbour figures for 2017/18 arrive in the 2018/19 Q3 file, and those for
// 2018/19 in the 2019/20 Q3 file. DfE later revised England's 2018/19 rate of children looked after.
const annual: [string, [number | string, number], [number, number], [number, number]?][] = [
  // indicator, England [2017/18, 2018/19], statistical neighbours [2017/18, 2018/19], region
  ['assessment-45-days', [82.7, 83.1], [84.0, 85.2]],
  ['cp-plan-rate', [45.3, 43.7], [41.2, 40.1]],
  ['cp-plan-starts', [58.7, 56.7], [53.9, 52.4]],
  ['cp-plan-ends', [56.3, 57.8], [52.7, 53.5]],
  ['cin-rate', ['341.0', 334.2], [318.4, 312.9]],
  ['cla-rate', [64, 65], [53, 55], [50, 52]],
  ['placement-moves-3plus', [10, 10], [10.4, 10.9]],
  ['care-leavers-neet', [39, 39], [40.2, 41.0]],
  ['care-leavers-accommodation', [84, 85], [86.1, 86.4]],
  ['re-referrals-12-months', [21.9, 22.6], [23.1, 22.8]],
  ['repeat-cp-plans', [20.2, 20.8], [19.5, 20.1]],
];
for (const [indicator, england, neighbours, region] of annual) {
  for (const y of [0, 1]) {
    const file = y === 0 ? '2018/19 Q3' : '2019/20 Q3';
    comparator(file, indicator, yearLabel(y), 'england', england[y]);
    comparator(file, indicator, yearLabel(y), 'statistical-neighbours', neighbours[y]);
    if (region) comparator(file, indicator, yearLabel(y), 'region', region[y]);
  }
}
files[Q('2018/19 Q3')].find((r) => r.indicator === 'cla-rate' && r.area === 'england')!.note = 'Published by DfE in December 2018.';
comparator('2019/20 Q4', 'cla-rate', '2018/19', 'england', 66, {
  status: 'revised', note: 'DfE revised the England rate after updating its population estimates.',
});

// What assessments found: England publishes the share assessed as not in need.
comparator('2018/19 Q3', 'assessment-outcomes', '2017/18', 'england', 28.5, { breakdown: 'no-further-action' });
comparator('2019/20 Q3', 'assessment-outcomes', '2018/19', 'england', 29.1, { breakdown: 'no-further-action' });

// Where children in care live: England 2018/19 from DfE; 2017/18 made up.
const mix: Record<string, [number, number]> = {
  'foster-care': [73, 72], residential: [11, 12], 'placed-with-parents': [6, 7], 'placed-for-adoption': [4, 3], other: [6, 6],
};
for (const [breakdown, [a, b]] of Object.entries(mix)) {
  comparator('2018/19 Q3', 'placement-type-mix', '2017/18', 'england', a, { breakdown });
  comparator('2019/20 Q3', 'placement-type-mix', '2018/19', 'england', b, { breakdown });
}

// Weekly costs from the section 251 outturn, published about nine months after the year ends.
const costs: Record<string, [number, number]> = { residential: [3945, 3870], fostering: [580, 612], 'all-placements': [1200, 1185] };
for (const [breakdown, [england, neighbours]] of Object.entries(costs)) {
  comparator('2019/20 Q3', 'placement-weekly-cost', '2018/19', 'england', england, { breakdown, note: 'Section 251 outturn for 2018/19.' });
  comparator('2019/20 Q3', 'placement-weekly-cost', '2018/19', 'statistical-neighbours', neighbours, { breakdown });
}

// Adoption scorecard three-year averages: 2015-18 from DfE, the others made up.
comparator('2017/18 Q4', 'adoption-a1', '2016/17', 'england', 520, { note: 'Three-year average, 2014 to 2017.' });
comparator('2017/18 Q4', 'adoption-a2', '2016/17', 'england', 220, { note: 'Three-year average, 2014 to 2017.' });
comparator('2018/19 Q4', 'adoption-a1', '2017/18', 'england', 486, { note: 'Three-year average, 2015 to 2018.' });
comparator('2018/19 Q4', 'adoption-a2', '2017/18', 'england', 201, { note: 'Three-year average, 2015 to 2018.' });
comparator('2019/20 Q4', 'adoption-a1', '2018/19', 'england', 476, { note: 'Three-year average, 2016 to 2019.' });
comparator('2019/20 Q4', 'adoption-a2', '2018/19', 'england', 198, { note: 'Three-year average, 2016 to 2019.' });

// Workforce census at 30 September, published the following February.
const workforce: [string, string, number, number][] = [
  ['2017/18 Q4', '2017-09', 17.8, 15.8], ['2018/19 Q4', '2018-09', 17.4, 15.4], ['2019/20 Q4', '2019-09', 16.9, 15.8],
];
const workforceNeighbours = [[17.2, 17.5], [16.8, 16.9], [16.5, 16.2]];
workforce.forEach(([file, month, caseload, agency], i) => {
  const note = `Workforce census at 30 September ${month.slice(0, 4)}.`;
  comparator(file, 'sw-caseload', month, 'england', caseload, { note });
  comparator(file, 'sw-caseload', month, 'statistical-neighbours', workforceNeighbours[i][0], { note });
  comparator(file, 'agency-sw-rate', month, 'england', agency, { note });
  comparator(file, 'agency-sw-rate', month, 'statistical-neighbours', workforceNeighbours[i][1], { note });
});

// New EHC plans issued within 20 weeks, excluding exceptions, by calendar year (SEN2), which the
// rolling 12 months to December matches exactly. Published in May or June.
comparator('2018/19 Q1', 'ehcp-20-weeks', '2017-12', 'england', 64.9, { note: 'Calendar year 2017, excluding exceptions.' });
comparator('2019/20 Q1', 'ehcp-20-weeks', '2018-12', 'england', 60.1, { note: 'Calendar year 2018, excluding exceptions.' });
comparator('2019/20 Q1', 'ehcp-20-weeks', '2018-12', 'statistical-neighbours', 57.3, { note: 'Calendar year 2018, excluding exceptions.' });

// ---------------------------------------------------------------------------------------------
// Measures added for the county panel's full cover report (19 indicators). They come last, so
// the random draws above, and every figure the sample's commentary quotes, stay as they were.

// Plans and periods of care started and ended since 1 April, from the monthly series above. The
// December 2018 admissions recorded late are missing from the figure first published for Q3.
for (const q of range(QUARTERS)) {
  const months = range(3 * (q % 4) + 3, 12 * Math.floor(q / 4));
  const total = (f: (m: number) => number) => months.reduce((s, m) => s + f(m), 0);
  local(q, { indicator: 'cp-plans-since-april', period: quarterLabel(q), breakdown: 'started', value: String(total((m) => cpStarts[m + 11])) });
  local(q, { indicator: 'cp-plans-since-april', period: quarterLabel(q), breakdown: 'ended', value: String(total((m) => cpEnds[m + 11])) });
  const late = months.includes(LATE_MONTH) && Math.floor(LATE_MONTH / 3) === q ? LATE_ADMISSIONS : 0;
  local(q, { indicator: 'cla-since-april', period: quarterLabel(q), breakdown: 'started', value: String(total((m) => claStarts[m]) - late) });
  local(q, { indicator: 'cla-since-april', period: quarterLabel(q), breakdown: 'ceased', value: String(total((m) => claCeases[m])) });
}

// Return interviews for children missing from care: fewer children than from home, improving
// more slowly.
for (const m of range(MONTHS)) {
  const d = Math.round(clamp((26 + noise(3)) * summer(m), 20, 40));
  const n = Math.round((d * clamp(trend(m, [[0, 57.5], [20, 64], [35, 74]]) + noise(3), 0, 98)) / 100);
  local(Math.floor(m / 3), { indicator: 'rhi-72-hours-care', period: monthLabel(m), ...withNd('rhi-72-hours-care', n, d) });
}

// ---------------------------------------------------------------------------------------------
// Check the output against the data rules, then write it.

function check() {
  const seen = new Map<string, number>();
  files.forEach((rows, q) => {
    const fileEnd = 3 * q + 2;
    for (const r of rows) {
      const where = `${quarterFile(q)} ${r.indicator} ${r.period} ${r.area} ${r.breakdown ?? ''}`;
      const { frequency } = meta(r.indicator);
      if (periodEnd(r.period) > fileEnd) throw new Error(`period ends after the file's quarter: ${where}`);
      const kind = /^\d{4}-\d{2}$/.test(r.period) ? 'monthly' : / Q\d$/.test(r.period) ? 'quarterly' : 'annual';
      if (r.area === 'local' && kind !== frequency) throw new Error(`local period does not match frequency: ${where}`);
      if (r.area !== 'local' && kind !== frequency && kind !== 'annual') throw new Error(`comparator period: ${where}`);
      const categories = categoriesOf(r.indicator);
      if (r.breakdown === undefined ? categories.length > 0 : !categories.includes(r.breakdown)) throw new Error(`breakdown: ${where}`);
      if (r.status === 'not-available' ? r.value !== undefined : !/^\d+(\.\d+)?$/.test(r.value ?? '')) throw new Error(`value: ${where}`);
      if (isPercent(r.indicator) && r.value !== undefined && Number(r.value) > 100) throw new Error(`percent over 100: ${where}`);
      if (r.numerator !== undefined) {
        const d = r.denominator!;
        if (!Number.isInteger(r.numerator) || !Number.isInteger(d) || r.numerator < 0 || d <= 0) throw new Error(`n/d: ${where}`);
        if (isPercent(r.indicator) && r.numerator > d) throw new Error(`numerator over denominator: ${where}`);
        if (!isPercent(r.indicator) && !isRate(r.indicator)) throw new Error(`n/d on a non-ratio: ${where}`);
        if (fmt(ratio(r.indicator, r.numerator, d)!, decimalsOf(r.indicator)) !== r.value) throw new Error(`value disagrees with n/d: ${where}`);
      }
      const key = `${r.indicator}|${r.period}|${r.area}|${r.breakdown ?? ''}`;
      const before = seen.get(key);
      if (before !== undefined && !(r.status === 'revised' && before < q)) throw new Error(`duplicate: ${where}`);
      if (before === undefined && r.status === 'revised') throw new Error(`revises nothing: ${where}`);
      seen.set(key, q);
    }
  });
}

const COLUMNS = ['indicator', 'period', 'area', 'breakdown', 'value', 'numerator', 'denominator', 'status', 'note'] as const;
const AREA_ORDER: Area[] = ['local', 'england', 'region', 'statistical-neighbours'];
const cell = (x: unknown) => {
  const s = x === undefined ? '' : String(x);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

check();
files.forEach((rows, q) => {
  // Local rows first, in indicator order then period order; a file's comparators after them.
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        Number(a.r.area !== 'local') - Number(b.r.area !== 'local') ||
        ORDER.indexOf(a.r.indicator) - ORDER.indexOf(b.r.indicator) ||
        periodEnd(a.r.period) - periodEnd(b.r.period) ||
        AREA_ORDER.indexOf(a.r.area!) - AREA_ORDER.indexOf(b.r.area!) ||
        a.i - b.i,
    )
    .map(({ r }) => r);
  const text = [COLUMNS.join(','), ...sorted.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
  const path = join(ROOT, quarterFile(q));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
});
console.log(`Wrote ${QUARTERS} files, ${files.reduce((s, f) => s + f.length, 0)} rows.`);
