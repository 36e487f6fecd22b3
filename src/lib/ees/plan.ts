/**
 * What `npm run import:ees` writes, worked out without touching a file: for every indicator whose
 * `ees.file` names one of the given EES files, every year's rows for the council, England, its
 * region and its statistical neighbours, each placed in a quarter's file and compared with what
 * `data/` already holds. Every problem with the inputs is collected and thrown together (an
 * EesError), so the caller writes nothing when anything is wrong.
 */
import type { Indicator, Site } from '../model';
import type { CsvRow } from '../content/csv-file';
import { SOURCE_SYMBOLS } from '../schemas/data-row';
import { dayName, lastDayOf, monthOfDay, monthYear, observationDay, quarterOf, type Period } from '../periods';
import { MONTHS } from '../schemas/indicator';
import { quarterFile } from '../authoring/new-quarter';
import { byCloseness, nearest } from '../content/suggest';
import type { EesFile } from './file';
import { EesError } from './errors';
import { eesPeriod } from './periods';
import { meanOf, roundTo } from './neighbours';
import type { Grouping } from './groupings';
import { rankAmong } from './rank';
import { isJoint, jointNames, jointNote, memberFor, refOf, rowFor } from './councils';
import type { RowCells } from '../data-file/append';

export type Mode = { quarter: Period } | { backfill: true };

/** A row already in `data/`. */
export interface ExistingRow {
  file: string;
  quarter: Period;
  line: number;
  cells: Record<string, string>;
}

/** The content format's columns of one row, as text. */

export interface PlannedRow {
  file: string;
  quarter: Period;
  cells: RowCells;
  /** For a revision: the figure it replaces and where. */
  was?: { file: string; line: number; cells: Record<string, string> };
}

export interface Skip {
  indicator: string;
  area?: string;
  period?: string;
  reason: string;
}

export interface Plan {
  rows: PlannedRow[];
  /** Rows `data/` already has with the same figure. */
  left: number;
  skipped: Skip[];
  /** Which neighbours were used, and from where. */
  notes: string[];
}

export interface PlanInput {
  site: Site;
  indicators: Indicator[];
  files: EesFile[];
  existing: ExistingRow[];
  mode: Mode;
  /** DfE's groupings, for a council whose site.yaml lists no neighbours. */
  grouping: Grouping;
  /** Where a value of an indicator's file is, for messages: "content/indicators/x.yaml:12:5". */
  locate?: (indicator: Indicator, path: (string | number)[]) => string;
}

const AREA_ORDER = ['local', 'england', 'region', 'statistical-neighbours'] as const;
type AreaName = (typeof AREA_ORDER)[number];
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const WHOLE_RE = /^\d+$/;
const isSymbol = (t: string) => (SOURCE_SYMBOLS as readonly string[]).includes(t);
const norm = (s: string) => s.trim().toLowerCase().replace(/^the\s+/, '');
const isLocal = (c: Record<string, string>) => (c.geographic_level ?? '').toLowerCase() === 'local authority';

/** One row per area and year, picked by filters. */
interface Picked {
  /** `time_identifier|time_period` to the rows of that year, by area key. */
  years: Map<string, { timePeriod: string; timeIdentifier: string; areas: Map<string, CsvRow> }>;
}

/** N (England), R:<region name>, L:<new code, old code or name>; undefined for other levels. */
function areaKey(cells: Record<string, string>): string | undefined {
  const level = (cells.geographic_level ?? '').toLowerCase();
  if (level === 'national') return 'N';
  if (level === 'regional') return `R:${cells.region_name ?? cells.region_code ?? ''}`;
  if (level === 'local authority') return `L:${cells.new_la_code ?? cells.old_la_code ?? cells.la_name ?? ''}`;
  return undefined;
}

function areaName(cells: Record<string, string>) {
  const level = (cells.geographic_level ?? '').toLowerCase();
  if (level === 'national') return 'England';
  if (level === 'regional') return cells.region_name ?? cells.region_code ?? 'a region';
  return cells.la_name ?? cells.new_la_code ?? cells.old_la_code ?? 'a council';
}

export function planImport(input: PlanInput): Plan {
  const { site, files, mode } = input;
  const errors: string[] = [];
  const skipped: Skip[] = [];
  const notes: string[] = [];
  const where = (ind: Indicator, path: (string | number)[]) => input.locate?.(ind, path) ?? ind.file;

  const la = site.localAuthority;
  if (!la || (la.code === undefined && la.oldCode === undefined && la.name === undefined)) {
    throw new EesError([
      'content/site.yaml: has no localAuthority, so the import cannot tell which council is yours; add localAuthority: with code (such as E10000034), oldCode (such as 885) and name, as DfE writes them',
    ]);
  }
  const councilLabel = la.name ?? la.code ?? String(la.oldCode);
  // The council's row may be a joint one (Kingston upon Thames and Richmond upon Thames): either member matches it.
  const isCouncil = (c: Record<string, string>) => isLocal(c) && memberFor(c, la) !== undefined;

  const byName = new Map(files.map((f) => [f.name, f]));
  const withEes = input.indicators.filter((i) => i.ees && byName.has(i.ees.file));
  for (const f of files) {
    if (!withEes.some((i) => i.ees!.file === f.name)) {
      const named = [...new Set(input.indicators.filter((i) => i.ees).map((i) => i.ees!.file))];
      // A browser saves a second download as "name (1).csv": say which name was meant.
      const guess = nearest(f.name, named);
      skipped.push({
        indicator: f.display,
        reason: `no indicator's ees.file names ${f.name}, so nothing was read from it${guess ? `; if it is ${guess}, rename the file to ${guess}.csv` : named.length ? `; the ees blocks name ${named.join(', ')}` : '; add an ees: block to the indicators it publishes'}`,
      });
    }
  }

  // The council's rows, and its region, in each file.
  const councilRegion = new Map<string, string>();
  for (const f of files) {
    if (!withEes.some((i) => i.ees!.file === f.name)) continue;
    const mine = f.rows.filter((r) => isCouncil(r.cells));
    if (!mine.length) {
      const what = la.code !== undefined ? `code ${la.code}` : la.oldCode !== undefined ? `old LA code ${la.oldCode}` : `name ${la.name}`;
      const names = [...new Set(f.rows.filter((r) => (r.cells.geographic_level ?? '').toLowerCase() === 'local authority').map((r) => r.cells.la_name ?? ''))];
      const guess = la.name ? nearest(la.name, names) : undefined;
      errors.push(`${f.display}: no local authority row has the council's ${what} (content/site.yaml localAuthority); check the code against DfE's list${guess ? `; did you mean ${guess}?` : ''}`);
      continue;
    }
    const region = mine.find((r) => r.cells.region_name)?.cells.region_name;
    if (region) councilRegion.set(f.name, region);
    const named = site.comparators?.region;
    if (region && named && norm(named) !== norm(region)) {
      errors.push(`content/site.yaml: comparators.region is "${named}", but ${f.display} puts ${councilLabel} in ${region} (line ${mine[0].line}); write region: ${region}, or remove it`);
    }
  }

  // The neighbours: site.yaml's members, or DfE's latest groupings.
  const listed = site.comparators?.statisticalNeighbours?.members;
  let members: (number | string)[] = [];
  if (listed) {
    members = listed;
    notes.push(`Statistical neighbours: the ${listed.length} listed in content/site.yaml${site.comparators?.statisticalNeighbours?.source ? ` (${site.comparators.statisticalNeighbours.source})` : ''}.`);
  } else {
    const grouping = input.grouping;
    let oldCode = la.oldCode;
    if (oldCode === undefined) {
      for (const f of files) {
        const row = f.rows.find((r) => isCouncil(r.cells) && memberFor(r.cells, la)?.oldCode !== undefined);
        if (row) oldCode = memberFor(row.cells, la)!.oldCode;
        if (oldCode !== undefined) break;
      }
    }
    const list = oldCode !== undefined ? grouping.members.get(oldCode) : undefined;
    if (!list) errors.push(`content/site.yaml: ${councilLabel}${oldCode !== undefined ? ` (old LA code ${oldCode})` : ''} is not in ${grouping.source}; list its neighbours under comparators: statisticalNeighbours: members:`);
    else {
      members = list;
      notes.push(`Statistical neighbours: ${grouping.source}, for old LA code ${oldCode}: ${list.join(', ')}.`);
    }
  }
  const isMember = (c: Record<string, string>, m: number | string) => memberFor(c, refOf(m)) !== undefined;

  // Members that are no council in a file: a typing slip in site.yaml, never silently averaged away.
  // A member missing only in some years is named as the file names it in others.
  const memberNames = new Map<string, Map<number | string, string>>();
  for (const f of files) {
    if (!withEes.some((i) => i.ees!.file === f.name) || !members.length) continue;
    const las = f.rows.filter((r) => isLocal(r.cells));
    const names = new Map<number | string, string>();
    memberNames.set(f.name, names);
    for (const m of members) {
      const row = las.find((r) => isMember(r.cells, m));
      const name = row && memberFor(row.cells, refOf(m))?.name;
      if (name) names.set(m, name);
      if (!row) {
        const guess = typeof m === 'string' ? nearest(m, new Set(las.map((r) => r.cells.la_name ?? ''))) : undefined;
        errors.push(`${f.display}: statistical neighbour ${typeof m === 'number' ? `old LA code ${m}` : `"${m}"`} (${listed ? 'content/site.yaml comparators.statisticalNeighbours.members' : 'DfE\'s groupings'}) is not a council in this file${guess ? `; did you mean ${guess}?` : '; check the code or name'}`);
      }
    }
  }

  const candidates: { ind: Indicator; quarter: Period; cells: RowCells }[] = [];
  for (const ind of withEes) {
    const ees = ind.ees!;
    const f = byName.get(ees.file)!;
    const before = errors.length;
    const needColumn = (column: string, path: (string | number)[]) => {
      if (column in f.columnOf) return true;
      // The time and geography columns are in every EES file and never hold a figure: leave them out.
      const columns = byCloseness(column, f.header.filter((h) => !/^(time_|geographic_level|country|region|old_la|new_la|la_)/.test(h)));
      errors.push(`${f.display}:1: has no column "${column}", which ${where(ind, path)} names${didYouMeanColumn(column, f.header)}; write one of the file's columns exactly as its first row has it, closest first: ${columns.join(', ')}`);
      return false;
    };

    const needValue = (col: string, values: string[], path: (string | number)[]) => {
      const present = new Set(f.rows.map((r) => r.cells[col] ?? ''));
      for (const v of values) {
        if (present.has(v)) continue;
        const guess = nearest(v, present);
        const list = byCloseness(v, [...present].filter(Boolean));
        const holds = list.length <= 12 ? `; the column holds ${list.map((x) => `"${x}"`).join(', ')}` : '';
        errors.push(`${f.display}: no row has ${col} "${v}", which ${where(ind, path)} names${holds}${guess ? `. Did you mean "${guess}"?` : ''}`);
      }
    };

    // Categories: a column per category (value is a map) or a filter value per category.
    const valueMap = typeof ees.value === 'object' ? ees.value : undefined;
    const filterEntries = Object.entries(ees.filters ?? {});
    const categoryFilter = filterEntries.find(([, v]) => typeof v === 'object') as [string, Record<string, string>] | undefined;
    const categories = ind.categories ? Object.keys(ind.categories) : undefined;
    if (categories && !valueMap && !categoryFilter) {
      errors.push(`${where(ind, ['ees'])}: ${ind.id} is broken down by category, but its ees block maps no category; map each category to its column under value:, or to its value under one of filters:`);
      continue;
    }
    if (!categories && (valueMap || categoryFilter)) {
      errors.push(`${where(ind, ['ees', valueMap ? 'value' : 'filters'])}: maps categories, but ${ind.id} has no categories; give one column, or add categories: to the indicator`);
      continue;
    }
    const map = valueMap ?? categoryFilter?.[1];
    for (const c of categories ?? []) {
      if (map && !(c in map)) errors.push(`${where(ind, ['ees', valueMap ? 'value' : 'filters'])}: has no entry for category ${c}; map every category of ${ind.id} (${categories!.join(', ')})`);
    }
    if (map) for (const k of Object.keys(map)) if (!categories!.includes(k)) errors.push(`${where(ind, ['ees', valueMap ? 'value' : 'filters'])}: maps "${k}", which is not a category of ${ind.id}; use one of ${categories!.join(', ')}`);

    // Columns and filter values must exist in the file.
    for (const col of valueMap ? Object.values(valueMap) : [ees.value as string]) needColumn(col, ['ees', 'value']);
    for (const part of ['numerator', 'denominator'] as const) {
      const spec = ees[part];
      if (spec === undefined) continue;
      if (typeof spec === 'string') needColumn(spec, ['ees', part]);
      else {
        needColumn(spec.column, ['ees', part, 'column']);
        for (const [col, v] of Object.entries(spec.filters ?? {})) if (needColumn(col, ['ees', part, 'filters', col])) needValue(col, [v], ['ees', part, 'filters', col]);
      }
    }
    for (const [col, v] of filterEntries) {
      if (needColumn(col, ['ees', 'filters', col])) needValue(col, typeof v === 'object' ? Object.values(v) : [v], ['ees', 'filters', col]);
    }
    if (ees.published === undefined && 'backfill' in mode) {
      errors.push(`${where(ind, ['ees'])}: has no published: month, which --backfill needs to file each year in the quarter DfE published it; add published: November (or the month DfE publishes ${ees.file})`);
    }
    if (errors.length > before) continue;

    const snapshot = ind.snapshotDate;
    const series = (categories ?? [undefined]).map((category) => {
      const filters: Record<string, string> = {};
      for (const [col, v] of filterEntries) filters[col] = typeof v === 'object' ? v[category!] : v;
      const valueColumn = valueMap ? valueMap[category!] : (ees.value as string);
      return { category, filters, valueColumn };
    });

    // Once per indicator: what kinds of row it gets.
    const annual = ind.frequency === 'annual';
    const isCount = ind.unit === 'count';
    if (!annual) skipped.push({ indicator: ind.id, area: 'local', reason: `${ind.id} is ${ind.frequency} and DfE's figures are for years, so the council's own ${ind.frequency} figures stay as they are; only England, region and neighbours were imported` });
    if (isCount) skipped.push({ indicator: ind.id, area: 'england, region, statistical-neighbours', reason: `${ind.id} is a count, and counts are not comparable between areas, so only the council's own rows were imported` });
    const areas = AREA_ORDER.filter((a) => (a === 'local' ? annual : !isCount));

    for (const s of series) {
      const picked = pick(f, s.filters, ind, where, errors);
      const other = (spec: NonNullable<typeof ees.numerator>) => (typeof spec === 'string' ? undefined : pick(f, { ...s.filters, ...(spec.filters ?? {}) }, ind, where, errors));
      const numeratorRows = ees.numerator !== undefined ? other(ees.numerator) : undefined;
      const denominatorRows = ees.denominator !== undefined ? other(ees.denominator) : undefined;
      if (!picked) continue;
      for (const [yearKey, year] of [...picked.years].sort(([, a], [, b]) => a.timePeriod.localeCompare(b.timePeriod))) {
        const p = eesPeriod(year.timePeriod, year.timeIdentifier, snapshot);
        if ('reason' in p) {
          skipped.push({ indicator: ind.id, period: year.timePeriod, reason: p.reason });
          continue;
        }
        const period = p.period;
        const day = observationDay(period, snapshot)!;
        const quarter = targetQuarter(mode, day, ees.published);
        if (!quarter) {
          skipped.push({ indicator: ind.id, period: period.label, reason: `dated ${dayName(day)}, after ${'quarter' in mode ? mode.quarter.label : ''}, the quarter being filled; import it with the quarter DfE published it in` });
          continue;
        }
        const las = [...year.areas.entries()].filter(([k]) => k.startsWith('L:')).map(([, r]) => r);
        const council = rowFor(las, la);
        const cellOf = (row: CsvRow | undefined, spec: typeof ees.numerator, rows: Picked | undefined) => {
          if (spec === undefined || !row) return undefined;
          if (typeof spec === 'string') return row.cells[spec];
          const k = areaKey(row.cells)!;
          return rows?.years.get(yearKey)?.areas.get(k)?.cells[spec.column];
        };
        const push = (area: AreaName, cells: RowCells) => candidates.push({ ind, quarter, cells: { indicator: ind.id, period: period.label, ...(area !== 'local' && { area }), ...(s.category !== undefined && { breakdown: s.category }), ...cells } });

        for (const area of areas) {
          const skip = (reason: string) => skipped.push({ indicator: ind.id, area, period: period.label, reason });
          if (area === 'statistical-neighbours') {
            if (!members.length) continue;
            const found = members.map((m) => {
              const row = rowFor(las, refOf(m));
              const text = row?.cells[s.valueColumn];
              const name = (row && memberFor(row.cells, refOf(m))?.name) ?? memberNames.get(f.name)?.get(m) ?? String(m);
              return { name, text, joint: row && isJoint(row.cells) ? row : undefined, ...(text !== undefined && NUMBER_RE.test(text) && { value: Number(text) }) };
            });
            const values = found.filter((x) => x.value !== undefined).map((x) => x.value!);
            const mean = meanOf(values);
            if (mean === undefined) {
              skip(`none of the ${members.length} statistical neighbours has a figure`);
              continue;
            }
            const missing = found.filter((x) => x.value === undefined);
            const notes = [
              ...(missing.length ? [`Average of ${values.length} of the ${members.length} statistical neighbours; no figure for ${missing.map((x) => `${x.name}${x.text ? ` [${x.text}]` : ''}`).join(', ')}`] : []),
              // A joint figure stands for each member DfE reports in it (rule 9); say whose it is.
              ...found.filter((x) => x.joint && x.value !== undefined).map((x) => `DfE reports ${jointNames(x.joint!.cells)} together; their joint figure stands for ${x.name}`),
            ];
            const note = notes.length ? notes.join('. ') : undefined;
            push(area, { value: roundTo(mean, ind.decimals), ...(note && { note }) });
            continue;
          }
          const row = area === 'local' ? council : area === 'england' ? year.areas.get('N') : year.areas.get(`R:${council?.cells.region_name ?? councilRegion.get(f.name) ?? ''}`);
          if (!row) {
            skip(area === 'local' ? `${f.display} has no row for ${councilLabel} this year` : `${f.display} has no ${area === 'england' ? 'England' : 'regional'} row this year`);
            continue;
          }
          const value = row.cells[s.valueColumn];
          if (value === undefined) {
            skip(`${f.display}:${row.line}: the ${s.valueColumn} cell is empty`);
            continue;
          }
          if (!NUMBER_RE.test(value) && !isSymbol(value)) {
            skip(`${f.display}:${row.line}: ${s.valueColumn} "${value}" is neither a number nor one of DfE's symbols`);
            continue;
          }
          let numerator = cellOf(row, ees.numerator, numeratorRows);
          let denominator = cellOf(row, ees.denominator, denominatorRows);
          const countOk = (t: string | undefined) => t !== undefined && (WHOLE_RE.test(t) || isSymbol(t));
          // The format needs both counts, whole, and a local denominator above 0; otherwise leave them out.
          if (!countOk(numerator) || !countOk(denominator) || (area === 'local' && denominator === '0')) {
            numerator = undefined;
            denominator = undefined;
          }
          const cells: RowCells = { value, ...(numerator !== undefined && { numerator, denominator }), ...(area === 'local' && isJoint(row.cells) && { note: jointNote(row.cells) }) };
          // Counts are not ranked: a large council has more children in every count.
          if (area === 'local' && !isCount && NUMBER_RE.test(value)) {
            const all = las.map((r) => r.cells[s.valueColumn]).filter((t): t is string => t !== undefined && NUMBER_RE.test(t)).map(Number);
            const { rank, outOf } = rankAmong(Number(value), all);
            cells.rank = String(rank);
            cells.outOf = String(outOf);
          }
          push(area, cells);
        }
      }
    }
  }
  if (errors.length) throw new EesError(errors);

  // Against what data/ already holds: left, revised or new.
  const versions = new Map<string, ExistingRow[]>();
  for (const e of input.existing) {
    const k = keyOf(e.cells);
    const list = versions.get(k) ?? [];
    list.push(e);
    versions.set(k, list);
  }
  for (const list of versions.values()) list.sort((a, b) => a.quarter.end - b.quarter.end || a.line - b.line);
  const rows: PlannedRow[] = [];
  let left = 0;
  for (const c of candidates) {
    const file = quarterFile(c.quarter);
    const list = versions.get(keyOf(c.cells));
    const latest = list?.at(-1);
    if (!latest) {
      rows.push({ file, quarter: c.quarter, cells: c.cells });
      continue;
    }
    if (sameFigure(latest.cells, c.cells)) {
      left++;
      continue;
    }
    const blocking = list!.find((v) => v.quarter.end >= c.quarter.end);
    if (blocking) {
      skipped.push({
        indicator: c.ind.id,
        area: c.cells.area ?? 'local',
        period: c.cells.period,
        reason: `${latest.file}:${latest.line} already has ${latest.cells.value ?? 'no value'} where DfE's file has ${c.cells.value}; a revision goes in a later quarter's file than the figure it replaces, so run the import with --quarter for the quarter DfE revised it, or correct the row by hand`,
      });
      continue;
    }
    rows.push({ file, quarter: c.quarter, cells: { ...c.cells, status: 'revised' }, was: { file: latest.file, line: latest.line, cells: latest.cells } });
  }
  return { rows, left, skipped, notes };
}

/** The quarter a row goes in: the one named, or with --backfill the one holding the next `published` month. */
function targetQuarter(mode: Mode, day: number, published: string | undefined): Period | undefined {
  if ('quarter' in mode) return day <= lastDayOf(mode.quarter.end) ? mode.quarter : undefined;
  const want = MONTHS.indexOf(published as (typeof MONTHS)[number]) + 1;
  let m = monthOfDay(day) + 1;
  while (monthYear(m).month !== want) m++;
  return quarterOf(m);
}

function pick(f: EesFile, filters: Record<string, string>, ind: Indicator, where: (i: Indicator, p: (string | number)[]) => string, errors: string[]): Picked | undefined {
  const entries = Object.entries(filters);
  const years: Picked['years'] = new Map();
  let any = false;
  const clashes = new Set<string>();
  for (const row of f.rows) {
    if (!entries.every(([col, v]) => row.cells[col] === v)) continue;
    const area = areaKey(row.cells);
    if (!area) continue;
    any = true;
    const tp = row.cells.time_period ?? '';
    const ti = row.cells.time_identifier ?? '';
    const yk = `${ti}|${tp}`;
    let year = years.get(yk);
    if (!year) years.set(yk, (year = { timePeriod: tp, timeIdentifier: ti, areas: new Map() }));
    const earlier = year.areas.get(area);
    if (earlier) {
      if (clashes.size < 1) {
        const differ = f.header.find((h) => !/^(time_|geographic|country|region|old_la|new_la|la_)/.test(h) && !(h in filters) && (earlier.cells[h] ?? '') !== (row.cells[h] ?? '') && !NUMBER_RE.test(earlier.cells[h] ?? 'x'));
        const shown = entries.length ? `match the filters ${entries.map(([c, v]) => `${c} "${v}"`).join(', ')} of` : 'are picked by';
        errors.push(
          `${f.display}:${row.line}: two rows for ${areaName(row.cells)}, time_period ${tp} (lines ${earlier.line} and ${row.line}), ${shown} the ees block in ${where(ind, ['ees', 'filters'])}; each area and year needs one row, so add a filter that picks one${differ ? `, such as ${differ}: ${earlier.cells[differ]}` : ''}`,
        );
      }
      clashes.add(yk);
      continue;
    }
    year.areas.set(area, row);
  }
  if (!any) {
    errors.push(`${f.display}: no row matches all of ${entries.map(([c, v]) => `${c} "${v}"`).join(', ')} together (${where(ind, ['ees', 'filters'])}); check the filters against the file`);
    return undefined;
  }
  return clashes.size ? undefined : { years };
}

function didYouMeanColumn(column: string, header: string[]) {
  const n = nearest(column, header);
  return n ? ` (did you mean ${n}?)` : '';
}

export const keyOf = (c: Record<string, string | undefined>) => `${c.indicator}|${c.period}|${c.area || 'local'}|${c.breakdown ?? ''}`;

/** The same figure: value, counts and rank, comparing numbers as numbers ("67" and "67.0"). */
function sameFigure(a: Record<string, string | undefined>, b: RowCells) {
  const eq = (x: string | undefined, y: string | undefined) => {
    const p = x ?? '';
    const q = y ?? '';
    return p === q || (NUMBER_RE.test(p) && NUMBER_RE.test(q) && Number(p) === Number(q));
  };
  return (['value', 'numerator', 'denominator', 'rank', 'outOf'] as const).every((k) => eq(a[k], b[k]));
}
