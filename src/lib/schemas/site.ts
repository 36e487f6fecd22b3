import { z } from 'astro/zod';
import { text, webUrl } from './common';

/** `content/site.yaml`: settings for the whole site. */
export const SiteSchema = z
  .object({
    /** The council's name, shown on every page: "Example County Council". */
    council: text,
    /** The site's title: "Children's services performance". */
    title: text,
    /** The canonical origin where the site is published, used in the sitemap, feeds and link previews. */
    url: webUrl,
    /** The language of the content, as a BCP 47 tag. */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'is not a language tag; write en-GB' }).default('en-GB'),
    /** How residents can reach the council about this site. */
    contact: z
      .object({
        email: z.string().email({ message: 'is not an email address' }).optional(),
        phone: z.string().optional(),
        url: webUrl.optional(),
      })
      .strict()
      .optional(),
    /** Disclosure control: which small numbers are never published. */
    disclosure: z
      .object({
        /** Counts of children from 1 to this number are shown as [c]. */
        suppressUpTo: z.number().int().min(0).default(5),
        /** Below this denominator a percentage is shown as "N of D". */
        percentMinDenominator: z.number().int().min(0).default(20),
      })
      .strict()
      .default({}),
    /**
     * Extension: set to true for sample or test data, so every page says the figures are
     * illustrative and not a real council's.
     */
    illustrative: z.boolean().default(false),
  })
  .strict();

export type Site = z.infer<typeof SiteSchema>;
