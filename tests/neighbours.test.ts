/**
 * Statistical neighbours explained (content format 1.1, rule 9) and every comparator drawn: a
 * council that gives only its DfE code gets DfE's default group, named on the indicator page and
 * explained in a glossary entry made for it; a council's own list in site.yaml is named as
 * written, codes resolved to names; an annual indicator with one year draws England, the region
 * and the neighbours as points. Names are read here from DfE's file, not through the site's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { FIXTURES, PROJECT, siteWith } from './helpers/fixtures';
import { buildSite, page } from './helpers/build';
import { neighbourGroup, withNeighboursEntry } from '../src/lib/content/neighbours';
import { neighboursText } from '../src/lib/present/neighbours';
import { DASHES, PALETTE } from '../src/lib/charts/palette';
import type { Site } from '../src/lib/model';

/** DfE's 2025 model, read as a person would: each council's name and its ten neighbours' names. */
function dfeNeighbours(code: number): string[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(PROJECT, 'src/lib/ees/data/sn_model_2025_wide.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const name = new Map(rows.map((r) => [Number(r.old_la_code), r.la_name]));
  const row = rows.find((r) => Number(r.old_la_code) === code)!;
  return Array.from({ length: 10 }, (_, i) => name.get(Number(row[`SN_${i + 1}`]))!);
}

const site = (over: Partial<Site>) => ({ council: 'Testshire Council', title: 't', url: 'https://x.example', comparators: {}, ...over }) as Site;

describe('which councils the neighbours are', () => {
  it("takes DfE's default group for the council's code, closest first", () => {
    const group = neighbourGroup(site({ localAuthority: { oldCode: 885 } }))!;
    expect(group.chosenBy).toBe('dfe');
    expect(group.members.map((m) => m.name)).toEqual(dfeNeighbours(885));
  });

  it("finds the council's code by its name when site.yaml gives only the name", () => {
    expect(neighbourGroup(site({ localAuthority: { name: 'Worcestershire' } }))?.members.map((m) => m.name)).toEqual(dfeNeighbours(885));
  });

  it("names the council's own list as written: codes resolved, names kept, a joint code named by both councils", () => {
    const group = neighbourGroup(site({ comparators: { statisticalNeighbours: { members: [933, 'Warwickshire', '314 / 318', 999], source: 'Our own list, 2024' } } }))!;
    expect(group).toEqual({
      chosenBy: 'council',
      source: 'Our own list, 2024',
      members: [{ code: 933, name: 'Somerset' }, { name: 'Warwickshire' }, { name: 'Kingston upon Thames and Richmond upon Thames' }, { code: 999, name: 'the council with DfE code 999' }],
    });
  });

  it('says so when site.yaml gives neither a list nor the council', () => {
    expect(neighbourGroup(site({}))).toBeUndefined();
    expect(neighboursText(undefined, 'statistical neighbours', 'Testshire Council').lead).toMatch(/does not say which councils/);
  });
});

describe('the glossary entry', () => {
  const group = neighbourGroup(site({ localAuthority: { oldCode: 885 } }));
  it('is made when the glossary lacks one: what the group is, who chose it, that the figure is their mean', () => {
    const [entry] = withNeighboursEntry([], site({}), group);
    expect(entry.term).toBe('Statistical neighbours');
    expect(entry.definition).toMatch(/^The ten councils most like Testshire Council in their population/);
    expect(entry.definition).toMatch(/chosen by the Department for Education's statistical neighbour model/);
    expect(entry.definition).toMatch(/the mean \(simple average\) of the ten councils' own figures/);
  });

  it("keeps the author's own entry, under this name or the site's name for the group", () => {
    const own = [{ term: 'Similar councils', definition: 'Ours.' }];
    expect(withNeighboursEntry(own, site({ comparators: { statisticalNeighbours: { name: 'Similar councils' } } }), group)).toBe(own);
    const plain = [{ term: 'statistical neighbours', definition: 'Ours.' }];
    expect(withNeighboursEntry(plain, site({}), group)).toBe(plain);
  });
});

describe('a built site whose neighbours are DfE’s default group', () => {
  const root = siteWith(join(FIXTURES, 'overlays', 'neighbours'));
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-neighbours-'));
  let build: ReturnType<typeof buildSite>;
  beforeAll(() => {
    build = buildSite(root, out);
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });
  const indicator = () => page(out, 'indicators/care-leavers-accommodation/');

  it('builds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it('names the ten councils on the indicator page, under a heading, as a list', () => {
    const doc = indicator();
    const heading = doc.getElementById('neighbours')!;
    expect(heading.tagName).toBe('H2');
    const list = doc.querySelector('.sc-neighbours')!;
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(dfeNeighbours(885));
    expect(heading.nextElementSibling!.textContent).toMatch(/mean of these ten councils' figures.*The Department for Education chose them/);
  });

  it('explains the group in the glossary, and the indicator page links to it', () => {
    const glossary = page(out, 'glossary/');
    const dt = [...glossary.querySelectorAll('dt')].find((d) => d.textContent === 'Statistical neighbours')!;
    expect(dt.nextElementSibling!.textContent).toMatch(/mean \(simple average\) of the ten councils' own figures/);
    expect(indicator().querySelector(`a[href$="glossary/#${dt.id}"]`)).not.toBeNull();
  });

  it("draws every comparator of a single year's chart, in the wide and the narrow drawing", () => {
    const charts = [...indicator().querySelectorAll('.sc-chart svg')];
    expect(charts).toHaveLength(2);
    for (const svg of charts) {
      for (const role of ['england', 'region', 'statistical-neighbours'] as const) {
        const marks = [...svg.querySelectorAll(`g[stroke="${PALETTE[role]}"][stroke-dasharray="${DASHES[role]}"] > path[transform]`)];
        expect(marks.map((m) => m.getAttribute('d')), role).toEqual(['M-12,0L12,0']);
      }
    }
  });
});
