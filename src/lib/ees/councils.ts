/**
 * Which councils a local authority row of an EES file stands for. Most rows are one council; DfE
 * reports some councils together in some files (the workforce census has Kingston upon Thames and
 * Richmond upon Thames as `314 / 318`, and North and West Northamptonshire as `940 / 941`), with
 * each code and name joined by " / ". Such a joint row stands for either member (content format
 * 1.1, rule 9), and the rows written from it say so.
 */

/** One council of a row: its codes and name as DfE writes them. */
export interface Member {
  oldCode?: number;
  code?: string;
  name?: string;
}

/** What identifies a council: site.yaml's localAuthority, or one entry of `members`. */
export type CouncilRef = { code?: string; oldCode?: number; name?: string };

const SPLIT = /\s*\/\s*/;
export const normName = (s: string) => s.trim().toLowerCase().replace(/^the\s+/, '');
const parts = (text: string | undefined) => (text === undefined ? [] : text.split(SPLIT).filter(Boolean));

// Rows are asked about again and again (every indicator, every year): split each once.
const cache = new WeakMap<Record<string, string>, Member[]>();

/** The councils a row stands for: one, or each member of a joint row, in DfE's order. */
export function membersOf(cells: Record<string, string>): Member[] {
  const cached = cache.get(cells);
  if (cached) return cached;
  const olds = parts(cells.old_la_code);
  const news = parts(cells.new_la_code);
  const names = parts(cells.la_name);
  const n = Math.max(olds.length, news.length, names.length, 1);
  // A list that does not split into as many parts as the others (a name holding "/") is taken whole for each.
  const at = (list: string[], i: number) => (list.length === n ? list[i] : list.length === 1 && n > 1 ? undefined : list[i]);
  const members = Array.from({ length: n }, (_, i) => {
    const old = at(olds, i);
    return { ...(old !== undefined && /^\d+$/.test(old) && { oldCode: Number(old) }), ...(at(news, i) !== undefined && { code: at(news, i) }), ...(at(names, i) !== undefined && { name: at(names, i) }) };
  });
  cache.set(cells, members);
  return members;
}

/** Whether a row is reported jointly for two or more councils. */
export const isJoint = (cells: Record<string, string>) => membersOf(cells).length > 1;

/**
 * Whether a member is the council meant. The most exact key both sides have decides: the new code,
 * then the old code, then the name, so a council renamed since is still found by its code.
 */
export function isCouncil(member: Member, ref: CouncilRef): boolean {
  if (ref.code !== undefined && member.code !== undefined) return member.code === ref.code;
  if (ref.oldCode !== undefined && member.oldCode !== undefined) return member.oldCode === ref.oldCode;
  return ref.name !== undefined && member.name !== undefined && normName(member.name) === normName(ref.name);
}

/** A site.yaml `members` entry (an old LA code or a name) as a reference. */
export const refOf = (m: number | string): CouncilRef => (typeof m === 'number' ? { oldCode: m } : { name: m });

/** Which member of the row is the council meant, or undefined when the row is not for it. */
export const memberFor = (cells: Record<string, string>, ref: CouncilRef) => membersOf(cells).find((m) => isCouncil(m, ref));

/**
 * The council's row among one year's local authority rows: its own row when there is one, else a
 * joint row that stands for it (a file may hold both, and its own is then the exact figure).
 */
export function rowFor<R extends { cells: Record<string, string> }>(rows: Iterable<R>, ref: CouncilRef): R | undefined {
  let joint: R | undefined;
  for (const r of rows) {
    if (!memberFor(r.cells, ref)) continue;
    if (!isJoint(r.cells)) return r;
    joint ??= r;
  }
  return joint;
}

/** "Kingston upon Thames and Richmond upon Thames", for notes. */
export function jointNames(cells: Record<string, string>): string {
  const names = membersOf(cells).map((m, i) => m.name ?? m.code ?? String(m.oldCode ?? `council ${i + 1}`));
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The note on the council's own row, when DfE's figure is a joint one. */
export const jointNote = (cells: Record<string, string>) => `DfE reports ${jointNames(cells)} together; this is their joint figure`;
