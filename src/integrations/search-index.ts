/**
 * Builds the Pagefind search index over the finished site: meetings, indicators and the glossary
 * (the pages that mark their content with data-pagefind-body). Runs at build time only; the
 * index is static files under pagefind/, loaded by the search page's script.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'scrutineer-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`The search index could not be created: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`The search index could not read the site: ${added.errors.join('; ')}`);
        // The index is written here rather than by Pagefind's own process, which panics and leaves
        // the build waiting for ever when the disk is full; Node's error says what happened.
        const built = await index.getFiles();
        if (built.errors.length) throw new Error(`The search index could not be written: ${built.errors.join('; ')}`);
        for (const file of built.files) {
          const path = join(site, 'pagefind', file.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.content);
        }
        logger.info(`Indexed ${added.page_count} pages for search.`);
        await pagefind.close();
      },
    },
  };
}
