import { z } from 'astro/zod';
import { text, title } from './common';

/** One entry of `content/glossary.yaml`. */
export const GlossaryEntrySchema = z
  .object({
    /** The term or acronym as it appears in text: "LAC". */
    term: title,
    /** What an acronym stands for: "Looked after children". */
    expansion: title.optional(),
    /** What it means, in plain English. */
    definition: text,
  })
  .strict();

/** `content/glossary.yaml`: a list of terms. */
export const GlossarySchema = z.array(GlossaryEntrySchema);

export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
