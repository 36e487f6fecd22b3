/**
 * `npm run build`: validates the content, then builds the site into a fresh folder and only then
 * swaps it into `dist/`. When validation or the build fails, `dist/` is left exactly as it was:
 * never half written, never published with bad data.
 *
 * Everything a build makes beside the output folder is named `<out>.building-<pid>…` or
 * `<out>.old-<pid>`, so that a build killed part-way (Ctrl-C, a cancelled CI job, a power cut)
 * leaves nothing the next build does not recognise and clean up (see scripts/lib/leftovers.mjs).
 * Every failure is printed as lines that say what to do (scripts/lib/failure.mjs), never as a stack
 * trace.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { takeBuildLock } from './lock.mjs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { describeFailure, describeMachineFailure } from './lib/failure.mjs';
import { faultPoint, stagingNames, sweepLeftovers } from './lib/leftovers.mjs';
import { roomy } from '../src/lib/roomy.mjs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = resolve(process.env.SCRUTINEER_ROOT ?? '.');
process.env.SCRUTINEER_ROOT = root;
const projectDir = resolve(import.meta.dirname, '..');
const outDir = resolve(process.env.SCRUTINEER_OUT ?? join(projectDir, 'dist'));
const { staging, cache, validated, old } = stagingNames(outDir, process.pid);
let published = false;

/** Stops the build: what went wrong, on lines of its own, and that the published site is as it was. */
/** @param {unknown} error @returns {never} */
function fail(error) {
  if (published) {
    warnAll([describeFailure(error, root)]);
    process.exit(0);
  }
  removeQuietly(staging, cache, validated);
  console.error(`\n${describeFailure(error, root, outDir)}\n\nThe build failed; nothing was published and ${outDir} is unchanged.`);
  process.exit(1);
}

/** @param {string[]} paths */
function removeQuietly(...paths) {
  for (const path of paths) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Left for the next build, which removes what a build with a dead process id left behind.
    }
  }
}

/**
 * Whether the build has 1 GiB or more (src/lib/roomy.mjs): then Astro's process is loaded beside
 * the content's check, and the young generation's size is set. With less, on the smallest
 * machines, the steps run one after another, as lean as they can.
 */
const ROOMY = roomy();

/**
 * How far a step's heap may grow past what the process holds before V8 collects: a quarter. With
 * memory to spare V8 lets its heap grow to several times what a process holds, and the pages
 * Astro has written pile up as garbage; V8's own concurrent collections then keep each step near
 * what it really holds, where forcing a full collection every few pages cost a quarter of the
 * build's time (README, "Memory"). A half may have saved a second of the 200-meeting build on
 * Node 20, within this machine's noise, and cost 30 MB there and 60 to 70 MB on Node 24.
 */
const HEAP_GROWING_PERCENT = 25;

/**
 * The young generation's two halves: 8 MB each, half of Node 20's largest. Node 24's V8 sizes
 * them by the machine's memory (larger with more), which put Astro's process 120 MB higher for
 * 200 meetings (562 MB against 440 MB with 16 MB), for no gain in time. On the smallest machines
 * V8 is left to size them by the memory the build has, smaller still: with 16 MB, set from 30
 * November to 1 December, the sample site no longer built within 256 MiB.
 */
const SEMI_SPACE_MB = ROOMY ? 8 : undefined;

/**
 * Runs a step of the build (validation, Astro, the search index) in a Node process of its own:
 * the process, and its exit code once it ends. The channel closes when this process dies however
 * it dies, and the step then stops too (see astro-build.mjs), rather than writing on into a folder
 * the next build removes.
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @returns {{ child: import('node:child_process').ChildProcess, ended: Promise<number> }}
 */
function step(args, env) {
  const child = spawn(process.execPath, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, ...(SEMI_SPACE_MB ? [`--max-semi-space-size=${SEMI_SPACE_MB}`] : []), ...args], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  /** @type {Promise<number>} */
  const ended = new Promise((done) => {
    // Stopped (Ctrl-C, a test runner's timeout): stop the step too, before the lock is released.
    /** @param {NodeJS.Signals} signal */
    let stopping = false;
    const stop = (signal) => {
      stopping = true;
      child.kill(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    child.on('error', (error) => {
      console.error(`\n${describeFailure(error, root)}`);
      done(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // Killed from outside, not stopped by us: on a small machine or CI runner that is almost
      // always the system running out of memory, which says nothing itself.
      if (signal === 'SIGKILL' && !stopping) {
        console.error(`\nA step of the build (${basename(args.at(-1) ?? '')}) was killed by the system, most likely because the machine ran out of memory. Close other programs, or build on a machine with more memory (README, "Performance", says how much a site needs).`);
      }
      done(signal ? 1 : (code ?? 1));
    });
  });
  return { child, ended };
}

/** @type {Set<string>} */
const warned = new Set();
/** @param {string[]} warnings */
function warnAll(warnings) {
  for (const w of warnings) if (!warned.has(w)) console.error(`Warning: ${w}`);
  for (const w of warnings) warned.add(w);
}

try {
  const started = Date.now();
  // SCRUTINEER_BUILD_TIMINGS=<file>: write how long each step took, as JSON, for `npm run bench`,
  // which must not count the time spent waiting for another build's lock.
  const timingsFile = process.env.SCRUTINEER_BUILD_TIMINGS;
  const mark = () => performance.now();
  /** @type {Record<string, number>} */
  const timings = { startupMs: mark() };

  // What an earlier build left when it was killed, before anything else is written beside it.
  warnAll(sweepLeftovers(outDir));
  // Everything is written beside the output folder: its parent may not exist yet
  // (SCRUTINEER_OUT=site/2026/dist on a fresh checkout).
  mkdirSync(dirname(outDir), { recursive: true });

  // Astro runs in a process of its own, without tsx (see scripts/astro-build.mjs). With the memory
  // for it, its process starts now and loads Astro (about a second) while the content is checked,
  // then waits to be told to build: it reads nothing of the content or the project until then.
  const astroEnv = {
    SCRUTINEER_OUT: staging,
    // A cache of its own: Astro's content store would otherwise be shared between builds of
    // different content folders (tests run several at once), and mix their meetings.
    SCRUTINEER_CACHE: cache,
    SCRUTINEER_VALIDATED: validated,
    // The link preview cards are rasterised on libuv's thread pool (src/lib/cards/queue.ts). Two
    // threads, and two of glibc's memory arenas, are what two cores use: with the default four of
    // each, the freed pictures' memory stayed with the threads, 20 to 40 MB more at the peak.
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '2',
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
  const astroArgs = [join(projectDir, 'scripts', 'astro-build.mjs')];
  // On the smallest machines, Astro's process starts once the check has ended, and their memory
  // is never added together.
  const early = ROOMY ? step(astroArgs, { ...astroEnv, SCRUTINEER_BUILD_WHEN_TOLD: '1' }) : undefined;
  const stopEarly = () => early?.child.kill('SIGTERM');

  // Validation runs in a process of its own, which prints the problems, writes the valid content
  // for Astro and exits: what it read is gone from memory before Astro starts (README, "Memory").
  // Astro is handed that content, so it does not read and check every file a second time, and
  // publishes exactly what was checked. Drafts are never built here.
  const validation = await step(['--import', import.meta.resolve('tsx'), join(projectDir, 'scripts', 'validate-for-build.ts')], {
    SCRUTINEER_VALIDATED: validated,
    SCRUTINEER_PUBLISHED: outDir,
  }).ended;
  timings.validateMs = mark() - timings.startupMs;
  if (validation !== 0) {
    stopEarly();
    removeQuietly(validated);
    process.exit(1);
  }

  // Astro keeps generated modules in the project's .astro/ folder, so two builds of one project at
  // once (of different content folders, as tests do) would mix their meetings: take turns.
  const waitFrom = mark();
  await takeBuildLock(projectDir);
  faultPoint('locked');
  // Again, now that no other build of this project runs: one may have been killed while we waited.
  warnAll(sweepLeftovers(outDir));
  // Build beside the output folder, so the final swap is a rename on one file system.
  rmSync(staging, { recursive: true, force: true });
  // When the output folder is outside the project, Astro builds its server chunks in the project's
  // .astro/ folder and carries what it finds there into the site; `npm run dev` leaves its content
  // store there. Start from an empty folder, so nothing of an earlier run is published.
  if (!staging.startsWith(projectDir + sep)) rmSync(join(projectDir, '.astro'), { recursive: true, force: true });
  timings.lockWaitMs = mark() - waitFrom;

  faultPoint('validated');

  const astroFrom = mark();
  let astro = early;
  // Told to build, if it is still there to be told (a step killed by the system has said so).
  if (astro && astro.child.exitCode === null && astro.child.signalCode === null && astro.child.connected) astro.child.send('build');
  else if (!astro) astro = step(astroArgs, astroEnv);
  const status = await astro.ended;
  removeQuietly(validated);
  if (status !== 0) {
    removeQuietly(staging, cache);
    console.error(`\nThe build failed; nothing was published and ${outDir} is unchanged.`);
    process.exit(1);
  }
  timings.astroMs = mark() - astroFrom;

  // The search index, once Astro's process has ended, so their memory is never added together.
  const searchFrom = mark();
  if ((await step([join(projectDir, 'scripts', 'search-index.mjs')], { SCRUTINEER_OUT: staging, SCRUTINEER_CACHE: cache }).ended) !== 0) {
    removeQuietly(staging, cache);
    console.error(`\nThe build failed; nothing was published and ${outDir} is unchanged.`);
    process.exit(1);
  }
  timings.searchMs = mark() - searchFrom;
  faultPoint('built');

  // When the output folder is outside the project, Astro copies its own module maps from .astro/
  // into it (content-modules.mjs lists the meeting files in whatever order they were read, so two
  // builds would differ, and it names folders of the build machine). They are not part of the site.
  for (const internal of ['content-assets.mjs', 'content-modules.mjs', 'data-store.json']) rmSync(join(staging, internal), { force: true });

  // Swap the finished build into place: the old site stays until the new one is complete. If the
  // swap fails, the old site is put back and the build fails: never both a failure and a new site.
  let moved = false;
  try {
    if (existsSync(outDir)) {
      renameSync(outDir, old);
      moved = true;
    }
    faultPoint('swapping');
    renameSync(staging, outDir);
  } catch (error) {
    if (moved) renameSync(old, outDir);
    throw error;
  }
  published = true;
  faultPoint('published');

  // The new site is published: from here on, a problem is a warning, and the build succeeds.
  try {
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    warnAll([
      `the new site is published in ${outDir}, but the previous one could not be removed from ${old}: ${describeMachineFailure(error) ?? describeFailure(error, root)} Delete that folder yourself; the next build also tries again.`,
    ]);
  }
  removeQuietly(cache);
  console.error(`Published to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (timingsFile) {
    timings.processMs = mark();
    writeFileSync(timingsFile, JSON.stringify(timings) + '\n');
  }
} catch (error) {
  fail(error);
}
