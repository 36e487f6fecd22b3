/**
 * Which councils the statistical neighbours are, and who chose them (content format 1.1, rule 9):
 * `comparators.statisticalNeighbours.members` in `site.yaml` (the council's own list), or DfE's
 * default group for `localAuthority` (its latest statistical neighbour model). Resolved once, when
 * the content is loaded, so pages name the ten councils without reading DfE's files themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { GROUPING_2021, LATEST_GROUPING } from '../ees/groupings';
import type { GlossaryEntry, NeighbourGroup, Site } from '../model';
import { termKey } from '../term-key';

/** DfE's files hold each council's name beside its old LA code; the 2025 model first. */
const NAME_COLUMNS = [
  { file: LATEST_GROUPING.file, code: 'old_la_code', name: 'la_name' },
  { file: GROUPING_2021.file, code: 'LA num', name: 'LA Name' },
];

/**
 * DfE's files, in src/lib/ees/data beside the importer. When Astro bundles this module (a build
 * given no validated content) it runs from .astro/, so the project's copy is found from the
 * working directory, where every build runs.
 */
function dataFile(file: string): string[][] {
  const dirs = [join(import.meta.dirname, '..', 'ees', 'data'), join(process.cwd(), 'src', 'lib', 'ees', 'data')];
  const path = dirs.map((d) => join(d, file)).find((p) => existsSync(p)) ?? join(dirs[0], file);
  // Read as rows of cells: the 2021 file repeats a heading ("SNP"), which header mode renames aloud.
  return Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.map((row) => row.map((c) => c.trim()));
}

let names: Map<number, string> | undefined;

/** Old LA code to the council's name, from the groupings shipped in src/lib/ees/data. */
function councilNames(): Map<number, string> {
  if (names) return names;
  names = new Map();
  for (const { file, code, name } of NAME_COLUMNS) {
    const [header, ...rows] = dataFile(file);
    const at = { code: header.indexOf(code), name: header.indexOf(name) };
    for (const row of rows) {
      const n = Number(row[at.code]);
      if (Number.isInteger(n) && row[at.name] && !names.has(n)) names.set(n, row[at.name]);
    }
  }
  return names;
}

/** DfE's default group for a council: its ten neighbours in the 2025 model, closest first. */
function dfeGroup(code: number): number[] | undefined {
  const [header, ...rows] = dataFile(LATEST_GROUPING.file);
  const fields = rows.find((row) => Number(row[header.indexOf(LATEST_GROUPING.code)]) === code);
  if (!fields) return undefined;
  const row = Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  return LATEST_GROUPING.neighbours(row).map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

const CODE_LIST = /^\d{3}(?:\s*\/\s*\d{3})+$/;

/**
 * One member as site.yaml writes it: an old LA code (885), a name ("Worcestershire"), or DfE's
 * joint code ("314 / 318", rule 9), named by each of its councils.
 */
function member(written: number | string, known: Map<number, string>): { code?: number; name: string } {
  if (typeof written === 'number') return { code: written, name: known.get(written) ?? `the council with DfE code ${written}` };
  if (CODE_LIST.test(written.trim())) {
    const codes = written.split('/').map((c) => Number(c.trim()));
    return { name: codes.map((c) => known.get(c) ?? String(c)).join(' and ') };
  }
  return { name: written.trim() };
}

/** The council's old LA code: `localAuthority.oldCode`, or found by its name in DfE's files. */
function ownCode(site: Site, known: Map<number, string>): number | undefined {
  const la = site.localAuthority;
  if (la?.oldCode) return la.oldCode;
  const name = la?.name?.toLowerCase();
  return name ? [...known].find(([, n]) => n.toLowerCase() === name)?.[0] : undefined;
}

/** The site's statistical neighbours, or undefined when site.yaml gives neither list nor council. */
export function neighbourGroup(site: Site): NeighbourGroup | undefined {
  const listed = site.comparators?.statisticalNeighbours;
  if (!listed?.members && !site.localAuthority) return undefined;
  const known = councilNames();
  if (listed?.members) {
    return { chosenBy: 'council', ...(listed.source && { source: listed.source }), members: listed.members.map((m) => member(m, known)) };
  }
  const code = ownCode(site, known);
  const codes = code === undefined ? undefined : dfeGroup(code);
  if (!codes) return undefined;
  return { chosenBy: 'dfe', source: listed?.source ?? LATEST_GROUPING.source, members: codes.map((c) => member(c, known)) };
}

export const NEIGHBOURS_TERM = 'Statistical neighbours';

/** The glossary entry that explains the group: the author's, or the one generated. */
export function neighboursEntry(glossary: readonly GlossaryEntry[], site: Site): GlossaryEntry | undefined {
  const own = site.comparators?.statisticalNeighbours?.name;
  const keys = new Set([NEIGHBOURS_TERM, 'Statistical neighbour', ...(own ? [own] : [])].map(termKey));
  return glossary.find((g) => keys.has(termKey(g.term)));
}

/** Who chose the group, in the words of a sentence that begins "chosen by". */
function chooser(group: NeighbourGroup, council: string) {
  return group.chosenBy === 'dfe'
    ? `the Department for Education's statistical neighbour model, which finds for every council the ten most like it`
    : council;
}

/**
 * The glossary entry a site needs when it shows statistical neighbours and its glossary does not
 * explain them (an extension: rule 9 asks every such site to say what the group is, who chose it,
 * and that the figure is their mean). A term the author wrote, under this name or the site's own
 * name for the group, is kept as it is.
 */
export function withNeighboursEntry(glossary: GlossaryEntry[], site: Site, group: NeighbourGroup | undefined): GlossaryEntry[] {
  if (neighboursEntry(glossary, site)) return glossary;
  const count = group ? `${group.members.length === 10 ? 'ten' : group.members.length}` : 'ten';
  const chosen = group ? `, chosen by ${chooser(group, site.council)}` : '';
  const definition =
    `The ${count} councils most like ${site.council} in their population and their social and economic make-up${chosen}. Their figure is the mean (simple average) of the ${count} councils' own figures, ` +
    `leaving out any council with no figure that year, and is a fairer comparison than England as a whole.` +
    (group ? ` Each indicator's page names the councils.${group.source ? ` Source of the list: ${group.source}.` : ''}` : '');
  return [...glossary, { term: NEIGHBOURS_TERM, definition }];
}
