import { z } from 'astro/zod';
import { text, title, webUrl } from './common';

/** `content/committees/<committee-id>.yaml`: one committee that receives performance reports. */
export const CommitteeSchema = z
  .object({
    /** Full name, as the council writes it. */
    name: title,
    /** A shorter name for lists and breadcrumbs. */
    shortName: title.optional(),
    /** What the committee does, in plain text. */
    description: text.optional(),
    /** The committee's page on the council's own website. */
    url: webUrl.optional(),
  })
  .strict();

export type CommitteeData = z.infer<typeof CommitteeSchema>;

/**
 * Every name the build writes at the top of the site (dist/), which a committee id may not take:
 * a committee's pages go to /<id>/, so `pagefind` would write into the search index's folder and
 * `cards` among the link-preview images. Listed are the pages of src/pages, what the build writes
 * beside them (Astro's assets, the search index, the sitemap) and what public/ copies, each file
 * by its name without the extension (a committee `feed` would sit at /feed/ beside /feed.xml, which
 * no reader could tell apart), and a few names a reader would take for the site's own.
 * tests/sample-site.test.ts builds the sample and names any top-level entry not covered here, so
 * a route added later fails that test until it is listed.
 */
export const RESERVED_ROUTES = [
  // Pages (src/pages): /index.html, /404.html, /feed.xml, /robots.txt and the folders.
  'index', '404', 'accessibility', 'actions', 'cards', 'data', 'glossary', 'indicators', 'search', 'feed', 'robots',
  // Written by the build beside the pages: Astro's assets, Pagefind's index, @astrojs/sitemap's
  // files (sitemap-index.xml, then sitemap-0.xml, sitemap-1.xml... as the site grows).
  '_astro', 'pagefind', 'sitemap', 'sitemap-index', 'sitemap-0', 'sitemap-1', 'sitemap-2', 'sitemap-3',
  // Copied from public/: .nojekyll, _headers, favicon.svg, search.js (the search page's script).
  '.nojekyll', '_headers', 'favicon',
  // Not written today, but names a reader would take for the site's own pages or files.
  'about', 'committees', 'meetings', 'feeds', 'assets', 'fonts', 'images', 'static', 'api', 'rss', 'atom',
] as const;
