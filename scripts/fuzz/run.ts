/**
 * The content fuzzer's engine: applies seeded random mutations (mutations.ts) to a copy of a
 * content set, one at a time, validates each with the same loadContent that `npm run check` and
 * `npm run build` use, and classifies what happened. A few mutated copies are also built with the
 * real build script, to show the build agrees with check and publishes nothing of its environment.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadContent } from '../../src/lib/content/load';
import { formatProblem, type Problem } from '../../src/lib/content/problems';
import { mulberry32 } from '../lib/random';
import { KINDS, type MutationKind, type Rng, type Target } from './mutations';

export type Outcome = 'caught-with-location' | 'caught-elsewhere' | 'accepted-correctly' | 'false-alarm' | 'silently-accepted' | 'crashed';

export interface Trial {
  kind: string;
  harmful: boolean;
  file: string;
  line?: number;
  outcome: Outcome;
  /** The first message, or the crash. */
  detail?: string;
  /** How many messages check gave: one mistake should give one. */
  messages: number;
  /** The mutated text, to build it again. */
  text: string;
  /** The change on disk, for a kind that makes one (mutations.ts, Change.disk). */
  disk?: (path: string) => void;
}

export interface BuildCheck {
  kind: string;
  file: string;
  /** What went wrong; undefined when the build agreed with check and leaked nothing. */
  problem?: string;
}

export interface FuzzOptions {
  /** The folder holding content/ and data/ to copy. */
  source: string;
  seed: number;
  /** Stop starting new mutations after this many seconds. */
  seconds?: number;
  /** At most this many mutations; default: no limit but time. */
  count?: number;
  /** How many mutated copies to build with scripts/build.mjs. */
  builds?: number;
  /** Only these kinds (all when absent). */
  kinds?: string[];
  log?: (line: string) => void;
}

export interface FuzzReport {
  trials: Trial[];
  builds: BuildCheck[];
  /** Crashes, harmful kinds accepted, and builds that disagreed with check: a failed round. */
  failures: string[];
}

const TARGET_FILES: Record<Target, RegExp> = {
  'meeting-body': /^content\/meetings\/.+\.mdx$/,
  'meeting-file': /^content\/meetings\/.+\.mdx$/,
  'front-matter': /^content\/meetings\/.+\.mdx$/,
  csv: /^data\/.+\.csv$/,
  indicator: /^content\/indicators\/.+\.yaml$/,
};

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = join(dir, n);
      return statSync(full).isDirectory() ? listFiles(full, root) : [relative(root, full).split(sep).join('/')];
    });
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What check's answer means for a mutation of this kind. */
export function classify(kind: MutationKind, file: string, line: number | undefined, problems: Problem[]): Outcome {
  if (!problems.length) return kind.expect === 'accept' ? 'accepted-correctly' : 'silently-accepted';
  if (kind.expect === 'accept') return 'false-alarm';
  return problems.some((p) => p.file === file && (line === undefined || p.line === line)) ? 'caught-with-location' : 'caught-elsewhere';
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const rng = mulberry32(options.seed);
  const copy = mkdtempSync(join(tmpdir(), 'scrutineer-fuzz-'));
  const trials: Trial[] = [];
  const builds: BuildCheck[] = [];
  try {
    for (const part of ['content', 'data']) cpSync(join(options.source, part), join(copy, part), { recursive: true });
    const files = listFiles(copy);
    const before = await loadContent(copy);
    if (before.problems.length) throw new Error(`the content to fuzz is not valid to start with:\n${before.problems.map(formatProblem).join('\n')}`);

    const kinds = KINDS.filter((k) => !options.kinds || options.kinds.includes(k.kind));
    const deadline = Date.now() + (options.seconds ?? Infinity) * 1000;
    const limit = options.count ?? Infinity;
    // Every kind once per round, in a seeded order, so a short round still covers them all.
    outer: for (;;) {
      for (const kind of shuffle(kinds, rng)) {
        if (trials.length >= limit || Date.now() >= deadline) break outer;
        const candidates = files.filter((f) => TARGET_FILES[kind.target].test(f));
        let applied: { file: string; original: string; text: string; line?: number; disk?: (path: string) => void } | undefined;
        for (let attempt = 0; attempt < 5 && !applied; attempt++) {
          const file = candidates[Math.floor(rng() * candidates.length)];
          const original = readFileSync(join(copy, file), 'utf8');
          const change = kind.apply(original, rng);
          if (change && (change.disk || change.text !== original)) applied = { file, original, ...change };
        }
        if (!applied) continue;
        const { file, original, text, line, disk } = applied;
        place(join(copy, file), text, disk);
        let trial: Trial;
        try {
          const { problems } = await loadContent(copy);
          const outcome = classify(kind, file, line, problems);
          trial = { kind: kind.kind, harmful: kind.harmful, file, line, outcome, detail: problems.map(formatProblem).join('\n') || undefined, messages: problems.length, text, disk };
        } catch (error) {
          trial = { kind: kind.kind, harmful: kind.harmful, file, line, outcome: 'crashed', detail: error instanceof Error ? (error.stack ?? error.message) : String(error), messages: 0, text, disk };
        } finally {
          place(join(copy, file), original);
        }
        trials.push(trial);
        log(`${trial.outcome.padEnd(20)} ${trial.kind} ${trial.file}${trial.line ? `:${trial.line}` : ''}`);
      }
      if (!kinds.length) break;
    }

    // Build a few, of different kinds: accepted and refused in turn, so both directions of
    // "the build agrees with check" are shown.
    const firstOfEachKind = (keep: (t: Trial) => boolean) => [...new Map(trials.filter(keep).map((t) => [t.kind, t])).values()];
    const accepted = firstOfEachKind((t) => t.outcome === 'silently-accepted' || t.outcome === 'accepted-correctly');
    const refused = firstOfEachKind((t) => t.outcome === 'caught-with-location' && t.harmful);
    const toBuild = accepted.flatMap((t, i) => [t, refused[i]]).concat(refused.slice(accepted.length)).filter(Boolean).slice(0, options.builds ?? 0);
    for (const trial of toBuild) {
      const check = buildMutated(copy, trial);
      builds.push(check);
      log(`build ${check.problem ? `FAILED: ${check.problem}` : 'agreed with check'}: ${trial.kind} ${trial.file}`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }

  const failures = [
    ...trials.filter((t) => t.outcome === 'crashed').map((t) => `${t.kind}: crashed on ${t.file}: ${t.detail}`),
    ...trials.filter((t) => t.outcome === 'silently-accepted' && t.harmful).map((t) => `${t.kind}: silently accepted in ${t.file}${t.line ? ` (line ${t.line})` : ''}`),
    ...builds.filter((b) => b.problem).map((b) => `${b.kind}: the build disagreed with check on ${b.file}: ${b.problem}`),
  ];
  return { trials, builds, failures };
}

/** Writes a file's text, or makes a kind's change on disk in its place (a link, say). */
function place(path: string, text: string, disk?: (path: string) => void) {
  rmSync(path, { force: true });
  if (disk) disk(path);
  else writeFileSync(path, text);
}

const CANARY = 'fuzzcanary9z1';

/** Builds the copy with one mutation applied; the build must agree with check and leak nothing. */
function buildMutated(copy: string, trial: Trial): BuildCheck {
  const path = join(copy, trial.file);
  const original = readFileSync(path, 'utf8');
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-fuzz-out-'));
  place(path, trial.text, trial.disk);
  try {
    const project = join(import.meta.dirname, '..', '..');
    const result = spawnSync(process.execPath, [join(project, 'scripts', 'build.mjs')], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, SCRUTINEER_ROOT: copy, SCRUTINEER_OUT: join(out, 'dist'), SCRUTINEER_QUIET: '1', FUZZ_CANARY: CANARY, GITHUB_TOKEN: `${CANARY}-token` },
    });
    const accepted = trial.outcome === 'accepted-correctly' || trial.outcome === 'silently-accepted';
    if (accepted && result.status !== 0) return { kind: trial.kind, file: trial.file, problem: `check accepted it but the build failed:\n${result.stdout}${result.stderr}` };
    if (!accepted && result.status === 0) return { kind: trial.kind, file: trial.file, problem: 'check refused it but the build published it' };
    if (!accepted && trial.detail && !result.stdout.includes(trial.detail.split('\n')[0])) return { kind: trial.kind, file: trial.file, problem: `the build did not print check's message "${trial.detail}"` };
    if (result.status === 0) {
      const leaked = listFiles(join(out, 'dist')).filter((f) => {
        const bytes = readFileSync(join(out, 'dist', f));
        return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).includes(CANARY);
      });
      if (leaked.length) return { kind: trial.kind, file: trial.file, problem: `the build's environment reached ${leaked.join(', ')}` };
    }
    if (result.stderr.match(/^\s+at .*:\d+:\d+\)?$/m)) return { kind: trial.kind, file: trial.file, problem: `the build printed a stack trace:\n${result.stderr}` };
    return { kind: trial.kind, file: trial.file };
  } finally {
    place(path, original);
    rmSync(out, { recursive: true, force: true });
  }
}

/** A table of outcomes by kind, for people. */
export function summarise(report: FuzzReport): string {
  const outcomes: Outcome[] = ['caught-with-location', 'caught-elsewhere', 'accepted-correctly', 'false-alarm', 'silently-accepted', 'crashed'];
  const byKind = new Map<string, { harmful: boolean; counts: Record<string, number> }>();
  for (const t of report.trials) {
    const entry = byKind.get(t.kind) ?? { harmful: t.harmful, counts: {} };
    entry.counts[t.outcome] = (entry.counts[t.outcome] ?? 0) + 1;
    byKind.set(t.kind, entry);
  }
  const short = ['located', 'elsewhere', 'accepted', 'false-alarm', 'SILENT', 'CRASHED'];
  const lines = [`${'kind'.padEnd(28)} ${'harm'.padEnd(5)} ${short.map((s) => s.padStart(12)).join('')}`];
  for (const [kind, { harmful, counts }] of [...byKind].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`${kind.padEnd(28)} ${(harmful ? 'yes' : '').padEnd(5)} ${outcomes.map((o) => String(counts[o] ?? '').padStart(12)).join('')}`);
  }
  const total = (o: Outcome) => report.trials.filter((t) => t.outcome === o).length;
  lines.push('', `${report.trials.length} mutations of ${byKind.size} kinds: ${outcomes.map((o) => `${total(o)} ${o}`).join(', ')}.`);
  if (report.builds.length) lines.push(`${report.builds.length} built: ${report.builds.filter((b) => !b.problem).length} agreed with check and published nothing of the environment.`);
  for (const t of report.trials.filter((t) => t.outcome === 'caught-elsewhere' || t.outcome === 'false-alarm')) lines.push(`note: ${t.outcome} ${t.kind} ${t.file}${t.line ? `:${t.line}` : ''}: ${t.detail}`);
  return lines.join('\n');
}
