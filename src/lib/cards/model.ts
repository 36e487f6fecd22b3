/**
 * What a link preview card (og:image) shows: the page's title and the headline chart, the
 * council's own figures over recent periods, with England's where they are for the same periods.
 * Built only from disclosure-controlled cells: a suppressed figure is a gap in the line, and is in
 * neither the picture nor its alt text.
 */
import type { Meeting } from '../model';
import { FREQUENCY_KIND, comparePeriods, formatDate } from '../periods';
import { LATEST, meetingCut, type DataIndex } from '../data-index';
import { indicatorView, type IndicatorView } from '../present/indicator';
import { SYMBOL_WORDS, periodInWords } from '../stats/format';

export interface CardSeries {
  /** Points in period order; null where there is no figure to draw (a symbol, or none). */
  values: (number | null)[];
}

export interface CardModel {
  /** Above the title: the council and the site. */
  kicker: string;
  title: string;
  /** Under the title: what the chart shows. */
  caption?: string;
  local?: CardSeries;
  england?: CardSeries;
  illustrative: boolean;
  /** The og:image:alt text. */
  alt: string;
}

/** How many periods the card's chart draws, at most. */
const POINTS = 12;

function chartOf(view: IndicatorView) {
  const { indicator } = view;
  if (indicator.categories) return undefined;
  const kind = FREQUENCY_KIND[indicator.frequency];
  const series = (area: string) =>
    view.cells
      .filter((c) => c.obs.area === area && c.obs.breakdown === undefined && c.obs.period.kind === kind)
      .map((c) => ({ period: c.obs.period, shown: view.disclosed.get(c.obs)! }))
      .sort((a, b) => comparePeriods(a.period, b.period));
  const local = series('local').slice(-POINTS);
  if (local.filter((p) => !p.shown.symbol && p.shown.value !== null).length < 2) return undefined;
  const valueOf = (p: (typeof local)[number] | undefined) => (p && !p.shown.symbol ? p.shown.value : null);
  const england = new Map(series('england').map((p) => [p.period.label, p]));
  const englandValues = local.map((p) => valueOf(england.get(p.period.label)));
  const latest = view.headline.latest;
  const span = `${periodInWords(local[0].period)} to ${periodInWords(local.at(-1)!.period)}`;
  return {
    title: indicator.title,
    span,
    local: { values: local.map(valueOf) },
    ...(englandValues.filter((v) => v !== null).length >= 2 && { england: { values: englandValues } }),
    // A symbol is said in words: "[low]" means nothing read aloud.
    latestText: latest ? `latest figure (${periodInWords(latest.period)}): ${latest.cell.symbol ? SYMBOL_WORDS[latest.cell.symbol] : latest.text}` : undefined,
  };
}

function card(data: DataIndex, title: string, view: IndicatorView | undefined): CardModel {
  const site = data.content.site;
  const chart = view && chartOf(view);
  // The indicator's own card does not repeat its title under the title.
  const caption = chart && (chart.title === title ? chart.span : `${chart.title}, ${chart.span}`);
  const chartWords = chart ? ` A line chart of ${chart.title === title ? 'its figures' : chart.title}, ${chart.span}${chart.latestText ? `, ${chart.latestText}` : ''}${chart.england ? ', with England' : ''}.` : '';
  return {
    kicker: `${site.council} – ${site.title}`,
    title,
    ...(chart && { caption, local: chart.local, ...(chart.england && { england: chart.england }) }),
    illustrative: site.illustrative !== false,
    alt: `${title}.${chartWords}`,
  };
}

export function indicatorCard(data: DataIndex, id: string): CardModel {
  const view = indicatorView(data, id, LATEST);
  return card(data, view.indicator.title, view);
}

/**
 * Meetings' cards, kept from the meeting page (which names the card's alt text) to the card page:
 * by then the views of the meeting's quarter have left the build's caches, and working them out
 * again cost more than the whole card model (a few hundred bytes) costs to keep.
 */
const meetingCards = new WeakMap<DataIndex, Map<string, CardModel>>();

/** A meeting's card draws the first indicator it shows that has a line to draw. */
export function meetingCard(data: DataIndex, meeting: Meeting): CardModel {
  let cards = meetingCards.get(data);
  if (!cards) meetingCards.set(data, (cards = new Map()));
  let model = cards.get(meeting.id);
  if (!model) cards.set(meeting.id, (model = workOutMeetingCard(data, meeting)));
  return model;
}

function workOutMeetingCard(data: DataIndex, meeting: Meeting): CardModel {
  const committee = data.committees.get(meeting.committee)!;
  const cut = meetingCut(meeting);
  const view = meeting.indicatorIds.map((id) => indicatorView(data, id, cut)).find((v) => chartOf(v));
  return card(data, `${committee.name}, ${formatDate(meeting.date)}`, view);
}
