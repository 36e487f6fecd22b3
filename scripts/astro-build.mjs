/**
 * Astro's part of `npm run build`, run by scripts/build.mjs in a Node process of its own once the
 * content is valid and the build lock is taken. It is plain JavaScript so that Node runs Astro,
 * Vite and the pages directly: under tsx's loader every module Astro loads would be transformed
 * again and given a source map, which made the build slower and used hundreds of megabytes more
 * memory (see "Performance" in README.md). Not meant to be run by hand.
 *
 * Environment, set by scripts/build.mjs: SCRUTINEER_OUT (the staging folder to build into),
 * SCRUTINEER_CACHE (Astro's cache folder), SCRUTINEER_VALIDATED (the content build.mjs validated,
 * which src/lib/site-data.ts reads instead of validating it again), SCRUTINEER_QUIET, and
 * SCRUTINEER_BUILD_WHEN_TOLD (started early: load Astro, then wait for build.mjs's word).
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'astro';
import { startBuildStep } from './lib/build-step.mjs';

const failed = startBuildStep('scripts/astro-build.mjs', ['SCRUTINEER_OUT', 'SCRUTINEER_CACHE']);
const projectDir = resolve(import.meta.dirname, '..');
const outDir = process.env.SCRUTINEER_OUT;
const cacheDir = process.env.SCRUTINEER_CACHE;

// Link preview cards are drawn in the background while the meeting pages render, by a worker
// thread (src/lib/cards/queue.ts), which writes them into the build's cache folder. The dev
// server names no worker, and draws each card when it is asked for.
if (process.env.SCRUTINEER_CARD_BACKGROUND !== '0') process.env.SCRUTINEER_CARD_WORKER = join(projectDir, 'src', 'lib', 'cards', 'draw-worker.mjs');
process.env.SCRUTINEER_CARD_DIR = join(cacheDir ?? join(projectDir, '.astro'), 'scrutineer-cards');

/**
 * Vite and Astro each keep an esbuild process running after the bundling, through every page
 * (about 35 MB between them): once the bundle is written, nothing needs them, so they are stopped.
 * A later call to esbuild would start its process again.
 */
const stopEsbuild = {
  name: 'scrutineer:stop-esbuild',
  hooks: {
    'astro:build:ssr': async () => {
      const vite = createRequire(import.meta.resolve('vite'));
      for (const esbuild of [await import('esbuild'), await import(pathToFileURL(vite.resolve('esbuild')).href)]) await esbuild.stop?.();
    },
  },
};

// Astro writes its server chunks into the output folder when that folder is inside the working
// folder, and into the working folder's .astro/ otherwise; the chunks import the project's
// packages, so they must be inside the project. From the project, an output folder outside it
// (SCRUTINEER_OUT=/tmp/site, run from anywhere) has its chunks in the project's .astro/.
process.chdir(projectDir);

// Started while the content is checked (scripts/build.mjs), with Astro loaded: build when told to.
// Anything else, or the channel closing, means the build is not going ahead.
if (process.env.SCRUTINEER_BUILD_WHEN_TOLD) {
  process.channel?.ref();
  await new Promise((go) => process.once('message', (message) => (message === 'build' ? go(undefined) : process.exit(1))));
  process.channel?.unref();
}

try {
  await build({ root: projectDir, outDir, cacheDir, logLevel: process.env.SCRUTINEER_QUIET ? 'warn' : 'info', integrations: [stopEsbuild] });
} catch (error) {
  failed(error);
}
// Exit now, even if a library left a timer or a child process behind.
process.exit(0);
