/**
 * A new meeting's MDX file with complete front matter, headings to write under, and an update
 * entry for every action still open from the committee's earlier meetings.
 */
import { stringify } from 'yaml';
import type { Content } from '../model';
import { isIsoDate, parsePeriod } from '../periods';
import { nearest } from '../content/suggest';
import { AuthoringError } from './new-quarter';

export interface NewMeeting {
  file: string;
  text: string;
  openActions: number;
}

export function newMeeting(content: Content, committeeId: string, date: string, periodText: string | undefined): NewMeeting {
  const committee = content.committees.find((c) => c.id === committeeId);
  if (!committee) {
    const ids = content.committees.map((c) => c.id);
    const guess = nearest(committeeId, ids);
    throw new AuthoringError(`unknown committee "${committeeId}"${guess ? `; did you mean ${guess}?` : ''} The committees are: ${ids.join(', ')}.`);
  }
  if (!isIsoDate(date)) throw new AuthoringError(`"${date}" is not a date; write the meeting's date as YYYY-MM-DD, like 2020-09-10`);
  if (periodText === undefined) throw new AuthoringError('say which data the meeting considers with --period, like --period "2020/21 Q1"');
  const period = parsePeriod(periodText.trim());
  if (!period) throw new AuthoringError(`"${periodText}" is not a period; write a quarter like "2020/21 Q1", a month like 2020-06, or a year like 2020/21`);

  const earlier = content.meetings.filter((m) => m.committee === committeeId && m.date < date);
  const last = earlier.at(-1);
  // The status of each action raised at an earlier meeting, from the latest update before this date.
  const status = new Map<string, string>();
  for (const m of content.meetings.filter((x) => x.date < date)) {
    for (const a of m.actions) if (a.committee === committeeId) status.set(a.fullId, 'open');
    for (const u of m.updates) if (status.has(u.action)) status.set(u.action, u.status);
  }
  const open = [...status.entries()].filter(([, s]) => s === 'open' || s === 'in-progress');

  const front: Record<string, unknown> = {
    agendaItem: { number: 'TBC', title: 'Performance report' },
    period: period.label,
    summary: `TBC: in plain words, what the committee considered and decided.`,
    ...(last?.indicatorIds.length ? { indicators: last.indicatorIds } : {}),
    attendees: [],
    documents: [],
    resolved: [],
    actions: [],
    updates: open.map(([action, s]) => ({ action, status: s })),
    draft: true,
  };
  const yaml = stringify(front, { lineWidth: 0, flowCollectionPadding: false })
    .replace(/^indicators:\n((?:  - .*\n)+)/m, (_, list: string) => `indicators: [${list.trim().split('\n').map((l) => l.replace(/^\s*- /, '')).join(', ')}]\n`);
  const text = `---
# Fill in each field, then remove "draft: true" to publish. Run npm run check to find what is missing.
${yaml}---
{/* Write the commentary here: what the figures show and why, in plain English. To place an
    indicator's chart and table in the text, write for example <Indicator id="cla-rate" /> on a
    line of its own. Indicators you do not place are shown before the discussion. */}

## Discussion

{/* Summarise the minutes here: what members asked and what officers answered. */}
`;
  return { file: `content/meetings/${committeeId}/${date}.mdx`, text, openActions: open.length };
}
