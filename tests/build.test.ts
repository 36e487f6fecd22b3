import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { MINIMAL, PROJECT, siteWith, FIXTURES } from './helpers/fixtures';
import { spawnSync } from 'node:child_process';
import { buildSite, cleanEnv, page, tableRows } from './helpers/build';

const out = mkdtempSync(join(tmpdir(), 'scrutineer-dist-'));
let build: ReturnType<typeof buildSite>;

beforeAll(() => {
  build = buildSite(MINIMAL, out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The processes (by id) of a build of `out` that are still running: those whose SCRUTINEER_OUT is its staging folder. */
function processesBuilding(out: string): number[] {
  const ids: number[] = [];
  for (const id of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${id}/environ`, 'latin1').includes(`SCRUTINEER_OUT=${out}.building-`)) ids.push(Number(id));
    } catch {
      // Ended meanwhile, or not ours to read.
    }
  }
  return ids;
}

const tableOf = (doc: Document, id: string) => doc.querySelector(`#${id} table`)!;

describe('building the minimal site', () => {
  it('succeeds and publishes a page for every meeting, committee and indicator', () => {
    expect(build.status, build.stderr).toBe(0);
    for (const path of [
      'index.html',
      'panel/index.html',
      'panel/2018-07-20/index.html',
      'panel/2018-10-25/index.html',
      'indicators/index.html',
      'indicators/assessment-45-days/index.html',
      'indicators/cla-rate/index.html',
      'indicators/open-cases/index.html',
      'actions/index.html',
      'glossary/index.html',
      '404.html',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
  });

  it('shows a meeting only the data up to its period', () => {
    const doc = page(out, 'panel/2018-07-20/');
    const rows = tableRows(tableOf(doc, 'assessment-45-days'));
    expect(rows.map((r) => r[0])).toEqual(['Period', 'Apr 2018', 'May 2018', 'Jun 2018']);
    const text = doc.querySelector('main')!.textContent!;
    expect(text).not.toMatch(/Jul 2018|Aug 2018|Sep 2018|2018\/19 Q2/);
    expect(text).not.toContain('84.1');
    // A snapshot is dated (version 1.1, rule 2): England's 2017/18 figure is at 31 March 2018.
    expect(tableRows(tableOf(doc, 'cla-rate')).map((r) => r[0])).toEqual(['Date', '31 Mar 2018', '30 Jun 2018']);
  });

  it('shows a figure revised after a meeting as the meeting saw it, marked, with the new value', () => {
    const doc = page(out, 'panel/2018-07-20/');
    const [header, ...rows] = tableRows(tableOf(doc, 'assessment-45-days'));
    // The unit is written once, in the column's header, not in every cell.
    expect(header[1]).toBe('Testshire Council (%)');
    const june = rows.find((r) => r[0] === 'Jun 2018')!;
    expect(june[1]).toMatch(/^77\.7 \(provisional\)/);
    expect(june[1]).toContain('revised since this meeting: now 78.6');
    expect(june[1]).not.toContain('%');
  });

  it('replaces a revised figure on later pages', () => {
    const later = tableRows(tableOf(page(out, 'panel/2018-10-25/'), 'assessment-45-days')).find((r) => r[0] === 'Jun 2018')!;
    expect(later[1]).toMatch(/^78\.6\b/);
    expect(later[1]).not.toContain('77.7');
    const history = page(out, 'indicators/assessment-45-days/');
    const row = tableRows(history.querySelector('#history ~ .sc-table-wrap table')!).find((r) => r[0] === 'Jun 2018')!;
    expect(row[1]).toMatch(/^78\.6\b/);
    expect(history.querySelector('main')!.textContent).toMatch(/first published as 77\.7%.*revised to 78\.6%/);
  });

  it('places indicators in the body where the commentary puts them and the rest before the discussion', () => {
    const doc = page(out, 'panel/2018-07-20/');
    const order = [...doc.querySelectorAll('main h2, main section.sc-indicator')].map((e) => e.id || e.textContent!.trim());
    expect(order.indexOf('cla-rate')).toBeLessThan(order.indexOf('indicators'));
    expect(order.indexOf('assessment-45-days')).toBeGreaterThan(order.indexOf('indicators'));
    expect(order.indexOf('assessment-45-days')).toBeLessThan(order.indexOf('discussion'));
  });

  it('never shows a suppressed count of children', () => {
    const doc = page(out, 'panel/2018-07-20/');
    const q1 = tableRows(tableOf(doc, 'open-cases')).find((r) => r[0] === '30 Jun 2018')!;
    // Disability (3) is suppressed, and family (12) with it so the 3 cannot be worked out.
    expect(q1.slice(1)).toEqual(['40', '[c]', '[c]']);
    expect(doc.querySelector('#open-cases')!.textContent).toContain('suppressed');
  });

  it('lists the resolutions, the actions raised and later progress on them', () => {
    const first = page(out, 'panel/2018-07-20/');
    expect(first.querySelector('.sc-resolutions li')!.textContent).toBe('That the report be noted.');
    expect(first.querySelector('#action-timeliness-plan')!.textContent).toContain('Bring a plan to improve assessment timeliness.');
    const second = page(out, 'panel/2018-10-25/');
    const update = second.querySelector('#updates ~ ul li')!;
    expect(update.textContent).toContain('Done');
    expect(update.querySelector('a')!.getAttribute('href')).toBe('/panel/2018-07-20/#action-timeliness-plan');
  });
});

describe('what changed since the last meeting', () => {
  it('says so at a committee\'s first meeting', () => {
    expect(page(out, 'panel/2018-07-20/').querySelector('#what-changed + p')!.textContent).toContain('first meeting of this committee');
  });

  it('lists figures revised since the previous meeting, as shown then and now', () => {
    const doc = page(out, 'panel/2018-10-25/');
    const section = [...doc.querySelectorAll('h3')].find((h) => h.textContent === 'Revised figures')!;
    expect(section.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Assessments completed within 45 working days, June 2018: was 77.7%, now 78.6%.',
    );
  });
});

describe('a build with bad content', () => {
  it('publishes nothing and leaves the previous site untouched', async () => {
    const site = siteWith(join(FIXTURES, 'bad', 'value-not-number'));
    const previous = mkdtempSync(join(tmpdir(), 'scrutineer-prev-'));
    mkdirSync(join(previous, 'panel'), { recursive: true });
    writeFileSync(join(previous, 'index.html'), 'the site as it was');
    try {
      const result = buildSite(site, previous);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('data/2018-19/q1.csv:3:5: value "82.5%" is not a number; write 82.5');
      expect(readFileSync(join(previous, 'index.html'), 'utf8')).toBe('the site as it was');
      // Astro's process, started while the content was checked, has ended without a trace.
      expect(readdirSync(dirname(previous)).filter((name) => name.startsWith(`${basename(previous)}.`))).toEqual([]);
      for (let i = 0; i < 40 && processesBuilding(previous).length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(processesBuilding(previous)).toEqual([]);
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(previous, { recursive: true, force: true });
    }
  });
});

describe('an output folder whose parent folder does not exist yet', () => {
  it('is built, with the folders above it made', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scrutineer-nested-'));
    try {
      const nested = join(parent, 'sites', '2026', 'dist');
      const result = buildSite(MINIMAL, nested);
      expect(result.status, result.stderr).toBe(0);
      expect(existsSync(join(nested, 'panel', '2018-10-25', 'index.html'))).toBe(true);
      expect(readdirSync(join(parent, 'sites', '2026'))).toEqual(['dist']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('a build run from another folder', () => {
  it('builds the site, with its output outside the project', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'scrutineer-cwd-'));
    try {
      const output = join(elsewhere, 'site');
      const result = spawnSync(process.execPath, [join(PROJECT, 'scripts', 'build.mjs')], {
        cwd: elsewhere,
        env: cleanEnv({ SCRUTINEER_ROOT: MINIMAL, SCRUTINEER_OUT: output, SCRUTINEER_QUIET: '1' }),
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      expect(existsSync(join(output, 'panel', '2018-10-25', 'index.html'))).toBe(true);
      // Nothing of Astro's server build is published.
      expect(readdirSync(output).filter((name) => name.endsWith('.mjs'))).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('a base path', () => {
  it('puts every link under SITE_BASE', () => {
    const based = mkdtempSync(join(tmpdir(), 'scrutineer-base-'));
    try {
      const result = buildSite(MINIMAL, based, { SITE_BASE: '/performance/' });
      expect(result.status, result.stderr).toBe(0);
      const doc = page(based, 'panel/2018-10-25/');
      const hrefs = [...doc.querySelectorAll('a[href^="/"], link[href^="/"]')].map((a) => a.getAttribute('href')!);
      expect(hrefs.length).toBeGreaterThan(5);
      for (const href of hrefs) expect(href.startsWith('/performance/'), href).toBe(true);
    } finally {
      rmSync(based, { recursive: true, force: true });
    }
  });
});
