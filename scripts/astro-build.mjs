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
import { describeFailure } from './lib/failure.mjs';

const projectDir = resolve(import.meta.dirname, '..');
const outDir = process.env.SCRUTINEER_OUT;
const cacheDir = process.env.SCRUTINEER_CACHE;
if (!outDir || !cacheDir) {
  console.error('scripts/astro-build.mjs is run by scripts/build.ts; use npm run build.');
  process.exit(2);
}

const root = process.env.SCRUTINEER_ROOT ?? process.cwd();
// On a line of its own (Astro may be part-way through a progress line), in words, with the file
// and line where the content is at fault; never a stack trace.
const failed = (error) => {
  console.error(`\n${describeFailure(error, root, outDir)}`);
  process.exit(1);
};
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);
// scripts/build.ts was stopped, however hard: stop too, rather than write on into a folder that the
// next build removes, or race that build for the project's .astro/ folder.
// The channel must not keep this process alive once Astro is done.
process.on('disconnect', () => process.exit(1));
process.channel?.unref();

try {
  await build({ root: projectDir, outDir, cacheDir, logLevel: process.env.SCRUTINEER_QUIET ? 'warn' : 'info' });
} catch (error) {
  failed(error);
}
// Exit now, even if a library left a timer or a child process behind.
process.exit(0);
