import { z } from 'astro/zod';
import { confirmedSafeList, text, title, webUrl } from './common';

/** The licence UK public bodies publish under unless they say otherwise. */
export const OGL = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  id: 'OGL-UK-3.0',
  attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.',
};

/** `content/site.yaml`: settings for the whole site. */
export const SiteSchema = z
  .object({
    /** The council's name, shown on every page: "Example County Council". */
    council: title,
    /** The site's title: "Children's services performance". */
    title: title,
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
        /**
         * Extension: phrases in CSV notes (and in every meeting) that state a small number of
         * children already published elsewhere, so the prose check lets them through.
         */
        confirmedSafe: confirmedSafeList,
      })
      .strict()
      .default({}),
    /** Version 1.1: the names pages give comparators, and the council's statistical neighbours. */
    comparators: z
      .object({
        /** The name pages use for `region` rows: "West Midlands". */
        region: text.optional(),
        statisticalNeighbours: z
          .object({
            /** The name pages use for `statistical-neighbours` rows. */
            name: text.optional(),
            /** The ten neighbours, by DfE's old LA code (885) or name. */
            members: z.array(z.union([z.number().int().positive(), text])).min(1, { message: 'is an empty list; list the neighbours, or remove members' }).optional(),
            /** Where the list of neighbours comes from. */
            source: text.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
    /** Version 1.1: the council's codes in DfE's data, for importing it. */
    localAuthority: z
      .object({
        /** The 9-character ONS code: E10000034. */
        code: z.string().regex(/^E\d{8}$/, { message: 'is not a local authority code; write the 9-character code such as E10000034' }).optional(),
        /** DfE's old 3-digit LA code: 885. */
        oldCode: z
          .number({ invalid_type_error: "is not an old LA code; write DfE's 3-digit code such as 885" })
          .refine((n) => Number.isInteger(n) && n >= 100 && n <= 999, { message: "is not an old LA code; write DfE's 3-digit code such as 885" })
          .optional(),
        /** The council's name as DfE writes it: Worcestershire. */
        name: text.optional(),
      })
      .strict()
      .optional(),
    /**
     * Extension: the licence every figure is published under, named in the data package, the
     * downloads, their metadata and every page's footer. Defaults to the Open Government Licence.
     */
    licence: z
      .object({
        /** The licence's name: "Open Government Licence v3.0". */
        name: text,
        /** Where its terms are published. */
        url: webUrl,
        /** Its SPDX identifier, where it has one: "OGL-UK-3.0". */
        id: z.string().regex(/^[A-Za-z0-9.+-]+$/, { message: 'is not an SPDX licence identifier; write one such as OGL-UK-3.0 or CC-BY-4.0, or remove id' }).optional(),
        /** The statement a re-user must include. */
        attribution: text.optional(),
      })
      .strict()
      .default(OGL),
    /**
     * Extension: set to true for sample or test data, so every page says the figures are
     * illustrative and not a real council's; or write the notice itself, for a site whose figures
     * are real but whose meetings are not.
     */
    illustrative: z.union([z.boolean(), text]).default(false),
  })
  .strict();

export type Site = z.infer<typeof SiteSchema>;
