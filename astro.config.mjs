// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { remarkMeetingLayout } from './src/lib/remark-meeting.ts';

/** The base path is set at build time, so the same content deploys to a root or a sub-folder. */
function basePath() {
  const raw = process.env.SITE_BASE ?? '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: basePath(),
  trailingSlash: 'always',
  outDir: process.env.SCRUTINEER_OUT ?? './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: { remarkPlugins: [remarkMeetingLayout] },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
