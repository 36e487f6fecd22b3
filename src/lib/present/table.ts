/**
 * Table models: the numbers of one indicator arranged for a `<table>`, each cell already
 * disclosure-controlled and formatted. Components only render these; no page does arithmetic.
 */
import type { Area, Indicator, Observation } from '../model';
import type { Cell } from '../data-index';
import { formatNOfD, formatNumber, formatSymbol, shownDecimals, SYMBOL_ORDER, type DisclosureSymbol, type DisplayValue, unitLabel } from '../stats/format';
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

/**
 * A cell's figure without its unit: the column header carries the unit once ("England (rate per
 * 10,000 children)"), so the cells read "54", not "54 per 10,000" in every row.
 */
export function cellText(indicator: Pick<Indicator, 'unit' | 'decimals'>, cell: DisplayValue): string {
  if (cell.symbol) return formatSymbol(cell.symbol);
  if (cell.nOfD) return formatNOfD(cell.nOfD.n, cell.nOfD.d);
  if (cell.value === null) return formatSymbol('x');
  // At the precision the series was published with (stats/format.ts, shownDecimals).
  return formatNumber(cell.value, shownDecimals(indicator, cell.precision));
}

/**
 * Roughly how wide (CSS px) a table must be to show every column without a sideways scroll:
 * each column as wide as its longest unbreakable piece of text (a figure, or the longest word of
 * its header), plus the cell padding, with room for WCAG 1.4.12's extra letter and word spacing.
 * Pages lay a table out as cards, one per row, in a narrower container (see site.css).
 */
export function tableMinWidth(headers: string[][], fontSize = 16): number {
  const perChar = fontSize * 0.62 * 1.2;
  return Math.ceil(headers.reduce((sum, texts) => sum + Math.max(0, ...texts.map((t) => t.length)) * perChar + fontSize, 0));
}

/** The longest unbreakable pieces of each column of a table model: header words and figures. */
export function tableColumnPieces(table: TableModel): string[][] {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const first = [...words(table.rowHeader), ...table.rows.map((r) => r.header)];
  return [
    first,
    ...table.columns.map((c, i) => [
      ...words(c.label),
      ...words(`(${table.unit})`),
      ...table.rows.flatMap((r) => {
        const cell = r.cells[i];
        return cell ? [cell.text, ...(cell.provisional ? ['(provisional)'] : [])] : [];
      }),
    ]),
  ];
}

/**
 * The container widths (CSS px) below which site.css lays a table out as cards. A table that
 * needs more than the widest of these is always shown as cards.
 */
export const CARD_BREAKPOINTS = [400, 560, 720, 880] as const;

/** The class that makes a table of this minimum width turn into cards where it would not fit. */
export function cardClass(minWidth: number): string {
  // Narrowest column a page gives a table: 320px less the page's padding.
  if (minWidth <= 288) return 'sc-cards-never';
  const at = CARD_BREAKPOINTS.find((b) => minWidth < b);
  return at ? `sc-cards-${at}` : 'sc-cards-always';
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
      revisedSince = cellText(indicator, now);
    }
    row.cells[columns.findIndex((col) => col.key === columnKey(c.obs))] = {
      text: cellText(indicator, display),
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
