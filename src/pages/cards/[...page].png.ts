import { appendFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site-data';
import type { DataIndex } from '../../lib/data-index';
import { indicatorCard, meetingCard } from '../../lib/cards/model';
import { cardJob } from '../../lib/cards/render';
import { CardQueue } from '../../lib/cards/queue';

/** A link preview card (og:image) for every meeting page and every indicator page, in this order. */
function cardPages(data: DataIndex) {
  return [
    ...data.content.meetings.map((m) => ({ params: { page: m.id }, props: { meetingId: m.id } })),
    ...data.content.indicators.map((i) => ({ params: { page: `indicators/${i.id}` }, props: { indicatorId: i.id } })),
  ];
}

export const getStaticPaths: GetStaticPaths = async () => cardPages(await siteData());

/**
 * Cards are drawn a few ahead of the one asked for, rasterised on libuv's thread pool, when the
 * build has 1 GiB or more (a cgroup's limit, or the machine's memory; src/lib/cards/queue.ts);
 * with less, each is drawn when it is asked for, on this thread.
 */
const POOL_MEMORY = 1024 ** 3;
let queue: CardQueue | undefined;
function cardQueue(data: DataIndex) {
  if (queue) return queue;
  const timings = process.env.SCRUTINEER_CARD_TIMINGS;
  const pages = new Map(cardPages(data).map((p) => [p.params.page, p.props as { meetingId?: string; indicatorId?: string }]));
  return (queue = new CardQueue(
    [...pages.keys()],
    (page) => {
      const { meetingId, indicatorId } = pages.get(page)!;
      const card = meetingId ? meetingCard(data, data.meetings.get(meetingId)!) : indicatorCard(data, indicatorId!);
      return cardJob(card, data.content.site.council);
    },
    {
      pool: Math.min(process.constrainedMemory?.() || Infinity, totalmem()) >= POOL_MEMORY,
      // SCRUTINEER_CARD_TIMINGS=<file>: each card's drawing time (ms), then when it started and
      // ended (ms since 1970), one card a line, for `npm run bench`: drawings overlap, so the
      // cards' cost to the build is the span from the first start to the last end, not the sum.
      onDrawn: timings
        ? (ms) => {
            const end = Date.now();
            appendFileSync(timings, `${ms.toFixed(3)} ${Math.round(end - ms)} ${end}\n`);
          }
        : undefined,
    },
  ));
}

export const GET: APIRoute = async ({ params }) => {
  const { png } = await cardQueue(await siteData()).draw(params.page!);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
