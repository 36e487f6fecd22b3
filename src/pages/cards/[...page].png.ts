import { appendFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site-data';
import type { DataIndex } from '../../lib/data-index';
import { indicatorCard, meetingCard } from '../../lib/cards/model';
import { cardJob } from '../../lib/cards/render';
import { CardLanes } from '../../lib/cards/lanes';

/** A link preview card (og:image) for every meeting page and every indicator page, in this order. */
function cardPages(data: DataIndex) {
  return [
    ...data.content.meetings.map((m) => ({ params: { page: m.id }, props: { meetingId: m.id } })),
    ...data.content.indicators.map((i) => ({ params: { page: `indicators/${i.id}` }, props: { indicatorId: i.id } })),
  ];
}

export const getStaticPaths: GetStaticPaths = async () => cardPages(await siteData());

/**
 * With many cards, they are drawn on two lanes (src/lib/cards/lanes.ts): here, and on a worker
 * thread that draws the next card meanwhile. The worker costs about 50 MB for as long as the
 * cards take and saves about 10 ms a card on two cores: for a few hundred cards that is a second
 * or two, not worth the memory, for thousands it is minutes. scripts/astro-build.mjs names the
 * worker's file in SCRUTINEER_CARD_WORKER when the build has the memory; without it (the dev
 * server) every card is drawn here.
 */
const WORKER_FROM_CARDS = 500;
let lanes: CardLanes | undefined;
function cardLanes(data: DataIndex) {
  if (lanes) return lanes;
  const timings = process.env.SCRUTINEER_CARD_TIMINGS;
  const pages = new Map(cardPages(data).map((p) => [p.params.page, p.props as { meetingId?: string; indicatorId?: string }]));
  return (lanes = new CardLanes(
    [...pages.keys()],
    (page) => {
      const { meetingId, indicatorId } = pages.get(page)!;
      const card = meetingId ? meetingCard(data, data.meetings.get(meetingId)!) : indicatorCard(data, indicatorId!);
      return cardJob(card, data.content.site.council);
    },
    pages.size >= WORKER_FROM_CARDS ? process.env.SCRUTINEER_CARD_WORKER : undefined,
    // SCRUTINEER_CARD_TIMINGS=<file>: each card's drawing time (ms), then when it started and ended
    // (ms since 1970), one card a line, for `npm run bench`: the two lanes overlap, so the cards'
    // cost to the build is the span from the first start to the last end, not the sum.
    timings
      ? (ms) => {
          const end = Date.now();
          appendFileSync(timings, `${ms.toFixed(3)} ${Math.round(end - ms)} ${end}\n`);
        }
      : undefined,
  ));
}

export const GET: APIRoute = async ({ params }) => {
  const { png } = await cardLanes(await siteData()).draw(params.page!);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
