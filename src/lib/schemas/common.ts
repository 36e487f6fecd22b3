import { z } from 'astro/zod';
import { isIsoDate, parsePeriod } from '../periods';
import { LIMITS } from './limits';

/** Ids are kebab-case because they appear in published URLs. */
export const KEBAB_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const kebabId = z.string().regex(KEBAB_RE, { message: 'is not a kebab-case id; use lower-case letters, digits and single hyphens, like cla-rate' });

/** A period as the content format writes it: 2018-06, 2018/19 Q1 or 2018/19. */
export const periodText = z.string().refine((s) => parsePeriod(s) !== undefined, {
  message: 'is not a period; write a month as 2018-06, a quarter as 2018/19 Q1 or a financial year as 2018/19',
});

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, { message: 'is not a date; write it as YYYY-MM-DD, like 2018-12-05' });

/** Non-empty text, with surrounding white space removed. */
export const text = z.string().trim().min(1, { message: 'is empty; write some text' });

/** A title or a name: text short enough to read aloud, fit a heading and be drawn on a link preview. */
export const title = text.max(LIMITS.titleCharacters, { message: `is longer than ${LIMITS.titleCharacters} characters, the limit for a title or a name; shorten it` });

/** A web address starting with http:// or https://. */
export const webUrl = z.string().refine(
  (s) => {
    try {
      return ['https:', 'http:'].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  },
  { message: 'is not a web address; write it in full, starting https://' },
);

/**
 * Extension: phrases stating a small number of children that the author confirms are safe to
 * publish (already published by DfE, say), each with the reason, so the prose check passes them.
 */
export const confirmedSafeList = z
  .array(
    z
      .object({
        /** The words exactly as written in the text: "3 care leavers". */
        text,
        /** Why it is safe: "Published by DfE in Children looked after in England 2024". */
        reason: text,
      })
      .strict(),
  )
  .default([]);

/** A financial quarter written 2024/25 Q3. */
export const quarterText = z.string().refine((s) => parsePeriod(s)?.kind === 'quarter', {
  message: 'is not a financial quarter; write it as 2024/25 Q3',
});
