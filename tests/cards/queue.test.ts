/**
 * Link preview cards are drawn in the background as the meeting pages say they will be wanted,
 * and a few ahead of the one Astro asks for (src/lib/cards/queue.ts), rasterised on libuv's
 * thread pool, when the build has the memory. A card's PNG must be the same bytes however and
 * wherever it was drawn; each card is drawn once, cards that look the same once between them; a
 * drawing that fails must fail its own card, in words, and no other.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CardQueue, type CardJob } from '../../src/lib/cards/queue';
import { drawCard } from '../../src/lib/cards/draw.mjs';
import { cardJob } from '../../src/lib/cards/render';
import type { CardModel } from '../../src/lib/cards/model';

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
const WORKER = fileURLToPath(new URL('../../src/lib/cards/draw-worker.mjs', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'scrutineer-cards-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const until = async (done: () => boolean) => {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
};
const jobs = new Map<string, CardJob>(keys.map((k, i) => [k, cardJob(model(i % 5), 'Testshire')]));

describe('card queue', () => {
  it('draws each card as drawing it alone would, on the pool or not, the same look once, a few cards ahead', async () => {
    const alone = await Promise.all(keys.map(async (k) => Buffer.from((await drawCard(jobs.get(k)!.tree)).png)));
    for (const pool of [true, false]) {
      const asked: string[] = [];
      const drawn: number[] = [];
      const queue = new CardQueue(keys, (k) => (asked.push(k), jobs.get(k)!), { pool, onDrawn: (ms) => drawn.push(ms) });
      const first = queue.draw('card-0');
      // On the pool, asking for the first card starts the next two, and no more; else none.
      expect(asked).toEqual(pool ? ['card-0', 'card-1', 'card-2'] : ['card-0']);
      const out = [Buffer.from((await first).png)];
      for (const key of keys.slice(1)) out.push(Buffer.from((await queue.draw(key)).png));
      expect(out.map((png) => png.subarray(1, 4).toString())).toEqual(keys.map(() => 'PNG'));
      expect(out).toEqual(alone);
      // Cards 5 and 6 look like cards 0 and 1: drawn once each.
      expect(out[5]).toEqual(out[0]);
      expect(out[0]).not.toEqual(out[1]);
      expect(drawn).toHaveLength(5);
      expect(asked).toEqual(keys);
    }
  }, 60_000);

  it('draws a card asked for out of order (the dev server) on its own, the same', async () => {
    const asked: string[] = [];
    const queue = new CardQueue(keys, (k) => (asked.push(k), jobs.get(k)!), { pool: true });
    const third = Buffer.from((await queue.draw('card-2')).png);
    expect(asked).toEqual(['card-2']);
    expect(third).toEqual(Buffer.from((await drawCard(jobs.get('card-2')!.tree)).png));
  }, 60_000);

  it('fails a card whose drawing fails, saying why, even when it was started ahead, and no other', async () => {
    // satori refuses an image whose address is not absolute.
    const bad: CardJob = { tree: { type: 'img', props: { style: {}, src: 'nope.png' } }, look: 'bad' };
    const queue = new CardQueue(['a', 'b', 'c'], (k) => (k === 'b' ? bad : jobs.get(k === 'a' ? 'card-0' : 'card-1')!), { pool: true });
    const a = queue.draw('a');
    await expect(a).resolves.toHaveProperty('png');
    await expect(queue.draw('b')).rejects.toThrow(/absolute URL: nope\.png/);
    await expect(queue.draw('c')).resolves.toHaveProperty('png');
    // A card whose layout cannot be worked out fails alone, when it is asked for.
    const broken = new CardQueue(
      ['a', 'b', 'c'],
      (k) => {
        if (k === 'b') throw new Error('no figures for b');
        return jobs.get('card-0')!;
      },
      { pool: true },
    );
    await expect(broken.draw('a')).resolves.toHaveProperty('png');
    await expect(broken.draw('b')).rejects.toThrow('no figures for b');
    await expect(broken.draw('c')).resolves.toHaveProperty('png');
  }, 60_000);

  it('draws the cards said to be wanted soon in the background, the same bytes, each once', async () => {
    const alone = await Promise.all(keys.map(async (k) => Buffer.from((await drawCard(jobs.get(k)!.tree)).png)));
    const drawn: boolean[] = [];
    const queue = new CardQueue(keys, (k) => jobs.get(k)!, { pool: true, background: { worker: WORKER, dir: temp }, onDrawn: (_ms, inBackground) => drawn.push(inBackground) });
    for (const key of keys) queue.soon(key);
    // Cards 5 and 6 look like cards 0 and 1: not sent again.
    await until(() => queue.drawnInBackground === 5);
    expect(queue.drawnInBackground).toBe(5);
    const out = [];
    for (const key of keys) out.push(Buffer.from((await queue.draw(key)).png));
    expect(out).toEqual(alone);
    expect(drawn).toEqual([true, true, true, true, true]);
  }, 60_000);

  it('waits for the worker to draw a card it has not reached, rather than drawing it here: each card is drawn once', async () => {
    const alone = await Promise.all(keys.map(async (k) => Buffer.from((await drawCard(jobs.get(k)!.tree)).png)));
    const drawn: boolean[] = [];
    const queue = new CardQueue(keys, (k) => jobs.get(k)!, { pool: true, background: { worker: WORKER, dir: temp }, onDrawn: (_ms, inBackground) => drawn.push(inBackground) });
    for (const key of keys) queue.soon(key);
    // Asked for at once, while the worker is still starting: each is waited for.
    expect(queue.drawnInBackground).toBe(0);
    const out = [];
    for (const key of keys) out.push(Buffer.from((await queue.draw(key)).png));
    expect(out).toEqual(alone);
    expect(drawn).toEqual([true, true, true, true, true]);
    await new Promise((r) => setTimeout(r, 300));
    expect(drawn).toHaveLength(5);
  }, 60_000);

  it('fails a card whose drawing fails in the background, saying why, and no other', async () => {
    const bad: CardJob = { tree: { type: 'img', props: { style: {}, src: 'nope.png' } }, look: 'bad' };
    const queue = new CardQueue(['a', 'b', 'c'], (k) => (k === 'b' ? bad : jobs.get(k === 'a' ? 'card-0' : 'card-1')!), { background: { worker: WORKER, dir: temp } });
    for (const key of ['a', 'b', 'c']) queue.soon(key);
    await until(() => queue.drawnInBackground === 2);
    expect(queue.drawnInBackground).toBe(2);
    await expect(queue.draw('a')).resolves.toHaveProperty('png');
    await expect(queue.draw('b')).rejects.toThrow(/absolute URL: nope\.png/);
    await expect(queue.draw('c')).resolves.toHaveProperty('png');
  }, 60_000);

  it('draws every card here when the worker cannot start or dies', async () => {
    const broken = join(temp, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this worker cannot start');\n");
    const alone = await Promise.all(keys.slice(0, 3).map(async (k) => Buffer.from((await drawCard(jobs.get(k)!.tree)).png)));
    const queue = new CardQueue(keys.slice(0, 3), (k) => jobs.get(k)!, { background: { worker: broken, dir: temp } });
    for (const key of keys.slice(0, 3)) queue.soon(key);
    await new Promise((r) => setTimeout(r, 500));
    const out = [];
    for (const key of keys.slice(0, 3)) out.push(Buffer.from((await queue.draw(key)).png));
    expect(out).toEqual(alone);
    expect(queue.drawnInBackground).toBe(0);
  }, 60_000);
});
