/**
 * The summary `npm run import:ees` prints: what it wrote, revised, left and skipped, with the
 * reason for each skip. Skips are grouped by indicator and reason, so ten years of one reason
 * read as one line.
 */
import type { ImportResult } from './run';
import type { Skip } from './plan';

export function summarise(result: ImportResult): string[] {
  const { plan, written } = result;
  const lines: string[] = [];
  const revised = plan.rows.filter((r) => r.cells.status === 'revised');
  const fresh = plan.rows.length - revised.length;
  if (written.length) {
    lines.push(`Wrote ${fresh} new row${fresh === 1 ? '' : 's'} and ${revised.length} revision${revised.length === 1 ? '' : 's'}:`);
    for (const w of written) lines.push(`  ${w.file}: ${w.rows} row${w.rows === 1 ? '' : 's'}${w.created ? ' (a new file)' : ''}`);
  } else {
    lines.push('Wrote nothing: data/ already has every figure in these files.');
  }
  if (revised.length) {
    lines.push(`Revised ${revised.length} figure${revised.length === 1 ? '' : 's'} DfE has changed:`);
    for (const r of revised) {
      lines.push(`  ${r.cells.indicator} ${r.cells.period} ${r.cells.area ?? 'local'}${r.cells.breakdown ? ` ${r.cells.breakdown}` : ''}: was ${figure(r.was!.cells)} in ${r.was!.file}:${r.was!.line}, now ${figure(r.cells)} in ${r.file}`);
    }
  }
  lines.push(`Left ${plan.left} row${plan.left === 1 ? '' : 's'} that data/ already has with the same figure.`);
  const groups = groupSkips(plan.skipped);
  if (groups.length) {
    lines.push(`Skipped ${plan.skipped.length === 1 ? 'one thing' : `${plan.skipped.length} things`}:`);
    for (const g of groups) lines.push(`  ${g}`);
  }
  for (const n of plan.notes) lines.push(n);
  return lines;
}

/** "87", or with its rank: "87 (rank 45 of 152)", since a rank changes when other councils' figures do. */
function figure(cells: Record<string, string | undefined>) {
  const value = cells.value ?? 'no value';
  return cells.rank ? `${value} (rank ${cells.rank} of ${cells.outOf})` : value;
}

function groupSkips(skips: Skip[]): string[] {
  const groups = new Map<string, { indicator: string; reason: string; areas: Set<string>; periods: Set<string> }>();
  for (const s of skips) {
    const key = `${s.indicator}\u0000${s.reason}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { indicator: s.indicator, reason: s.reason, areas: new Set(), periods: new Set() }));
    if (s.area) g.areas.add(s.area);
    if (s.period) g.periods.add(s.period);
  }
  return [...groups.values()].map((g) => {
    const periods = [...g.periods].sort();
    const when = periods.length > 2 ? `${periods[0]} to ${periods.at(-1)}` : periods.join(', ');
    return `${[g.indicator, [...g.areas].join(', '), when].filter(Boolean).join(' ')}: ${g.reason}`;
  });
}
