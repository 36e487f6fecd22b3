/**
 * "What changed since the committee last met", written from the data: the indicators that moved
 * most between what the previous meeting saw and what this one sees, targets newly met or missed,
 * and figures revised in between. Only disclosure-controlled values are used.
 */
import type { Meeting } from '../model';
import { meetingCut, type DataIndex } from '../data-index';
import { capitalise, formatCell } from '../stats/format';
import { whenNoun } from '../stats/when';
import { trendBetween } from '../stats/trend';
import { asFirstPublished, indicatorView } from './indicator';

export interface Moved {
  indicator: string;
  title: string;
  words: string;
  /** The size of the change relative to the earlier figure, for ranking. */
  size: number;
}

export interface WhatChanged {
  previous?: Meeting;
  moved: Moved[];
  targets: { indicator: string; title: string; words: string; met: boolean }[];
  revised: { indicator: string; title: string; words: string }[];
}

/** How many of the largest movements to list. */
export const MOST_MOVED = 3;

export function whatChanged(data: DataIndex, meeting: Meeting): WhatChanged {
  const previous = data.previousMeeting(meeting);
  if (!previous) return { moved: [], targets: [], revised: [] };
  const moved: Moved[] = [];
  const targets: WhatChanged['targets'] = [];
  const revised: WhatChanged['revised'] = [];
  const nowCut = meetingCut(meeting);
  const thenCut = meetingCut(previous);
  for (const id of meeting.indicatorIds) {
    const now = indicatorView(data, id, nowCut, { asOf: meeting.period });
    const then = indicatorView(data, id, thenCut, { asOf: previous.period });
    const { indicator } = now;
    const a = then.headline.latest;
    const b = now.headline.latest;
    if (a && b && a.period.label !== b.period.label) {
      const trend = trendBetween(indicator, a.cell, b.cell);
      if (['improved', 'worsened', 'rose', 'fell'].includes(trend.kind) && a.cell.value !== null && b.cell.value !== null) {
        moved.push({
          indicator: id,
          title: indicator.title,
          words: `${trend.words} from ${a.text} (${whenNoun(indicator, a.period)}) to ${b.text} (${whenNoun(indicator, b.period)})`,
          size: Math.abs(b.cell.value - a.cell.value) / Math.max(Math.abs(a.cell.value), 1e-9),
        });
      }
    }
    const ta = then.headline.target;
    const tb = now.headline.target;
    if (tb && tb.status !== 'not-assessed' && (!ta || ta.status !== tb.status)) {
      targets.push({ indicator: id, title: indicator.title, words: tb.words, met: tb.status === 'met' });
    }
    // Figures this meeting sees as revised, by files that arrived since the previous meeting.
    for (const cell of now.cells) {
      const q = cell.obs.source.quarter.end;
      if (cell.replaced.length === 0 || q <= thenCut.quarterEnd || q > nowCut.quarterEnd) continue;
      const was = asFirstPublished(data, indicator, cell.replaced[cell.replaced.length - 1]);
      const is = now.disclosed.get(cell.obs);
      if (!was || !is) continue;
      const where = cell.obs.area === 'local' ? '' : ` (${now.names.sentence[cell.obs.area]})`;
      const category = cell.obs.breakdown ? `, ${indicator.categories?.[cell.obs.breakdown]}` : '';
      revised.push({ indicator: id, title: indicator.title, words: `${capitalise(whenNoun(indicator, cell.obs.period))}${category}${where}: was ${formatCell(indicator, was)}, now ${formatCell(indicator, is)}` });
    }
  }
  moved.sort((x, y) => y.size - x.size || (x.indicator < y.indicator ? -1 : 1));
  return { previous, moved: moved.slice(0, MOST_MOVED), targets, revised };
}
