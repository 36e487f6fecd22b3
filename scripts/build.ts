/**
 * `npm run build`: validates the content, then builds the site into a fresh folder and only then
 * swaps it into `dist/`. When validation or the build fails, `dist/` is left exactly as it was:
 * never half written, never published with bad data.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { takeBuildLock } from './lock';
import { join, resolve } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = resolve(process.env.SCRUTINEER_ROOT ?? '.');
process.env.SCRUTINEER_ROOT = root;
const projectDir = resolve(import.meta.dirname, '..');
const outDir = resolve(process.env.SCRUTINEER_OUT ?? join(projectDir, 'dist'));

const started = Date.now();
const { problems } = await loadContent(root);
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
await takeBuildLock(projectDir);

const { build } = await import('astro');
try {
  process.env.SCRUTINEER_OUT = staging;
  // A cache of its own: Astro's content store would otherwise be shared between builds of
  // different content folders (tests run several at once), and mix their meetings.
  await build({ root: projectDir, outDir: staging, cacheDir: `${staging}-cache`, logLevel: process.env.SCRUTINEER_QUIET ? 'warn' : 'info' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(`${staging}-cache`, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error(`\nThe build failed; nothing was published and ${outDir} is unchanged.`);
  process.exit(1);
}

// Swap the finished build into place: the old site stays until the new one is complete.
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(staging, outDir);
rmSync(old, { recursive: true, force: true });
rmSync(`${staging}-cache`, { recursive: true, force: true });
console.error(`Published to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

