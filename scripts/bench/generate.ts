/**
 * Writes a synthetic, valid content set of any size, for the benchmark (`npm run bench`) and for
 * anyone who wants to see how the build copes with a council's whole history.
 *
 *   npx tsx scripts/bench/generate.ts --out /tmp/big                 # 5 committees x 10 years x 4 = 200 meetings
 *   npx tsx scripts/bench/generate.ts --out /tmp/small --years 2.5   # 50 meetings
 *   npx tsx scripts/bench/generate.ts --help
 *
 * It is seeded (mulberry32, as scripts/sample/make-sample-data.ts) and uses no network and no
 * clock, so the same options always write the same bytes. The content is in the real format
 * (CONTENT-FORMAT.md) and passes `npx tsx scripts/check.ts --root <folder>` unchanged:
 *
 * - 30 monthly indicators (percentages and rates with numerator and denominator, counts of
 *   children and of events, days, money, a ratio, and three category breakdowns), some with
 *   targets, a single number or steps by year;
 * - one data file per financial quarter, with England and statistical-neighbour figures (and the
 *   region for a few) arriving in the Q3 file of the following year, as DfE publishes them;
 * - revisions: year-end (March) figures provisional and revised in the next quarter, a scatter of
 *   later corrections, figures first not available and supplied a quarter later, and England
 *   figures revised by DfE;
 * - small counts of children that disclosure control must suppress, and small denominators shown
 *   as "N of D";
 * - meetings of every committee each quarter, with commentary placing <Indicator>, <Chart> and
 *   <Term>, minutes under `## Discussion`, resolutions, attendees, documents, actions with due
 *   dates, and updates on earlier actions at later meetings.
 *
 * Each indicator draws from its own seeded stream, so adding indicators or committees does not
 * change the others' figures.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { hash, mulberry32 } from '../lib/random';

export interface GenerateOptions {
  /** Number of committees (default 5). */
  committees: number;
  /** Financial years of data and meetings (default 10); quarters of a year allowed, e.g. 2.5. */
  years: number;
  /** Meetings per committee per year, 1 to 4 (default 4: one per quarter). */
  meetingsPerYear: number;
  /** Number of indicators (default 30). */
  indicators: number;
  /** Indicators each committee's meetings show (default 15). */
  indicatorsPerMeeting: number;
  /** First financial year (default 2014, i.e. 2014/15). */
  startYear: number;
  seed: number;
}

export const DEFAULTS: GenerateOptions = {
  committees: 5,
  years: 10,
  meetingsPerYear: 4,
  indicators: 30,
  indicatorsPerMeeting: 15,
  startYear: 2014,
  seed: 20140401,
};

export interface GenerateResult {
  root: string;
  committees: number;
  meetings: number;
  indicators: number;
  dataFiles: number;
  rows: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

type Rng = () => number;
const noise = (rand: Rng, sd: number) => (rand() + rand() + rand() - 1.5) * 2 * sd;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pick = <T>(rand: Rng, list: readonly T[]) => list[Math.floor(rand() * list.length)];

// ---------------------------------------------------------------------------------------------
// Time. Month index m counts from April of the first year (m = 0); quarter q from its Q1.

const pad = (n: number) => String(n).padStart(2, '0');
const fy = (startYear: number) => `${startYear}/${pad((startYear + 1) % 100)}`;

class Calendar {
  constructor(readonly startYear: number) {}
  month(m: number) {
    const year = this.startYear + Math.floor((m + 3) / 12);
    return `${year}-${pad(((m + 3) % 12) + 1)}`;
  }
  quarter(q: number) {
    return `${fy(this.startYear + Math.floor(q / 4))} Q${(q % 4) + 1}`;
  }
  year(y: number) {
    return fy(this.startYear + y);
  }
  file(q: number) {
    const start = this.startYear + Math.floor(q / 4);
    return `data/${start}-${pad((start + 1) % 100)}/q${(q % 4) + 1}.csv`;
  }
  /** An ISO date `monthsAfter` months after the start of month m, on `day`. */
  date(m: number, day: number) {
    const year = this.startYear + Math.floor((m + 3) / 12);
    return `${year}-${pad(((m + 3) % 12) + 1)}-${pad(day)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Indicators. Every one is monthly; the archetype decides how its figures are drawn.

type Unit = 'count' | 'percent' | 'rate-per-10000' | 'days' | 'weeks' | 'gbp' | 'ratio';
type Measure = 'snapshot' | 'in-period' | 'year-to-date' | 'rolling-12-months';
type Polarity = 'higher-is-better' | 'lower-is-better' | 'neutral';

interface Template {
  id: string;
  title: string;
  summary: string;
  unit: Unit;
  measure: Measure;
  polarity: Polarity;
  decimals?: number;
  counts?: 'children' | 'events' | 'money' | 'other';
  source: string;
  /** A single target, or targets stepping up in later years. */
  target?: number | { afterYears: number; value: number }[];
  categories?: Record<string, string>;
  /** Figures: a level (percentage, rate, count...) that drifts between `from` and `to`. */
  level: { from: number; to: number; sd: number; min?: number; max?: number };
  /** For percentages and rates: the typical denominator. */
  denominator?: number;
  /** How much the denominator varies from month to month (relative; default 0.04). */
  denominatorSd?: number;
  /** Comparators: England and statistical neighbours, as offsets from the local level. */
  england?: number;
  neighbours?: number;
  region?: number;
  /** Share of each category, for breakdowns (in the categories' order). */
  shares?: number[];
}

const POPULATION = 110_000;

const TEMPLATES: Template[] = [
  { id: 'assessment-45-days', title: 'Social work assessments completed within 45 working days', summary: 'How many of the assessments finished in the month were done within the 45 working days the law allows.', unit: 'percent', measure: 'in-period', polarity: 'higher-is-better', source: 'Case recording system; children in need census', target: [{ afterYears: 0, value: 80 }, { afterYears: 5, value: 85 }], level: { from: 74, to: 86, sd: 2.5, max: 99 }, denominator: 420, england: 83, neighbours: 85 },
  { id: 're-referrals-12-months', title: 'Referrals within 12 months of a previous referral', summary: 'How many referrals were about a child already referred in the previous year.', unit: 'percent', measure: 'rolling-12-months', polarity: 'lower-is-better', source: 'Children in need census', target: 20, level: { from: 23, to: 19, sd: 0.6 }, denominator: 5400, england: 22, neighbours: 23 },
  { id: 'cin-rate', title: 'Children in need, rate per 10,000 under-18s', summary: 'How many children the council is helping as children in need, for every 10,000 children.', unit: 'rate-per-10000', measure: 'snapshot', polarity: 'neutral', source: 'Children in need census; ONS population estimates', level: { from: 330, to: 320, sd: 4 }, denominator: POPULATION, england: 335, neighbours: 315 },
  { id: 'cp-plan-rate', title: 'Children on a child protection plan, rate per 10,000 under-18s', summary: 'How many children have a child protection plan, for every 10,000 children.', unit: 'rate-per-10000', measure: 'snapshot', polarity: 'neutral', source: 'Children in need census', level: { from: 44, to: 41, sd: 1.2 }, denominator: POPULATION, england: 43, neighbours: 40 },
  { id: 'cp-plan-starts', title: 'Child protection plans started', summary: 'How many children became the subject of a child protection plan in the month.', unit: 'count', measure: 'in-period', polarity: 'neutral', counts: 'children', source: 'Case recording system', level: { from: 42, to: 38, sd: 6, min: 12 } },
  { id: 'repeat-cp-plans', title: 'Child protection plans that are a second or later plan', summary: 'Of the plans started in the last 12 months, how many were for a child who had had a plan before.', unit: 'percent', measure: 'rolling-12-months', polarity: 'lower-is-better', source: 'Children in need census', target: 18, level: { from: 20, to: 19, sd: 0.6 }, denominator: 500, england: 21, neighbours: 20 },
  { id: 'cla-rate', title: 'Children looked after, rate per 10,000 under-18s', summary: "How many children are in the council's care for every 10,000 children.", unit: 'rate-per-10000', measure: 'snapshot', polarity: 'neutral', decimals: 0, source: 'SSDA903 return', level: { from: 52, to: 58, sd: 0.8 }, denominator: POPULATION, england: 66, neighbours: 55, region: 52 },
  { id: 'cla-starts', title: 'Children who started to be looked after', summary: 'How many children came into care in the month.', unit: 'count', measure: 'in-period', polarity: 'neutral', counts: 'children', source: 'SSDA903 return', level: { from: 30, to: 33, sd: 4, min: 10 } },
  { id: 'cla-ceases', title: 'Children who stopped being looked after', summary: 'How many children left care in the month.', unit: 'count', measure: 'in-period', polarity: 'neutral', counts: 'children', source: 'SSDA903 return', level: { from: 28, to: 31, sd: 4, min: 10 } },
  { id: 'placement-moves-3plus', title: 'Children in care with three or more placements in the year', summary: 'How many children in care have moved home three or more times in the last 12 months.', unit: 'percent', measure: 'snapshot', polarity: 'lower-is-better', source: 'SSDA903 return', target: 10, level: { from: 9.5, to: 11.5, sd: 0.4 }, denominator: 600, england: 10, neighbours: 10.5 },
  { id: 'cla-review-timeliness', title: 'Reviews of children in care held on time', summary: 'How many reviews of children in care in the month were held within the required timescale.', unit: 'percent', measure: 'in-period', polarity: 'higher-is-better', source: 'Case recording system', target: 95, level: { from: 89, to: 96, sd: 1.2, max: 99.5 }, denominator: 165 },
  { id: 'missing-from-home', title: 'Missing from home episodes', summary: 'How many times children were reported missing from home in the month.', unit: 'count', measure: 'in-period', polarity: 'lower-is-better', counts: 'events', source: 'Police notifications', level: { from: 44, to: 51, sd: 5, min: 15 } },
  { id: 'missing-from-care', title: 'Children in care who went missing', summary: 'How many children in care were reported missing at least once in the month.', unit: 'count', measure: 'in-period', polarity: 'lower-is-better', counts: 'children', source: 'Case recording system', level: { from: 16, to: 19, sd: 3, min: 6 } },
  { id: 'rhi-72-hours', title: 'Return home interviews within 72 hours', summary: 'How many children who came back after going missing were offered an interview within three days.', unit: 'percent', measure: 'in-period', polarity: 'higher-is-better', source: 'Return home interview service', target: 75, level: { from: 62, to: 79, sd: 4, max: 98 }, denominator: 25, denominatorSd: 0.15 },
  { id: 'cse-month-end', title: 'Children assessed at high risk of sexual exploitation', summary: 'How many children were assessed as at high risk of sexual exploitation at the end of the month.', unit: 'count', measure: 'snapshot', polarity: 'neutral', counts: 'children', source: 'Multi-agency exploitation panel', level: { from: 10, to: 7, sd: 2.5, min: 2 } },
  { id: 'care-leavers-neet', title: 'Care leavers not in education, employment or training', summary: 'How many care leavers aged 19 to 21 are not in education, employment or training.', unit: 'percent', measure: 'snapshot', polarity: 'lower-is-better', source: 'SSDA903 return', level: { from: 37, to: 42, sd: 0.9 }, denominator: 220, england: 39, neighbours: 41 },
  { id: 'care-leavers-accommodation', title: 'Care leavers in suitable accommodation', summary: 'How many care leavers aged 19 to 21 live somewhere suitable.', unit: 'percent', measure: 'snapshot', polarity: 'higher-is-better', source: 'SSDA903 return', target: 90, level: { from: 86, to: 90, sd: 1.2, max: 99 }, denominator: 220, england: 85, neighbours: 86 },
  { id: 'sdq-completion', title: 'Strengths and Difficulties Questionnaires completed', summary: 'How many children in care for a year or more had their emotional wellbeing questionnaire done, in the year so far.', unit: 'percent', measure: 'year-to-date', polarity: 'higher-is-better', source: 'SSDA903 return', target: 80, level: { from: 68, to: 85, sd: 1.5, max: 99 }, denominator: 380, england: 79, neighbours: 81 },
  { id: 'ehcp-20-weeks', title: 'New EHC plans issued within 20 weeks', summary: 'How many new education, health and care plans were issued within the 20 weeks the law allows.', unit: 'percent', measure: 'rolling-12-months', polarity: 'higher-is-better', source: 'SEN2 return', target: [{ afterYears: 0, value: 60 }, { afterYears: 4, value: 70 }], level: { from: 41, to: 72, sd: 1.5, max: 99 }, denominator: 560, england: 58, neighbours: 56 },
  { id: 'early-help', title: 'Children supported by early help', summary: 'How many children had an open early help plan at the end of the month.', unit: 'count', measure: 'snapshot', polarity: 'neutral', counts: 'children', source: 'Early help module', level: { from: 1850, to: 2420, sd: 35 } },
  { id: 'sw-caseload', title: 'Average social worker caseload', summary: 'How many children, on average, each social worker holding cases works with.', unit: 'ratio', measure: 'snapshot', polarity: 'lower-is-better', decimals: 1, counts: 'other', source: 'Workforce data', target: 17, level: { from: 19.8, to: 16.4, sd: 0.3 }, england: 16.9, neighbours: 16.5 },
  { id: 'agency-sw-rate', title: 'Agency social workers', summary: 'How many social workers are employed through an agency rather than by the council.', unit: 'percent', measure: 'snapshot', polarity: 'lower-is-better', counts: 'other', source: 'Workforce data', level: { from: 23, to: 14, sd: 0.6 }, denominator: 310, england: 16, neighbours: 16 },
  { id: 'placement-weekly-cost', title: 'Average weekly cost of a placement', summary: 'What a placement for a child in care costs each week, on average, in the year so far.', unit: 'gbp', measure: 'year-to-date', polarity: 'lower-is-better', source: 'Finance system; section 251 outturn', level: { from: 1080, to: 1420, sd: 12 }, england: 1200, neighbours: 1185 },
  { id: 'adoption-days', title: 'Average days from entering care to moving in with an adoptive family', summary: 'How long, on average, children waited between coming into care and moving in with their adoptive family.', unit: 'days', measure: 'rolling-12-months', polarity: 'lower-is-better', decimals: 0, source: 'Adoption scorecard', target: 426, level: { from: 520, to: 450, sd: 12 }, england: 486, neighbours: 470 },
  { id: 'uasc-count', title: 'Unaccompanied children seeking asylum in care', summary: 'How many children in care arrived in the country alone and are seeking asylum.', unit: 'count', measure: 'snapshot', polarity: 'neutral', counts: 'children', source: 'SSDA903 return', level: { from: 6, to: 24, sd: 2, min: 1 } },
  { id: 'private-fostering', title: 'Children in private fostering arrangements', summary: 'How many children were known to be privately fostered at the end of the month.', unit: 'count', measure: 'snapshot', polarity: 'neutral', counts: 'children', source: 'Case recording system', level: { from: 7, to: 4, sd: 1.5, min: 0 } },
  { id: 'youth-custody-weeks', title: 'Average weeks in custody', summary: 'How long, on average, young people released from custody in the last year had been held.', unit: 'weeks', measure: 'rolling-12-months', polarity: 'lower-is-better', decimals: 1, source: 'Youth justice service', level: { from: 14, to: 11, sd: 0.5 }, england: 13.2, neighbours: 12.4 },
  { id: 'placement-type-mix', title: 'Where children in care live', summary: 'The share of children in care living with foster carers, in children\'s homes and other settings.', unit: 'percent', measure: 'snapshot', polarity: 'neutral', source: 'SSDA903 return', categories: { 'foster-care': 'Foster care', residential: 'Residential and semi-independent', 'placed-with-parents': 'Placed with parents', 'placed-for-adoption': 'Placed for adoption', other: 'Other placements' }, shares: [0.75, 0.13, 0.055, 0.04, 0.007], level: { from: 0, to: 0, sd: 0 }, denominator: 600, england: 0 },
  { id: 'open-cases-by-category', title: 'Open cases by main category of need', summary: 'Children in need at the end of the month, by the main reason they need help.', unit: 'count', measure: 'snapshot', polarity: 'neutral', counts: 'children', source: 'Children in need census', categories: { 'abuse-or-neglect': 'N1 Abuse or neglect', 'child-disability': 'N2 Child disability or illness', 'family-in-acute-stress': 'N4 Family in acute stress', 'family-dysfunction': 'N5 Family dysfunction', 'low-income': 'N7 Low income', 'absent-parenting': 'N8 Absent parenting' }, shares: [0.58, 0.09, 0.1, 0.18, 0.001, 0.04], level: { from: 3580, to: 3540, sd: 25 } },
  { id: 'referrals-by-source', title: 'Referrals by source', summary: 'Where the referrals received in the month came from.', unit: 'count', measure: 'in-period', polarity: 'neutral', counts: 'events', source: 'Case recording system', categories: { police: 'Police', schools: 'Schools', health: 'Health services', other: 'Other sources' }, shares: [0.31, 0.19, 0.15, 0.35], level: { from: 460, to: 490, sd: 20 } },
];

interface IndicatorSpec extends Template {
  rand: Rng;
}

function indicatorsFor(options: GenerateOptions): IndicatorSpec[] {
  return Array.from({ length: options.indicators }, (_, i) => {
    const t = TEMPLATES[i % TEMPLATES.length];
    const round = Math.floor(i / TEMPLATES.length);
    const id = round ? `${t.id}-${round + 1}` : t.id;
    return { ...t, id, title: round ? `${t.title} (set ${round + 1})` : t.title, rand: mulberry32(options.seed ^ hash(id)) };
  });
}

const decimalsOf = (t: Template) => t.decimals ?? (t.unit === 'count' || t.unit === 'gbp' ? 0 : 1);

function indicatorYaml(t: Template, cal: Calendar) {
  const lines = [
    `title: ${yamlText(t.title)}`,
    `summary: ${yamlText(t.summary)}`,
    `unit: ${t.unit}`,
    ...(t.decimals !== undefined ? [`decimals: ${t.decimals}`] : []),
    `polarity: ${t.polarity}`,
    `measure: ${t.measure}`,
    'frequency: monthly',
    'definition: >-',
    `  ${t.summary} Synthetic figures for the benchmark: the definition of a real council's indicator`,
    '  would say exactly what is counted, when, and from which system.',
    `source: ${yamlText(t.source)}`,
  ];
  if (typeof t.target === 'number') lines.push(`target: ${t.target}`);
  else if (t.target) {
    lines.push('target:');
    for (const step of t.target) lines.push(`  - { from: "${cal.year(step.afterYears)}", value: ${step.value} }`);
  }
  if (t.categories) {
    lines.push('categories:');
    for (const [k, v] of Object.entries(t.categories)) lines.push(`  ${k}: ${yamlText(v)}`);
  }
  if (t.counts) lines.push(`counts: ${t.counts}`);
  return lines.join('\n') + '\n';
}

/** A YAML scalar: quoted when plain style could misread it. */
function yamlText(s: string) {
  return /^[\w(][^:#'"{}[\],&*!|>%@`]*$/.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

// ---------------------------------------------------------------------------------------------
// Data rows.

type Area = 'local' | 'england' | 'region' | 'statistical-neighbours';
interface Row {
  indicator: string;
  period: string;
  area: Area;
  breakdown?: string;
  value?: string;
  numerator?: number;
  denominator?: number;
  status?: 'provisional' | 'revised' | 'not-available';
  note?: string;
}

/** The scaled ratio n/d, or undefined when it sits so close to a rounding tie that readers could disagree. */
function ratio(t: Template, n: number, d: number) {
  const x = ((t.unit === 'percent' ? 100 : 10000) * n) / d;
  const f = x * 10 ** decimalsOf(t);
  return Math.abs(f - Math.floor(f) - 0.5) < 1e-3 ? undefined : x;
}
function withNd(t: Template, n: number, d: number): Pick<Row, 'value' | 'numerator' | 'denominator'> {
  let x = ratio(t, n, d);
  while (x === undefined) x = ratio(t, n > 0 ? --n : ++n, d);
  return { value: x.toFixed(decimalsOf(t)), numerator: n, denominator: d };
}

const season = (m: number) => [1, 1.02, 0.98, 1.04, 0.86, 1.08, 1.06, 1.02, 0.9, 1.03, 0.99, 1.02][m % 12];

/** One local figure (without status), from the level at month m. */
function localFigure(t: IndicatorSpec, m: number, months: number, breakdownShare?: number): Pick<Row, 'value' | 'numerator' | 'denominator'> {
  const { rand } = t;
  const progress = months > 1 ? m / (months - 1) : 0;
  const level = t.level.from + (t.level.to - t.level.from) * progress + noise(rand, t.level.sd);
  const dec = decimalsOf(t);
  if (t.categories) {
    const share = breakdownShare!;
    if (t.unit === 'percent') {
      // The denominator is all children in care; each category's count is its share of it.
      const d = Math.round(t.denominator! * (1 + 0.15 * progress));
      const n = clamp(Math.round(d * (share + noise(rand, share * 0.05))), 0, d);
      return withNd(t, n, d);
    }
    const total = level * (t.measure === 'in-period' ? season(m) : 1);
    return { value: String(Math.max(0, Math.round(total * (share + noise(rand, share * 0.06))))) };
  }
  if (t.unit === 'percent' || t.unit === 'rate-per-10000') {
    const d = Math.max(
      1,
      Math.round(t.unit === 'rate-per-10000' ? t.denominator! * (1 + 0.004 * Math.floor(m / 12)) : t.denominator! * (t.measure === 'in-period' ? season(m) : 1) * (1 + noise(rand, t.denominatorSd ?? 0.04))),
    );
    const scale = t.unit === 'percent' ? 100 : 10000;
    const max = t.unit === 'percent' ? d * Math.min(1, (t.level.max ?? 100) / 100) : d;
    const n = clamp(Math.round((d * level) / scale), 0, Math.floor(max));
    return withNd(t, n, d);
  }
  if (t.unit === 'count') {
    const x = Math.round(clamp(level * (t.measure === 'in-period' ? season(m) : 1), t.level.min ?? 0, Infinity));
    return { value: String(x) };
  }
  return { value: clamp(level, t.level.min ?? 0, t.level.max ?? Infinity).toFixed(dec) };
}

function dataRows(indicators: IndicatorSpec[], cal: Calendar, quarters: number): Row[][] {
  const months = quarters * 3;
  const files: Row[][] = Array.from({ length: quarters }, () => []);
  const put = (q: number, row: Row) => {
    if (q < quarters) files[q].push(row);
  };
  const years = Math.ceil(quarters / 4);

  for (const t of indicators) {
    const { rand } = t;
    const cats = t.categories ? Object.keys(t.categories) : [undefined];
    const dec = decimalsOf(t);
    // Year-end figures are provisional for the indicators that come from an annual return.
    const yearEndProvisional = /SSDA903|census|scorecard/.test(t.source);
    for (let m = 0; m < months; m++) {
      const q = Math.floor(m / 3);
      const period = cal.month(m);
      const rowsThisMonth: Row[] = [];
      cats.forEach((breakdown, k) => {
        const figure = localFigure(t, m, months, t.shares?.[k]);
        rowsThisMonth.push({ indicator: t.id, period, area: 'local', ...(breakdown !== undefined && { breakdown }), ...figure });
      });
      for (const row of rowsThisMonth) {
        const r = rand();
        if (!t.categories && r < 0.004) {
          // Not available when the quarter's file was made; supplied in the next quarter's file.
          put(q, { indicator: t.id, period, area: 'local', status: 'not-available', note: 'Not available: the figures were not extracted in time.' });
          put(q + 1, { ...row, status: 'revised', note: 'Supplied a quarter late, once the extract was rerun.' });
          continue;
        }
        if (yearEndProvisional && m % 12 === 11 && !t.categories) {
          put(q, { ...row, status: 'provisional', note: 'Year-end figure; may change once the return is checked.' });
          put(q + 1, { ...revise(t, row, rand, dec), status: 'revised', note: 'Checked for the statutory return.' });
          continue;
        }
        put(q, row);
        if (r > 0.985) {
          // A later correction, one or two quarters on.
          put(q + 1 + Math.floor(rand() * 2), { ...revise(t, row, rand, dec), status: 'revised', note: 'Corrected after records were updated late.' });
        }
      }
    }

    // Comparators for the years that have ended: England and statistical neighbours, the region
    // for a few, in the Q3 file of the following year.
    if (t.england === undefined) continue;
    for (let y = 0; y < years; y++) {
      const file = 4 * (y + 1) + 2;
      if (file >= quarters) break;
      const progress = years > 1 ? y / (years - 1) : 0;
      const drift = (t.level.to - t.level.from) * progress * 0.4;
      for (const [k, breakdown] of cats.entries()) {
        if (t.categories) {
          const share = t.shares![k];
          const v = Math.max(0, 100 * (share + noise(rand, share * 0.05)));
          put(file, { indicator: t.id, period: cal.year(y), area: 'england', breakdown, value: v.toFixed(0), note: 'England at 31 March.' });
          continue;
        }
        const england = comparatorValue(t, t.england! + drift + noise(rand, t.level.sd / 2));
        put(file, { indicator: t.id, period: cal.year(y), area: 'england', value: england, ...(y === 0 && { note: 'Published by DfE in the autumn after the year ends.' }) });
        put(file, { indicator: t.id, period: cal.year(y), area: 'statistical-neighbours', value: comparatorValue(t, t.neighbours! + drift + noise(rand, t.level.sd / 2)) });
        if (t.region !== undefined) put(file, { indicator: t.id, period: cal.year(y), area: 'region', value: comparatorValue(t, t.region + drift + noise(rand, t.level.sd / 2)) });
        // DfE revises an England figure now and then, in the next Q4 file.
        if (y % 3 === 1 && file + 1 < quarters) {
          put(file + 1, { indicator: t.id, period: cal.year(y), area: 'england', value: comparatorValue(t, Number(england) + Math.max(t.level.sd, 10 ** -dec)), status: 'revised', note: 'DfE revised the England figure after updating its population estimates.' });
        }
      }
    }
  }
  return files;
}

function comparatorValue(t: Template, x: number) {
  const v = Math.max(0, t.unit === 'percent' ? Math.min(100, x) : x);
  return v.toFixed(decimalsOf(t));
}

function revise(t: Template, row: Row, rand: Rng, dec: number): Row {
  const out: Row = { ...row };
  delete out.status;
  delete out.note;
  if (row.numerator !== undefined) {
    const d = row.denominator!;
    const step = 1 + Math.floor(rand() * 3);
    let n = row.numerator + step;
    if (t.unit === 'percent' && n > d) n = Math.max(0, row.numerator - step);
    return { ...out, ...withNd(t, n, d) };
  }
  const x = Number(row.value);
  const bump = t.unit === 'count' ? 1 + Math.floor(rand() * 3) : Math.max(10 ** -dec, Math.abs(x) * 0.01);
  return { ...out, value: (x + bump).toFixed(dec) };
}

const COLUMNS = ['indicator', 'period', 'area', 'breakdown', 'value', 'numerator', 'denominator', 'status', 'note'] as const;
const cell = (x: unknown) => {
  const s = x === undefined ? '' : String(x);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csv(rows: Row[]) {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(c === 'area' && r.area === 'local' ? undefined : r[c])).join(','))].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Committees, glossary and meetings.

const COMMITTEES = [
  { id: 'children-and-families-panel', name: 'Children and Families Overview and Scrutiny Panel', shortName: 'Children and Families Panel' },
  { id: 'corporate-parenting-board', name: 'Corporate Parenting Board', shortName: undefined },
  { id: 'childrens-services-committee', name: "Children's Services Committee", shortName: undefined },
  { id: 'education-and-skills-panel', name: 'Education and Skills Scrutiny Panel', shortName: 'Education and Skills Panel' },
  { id: 'safeguarding-assurance-board', name: 'Safeguarding Assurance Board', shortName: 'Safeguarding Board' },
];

const GLOSSARY = [
  ['CLA', 'Children looked after', 'Children the council has looked after for more than 24 hours, often described as being in care.'],
  ['CIN', 'Child in need', 'A child who needs help from the council to stay safe, healthy or to develop properly.'],
  ['CPP', 'Child protection plan', 'A plan agreed at a child protection conference to keep a child safe from significant harm.'],
  ['EHCP', 'Education, health and care plan', 'A legal document setting out the support a child or young person with special educational needs must receive.'],
  ['NEET', 'Not in education, employment or training', 'Young people who are not studying, working or training.'],
  ['RHI', 'Return home interview', 'A conversation offered to a child who has been missing, to find out why and keep them safe.'],
  ['SDQ', 'Strengths and Difficulties Questionnaire', 'A short questionnaire about a child\'s emotional wellbeing and behaviour.'],
  ['statistical neighbours', undefined, 'The ten councils most like this one, whose average is used as a comparison.'],
] as const;

const COMMENTARY = [
  'Demand at the front door was steady this quarter. Officers explained that the number of children in need (CIN) has changed little, and that the service is working to close cases sooner where help is no longer needed.',
  'The number of children looked after (CLA) continued to rise slowly. Most of the increase is among teenagers, and the placements they need are the hardest to find.',
  'Timeliness improved in most months, following the recruitment of permanent social workers to posts previously filled by agency staff.',
  'The share of care leavers who are not in education, employment or training (NEET) remains above the average of our statistical neighbours, and is the subject of an action plan.',
  'Return home interview (RHI) performance fell in the summer, when more children went missing, and recovered in the autumn.',
  'Education, health and care plans (EHCP) issued within 20 weeks improved again, but the service expects requests to keep rising.',
  'Strengths and Difficulties Questionnaire (SDQ) completion is on track for the year, after a slow start in the first quarter.',
  'Some figures for earlier months have been revised since the last report, as records entered late were added; the tables show where.',
];

const DISCUSSION = [
  'Members asked why the number of children in care had risen when the number of referrals had not. The Assistant Director explained that fewer children were leaving care, because more of them were older.',
  'A member asked whether the target for assessments was ambitious enough. Officers said that it would be reviewed at the end of the year.',
  'Members welcomed the fall in agency staffing and asked that the savings be reported to the next meeting.',
  'The Chair thanked officers for the report and asked that the panel continue to receive the figures for children missing from care every quarter.',
  'A member asked how the council compared with its statistical neighbours on placement stability. Officers agreed to include the comparison in future reports.',
  'Members asked about the cost of residential placements, which continued to rise faster than inflation.',
];

const ACTION_TEXTS = [
  'Provide an analysis of why the number of children in care has risen, by age and legal status.',
  'Report on the placement stability action plan and the measures that will show whether it is working.',
  'Circulate a breakdown of referrals by source for the last year.',
  'Present the recruitment and retention strategy for social workers.',
  'Report on the take-up of return home interviews among children in care placed out of the area.',
  'Provide the comparison with statistical neighbours for care leavers in education, employment or training.',
  'Explain the rise in the cost of residential placements and the plan to manage it.',
  'Set out how the service will meet the new target for education, health and care plans.',
];

const OWNERS = ['Assistant Director, Safeguarding', 'Assistant Director, Children in Care', 'Head of Performance and Intelligence', 'Head of Service, Adolescents', 'Principal Social Worker'];

const NAMES = ['Daniel Okafor', 'Priya Chandran', 'Marcus Fielding', 'Helen Achterberg', 'Sam Whitlock', 'Grace Mbeki', 'Tom Nakamura'];

interface PlannedMeeting {
  committee: number;
  q: number;
  date: string;
  id: string;
}

function planMeetings(options: GenerateOptions, cal: Calendar, quarters: number): PlannedMeeting[][] {
  const perCommittee: PlannedMeeting[][] = [];
  const mpy = clamp(Math.round(options.meetingsPerYear), 1, 4);
  for (let c = 0; c < options.committees; c++) {
    const list: PlannedMeeting[] = [];
    for (let q = 0; q < quarters; q++) {
      const k = q % 4;
      // Evenly spread: meet after the quarters where the count of meetings so far steps up.
      if (Math.floor(((k + 1) * mpy) / 4) === Math.floor((k * mpy) / 4)) continue;
      // Two to three months after the quarter ends, on a day of the committee's own.
      const month = 3 * q + 2 + 2 + (c % 2);
      const day = 2 + ((c * 5) % 26);
      const date = cal.date(month, day);
      list.push({ committee: c, q, date, id: `${committeeId(c)}/${date}` });
    }
    perCommittee.push(list);
  }
  return perCommittee;
}

function committeeId(c: number) {
  const base = COMMITTEES[c % COMMITTEES.length].id;
  return c < COMMITTEES.length ? base : `${base}-${Math.floor(c / COMMITTEES.length) + 1}`;
}

interface OpenAction {
  fullId: string;
  status: 'open' | 'in-progress';
}

function meetingMdx(
  rand: Rng,
  cal: Calendar,
  meeting: PlannedMeeting,
  next: PlannedMeeting | undefined,
  shown: string[],
  open: OpenAction[],
  committeeName: string,
): { text: string; raised: OpenAction[] } {
  const period = cal.quarter(meeting.q);
  const lines: string[] = ['---'];
  lines.push(`agendaItem: { number: "${4 + Math.floor(rand() * 5)}", title: "Performance report: ${period}" }`);
  lines.push(`period: ${period}`);
  lines.push('summary: >-');
  lines.push(`  The ${committeeName.toLowerCase().includes('board') ? 'board' : 'committee'} considered performance to the end of ${period}. Most measures were close to target;`);
  lines.push('  the rise in the number of children in care and the cost of placements were discussed.');
  lines.push('indicators:');
  for (const id of shown) lines.push(`  - ${id}`);
  lines.push('attendees:');
  const people = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < people; i++) lines.push(`  - { name: ${pick(rand, NAMES)}, role: "${pick(rand, OWNERS)}" }`);
  lines.push('documents:');
  const doc = 1000 + meeting.q * 10 + meeting.committee;
  lines.push(`  - { title: "Report of the Director of Children's Services", url: https://example.gov.uk/documents/${doc}.pdf }`);
  lines.push(`  - { title: Appendix 1 - Performance data set, url: https://example.gov.uk/documents/${doc + 1}.pdf }`);
  lines.push('resolved:');
  lines.push(`  - That the performance report for ${period} be noted.`);
  if (rand() < 0.5) lines.push('  - That officers report back on the actions below at the next meeting.');

  const raised: OpenAction[] = [];
  const count = Math.floor(rand() * 4);
  if (count) {
    lines.push('actions:');
    const used = new Set<number>();
    for (let i = 0; i < count; i++) {
      let k = Math.floor(rand() * ACTION_TEXTS.length);
      while (used.has(k)) k = (k + 1) % ACTION_TEXTS.length;
      used.add(k);
      const id = `action-${k + 1}`;
      lines.push(`  - id: ${id}`);
      lines.push(`    text: ${ACTION_TEXTS[k]}`);
      lines.push(`    owner: "${pick(rand, OWNERS)}"`);
      if (next && rand() < 0.8) lines.push(`    due: ${next.date}`);
      raised.push({ fullId: `${meeting.id}/${id}`, status: 'open' });
    }
  }
  if (open.length) {
    lines.push('updates:');
    for (const action of open) {
      const r = rand();
      const status = r < 0.45 ? 'done' : r < 0.55 ? 'dropped' : r < 0.9 ? 'in-progress' : 'open';
      lines.push(`  - action: ${action.fullId}`);
      lines.push(`    status: ${status}`);
      if (rand() < 0.8) lines.push(`    note: ${status === 'done' ? 'Reported to this meeting; the committee agreed the action is complete.' : status === 'dropped' ? 'Overtaken by the new improvement plan, which covers the same ground.' : 'Work is under way; a fuller report will come to the next meeting.'}`);
      (action as OpenAction & { closed?: boolean }).closed = status === 'done' || status === 'dropped';
    }
  }
  lines.push('---', '');

  // Commentary: a few paragraphs, three indicators placed in it, and an explicit <Term>.
  const paragraphs = COMMENTARY.filter(() => rand() < 0.6);
  if (!paragraphs.length) paragraphs.push(COMMENTARY[0]);
  lines.push(`This report covers performance to the end of ${period}. <Term>CPP</Term> figures are included for the first time this year.`, '');
  paragraphs.forEach((p, i) => {
    lines.push(p, '');
    if (i === 0 && shown[0]) lines.push(`<Indicator id="${shown[0]}" />`, '');
    if (i === 1 && shown[1]) lines.push(`<Chart id="${shown[1]}" />`, '');
  });
  if (paragraphs.length < 2 && shown[1]) lines.push(`<Chart id="${shown[1]}" />`, '');
  if (shown[2]) lines.push(`<Indicator id="${shown[2]}" />`, '');
  lines.push('## Discussion', '');
  for (const p of DISCUSSION.filter(() => rand() < 0.5)) lines.push(p, '');
  lines.push('The committee noted the report.', '');
  return { text: lines.join('\n'), raised };
}

// ---------------------------------------------------------------------------------------------

/** Writes the content set into `root` (which must be empty or absent). */
export function generate(root: string, partial: Partial<GenerateOptions> = {}): GenerateResult {
  const options = { ...DEFAULTS, ...partial };
  const quarters = Math.round(options.years * 4);
  if (quarters < 1) throw new Error('--years must be at least 0.25 (one quarter)');
  if (options.committees < 1) throw new Error('--committees must be at least 1');
  if (options.indicators < 1) throw new Error('--indicators must be at least 1');
  const cal = new Calendar(options.startYear);
  const write = (path: string, text: string) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  write(
    'content/site.yaml',
    [
      'council: Benchmark County Council',
      "title: Children's services performance",
      'url: https://performance.benchmark.example',
      'language: en-GB',
      'contact: { email: scrutiny@benchmark.example, phone: "01234 567890" }',
      'disclosure:',
      '  suppressUpTo: 5',
      '  percentMinDenominator: 20',
      'illustrative: true',
      '',
    ].join('\n'),
  );
  write(
    'content/glossary.yaml',
    GLOSSARY.map(([term, expansion, definition]) => [`- term: ${term}`, ...(expansion ? [`  expansion: ${yamlText(expansion)}`] : []), `  definition: ${yamlText(definition)}`].join('\n')).join('\n') + '\n',
  );

  const indicators = indicatorsFor(options);
  for (const t of indicators) write(`content/indicators/${t.id}.yaml`, indicatorYaml(t, cal));

  const files = dataRows(indicators, cal, quarters);
  let rows = 0;
  files.forEach((list, q) => {
    rows += list.length;
    write(cal.file(q), csv(list));
  });

  const plans = planMeetings(options, cal, quarters);
  let meetings = 0;
  const perMeeting = Math.min(options.indicatorsPerMeeting, indicators.length);
  for (let c = 0; c < options.committees; c++) {
    const base = COMMITTEES[c % COMMITTEES.length];
    const id = committeeId(c);
    const suffix = c < COMMITTEES.length ? '' : ` ${Math.floor(c / COMMITTEES.length) + 1}`;
    write(
      `content/committees/${id}.yaml`,
      [
        `name: ${yamlText(base.name + suffix)}`,
        ...(base.shortName ? [`shortName: ${yamlText(base.shortName + suffix)}`] : []),
        'description: >-',
        '  Scrutinises the council\'s services for children on behalf of residents, receiving the',
        '  performance data set each quarter and questioning the officers responsible.',
        `url: https://example.gov.uk/committees/${101 + c}`,
        '',
      ].join('\n'),
    );
    // Each committee follows its own remit: a run of indicators, overlapping its neighbours'.
    const shown = Array.from({ length: perMeeting }, (_, k) => indicators[(c * 6 + k) % indicators.length].id);
    const rand = mulberry32(options.seed ^ hash(`meetings/${id}`));
    let open: (OpenAction & { closed?: boolean })[] = [];
    plans[c].forEach((meeting, i) => {
      const { text, raised } = meetingMdx(rand, cal, meeting, plans[c][i + 1], shown, open, base.name);
      write(`content/meetings/${meeting.id}.mdx`, text);
      meetings++;
      open = [...open.filter((a) => !a.closed), ...raised];
    });
  }

  return { root, committees: options.committees, meetings, indicators: indicators.length, dataFiles: files.length, rows };
}

// ---------------------------------------------------------------------------------------------
// Command line.

const HELP = `Usage: npx tsx scripts/bench/generate.ts [--out <folder>] [options]

Writes a synthetic content set (content/ and data/) that passes \`npm run check\`.

  --out <folder>             where to write it (must not exist, or be empty); default a new temporary folder
  --committees <n>           committees (default ${DEFAULTS.committees})
  --years <n>                financial years, in quarters of a year (default ${DEFAULTS.years}; 2.5 = 10 quarters)
  --meetings-per-year <n>    meetings per committee per year, 1 to 4 (default ${DEFAULTS.meetingsPerYear})
  --indicators <n>           indicators (default ${DEFAULTS.indicators})
  --indicators-per-meeting <n>  indicators each meeting shows (default ${DEFAULTS.indicatorsPerMeeting})
  --start-year <yyyy>        first financial year (default ${DEFAULTS.startYear}, i.e. ${fy(DEFAULTS.startYear)})
  --seed <n>                 random seed (default ${DEFAULTS.seed})
  --force                    empty --out first if it exists

Meetings = committees x years x meetings-per-year: the defaults give 200; --years 5 gives 100,
--years 2.5 gives 50.`;

export function parseArgs(args: string[]): { out?: string; force: boolean; options: Partial<GenerateOptions> } {
  const options: Partial<GenerateOptions> = {};
  let out: string | undefined;
  let force = false;
  const num = (flag: string, text: string | undefined) => {
    const n = Number(text);
    if (text === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number, not "${text ?? ''}"`);
    return n;
  };
  const names: Record<string, keyof GenerateOptions> = {
    '--committees': 'committees',
    '--years': 'years',
    '--meetings-per-year': 'meetingsPerYear',
    '--indicators': 'indicators',
    '--indicators-per-meeting': 'indicatorsPerMeeting',
    '--start-year': 'startYear',
    '--seed': 'seed',
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (flag === '--out') out = inline ?? args[++i];
    else if (flag === '--force') force = true;
    else if (flag in names) {
      const value = num(flag, inline ?? args[++i]);
      const key = names[flag];
      options[key] = key === 'years' ? value : Math.round(value);
    } else throw new Error(`unknown option ${args[i]}; see --help`);
  }
  return { out, force, options };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/bench/generate.ts')) {
  try {
    const { out, force, options } = parseArgs(process.argv.slice(2));
    const root = out ? resolve(out) : mkdtempSync(join(tmpdir(), 'scrutineer-bench-'));
    if (out && force) rmSync(root, { recursive: true, force: true });
    if (existsSync(root) && readdirSync(root).length) throw new Error(`${root} is not empty; choose a new folder, or add --force to empty it first`);
    const result = generate(root, options);
    console.log(
      `Wrote ${result.root}: ${result.committees} committees, ${result.meetings} meetings, ${result.indicators} indicators, ${result.dataFiles} data files, ${result.rows} rows.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
