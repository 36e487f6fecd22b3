import { z } from 'astro/zod';
import { confirmedSafeList, isoDate, kebabId, periodText, quarterText, text, title, webUrl } from './common';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;

/** Each action status as a page writes it. */
export const ACTION_STATUS_WORDS: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Front matter of `content/meetings/<committee-id>/<YYYY-MM-DD>.mdx`. */
export const MeetingSchema = z
  .object({
    /** The agenda item under which performance was considered. */
    agendaItem: z
      .object({
        // Text, so 7.10 stays 7.10: a plain number is read as it was written (see zod-issues.ts).
        number: z.string().trim().min(1),
        title: title,
      })
      .strict(),
    /** The latest data the meeting considered: a month, quarter or financial year. */
    period: periodText,
    /** Version 1.1: the last quarter whose data file the meeting saw, where the default is wrong. */
    dataAsAt: quarterText.optional(),
    /** One or two plain sentences for lists, feeds and link previews. */
    summary: text,
    /** Which indicators the page shows, in order; default every indicator with data. */
    indicators: z.array(kebabId).optional(),
    /** Witnesses and officers who presented. */
    attendees: z.array(z.object({ name: title, role: title.optional() }).strict()).default([]),
    /** The council's own papers. */
    documents: z.array(z.object({ title: title, url: webUrl }).strict()).default([]),
    /** The resolutions, in order, as minuted. */
    resolved: z.array(text).default([]),
    /** What the meeting asked for. */
    actions: z
      .array(
        z
          .object({
            /** Unique in this meeting; the full id is <committee-id>/<YYYY-MM-DD>/<id>. */
            id: kebabId,
            text,
            owner: title.optional(),
            due: isoDate.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Progress on actions raised at earlier meetings. */
    updates: z
      .array(
        z
          .object({
            /** The full id of the action: <committee-id>/<YYYY-MM-DD>/<id>. */
            action: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/\d{4}-\d{2}-\d{2}\/[a-z0-9]+(-[a-z0-9]+)*$/, {
              message: 'is not an action id; write <committee-id>/<YYYY-MM-DD>/<action-id>',
            }),
            status: z.enum(ACTION_STATUSES),
            note: text.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Extension: numbers of children in this meeting's text confirmed safe to publish. */
    confirmedSafe: confirmedSafeList,
    /** Drafts are shown by `npm run dev` only and never published. */
    draft: z.boolean().default(false),
  })
  .strict();

export type MeetingData = z.infer<typeof MeetingSchema>;
