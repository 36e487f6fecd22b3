/**
 * No suppressed number leaves the site by any route. The leak fixture holds distinctive values
 * that disclosure control must hide (a count of 3 children, a breakdown cell of 1,847 hidden so
 * the 3 cannot be worked out from the total, percentages of 97.26 and 2.74 derived from small
 * counts); every file the build publishes, compressed search index included, is scanned for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { FIXTURES } from './helpers/fixtures';
import { buildSite, page, tableRows } from './helpers/build';
import { unzip } from './helpers/zip';

const out = mkdtempSync(join(tmpdir(), 'scrutineer-leak-'));
let build: ReturnType<typeof buildSite>;
beforeAll(() => {
  build = buildSite(join(FIXTURES, 'sites', 'leak'), out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

/** A published file's text; gzip (Pagefind's index and fragments) and zip (Excel files) are opened first. */
function text(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return [...unzip(bytes).values()].map((b) => b.toString('utf8')).join('\n');
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return raw.toString('latin1');
}

const HIDDEN = [
  { what: 'the breakdown cell hidden to protect the 3 (1,847)', pattern: /(?<![\d.])1,?847(?![\d])/ },
  { what: 'a percentage from 71 of 73 (97.26)', pattern: /97\.26?(?!\d)|\b71 of 73\b/ },
  { what: 'a percentage from 2 of 73 (2.74)', pattern: /(?<![\d.])2\.74?(?!\d)|\b2 of 73\b/ },
];

describe('disclosure control across every published file', () => {
  it('builds', () => expect(build.status, build.stderr).toBe(0));

  it('never publishes a suppressed value, in any file', () => {
    const all = files(out);
    expect(all.some((f) => f.includes(`${join(out, 'pagefind')}`))).toBe(true);
    // The spreadsheets and link preview cards are among the files scanned.
    expect(all.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(2);
    expect(all.filter((f) => f.endsWith('.png')).length).toBeGreaterThan(2);
    const leaks: string[] = [];
    for (const f of all) {
      const t = text(f);
      for (const h of HIDDEN) if (h.pattern.test(t)) leaks.push(`${relative(out, f)}: ${h.what}`);
    }
    expect(leaks).toEqual([]);
  });

  it('still publishes what is not suppressed: England\'s figures and the large counts (the scan can see numbers)', () => {
    const all = files(out).map(text).join('\n');
    expect(all).toMatch(/512,340|512340/);
    expect(all).toMatch(/9,321|9321/);
    // The Excel files hold figures as numbers: the unsuppressed breakdown cell of 27 is in one.
    const sheet = unzip(readFileSync(join(out, 'data', 'indicators', 'open-cases.xlsx'))).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toMatch(/<v>27<\/v>/);
  });

  it('shows a suppressed count as [c] in the table, and neither draws nor describes it', () => {
    const doc = page(out, 'panel/2018-10-18/');
    const section = doc.getElementById('cla-starts')!;
    const q2 = tableRows(section.querySelector('table')!).find((r) => r[0] === '2018/19 Q2')!;
    expect(q2[1]).toBe('[c]');
    const svg = section.querySelector('svg')!;
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent!.trim())).not.toContain('4');
    expect(svg.querySelector('desc')!.textContent).toContain('suppressed');
    expect(svg.querySelector('desc')!.textContent).not.toMatch(/\b4\b/);
    // Nor is it in the headline or the at-a-glance table.
    expect(section.querySelector('.sc-headline')!.textContent).not.toMatch(/\b4\b/);
  });

  it('writes suppressed values as c in the downloads, without their value, numerator and denominator', () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data', 'all.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const cell = (indicator: string, period: string, breakdown = '') => csv.find((r) => r.indicator === indicator && r.period === period && r.breakdown === breakdown && r.area === 'local')!;
    expect(cell('cla-starts', '2018/19 Q2')).toMatchObject({ value: '', status_symbol: 'c' });
    expect(cell('open-cases', '2018/19 Q1', 'disability')).toMatchObject({ value: '', status_symbol: 'c' });
    expect(cell('open-cases', '2018/19 Q1', 'family')).toMatchObject({ value: '', status_symbol: 'c' });
    expect(cell('open-cases', '2018/19 Q2', 'disability')).toMatchObject({ value: '27', status_symbol: '' });
    const rhi = cell('rhi-72-hours', '2018/19 Q2');
    expect([rhi.value, rhi.numerator, rhi.denominator, rhi.status_symbol, rhi.numerator_symbol, rhi.denominator_symbol]).toEqual(['', '', '', 'c', 'c', 'c']);
  });
});
