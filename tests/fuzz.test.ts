/**
 * A short seeded round of the content fuzzer (`npm run fuzz`, scripts/fuzz/): every kind of
 * mutation once, on a copy of the sample content, checked with the same validation `check` and
 * the build use, and two mutated copies built for real. It fails on a crash, on a harmful mutation
 * accepted, on a build that disagrees with check, and (stricter than the command) on any mistake
 * reported away from its line or any harmless variation refused.
 */
import { describe, expect, it } from 'vitest';
import { classify, fuzz, summarise, type FuzzReport } from '../scripts/fuzz/run';
import { KINDS } from '../scripts/fuzz/mutations';
import { PROJECT } from './helpers/fixtures';

describe('the content fuzzer', () => {
  let report: FuzzReport;

  it('runs every kind of mutation once on the sample content without a crash or a harmful acceptance', async () => {
    report = await fuzz({ source: PROJECT, seed: 14, count: KINDS.length, builds: 2 });
    expect(report.failures, summarise(report)).toEqual([]);
    expect(new Set(report.trials.map((t) => t.kind))).toEqual(new Set(KINDS.map((k) => k.kind)));
  }, 300_000);

  it('catches every mistake at the line it is on, and accepts every harmless variation', () => {
    const wrong = report.trials.filter((t) => !['caught-with-location', 'accepted-correctly'].includes(t.outcome));
    expect(wrong.map((t) => `${t.outcome} ${t.kind} ${t.file}:${t.line}: ${t.detail}`)).toEqual([]);
  });

  it('gives one message for one mistake in a meeting body, wherever it is put', () => {
    const bodyKinds = new Set(KINDS.filter((k) => k.target === 'meeting-body' && k.expect === 'reject').map((k) => k.kind));
    const knockOn = report.trials.filter((t) => bodyKinds.has(t.kind) && t.messages !== 1);
    expect(knockOn.map((t) => `${t.kind}: ${t.detail}`)).toEqual([]);
  });

  it('built one accepted and one refused copy, and each build agreed with check', () => {
    expect(report.builds).toHaveLength(2);
    expect(report.builds.filter((b) => b.problem)).toEqual([]);
  });

  it('counts a harmful mutation that check accepts as a failure of the round', () => {
    const harmful = KINDS.find((k) => k.kind === 'env-expression')!;
    expect(classify(harmful, 'content/meetings/a/2020-01-01.mdx', 12, [])).toBe('silently-accepted');
    expect(classify(harmful, 'content/meetings/a/2020-01-01.mdx', 12, [{ file: 'content/meetings/a/2020-01-01.mdx', line: 11, column: 1, message: 'x' }])).toBe('caught-elsewhere');
    const bom = KINDS.find((k) => k.kind === 'bom')!;
    expect(classify(bom, 'content/meetings/a/2020-01-01.mdx', undefined, [{ file: 'content/meetings/a/2020-01-01.mdx', line: 1, column: 1, message: 'x' }])).toBe('false-alarm');
  });
});
