/**
 * Link preview cards are drawn on two lanes (src/lib/cards/lanes.ts): the page's thread and a
 * worker. Whichever lane draws a card, its PNG must be the same bytes; a worker that cannot start
 * must not lose a card; a drawing that fails must fail the card, in words.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardLanes, type CardJob } from '../../src/lib/cards/lanes';
import { cardJob } from '../../src/lib/cards/render';
import type { CardModel } from '../../src/lib/cards/model';

const WORKER = resolve(import.meta.dirname, '..', '..', 'src', 'lib', 'cards', 'draw-worker.mjs');

function model(i: number): CardModel {
  return {
    kicker: 'Testshire County Council · Children’s services performance',
    title: `Corporate Parenting Board, ${i + 1} March 2025`,
    caption: 'Children looked after, rate per 10,000 children',
    local: { values: [61 + i, 63, null, 66, 64 - i] },
    england: { values: [70, 71, 71, 70, 69] },
    illustrative: i % 2 === 0,
    alt: 'unused',
  };
}

const keys = Array.from({ length: 7 }, (_, i) => `card-${i}`);
const jobs = new Map<string, CardJob>(keys.map((k, i) => [k, cardJob(model(i % 5), 'Testshire')]));

async function drawAll(lanes: CardLanes) {
  const out: Buffer[] = [];
  for (const key of keys) out.push(Buffer.from((await lanes.draw(key)).png));
  return out;
}

describe('card lanes', () => {
  it('draws the same bytes on the worker as on the page thread, and stops the worker after the last card', async () => {
    const alone = await drawAll(new CardLanes(keys, (k) => jobs.get(k)!));
    const drawn: number[] = [];
    const lanes = new CardLanes(keys, (k) => jobs.get(k)!, WORKER, (ms) => drawn.push(ms));
    expect(lanes.parallel).toBe(true);
    const both = await drawAll(lanes);
    expect(both.map((png) => png.subarray(1, 4).toString())).toEqual(keys.map(() => 'PNG'));
    expect(both).toEqual(alone);
    // Cards 5 and 6 look like cards 0 and 1: drawn once each.
    expect(both[5]).toEqual(both[0]);
    expect(drawn).toHaveLength(5);
    expect(lanes.workerDrawn).toBeGreaterThanOrEqual(2);
    expect(lanes.parallel).toBe(false);
  }, 60_000);

  it('draws every card on the page thread when the worker cannot start', async () => {
    const lanes = new CardLanes(keys, (k) => jobs.get(k)!, resolve(import.meta.dirname, 'no-such-worker.mjs'));
    const alone = await drawAll(new CardLanes(keys, (k) => jobs.get(k)!));
    expect(await drawAll(lanes)).toEqual(alone);
  }, 60_000);

  it('fails a card whose drawing fails, on either lane, saying why', async () => {
    // satori refuses an image whose address is not absolute.
    const bad: CardJob = { tree: { type: 'img', props: { style: {}, src: 'nope.png' } }, look: 'bad' };
    const lanes = new CardLanes(['a', 'b'], (k) => (k === 'b' ? bad : jobs.get('card-0')!), WORKER);
    const a = lanes.draw('a');
    const b = lanes.draw('b');
    await expect(a).resolves.toHaveProperty('png');
    await expect(b).rejects.toThrow(/absolute URL: nope\.png/);
    await expect(new CardLanes(['b'], () => bad).draw('b')).rejects.toThrow(/absolute URL: nope\.png/);
  }, 60_000);
});
