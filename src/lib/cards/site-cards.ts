/**
 * The site's link preview cards: one per meeting page and one per indicator page, in this order,
 * and the one queue that draws them for the build (queue.ts). The meeting pages say which cards
 * will be wanted soon; the card pages (src/pages/cards/) ask for them.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import type { DataIndex } from '../data-index';
import { indicatorCard, meetingCard } from './model';
import { cardJob } from './render';
import { CardQueue, type CardOptions } from './queue';
import { roomy as hasRoom } from '../roomy.mjs';

/** The card page of an indicator's page. */
const indicatorCardPage = (id: string) => `indicators/${id}`;

/** A card page for every meeting page and every indicator page, in this order. */
export function cardPages(data: DataIndex) {
  return [
    ...data.content.meetings.map((m) => ({ params: { page: m.id }, props: { meetingId: m.id } })),
    ...data.content.indicators.map((i) => ({ params: { page: indicatorCardPage(i.id) }, props: { indicatorId: i.id } })),
  ];
}

/**
 * The background needs a worker thread of low priority, which Linux gives a thread of its own;
 * elsewhere setting a priority would lower the whole build's. scripts/astro-build.mjs names the
 * worker's file and a folder for its PNGs (in the build's cache folder); the dev server does
 * not, and draws each card when it is asked for.
 */
function background(): CardOptions['background'] {
  const worker = process.env.SCRUTINEER_CARD_WORKER;
  const dir = process.env.SCRUTINEER_CARD_DIR;
  if (!worker || !dir || process.platform !== 'linux') return undefined;
  mkdirSync(dir, { recursive: true });
  return { worker, dir };
}

const queues = new WeakMap<DataIndex, CardQueue>();

export function siteCards(data: DataIndex): CardQueue {
  let queue = queues.get(data);
  if (queue) return queue;
  const pages = new Map(cardPages(data).map((p) => [p.params.page, p.props as { meetingId?: string; indicatorId?: string }]));
  // Drawn in the background and a few ahead only with room (../roomy.mjs): both hold memory that
  // V8 does not see.
  const roomy = hasRoom();
  const timings = process.env.SCRUTINEER_CARD_TIMINGS;
  queue = new CardQueue(
    [...pages.keys()],
    (page) => {
      const { meetingId, indicatorId } = pages.get(page)!;
      const card = meetingId ? meetingCard(data, data.meetings.get(meetingId)!) : indicatorCard(data, indicatorId!);
      return cardJob(card, data.content.site.council);
    },
    {
      pool: roomy,
      background: roomy ? background() : undefined,
      // SCRUTINEER_CARD_TIMINGS=<file>: each card's drawing time (ms) and where it was drawn, one
      // a line, for `npm run bench` (cardPng below writes how long the card pages waited).
      onDrawn: timings ? (ms, inBackground) => appendFileSync(timings, `drawn ${ms.toFixed(3)} ${inBackground ? 'background' : 'here'}\n`) : undefined,
    },
  );
  queues.set(data, queue);
  return queue;
}

const indicatorsSent = new WeakSet<CardQueue>();

/**
 * For a meeting page: its card will be wanted, and so, from the first meeting page on, will the
 * indicator pages' cards, which the background then draws while the meeting pages render rather
 * than while Astro waits for them.
 */
export function meetingCardSoon(data: DataIndex, meetingId: string): void {
  const queue = siteCards(data);
  queue.soon(meetingId);
  if (indicatorsSent.has(queue)) return;
  indicatorsSent.add(queue);
  for (const indicator of data.content.indicators) queue.soon(indicatorCardPage(indicator.id));
}

/**
 * The card's PNG, for its page. With SCRUTINEER_CARD_TIMINGS, when Astro asked for it and when
 * it was ready (ms since 1970): the cards' cost to the build is the span from the first asked to
 * the last ready, which the drawings made in the background do not count in.
 */
export async function cardPng(data: DataIndex, page: string): Promise<Uint8Array<ArrayBuffer>> {
  const asked = Date.now();
  const { png } = await siteCards(data).draw(page);
  const timings = process.env.SCRUTINEER_CARD_TIMINGS;
  if (timings) appendFileSync(timings, `asked ${asked} ${Date.now()}\n`);
  return png;
}
