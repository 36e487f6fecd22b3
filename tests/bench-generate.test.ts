/** The benchmark's synthetic content: valid, in the real format, and the same on every run. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate } from '../scripts/bench/generate';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-generate-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function snapshot(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}

describe('the synthetic content generator', () => {
  const options = { committees: 2, years: 1.5, indicators: 30 };

  it('writes content that passes check, with the meetings asked for', async () => {
    const dir = fresh();
    const result = generate(dir, options);
    expect(result.meetings).toBe(2 * 6);
    const { problems, content } = await loadContent(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content!.meetings).toHaveLength(12);
    expect(content!.indicators).toHaveLength(30);
    expect(content!.indicators.every((i) => i.frequency === 'monthly')).toBe(true);
  });

  it('includes comparators, breakdowns, revisions, small counts, actions and updates', async () => {
    const dir = fresh();
    generate(dir, { committees: 2, years: 3 });
    const { content } = await loadContent(dir);
    const obs = content!.observations;
    expect(obs.some((o) => o.area === 'england')).toBe(true);
    expect(obs.some((o) => o.area === 'statistical-neighbours')).toBe(true);
    expect(obs.some((o) => o.breakdown !== undefined)).toBe(true);
    expect(obs.some((o) => o.status === 'revised')).toBe(true);
    expect(obs.some((o) => o.status === 'not-available')).toBe(true);
    expect(obs.some((o) => o.area === 'local' && o.value !== null && o.value >= 1 && o.value <= 5 && !o.numerator)).toBe(true);
    expect(content!.meetings.some((m) => m.actions.length > 0)).toBe(true);
    expect(content!.meetings.some((m) => m.updates.length > 0)).toBe(true);
  });

  it('writes the same bytes every time', () => {
    const a = fresh();
    const b = fresh();
    generate(a, options);
    generate(b, options);
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('makes 50, 100 and 200 meetings from years', () => {
    const count = (years: number) => generate(fresh(), { years, indicators: 1 }).meetings;
    expect([count(2.5), count(5), count(10)]).toEqual([50, 100, 200]);
  });
});
