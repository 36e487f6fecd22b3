/**
 * Astro's part of `npm run build`, run by scripts/build.ts in a Node process of its own once the
 * content is valid and the build lock is taken. It is plain JavaScript so that Node runs Astro,
 * Vite and the pages directly: under tsx's loader every module Astro loads would be transformed
 * again and given a source map, which made the build slower and used hundreds of megabytes more
 * memory (see "Performance" in README.md). Not meant to be run by hand.
 *
 * Environment, set by scripts/build.ts: SCRUTINEER_OUT (the staging folder to build into),
 * SCRUTINEER_CACHE (Astro's cache folder), SCRUTINEER_VALIDATED (the content build.ts validated,
 * which src/lib/site-data.ts reads instead of validating it again), SCRUTINEER_QUIET.
 */
import { resolve } from 'node:path';
import { build } from 'astro';

const projectDir = resolve(import.meta.dirname, '..');
const outDir = process.env.SCRUTINEER_OUT;
const cacheDir = process.env.SCRUTINEER_CACHE;
if (!outDir || !cacheDir) {
  console.error('scripts/astro-build.mjs is run by scripts/build.ts; use npm run build.');
  process.exit(2);
}

try {
  await build({ root: projectDir, outDir, cacheDir, logLevel: process.env.SCRUTINEER_QUIET ? 'warn' : 'info' });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Exit now, even if a library left a timer or a child process behind.
process.exit(0);
