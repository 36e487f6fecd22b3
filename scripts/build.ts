/**
 * `npm run build`: validates the content, then builds the site into a fresh folder and only then
 * swaps it into `dist/`. When validation or the build fails, `dist/` is left exactly as it was:
 * never half written, never published with bad data.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { takeBuildLock } from './lock';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { writeValidatedContent } from '../src/lib/site-data';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = resolve(process.env.SCRUTINEER_ROOT ?? '.');
process.env.SCRUTINEER_ROOT = root;
const projectDir = resolve(import.meta.dirname, '..');
const outDir = resolve(process.env.SCRUTINEER_OUT ?? join(projectDir, 'dist'));

const started = Date.now();
// SCRUTINEER_BUILD_TIMINGS=<file>: write how long each step took, as JSON, for `npm run bench`,
// which must not count the time spent waiting for another build's lock.
const timingsFile = process.env.SCRUTINEER_BUILD_TIMINGS;
const mark = () => performance.now();
const timings: Record<string, number> = { startupMs: mark() };
const { problems, warnings, content } = await loadContent(root);
timings.validateMs = mark() - timings.startupMs;
// Warnings (probably unfinished, not wrong) are shown but do not stop the build; CI's
// `npm run check -- --strict` is where they fail.
for (const w of problems.length ? [] : warnings) console.log(formatProblem(w));
if (problems.length) {
  for (const p of problems) console.log(formatProblem(p));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was published and ${outDir} is unchanged.`);
  process.exit(1);
}

// Build beside the output folder, so the final swap is a rename on one file system.
const staging = `${outDir}.building-${process.pid}`;
const old = `${outDir}.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

// Astro keeps generated modules in the project's .astro/ folder, so two builds of one project at
// once (of different content folders, as tests do) would mix their meetings: take turns.
const waitFrom = mark();
await takeBuildLock(projectDir);
// When the output folder is outside the project, Astro builds its server chunks in the project's
// .astro/ folder and carries what it finds there into the site; `npm run dev` leaves its content
// store there. Start from an empty folder, so nothing of an earlier run is published.
if (!staging.startsWith(projectDir + sep)) rmSync(join(projectDir, '.astro'), { recursive: true, force: true });
timings.lockWaitMs = mark() - waitFrom;

// Astro runs in a process of its own, without tsx (see scripts/astro-build.mjs). It is handed the
// content just validated, so it does not read and check every file a second time, and publishes
// exactly what was checked. Drafts are never built here.
const validated = join(tmpdir(), `scrutineer-validated-${process.pid}.bin`);
writeValidatedContent(validated, { root, drafts: false, content: content! });

const astroFrom = mark();
const status = await new Promise<number>((done) => {
  const child = spawn(process.execPath, [join(projectDir, 'scripts', 'astro-build.mjs')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      SCRUTINEER_OUT: staging,
      // A cache of its own: Astro's content store would otherwise be shared between builds of
      // different content folders (tests run several at once), and mix their meetings.
      SCRUTINEER_CACHE: `${staging}-cache`,
      SCRUTINEER_VALIDATED: validated,
    },
  });
  // Stopped (Ctrl-C, a test runner's timeout): stop Astro too, before the lock is released.
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('error', (error) => {
    console.error(error.message);
    done(1);
  });
  child.on('close', (code, signal) => done(signal ? 1 : (code ?? 1)));
});
rmSync(validated, { force: true });
if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(`${staging}-cache`, { recursive: true, force: true });
  console.error(`\nThe build failed; nothing was published and ${outDir} is unchanged.`);
  process.exit(1);
}

timings.astroMs = mark() - astroFrom;

// When the output folder is outside the project, Astro copies its own module maps from .astro/
// into it (content-modules.mjs lists the meeting files in whatever order they were read, so two
// builds would differ, and it names folders of the build machine). They are not part of the site.
for (const internal of ['content-assets.mjs', 'content-modules.mjs', 'data-store.json']) rmSync(join(staging, internal), { force: true });

// Swap the finished build into place: the old site stays until the new one is complete.
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(staging, outDir);
rmSync(old, { recursive: true, force: true });
rmSync(`${staging}-cache`, { recursive: true, force: true });
console.error(`Published to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
if (timingsFile) {
  timings.processMs = mark();
  writeFileSync(timingsFile, JSON.stringify(timings) + '\n');
}

