/**
 * Table models: the numbers of one indicator arranged for a `<table>`, each cell already
 * disclosure-controlled and formatted. Components only render these; no page does arithmetic.
 */
import type { Area, Indicator, Observation } from '../model';
import type { Cell } from '../data-index';
import { formatCell, SYMBOL_ORDER, type DisclosureSymbol, type DisplayValue, unitLabel } from '../stats/format';
import type { Period } from '../periods';
import { COMPARATOR_NAMES, type ComparatorNames } from '../stats/compare';
import { whenShort } from '../stats/when';

export interface TableColumn {
  key: string;
  label: string;
}

export interface TableCell {
  text: string;
  display: DisplayValue;
  symbol?: DisclosureSymbol;
  /** Footnote numbers for this cell's notes. */
  notes: number[];
  /** The figure as it stands now, when a later file revised the one shown. */
  revisedSince?: string;
  /** This figure replaced an earlier one. */
  revised: boolean;
  provisional: boolean;
}

export interface TableRow {
  period: Period;
  header: string;
  cells: (TableCell | undefined)[];
}

export interface TableModel {
  caption: string;
  /** Heading of the first column (the row headers). */
  rowHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  notes: { n: number; text: string }[];
  symbols: DisclosureSymbol[];
  /** The unit, for column headers: "%", "rate per 10,000 children". */
  unit: string;
}


export type Disclosed = Map<Observation, DisplayValue>;

/** Builds the table of a series: a row per period, a column per area (or per category). */
export function seriesTable(
  indicator: Indicator,
  cells: Cell[],
  disclosed: Disclosed,
  councilName: string,
  options: { caption?: string; names?: ComparatorNames } = {},
): TableModel {
  const names = options.names ?? COMPARATOR_NAMES;
  const notes = new Map<string, number>();
  const symbols = new Set<DisclosureSymbol>();
  const unit = unitLabel(indicator);
  const breakdown = indicator.categories !== undefined;

  const columnKey = (o: Observation) => (breakdown ? `${o.area}|${o.breakdown}` : o.area);
  const columns: TableColumn[] = [];
  const seenColumns = new Set<string>();
  const areaOrder: Area[] = ['local', 'statistical-neighbours', 'region', 'england'];
  const order: string[] = breakdown
    ? areaOrder.flatMap((a) => Object.keys(indicator.categories!).map((c) => `${a}|${c}`))
    : areaOrder;
  for (const c of cells) seenColumns.add(columnKey(c.obs));
  for (const key of order) {
    if (!seenColumns.has(key)) continue;
    const [area, category] = key.split('|') as [Area, string | undefined];
    const areaName = area === 'local' ? councilName : names.label[area];
    columns.push({ key, label: category ? `${indicator.categories![category]}: ${areaName}` : areaName });
  }

  const rowsByPeriod = new Map<string, TableRow>();
  for (const c of cells) {
    // Rows are keyed by what their header says: a snapshot's quarter to 31 March and England's
    // year to 31 March are counts on the same day, so they share a row.
    const header = whenShort(indicator, c.obs.period);
    let row = rowsByPeriod.get(header);
    if (!row) {
      row = { period: c.obs.period, header, cells: columns.map(() => undefined) };
      rowsByPeriod.set(header, row);
    }
    const display = disclosed.get(c.obs) ?? { value: c.obs.value, ...(c.obs.value === null && { symbol: 'x' as const }) };
    if (display.symbol) symbols.add(display.symbol);
    const cellNotes: number[] = [];
    if (c.obs.note) {
      if (!notes.has(c.obs.note)) notes.set(c.obs.note, notes.size + 1);
      cellNotes.push(notes.get(c.obs.note)!);
    }
    let revisedSince: string | undefined;
    if (c.revisedSince) {
      const now = disclosed.get(c.revisedSince) ?? { value: c.revisedSince.value };
      if (now.symbol) symbols.add(now.symbol);
      revisedSince = formatCell(indicator, now);
    }
    row.cells[columns.findIndex((col) => col.key === columnKey(c.obs))] = {
      text: formatCell(indicator, display),
      display,
      ...(display.symbol && { symbol: display.symbol }),
      notes: cellNotes,
      ...(revisedSince !== undefined && { revisedSince }),
      revised: c.replaced.length > 0 || c.obs.status === 'revised',
      provisional: c.obs.status === 'provisional',
    };
  }
  const rows = [...rowsByPeriod.values()].sort((a, b) => a.period.end - b.period.end || a.period.start - b.period.start);
  return {
    caption: options.caption ?? `${indicator.title} (${unit}), by period`,
    rowHeader: indicator.measure === 'snapshot' && indicator.frequency !== 'monthly' ? 'Date' : 'Period',
    columns,
    rows,
    notes: [...notes.entries()].map(([text, n]) => ({ n, text })),
    symbols: SYMBOL_ORDER.filter((x) => symbols.has(x)),
    unit,
  };
}
