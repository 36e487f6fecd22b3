/**
 * Draws link preview cards in the background while Astro renders the meeting pages (queue.ts):
 * a worker thread that takes the cards it is sent in turn, draws each with the same code as the
 * pages' thread (draw.mjs, so the bytes are the same whichever thread drew a card), writes the PNG
 * into the folder it was given and says so.
 *
 * It runs at the lowest priority, so it uses only what the pages leave of the machine's cores:
 * on Linux a thread's priority is its own (setpriority names the calling thread), and queue.ts
 * starts this worker only there. When the pages' thread waits for a card, it is idle, and this
 * thread has its core.
 */
import { writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { drawCard } from './draw.mjs';

/** @type {{ dir: string }} */
const { dir } = workerData;
try {
  setPriority(19);
} catch {
  // Drawn at the pages' priority, which costs the pages some time but changes no byte.
}

/** @type {{ index: number; tree: unknown }[]} */
const waiting = [];
let drawing = false;

parentPort?.on('message', (/** @type {{ index: number; tree: unknown }} */ job) => {
  waiting.push(job);
  if (!drawing) void drawWaiting();
});

async function drawWaiting() {
  drawing = true;
  for (let job = waiting.shift(); job; job = waiting.shift()) {
    const { index, tree } = job;
    try {
      const { png, ms } = await drawCard(tree);
      writeFileSync(join(dir, `${index}.png`), png);
      parentPort?.postMessage({ index, ms });
    } catch (error) {
      parentPort?.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
    }
    // resvg's picture (3 MB, which V8 does not count: thx/resvg-js#216) is freed by its object's
    // finalizer, which Node runs once the event loop turns, not while a loop of promises keeps
    // it busy: without this, 200 cards held a gigabyte.
    await new Promise((resume) => setImmediate(resume));
  }
  drawing = false;
}
