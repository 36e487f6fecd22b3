/**
 * Open data an analyst can load without cleaning. The DfE fixture (real DfE figures, with DfE's
 * symbols c, low and u) is built once; its data package is loaded with Frictionless' own
 * JavaScript library, every CSV read as a typed table, the JSON and Excel downloads opened, and
 * every page checked for its licence, feeds, link preview and structured data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import Papa from 'papaparse';
import { Package } from 'datapackage';
import { readSheet } from 'read-excel-file/node';
import { FIXTURES } from './helpers/fixtures';
import { buildSite, page } from './helpers/build';

const DFE = join(FIXTURES, 'sites', 'dfe-1-1');
const SITE = 'https://performance.example.org.uk';
const OGL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
const out = mkdtempSync(join(tmpdir(), 'scrutineer-open-data-'));
let build: ReturnType<typeof buildSite>;
beforeAll(() => {
  build = buildSite(DFE, out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}
const published = (ext: string) => files(out).filter((f) => f.endsWith(ext)).map((f) => relative(out, f).split(sep).join('/'));
const pages = () => published('index.html').filter((p) => !p.startsWith('pagefind'));
const meetingPages = () => pages().filter((p) => /^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(p));
const indicatorPages = () => pages().filter((p) => /^indicators\/[a-z0-9-]+\/index\.html$/.test(p));
const jsonLd = (doc: Document) => [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
const meta = (doc: Document, property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
/** A published file from its absolute URL on the site. */
const fileOf = (href: string) => join(out, new URL(href, `${SITE}/`).pathname);

describe('open data from the DfE fixture', () => {
  it('builds', () => expect(build.status, build.stderr).toBe(0));

  it('is a valid data package to Frictionless, with every published CSV as a resource, keyed and licensed', async () => {
    const pkg = await Package.load(join(out, 'data', 'datapackage.json'));
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r) => `data/${r.descriptor.path}`).sort()).toEqual(published('.csv').sort());
    expect(published('.csv').filter((p) => p.startsWith('data/meetings/')).length).toBe(3);
    for (const r of pkg.resources) expect(r.descriptor.schema.primaryKey).toEqual(['indicator', 'period', 'area', 'breakdown']);
    expect(pkg.descriptor.licenses).toEqual([{ name: 'OGL-UK-3.0', path: OGL, title: 'Open Government Licence v3.0' }]);
  });

  it('loads every CSV as a typed table: numbers, booleans and nulls, with every symbol kept beside its empty value', async () => {
    const pkg = await Package.load(join(out, 'data', 'datapackage.json'));
    const symbols = new Set<unknown>();
    for (const resource of pkg.resources) {
      // Casting fails on any cell that does not match its type, and on a repeated primary key.
      const rows = await resource.read({ keyed: true, cast: true });
      expect(rows.length, resource.name).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.value === null || typeof row.value === 'number', `${resource.name} ${JSON.stringify(row)}`).toBe(true);
        for (const count of ['numerator', 'denominator', 'rank', 'out_of']) expect(row[count] === null || Number.isInteger(row[count])).toBe(true);
        expect(typeof row.revised).toBe('boolean');
        // A figure is either a number or a symbol saying why there is none.
        expect((row.value === null) !== (row.status_symbol === null) || row.status === 'not-available', JSON.stringify(row)).toBe(true);
        symbols.add(row.status_symbol);
      }
    }
    expect([...symbols].filter(Boolean).sort()).toEqual(['c', 'low', 'u']);
    // Sunderland's no-further-action referrals in 2021/22: c in DfE's file, numerator c too.
    const nfa = (await pkg.resources.find((r) => r.name === 'referrals-nfa')!.read({ keyed: true, cast: true })).find((r) => r.period === '2021/22' && r.area === 'local');
    // Its denominator is hidden with it, and marked so.
    expect(nfa).toMatchObject({ value: null, numerator: null, denominator: null, status_symbol: 'c', numerator_symbol: 'c', denominator_symbol: 'c' });
  });

  it('writes the JSON downloads typed, with the licence', () => {
    const json = JSON.parse(readFileSync(join(out, 'data', 'indicators', 'agency-rate.json'), 'utf8'));
    expect(json.licence).toMatchObject({ name: 'Open Government Licence v3.0', url: OGL });
    for (const row of json.rows) {
      for (const [k, v] of Object.entries(row)) expect(v === null || ['number', 'boolean'].includes(typeof v) || v !== '', `${k} in ${JSON.stringify(row)}`).toBe(true);
      expect(typeof row.revised).toBe('boolean');
    }
    const local = json.rows.filter((r: { area: string }) => r.area === 'local');
    expect(local.map((r: { value: unknown }) => r.value)).toEqual([9.6, 0.9, 1.3, 0.4, null, null, null]);
    expect(local.map((r: { status_symbol: unknown }) => r.status_symbol)).toEqual([null, null, null, null, 'low', 'low', 'low']);
  });

  it('publishes each indicator and meeting as Excel: periods as text, numbers as numbers, symbols explained', async () => {
    expect(published('.xlsx').length).toBe(published('.csv').length - 1);
    const bytes = readFileSync(join(out, 'data', 'indicators', 'agency-rate.xlsx'));
    const data = await readSheet(bytes, 'Data');
    const csv = Papa.parse<string[]>(readFileSync(join(out, 'data', 'indicators', 'agency-rate.csv'), 'utf8'), { skipEmptyLines: true }).data;
    expect(data[0]).toEqual(csv[0]);
    expect(data.length).toBe(csv.length);
    const col = (name: string) => csv[0].indexOf(name);
    const local = data.slice(1).filter((r) => r[col('area')] === 'local');
    // 2024/25 stays text: Excel would otherwise read 2024-25 style periods as dates.
    expect(local.map((r) => r[col('period')])).toEqual(['2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
    expect(local.map((r) => r[col('value')])).toEqual([9.6, 0.9, 1.3, 0.4, 'low', 'low', 'low']);
    const notes = (await readSheet(bytes, 'Notes')).map((r) => r.filter(Boolean).join(' ')).join('\n');
    expect(notes).toContain('Open Government Licence v3.0');
    expect(notes).toMatch(/^low More than 0, but rounds to 0\.$/m);
    expect(notes).toMatch(/^c Suppressed to protect children's privacy: a count of 1 to 5 children/m);
  });

  it('names the licence in the footer of every page, and on the downloads page', () => {
    for (const p of pages()) {
      const link = page(out, p).querySelector('footer a[rel="license"]');
      expect(link?.getAttribute('href'), p).toBe(OGL);
      expect(link?.textContent).toBe('Open Government Licence v3.0');
    }
    expect(page(out, 'data/').getElementById('licence')!.nextElementSibling!.textContent).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
    expect(jsonLd(page(out, 'data/')).find((d) => d['@type'] === 'Dataset')).toMatchObject({ license: OGL, creditText: 'Contains public sector information licensed under the Open Government Licence v3.0.' });
  });

  it('links the site feed from every page, and the committee feed from its committee and meeting pages, visibly too', () => {
    for (const p of pages()) {
      const feeds = [...page(out, p).querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((l) => l.getAttribute('href'));
      expect(feeds[0], p).toBe('/feed.xml');
      const committeeFeed = /^(scrutiny)\//.test(p) ? ['/scrutiny/feed.xml'] : [];
      expect(feeds.slice(1), p).toEqual(committeeFeed);
      for (const f of feeds) expect(existsSync(join(out, f!))).toBe(true);
      if (committeeFeed.length) expect([...page(out, p).querySelectorAll('main a')].map((a) => a.getAttribute('href')), p).toContain('/scrutiny/feed.xml');
    }
  });

  it('gives every meeting and indicator page a 1200x630 PNG link preview, with alt text', () => {
    const cards = [...meetingPages(), ...indicatorPages()];
    expect(cards.length).toBeGreaterThan(5);
    for (const p of cards) {
      const doc = page(out, p);
      const image = meta(doc, 'og:image')!;
      expect(image, p).toMatch(new RegExp(`^${SITE}/cards/.+\\.png$`));
      const png = readFileSync(fileOf(image));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height'), meta(doc, 'og:image:type')]).toEqual(['1200', '630', 'image/png']);
      expect(meta(doc, 'og:image:alt')!.startsWith(`${meta(doc, 'og:title')}.`), p).toBe(true);
      expect(doc.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary_large_image');
    }
    // The March 2025 meeting's card draws its first indicator, as that meeting saw it.
    expect(meta(page(out, 'scrutiny/2025-03-20/'), 'og:image:alt')).toBe(
      'Children, Education and Skills Scrutiny Committee, 20 March 2025. A line chart of Agency social workers, as a share of all social workers, 2019/20 to 2024/25, latest figure (2024/25): more than 0 but so small that it rounds to 0, with England.',
    );
    expect(meta(page(out, 'indicators/agency-rate/'), 'og:image:alt')).toBe(
      'Agency social workers, as a share of all social workers. A line chart of its figures, 2019/20 to 2025/26, latest figure (2025/26): more than 0 but so small that it rounds to 0, with England.',
    );
    expect(meta(page(out, 'data/'), 'og:image')).toBeUndefined();
  });

  it('describes every indicator page as a schema.org Dataset with its licence and downloads', () => {
    for (const p of indicatorPages()) {
      const id = p.split('/')[1];
      const dataset = jsonLd(page(out, p)).find((d) => d['@type'] === 'Dataset');
      expect(dataset, p).toMatchObject({ '@context': 'https://schema.org', license: OGL, url: `${SITE}/indicators/${id}/`, isAccessibleForFree: true });
      expect(dataset.distribution.map((d: { encodingFormat: string }) => d.encodingFormat)).toEqual(['text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      for (const d of dataset.distribution) expect(existsSync(fileOf(d.contentUrl)), d.contentUrl).toBe(true);
      expect(dataset.temporalCoverage).toMatch(/^\d{4}-\d{2}\/\d{4}-\d{2}$/);
    }
  });

  it('gives every page with breadcrumbs a BreadcrumbList that ends with the page itself', () => {
    let checked = 0;
    for (const p of pages()) {
      const doc = page(out, p);
      const crumbs = [...doc.querySelectorAll('nav.sc-crumbs a')];
      const list = jsonLd(doc).find((d) => d['@type'] === 'BreadcrumbList');
      if (!crumbs.length) {
        expect(list, p).toBeUndefined();
        continue;
      }
      checked++;
      const items = list.itemListElement;
      expect(items.map((i: { item: string }) => i.item), p).toEqual([...crumbs.map((a) => `${SITE}${a.getAttribute('href')}`), doc.querySelector('link[rel="canonical"]')!.getAttribute('href')]);
      expect(items.map((i: { position: number }) => i.position)).toEqual(items.map((_: unknown, n: number) => n + 1));
      expect(items.at(-1).name).toBe(meta(doc, 'og:title'));
    }
    expect(checked).toBeGreaterThan(10);
  });
});
