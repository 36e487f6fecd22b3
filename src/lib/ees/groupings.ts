/**
 * DfE's statistical neighbour groupings, shipped in `data/` (see data/README.md): for each
 * council, by old LA code, its ten most similar councils.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export interface Grouping {
  /** What pages and notes say the list is. */
  source: string;
  file: string;
  /** Old LA code to its ten neighbours' old LA codes, closest first. */
  members: Map<number, number[]>;
  /** Old LA code to the council's name, as the file writes it. */
  names: Map<number, string>;
}

/**
 * The folder of DfE's files, beside this module. When Astro bundles it (a build given no
 * validated content) it runs from .astro/, so the project's copy is found from the working
 * directory, where every build runs.
 */
const DATA = [join(import.meta.dirname, 'data'), join(process.cwd(), 'src', 'lib', 'ees', 'data')].find((d) => existsSync(d)) ?? join(import.meta.dirname, 'data');

/** DfE's latest groupings: the 2025 statistical neighbour model. */
export const LATEST_GROUPING = {
  file: 'sn_model_2025_wide.csv',
  source: "DfE statistical neighbour model, 2025 (sn_model_2025_wide.csv)",
  code: 'old_la_code',
  name: 'la_name',
  neighbours: (row: Record<string, string>) => Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`]),
};

/** The earlier groupings, April 2021, kept for councils that still use them. */
export const GROUPING_2021 = {
  file: 'New_Statistical_Neighbour_Groupings_April_2021.csv',
  source: "DfE children's services statistical neighbour benchmarking tool, April 2021",
  code: 'LA num',
  name: 'LA Name',
  // This file repeats the heading "SNP" for each neighbour's closeness, so read it by position.
  neighbours: (_row: Record<string, string>, fields: string[]) => Array.from({ length: 10 }, (_, i) => fields[5 + 2 * i]),
};

const cache = new Map<string, Grouping>();

export function loadGrouping(which: typeof LATEST_GROUPING | typeof GROUPING_2021 = LATEST_GROUPING): Grouping {
  const cached = cache.get(which.file);
  if (cached) return cached;
  const text = readFileSync(join(DATA, which.file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const header = parsed[0].map((h) => h.trim());
  const members = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const fields of parsed.slice(1)) {
    const row = Object.fromEntries(header.map((h, i) => [h, (fields[i] ?? '').trim()]));
    const code = Number(row[which.code]);
    if (!Number.isInteger(code)) continue;
    const list = which.neighbours(row, fields.map((f) => f.trim())).map(Number).filter((n) => Number.isInteger(n) && n > 0);
    if (list.length) members.set(code, list);
    if (row[which.name] && !names.has(code)) names.set(code, row[which.name]);
  }
  const grouping = { source: which.source, file: which.file, members, names };
  cache.set(which.file, grouping);
  return grouping;
}
