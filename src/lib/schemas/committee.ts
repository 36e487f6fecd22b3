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

/** Top-level routes the site uses itself; a committee id may not take one of them. */
export const RESERVED_ROUTES = [
  'indicators', 'actions', 'glossary', 'data', 'search', 'about', 'accessibility', 'committees',
  'meetings', 'feeds', 'assets', '_astro', '404', 'sitemap', 'robots', 'cards',
] as const;
