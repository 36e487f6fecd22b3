import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentRoot } from './lib/root';

/**
 * Meetings are MDX, so Astro compiles and renders them. Their front matter is validated by
 * `src/lib/content/load.ts` (with file, line and column) before Astro runs, so no schema here.
 */
export const collections = {
  meetings: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${contentRoot()}/content/meetings` }),
  }),
};
