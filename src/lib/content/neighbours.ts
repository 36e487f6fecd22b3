/**
 * Which councils the statistical neighbours are, and who chose them (content format 1.1, rule 9):
 * `comparators.statisticalNeighbours.members` in `site.yaml` (the council's own list), or DfE's
 * default group for `localAuthority` (its latest statistical neighbour model). Resolved once, when
 * the content is loaded, so pages name the ten councils without reading DfE's files themselves.
 */
import { GROUPING_2021, LATEST_GROUPING, loadGrouping } from '../ees/groupings';
import type { GlossaryEntry, NeighbourGroup, Site } from '../model';
import { termKey } from '../term-key';

let names: Map<number, string> | undefined;

/** Old LA code to the council's name, from DfE's groupings: the 2025 model's names first. */
function councilNames(): Map<number, string> {
  names ??= new Map([...loadGrouping(GROUPING_2021).names, ...loadGrouping(LATEST_GROUPING).names]);
  return names;
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
  const codes = code === undefined ? undefined : loadGrouping(LATEST_GROUPING).members.get(code);
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
