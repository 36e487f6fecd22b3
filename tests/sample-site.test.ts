/**
 * The sample site, built once, read as a resident would: every number in every meeting page's
 * tables is checked against the CSV files, read here independently of the site's own loader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { parseFeed } from '@rowanmanning/feed-parser';
import { PROJECT } from './helpers/fixtures';
import { buildSite, inlineStyles, page, tableRows } from './helpers/build';
import { RESERVED_ROUTES } from '../src/lib/schemas/committee';

const out = mkdtempSync(join(tmpdir(), 'scrutineer-sample-'));
let status: number | null;
let stderr = '';
beforeAll(() => {
  const result = buildSite(PROJECT, out);
  status = result.status;
  stderr = result.stderr;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

// --- The data, read straight from the files -------------------------------------------------
interface Row {
  indicator: string;
  period: string;
  area: string;
  breakdown: string;
  value: string;
  numerator: string;
  denominator: string;
  status: string;
  quarterEnd: number;
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Month index of a period's last month, from its text: 2018-06, 2018/19 Q1, 2018/19. */
function periodEnd(p: string): number {
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1;
  m = /^(\d{4})\/\d{2} Q(\d)$/.exec(p);
  if (m) return Number(m[1]) * 12 + 3 + Number(m[2]) * 3 - 1;
  m = /^(\d{4})\/\d{2}$/.exec(p)!;
  return Number(m[1]) * 12 + 14;
}
const LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * The table's row header for a period: "Jun 2018", "2018/19 Q1", "2017/18"; a snapshot's quarter or
 * year is dated by its last day ("30 Jun 2018"), a rolling one is "12 months to 30 Jun 2018".
 */
function rowHeader(p: string, id: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  const measure = indicators.get(id).measure;
  if (measure !== 'snapshot' && measure !== 'rolling-12-months') return p;
  const end = periodEnd(p);
  const year = Math.floor(end / 12);
  const month = end % 12;
  const leap = month === 1 && year % 4 === 0 ? 1 : 0;
  const day = `${LAST_DAY[month] + leap} ${MONTHS[month]} ${year}`;
  return measure === 'snapshot' ? day : `12 months to ${day}`;
}
const rows: Row[] = [];
for (const year of readdirSync(join(PROJECT, 'data'))) {
  for (const file of readdirSync(join(PROJECT, 'data', year))) {
    const q = Number(/q(\d)/.exec(file)![1]);
    const quarterEnd = Number(year.slice(0, 4)) * 12 + 3 + q * 3 - 1;
    const parsed = Papa.parse<Record<string, string>>(readFileSync(join(PROJECT, 'data', year, file), 'utf8'), { header: true, skipEmptyLines: true });
    for (const r of parsed.data) rows.push({ ...r, area: r.area || 'local', breakdown: r.breakdown || '', quarterEnd } as Row);
  }
}
const indicators = new Map(
  readdirSync(join(PROJECT, 'content', 'indicators')).map((f) => [f.replace('.yaml', ''), parseYaml(readFileSync(join(PROJECT, 'content', 'indicators', f), 'utf8'))]),
);
const decimalsOf = (id: string) => indicators.get(id).decimals ?? (['count', 'gbp'].includes(indicators.get(id).unit) ? 0 : 1);
const site = parseYaml(readFileSync(join(PROJECT, 'content', 'site.yaml'), 'utf8'));

/** The row a meeting saw: the latest file up to its quarter, for a period up to its own. */
function seen(quarterEnd: number, indicator: string, period: string, area: string, breakdown: string): Row | undefined {
  return rows
    .filter((r) => r.indicator === indicator && r.period === period && r.area === area && r.breakdown === breakdown && r.quarterEnd <= quarterEnd)
    .sort((a, b) => a.quarterEnd - b.quarterEnd)
    .at(-1);
}

/** A number as the page writes it: "82.5%", "£1,200", "57 per 10,000", "−3". */
function numberIn(text: string): number | undefined {
  const m = /^(−|-)?£?([\d,]+(?:\.\d+)?)/.exec(text.trim());
  return m ? (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, '')) : undefined;
}

interface MeetingFile {
  committee: string;
  date: string;
  period: string;
  dataAsAt?: string;
  draft: boolean;
}

/**
 * The last month of the last quarter whose file a meeting saw (version 1.1, rule 1): its
 * period's quarter, or the quarter before the one holding its date when that is later, or the
 * quarter its dataAsAt names.
 */
function seenQuarterEnd(m: MeetingFile): number {
  const quarterEndOf = (month: number) => month + ((3 - ((month - 5 + 120) % 3)) % 3);
  if (m.dataAsAt) return periodEnd(m.dataAsAt);
  const [y, mo] = m.date.split('-').map(Number);
  const beforeMeeting = quarterEndOf(y * 12 + mo - 1) - 3;
  return Math.max(quarterEndOf(periodEnd(m.period)), beforeMeeting);
}
const meetings: MeetingFile[] = readdirSync(join(PROJECT, 'content', 'meetings')).flatMap((committee) =>
  readdirSync(join(PROJECT, 'content', 'meetings', committee)).map((f) => {
    const text = readFileSync(join(PROJECT, 'content', 'meetings', committee, f), 'utf8');
    const front = parseYaml(text.split(/^---$/m)[1]);
    return { committee, date: f.replace('.mdx', ''), period: String(front.period), ...(front.dataAsAt && { dataAsAt: String(front.dataAsAt) }), draft: front.draft === true };
  }),
);

const AREAS: Record<string, string> = {
  [site.council]: 'local',
  England: 'england',
  'Statistical neighbours (average)': 'statistical-neighbours',
  Region: 'region',
};

describe('the sample site', () => {
  it('builds, with a page for every meeting, committee and indicator', () => {
    expect(status, stderr).toBe(0);
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    for (const m of meetings) expect(existsSync(join(out, m.committee, m.date, 'index.html')), `${m.committee}/${m.date}`).toBe(!m.draft);
    for (const c of readdirSync(join(PROJECT, 'content', 'committees'))) expect(existsSync(join(out, c.replace('.yaml', ''), 'index.html'))).toBe(true);
    for (const id of indicators.keys()) expect(existsSync(join(out, 'indicators', id, 'index.html')), id).toBe(true);
  });

  it('says on every page that the data is illustrative', () => {
    for (const m of meetings.filter((x) => !x.draft)) {
      expect(page(out, `${m.committee}/${m.date}/`).querySelector('.sc-illustrative')!.textContent).toContain('Illustrative data');
    }
    expect(page(out, '/').querySelector('.sc-illustrative')).not.toBeNull();
  });

  it.each(meetings.filter((m) => !m.draft).map((m) => [`${m.committee}/${m.date}`, m] as const))('%s: every number in its tables equals the data files', (_, m) => {
    const doc = page(out, `${m.committee}/${m.date}/`);
    const quarterEnd = seenQuarterEnd(m);
    let checked = 0;
    for (const section of doc.querySelectorAll('section.sc-indicator')) {
      const id = section.id;
      const table = section.querySelector('table')!;
      const [header, ...body] = tableRows(table);
      // Column headers carry the unit: "England (%)".
      const headers = header.slice(1).map((h) => h.replace(/ \([^)]*\)$/, ''));
      for (const r of body) {
        const periodLabel = r[0];
        for (let i = 0; i < headers.length; i++) {
          const text = r[i + 1];
          if (text.includes('no figure')) continue;
          const cut = headers[i].lastIndexOf(': ');
          const [categoryLabel, areaLabel] = cut >= 0 ? [headers[i].slice(0, cut), headers[i].slice(cut + 2)] : [undefined, headers[i]];
          const area = AREAS[areaLabel];
          const categories = indicators.get(id).categories ?? {};
          const breakdown = categoryLabel ? Object.keys(categories).find((k) => categories[k] === categoryLabel)! : '';
          // A snapshot's quarter and England's year can end on the same day, and share a row.
          const candidates = rows.filter((x) => x.indicator === id && x.area === area && rowHeader(x.period, id) === periodLabel);
          const period = candidates[0]?.period;
          expect(period, `${id} ${periodLabel}`).toBeDefined();
          expect(periodEnd(period), `${id} ${periodLabel} is later than the meeting's period`).toBeLessThanOrEqual(periodEnd(m.period));
          const source = seen(quarterEnd, id, period, area, breakdown);
          expect(source, `${id} ${periodLabel} ${area} ${breakdown}`).toBeDefined();
          const shown = text.split(' revised since this meeting')[0];
          if (/^\[(c|x|z|low|u)\]/.test(shown)) {
            if (shown.startsWith('[x]')) expect(source!.status).toBe('not-available');
            if (shown.startsWith('[c]')) expect(area).toBe('local');
            continue;
          }
          const nOfD = /^([\d,]+) of ([\d,]+)/.exec(shown);
          if (nOfD) {
            expect([Number(nOfD[1].replace(/,/g, '')), Number(nOfD[2].replace(/,/g, ''))]).toEqual([Number(source!.numerator), Number(source!.denominator)]);
          } else {
            expect(numberIn(shown), `${id} ${periodLabel} ${area} ${breakdown}: "${shown}"`).toBeCloseTo(Number(source!.value), Math.min(decimalsOf(id), 4));
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("shows the panel's longest meeting whole: the cover report's 19 measures, in its order, each linked from the table at a glance", () => {
    // The county panel's cover report for 2018/19 Q1 listed these 19 measures, in this order.
    const listed = [
      'assessment-45-days', 'assessment-outcomes', 'cp-plan-rate', 'cp-plans-since-april', 'cin-rate',
      'open-cases-by-category', 'missing-from-home', 'missing-from-care', 'rhi-72-hours', 'rhi-72-hours-care',
      'cse-month-end', 'cla-rate', 'cla-since-april', 'time-in-care-at-exit', 'cla-review-participation',
      'placement-moves-3plus', 'cla-review-timeliness', 'placement-weekly-cost', 'placement-type-mix',
    ];
    const doc = page(out, 'children-and-families-panel/2018-09-13/');
    const glance = [...doc.querySelectorAll('.sc-glance tbody tr')];
    expect(glance.map((tr) => tr.querySelector('th a')!.getAttribute('href'))).toEqual(listed.map((id) => `#${id}`));
    for (const id of listed) {
      const section = doc.getElementById(id)!;
      expect(section, id).not.toBeNull();
      expect(section.querySelector('h2, h3')!.textContent).toBe(indicators.get(id).title);
      expect(section.querySelectorAll('table tbody tr').length, id).toBeGreaterThan(0);
    }
    // Plans and periods of care since 1 April agree with the commentary's figures for the quarter.
    const cla = tableRows(doc.getElementById('cla-since-april')!.querySelector('table')!);
    expect(cla.find((r) => r[0] === '2018/19 Q1')!.slice(1)).toEqual(['98', '96']);
  });

  it('says what changed since the committee last met: movements, targets and revisions', () => {
    const doc = page(out, 'corporate-parenting-board/2019-10-17/');
    const list = (title: string) =>
      [...[...doc.querySelectorAll('h3')].find((h) => h.textContent === title)!.nextElementSibling!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(list('Largest changes')).toHaveLength(3);
    expect(list('Targets')).toContain('Reviews of children in care held on time: ✓ Now met (target of 95% met).');
    // cla-rate December 2018 was published in 2018/19 Q3 and revised in Q4, between the two meetings.
    const original = rows.find((r) => r.indicator === 'cla-rate' && r.period === '2018-12' && r.status !== 'revised')!;
    const revision = rows.find((r) => r.indicator === 'cla-rate' && r.period === '2018-12' && r.status === 'revised')!;
    expect(list('Revised figures')).toContain(
      `Children looked after, rate per 10,000 under-18s, 31 December 2018: was ${original.value} per 10,000, now ${revision.value} per 10,000.`,
    );
  });

  it('carries no style attribute on any element of any page, which the Content-Security-Policy would block', () => {
    expect(inlineStyles(out)).toEqual([]);
  });

  it('ships no script on meeting and indicator pages', () => {
    const pages = [...meetings.filter((m) => !m.draft).map((m) => `${m.committee}/${m.date}/`), ...[...indicators.keys()].map((id) => `indicators/${id}/`)];
    for (const p of pages) {
      const html = readFileSync(join(out, p, 'index.html'), 'utf8');
      // Only a schema.org data block, which browsers never run.
      for (const tag of html.match(/<script[^>]*>/gi) ?? []) expect(tag, p).toBe('<script type="application/ld+json">');
    }
  });

  it('gives every chart a role, a title, a name and a description written from the data', () => {
    const doc = page(out, 'children-and-families-panel/2019-06-13/');
    const svgs = [...doc.querySelectorAll('.sc-chart svg')];
    expect(svgs.length).toBeGreaterThan(10);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      const title = svg.querySelector('title')!;
      expect(svg.getAttribute('aria-labelledby')).toBe(title.id);
      const desc = doc.getElementById(svg.getAttribute('aria-describedby')!)!;
      expect(desc.textContent).toMatch(/latest figure|Figures (for|at)/);
    }
    const cla = doc.querySelector('#cla-rate svg desc')!.textContent!;
    // A count on one day says which day (version 1.1, rule 2).
    expect(cla).toContain('The latest figure, at 31 March 2019');
    expect(cla).toMatch(/than England/);
  });

  it('never shows a count of 1 to 5 children in a table or chart description', () => {
    const small = rows.filter((r) => {
      const ind = indicators.get(r.indicator);
      const children = (ind.counts ?? (ind.unit === 'count' ? 'children' : 'other')) === 'children';
      return r.area === 'local' && ind.unit === 'count' && children && Number(r.value) >= 1 && Number(r.value) <= site.disclosure.suppressUpTo;
    });
    expect(small.length).toBeGreaterThan(3);
    for (const m of meetings.filter((x) => !x.draft)) {
      const doc = page(out, `${m.committee}/${m.date}/`);
      for (const r of small) {
        const section = doc.getElementById(r.indicator);
        if (!section) continue;
        for (const tr of section.querySelectorAll('tbody tr')) {
          if (tr.querySelector('th')!.textContent!.trim() !== rowHeader(r.period, r.indicator)) continue;
          const headers = tableRows(section.querySelector('table')!)[0].slice(1).map((h) => h.replace(/ \([^)]*\)$/, ''));
          const col = headers.findIndex((h) => (r.breakdown ? h === `${indicators.get(r.indicator).categories[r.breakdown]}: ${site.council}` : h === site.council));
          expect(tr.querySelectorAll('td')[col].textContent!.trim(), `${m.committee}/${m.date} ${r.indicator} ${r.period} ${r.breakdown}`).toBe('[c]');
        }
        const desc = section.querySelector('svg desc')?.textContent ?? '';
        if (r.breakdown) {
          const label = indicators.get(r.indicator).categories[r.breakdown];
          expect(desc).not.toMatch(new RegExp(`${label}: ${r.value}\\b`));
        }
      }
    }
  });

  it('publishes every figure in the downloads, suppressed ones as c, and invents none', () => {
    const latest = new Map<string, Row>();
    for (const r of [...rows].sort((a, b) => a.quarterEnd - b.quarterEnd)) latest.set(`${r.indicator}|${r.period}|${r.area}|${r.breakdown}`, r);
    const all = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data', 'all.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(all.length).toBe(latest.size);
    let suppressed = 0;
    for (const d of all) {
      const source = latest.get(`${d.indicator}|${d.period}|${d.area}|${d.breakdown}`);
      expect(source, `invented: ${JSON.stringify(d)}`).toBeDefined();
      if (d.status_symbol === 'c') {
        suppressed++;
        expect(d.area).toBe('local');
        expect(d.value + d.numerator + d.denominator).toBe('');
      } else if (d.status_symbol === 'x') expect(source!.status).toBe('not-available');
      else expect(Number(d.value)).toBe(Number(source!.value));
    }
    expect(suppressed).toBeGreaterThan(5);
    // Each indicator's CSV and JSON hold the same rows as the whole file.
    for (const id of indicators.keys()) {
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data', 'indicators', `${id}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const json = JSON.parse(readFileSync(join(out, 'data', 'indicators', `${id}.json`), 'utf8'));
      expect(csv).toEqual(all.filter((r) => r.indicator === id));
      // The JSON holds the same rows, typed: an empty CSV cell is null, true/false a boolean.
      expect(json.rows.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])))).toEqual(csv);
      expect(json.indicator.title).toBe(indicators.get(id).title);
    }
    const dictionary = JSON.parse(readFileSync(join(out, 'data', 'datapackage.json'), 'utf8'));
    expect(dictionary.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(all[0]));
  });

  it('links every chart on a meeting page to its indicator\'s downloads, and the downloads exist', () => {
    const doc = page(out, 'children-and-families-panel/2019-06-13/');
    const sections = [...doc.querySelectorAll('section.sc-indicator')].filter((sec) => sec.querySelector('svg'));
    expect(sections.length).toBeGreaterThan(5);
    for (const section of sections) {
      const links = [...section.querySelectorAll('.sc-downloads a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual([`/data/indicators/${section.id}.csv`, `/data/indicators/${section.id}.json`, `/data/indicators/${section.id}.xlsx`]);
      for (const href of links) expect(existsSync(join(out, href!))).toBe(true);
    }
  });

  it('publishes each meeting\'s data as that meeting saw it: the history its page shows, every figure of it', () => {
    const m = meetings.find((x) => x.committee === 'corporate-parenting-board' && x.date === '2019-10-17')!;
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data', 'meetings', m.committee, `${m.date}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const end = periodEnd(m.period);
    const quarterEnd = seenQuarterEnd(m);
    expect(csv.length).toBeGreaterThan(50);
    for (const d of csv) {
      expect(periodEnd(d.period)).toBeLessThanOrEqual(end);
      const source = seen(quarterEnd, d.indicator, d.period, d.area, d.breakdown)!;
      if (!['c', 'x'].includes(d.status_symbol)) expect(Number(d.value), `${d.indicator} ${d.period}`).toBe(Number(source.value));
    }
    // Of each indicator, the figures of the last 24 months (monthly and quarterly indicators) or
    // 5 years (annual ones) up to its latest figure the meeting saw, as its page's table shows:
    // all of them, and none older, though the files hold figures from April 2017.
    const doc = page(out, `${m.committee}/${m.date}/`);
    const ids = [...new Set(csv.map((d) => d.indicator))];
    expect(ids.sort()).toEqual([...doc.querySelectorAll('section.sc-indicator')].map((sec) => sec.id).sort());
    let older = 0;
    for (const id of ids) {
      const visible = rows.filter((r) => r.indicator === id && r.quarterEnd <= quarterEnd && periodEnd(r.period) <= end);
      const last = Math.max(...visible.map((r) => periodEnd(r.period)));
      const months = indicators.get(id).frequency === 'annual' ? 60 : 24;
      const inWindow = (period: string) => periodEnd(period) > last - months;
      older += visible.filter((r) => !inWindow(r.period)).length;
      const expected = new Set(visible.filter((r) => inWindow(r.period)).map((r) => `${r.period}|${r.area}|${r.breakdown}`));
      const published = csv.filter((d) => d.indicator === id).map((d) => `${d.period}|${d.area}|${d.breakdown}`);
      expect(published.sort(), id).toEqual([...expected].sort());
    }
    expect(older).toBeGreaterThan(40);
    // The page's tables show the same history: the first and last period of a monthly indicator.
    const monthly = ids.find((id) => indicators.get(id).frequency === 'monthly')!;
    const periods = csv.filter((d) => d.indicator === monthly && d.area === 'local').map((d) => periodEnd(d.period));
    const tableText = doc.querySelector(`section#${monthly} table`)!.textContent!;
    for (const month of [Math.min(...periods), Math.max(...periods)]) expect(tableText).toContain(`${MONTHS[month % 12]} ${Math.floor(month / 12)}`);
    // The whole history stays in the indicator's own download.
    const whole = readFileSync(join(out, 'data', 'indicators', `${monthly}.csv`), 'utf8');
    expect(whole).toContain(`${monthly},2017-04,`);
  });

  it('publishes Atom feeds of meetings that a feed reader understands', () => {
    const feed = parseFeed(readFileSync(join(out, 'feed.xml'), 'utf8'));
    expect(feed.meta.type).toBe('atom');
    const published = meetings.filter((m) => !m.draft).sort((a, b) => (a.date < b.date ? 1 : -1));
    expect(feed.items.map((i) => i.url)).toEqual(published.map((m) => `${site.url}/${m.committee}/${m.date}/`));
    expect(feed.items[0].published!.toISOString()).toBe(`${published[0].date}T00:00:00.000Z`);
    const board = parseFeed(readFileSync(join(out, 'corporate-parenting-board', 'feed.xml'), 'utf8'));
    expect(board.items.length).toBe(published.filter((m) => m.committee === 'corporate-parenting-board').length);
    expect(board.title).toContain('Corporate Parenting Board');
  });
});

describe('the names a committee id may not take', () => {
  // A committee's pages go to /<id>/: every other name the build writes at the top of the site
  // must be refused as a committee id (src/lib/schemas/committee.ts), or a committee named
  // pagefind would write into the search index. A file is covered by its name without the
  // extension (feed.xml by feed, .nojekyll by itself); a route added later fails here, by name, until it is listed.
  it('covers every top-level entry of the built site that is not a committee', () => {
    expect(status, stderr).toBe(0);
    const committees = new Set(readdirSync(join(PROJECT, 'content', 'committees')).map((f) => f.replace(/\.yaml$/, '')));
    const uncovered = readdirSync(out)
      .filter((entry) => !committees.has(entry))
      .filter((entry) => !(RESERVED_ROUTES as readonly string[]).includes(entry.replace(/(?!^)\..*$/, '')));
    expect(uncovered).toEqual([]);
  });
});
