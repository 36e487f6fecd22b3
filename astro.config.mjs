// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The base path is set at build time, so the same content deploys to a root or a sub-folder. */
function basePath() {
  const raw = process.env.SITE_BASE ?? '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The canonical origin from content/site.yaml, for the sitemap and canonical links. The content
 * is validated before Astro runs, so a missing or bad url never reaches here in a build.
 */
function siteUrl() {
  try {
    const root = resolve(process.env.SCRUTINEER_ROOT ?? process.cwd());
    return parse(readFileSync(resolve(root, 'content', 'site.yaml'), 'utf8'))?.url;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  trailingSlash: 'always',
  outDir: process.env.SCRUTINEER_OUT ?? './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Meeting bodies are not Astro content or modules: the meeting page renders the body it was
  // handed, checked, through src/lib/body/. @astrojs/mdx is here for Astro's JSX renderer, which
  // renders that body. The search index is built after Astro, in a process of its own
  // (scripts/search-index.mjs).
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
