/**
 * The search index's part of `npm run build`, run by scripts/build.mjs in a Node process of its own
 * after Astro's has ended, so the indexer's memory (a few hundred megabytes for a long archive) is
 * never added to Astro's. Builds the Pagefind index over the finished site: the pages that mark
 * their content with data-pagefind-body. Not meant to be run by hand.
 *
 * Environment, set by scripts/build.mjs: SCRUTINEER_OUT (the staging folder the site was built into),
 * SCRUTINEER_CACHE (the build's cache folder, removed with it), SCRUTINEER_QUIET.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { startBuildStep } from './lib/build-step.mjs';
import { INDEX_OPTIONS, writeCutPages } from './lib/search-pages.mjs';

const failed = startBuildStep('scripts/search-index.mjs', ['SCRUTINEER_OUT', 'SCRUTINEER_CACHE']);
const site = process.env.SCRUTINEER_OUT;
/** A folder in the build's cache, where the pages are written cut. */
const cut = join(process.env.SCRUTINEER_CACHE ?? '', 'search-pages');

try {
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(`The search index could not be created: ${errors.join('; ')}`);
  writeCutPages(site, cut);
  const added = await index.addDirectory({ path: cut });
  if (added.errors.length) throw new Error(`The search index could not read the site: ${added.errors.join('; ')}`);
  // The index is written here rather than by Pagefind's own process, which panics and leaves the
  // build waiting for ever when the disk is full; Node's error says what happened.
  const built = await index.getFiles();
  if (built.errors.length) throw new Error(`The search index could not be written: ${built.errors.join('; ')}`);
  for (const file of built.files) {
    const path = join(site, 'pagefind', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  if (!process.env.SCRUTINEER_QUIET) console.error(`Indexed ${added.page_count} pages for search.`);
  await pagefind.close();
} catch (error) {
  failed(error);
}
process.exit(0);
