/**
 * The second lane of card drawing (lanes.ts): a worker thread that draws the cards it is sent,
 * one at a time, with the same code as the page (draw.mjs), and sends back the PNG bytes.
 */
import { parentPort } from 'node:worker_threads';
import { drawCard } from './draw.mjs';

parentPort?.on('message', async (/** @type {{ key: string; tree: unknown }} */ { key, tree }) => {
  try {
    const { png, ms } = await drawCard(tree);
    parentPort?.postMessage({ key, png, ms }, [png.buffer]);
  } catch (error) {
    parentPort?.postMessage({ key, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
