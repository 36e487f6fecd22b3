/**
 * Draws the link preview cards. Astro asks for the card pages one after another, in the order
 * getStaticPaths gave them, after every meeting page, and waits for each.
 *
 * - **In the background**: each meeting page says which cards will be wanted (`soon`), and a
 *   worker thread at the lowest priority (draw-worker.mjs) draws them, in turn, while the next
 *   pages render, with what the pages leave of the machine's cores. By the time Astro asks for
 *   the cards they are drawn, and reading one back is all its page costs (README, "Memory and
 *   time"). This thread then never draws, and never loads satori and resvg (about 50 MB): a card
 *   the worker has not reached yet is waited for, and the worker, with this thread idle, has a
 *   core to itself. Only if the worker cannot start or dies is what it had left drawn here.
 * - **A few ahead**: without a background, a card is drawn here, its layout and PNG on this
 *   thread (satori and resvg's encoder, 15 to 20 ms), its rasterising on libuv's thread pool
 *   (draw.mjs, 12 ms); starting the next cards as one is asked for keeps the pool busy on the
 *   other core.
 *
 * The pictures drawn on the pool, and the worker (60 to 90 MB), hold memory that a build with
 * little cannot spare (with 256 MiB for the whole build, the sample site was stopped by the
 * system): without `pool` and `background`, each card is drawn on this thread when it is asked
 * for. The bytes are the same every way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Drawn } from './draw.mjs';
import { Recent } from '../recent';

export interface CardJob {
  /** The card's layout, for draw.mjs. */
  tree: unknown;
  /** Cards with the same look (title, chart, council) are drawn once. */
  look: string;
}

export interface CardOptions {
  /** Rasterise on libuv's thread pool, a few cards ahead. */
  pool?: boolean;
  /** Draw cards said to be wanted `soon` on a worker thread (draw-worker.mjs), which writes each PNG into `dir`. */
  background?: { worker: string | URL; dir: string };
  /** Told each drawing's milliseconds, and whether the worker made it (for `npm run bench`). */
  onDrawn?: (ms: number, inBackground: boolean) => void;
}

/**
 * How many cards past the one asked for are being drawn. It bounds the memory the drawings hold
 * (a 3 MB picture each, freed only when V8 next collects), and two cores have little use for
 * more: 2 kept the build's peak where it was with the cards drawn one at a time (3 added 30 MB).
 */
const AHEAD = 2;

/** A card drawn in the background waits on disk until it is asked for; one drawn here, in memory. */
type Made = Drawn | { file: string; ms: number };

/**
 * A card sent to the worker, and its drawing. The layout (`job`), needed only if the worker is
 * lost before it draws the card, is dropped once the card is drawn: `sentLooks` keeps every Sent
 * for the rest of the build, and the trees would grow with the archive.
 */
interface Sent {
  index: number;
  job?: CardJob;
  made: Promise<Made>;
  settle: (made: Made | Promise<Made>) => void;
  fail: (error: Error) => void;
  done: boolean;
}

async function bytesOf(made: Made): Promise<Drawn> {
  if ('png' in made) return made;
  const png = await readFile(made.file);
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.length) as Uint8Array<ArrayBuffer>, ms: made.ms };
}

export class CardQueue {
  private readonly position: Map<string, number>;
  /** The place in `order` of the card asked for last, when they are asked for in order. */
  private asked = -1;
  /** The next place in `order` not yet started. */
  private next = 0;
  /** Drawings started and not yet asked for, by card. */
  private readonly started = new Map<string, Promise<Drawn>>();
  private readonly looks = new Recent<string, Promise<Drawn>>(32);
  /** How many cards past the one asked for are started: AHEAD on the pool, else none. */
  private readonly ahead: number;
  private worker?: Worker;
  /** Cards sent to the worker and not yet asked for, by card; and by look. */
  private readonly sent = new Map<string, Sent>();
  private readonly sentLooks = new Map<string, Sent>();
  /** Cards sent to the worker and not drawn yet, by either thread, by place in `order`. */
  private readonly undrawn = new Map<number, Sent>();
  /** Whether Astro has asked for a card: the pages, which say what is wanted soon, are done. */
  private asking = false;
  /** Where cards are drawn in the background, until the worker is stopped or lost. */
  private background?: CardOptions['background'];
  /** How many cards the worker drew (for tests). */
  drawnInBackground = 0;

  /**
   * @param order the cards' keys, in the order they will be asked for
   * @param jobFor what to draw for a card
   */
  constructor(
    private readonly order: readonly string[],
    private readonly jobFor: (key: string) => CardJob,
    private readonly options: CardOptions = {},
  ) {
    this.position = new Map(order.map((key, i) => [key, i]));
    this.ahead = options.pool ? AHEAD : 0;
    this.background = options.background;
  }

  /**
   * The card will be asked for: draw it in the background meanwhile, if there is a background.
   * A card whose layout cannot be worked out is left to fail when it is asked for.
   */
  soon(key: string): void {
    const index = this.position.get(key);
    if (!this.background || this.asking || index === undefined || this.sent.has(key) || this.started.has(key)) return;
    let job: CardJob;
    try {
      job = this.jobFor(key);
    } catch {
      return;
    }
    if (this.looks.get(job.look) || this.sentLooks.has(job.look)) return;
    const worker = this.workerNow();
    if (!worker) return;
    let settle!: Sent['settle'];
    let fail!: Sent['fail'];
    const made = new Promise<Made>((resolve, reject) => ((settle = resolve), (fail = reject)));
    // A failed drawing fails its card when the card is asked for.
    made.catch(() => {});
    const sent: Sent = { index, job, made, settle, fail, done: false };
    this.undrawn.set(index, sent);
    this.sent.set(key, sent);
    this.sentLooks.set(job.look, sent);
    worker.postMessage({ index, tree: job.tree });
  }

  /** The card's PNG bytes. */
  draw(key: string): Promise<Drawn> {
    this.asking = true;
    const sent = this.sent.get(key);
    this.sent.delete(key);
    const drawing = sent ? this.drawn(sent) : (this.started.get(key) ?? this.start(key));
    this.started.delete(key);
    // The build asks for the cards in order: the next few are started. (The dev server asks for
    // one now and then, in any order, and is given that one alone.)
    const at = this.position.get(key);
    if (at !== undefined && at === this.asked + 1) {
      this.asked = at;
      for (; this.next <= at + this.ahead && this.next < this.order.length; this.next++) {
        const ahead = this.order[this.next];
        // A card sent to the worker is left to it.
        if (this.next <= at || this.started.has(ahead) || this.sent.has(ahead)) continue;
        const started = this.start(ahead);
        // A failed drawing fails its card when the card is asked for, not before, out of turn.
        started.catch(() => {});
        this.started.set(ahead, started);
      }
    }
    this.stopWhenDone();
    return drawing;
  }

  /**
   * A drawing of the card: one made lately with the same look, or a new one. A card whose layout
   * cannot be worked out fails when it is asked for, not the card that started it ahead.
   */
  private start(key: string): Promise<Drawn> {
    let job: CardJob;
    try {
      job = this.jobFor(key);
    } catch (error) {
      return Promise.reject(error);
    }
    const sent = this.sentLooks.get(job.look);
    if (sent) return this.drawn(sent);
    let drawing = this.looks.get(job.look);
    if (!drawing) {
      drawing = this.drawHere(job);
      this.looks.set(job.look, drawing);
    }
    return drawing;
  }

  private drawHere(job: CardJob): Promise<Drawn> {
    // Loaded when a card is first drawn here: with a background, never.
    const drawing = import('./draw.mjs').then(({ drawCard }) => drawCard(job.tree, this.options.pool));
    const onDrawn = this.options.onDrawn;
    if (onDrawn) drawing.then((drawn) => onDrawn(drawn.ms, false), () => {});
    return drawing;
  }

  /** A card sent to the worker, once the worker has drawn it (or this thread, if the worker was lost). */
  private drawn(sent: Sent): Promise<Drawn> {
    return sent.made.then(bytesOf);
  }

  private settled(sent: Sent, made: Made | Promise<Made> | Error) {
    if (sent.done) return;
    sent.done = true;
    sent.job = undefined;
    this.undrawn.delete(sent.index);
    if (made instanceof Error) sent.fail(made);
    else sent.settle(made);
    this.stopWhenDone();
  }

  private workerNow(): Worker | undefined {
    if (this.worker || !this.background) return this.worker;
    const { worker: file, dir } = this.background;
    let worker: Worker;
    try {
      // A card's layout and drawing need a few megabytes of V8's heap. Its picture, outside the
      // heap, is freed by the worker yielding to the event loop after each card (draw-worker.mjs).
      worker = new Worker(file, { workerData: { dir }, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } });
    } catch {
      this.background = undefined;
      return undefined;
    }
    worker.unref();
    worker.on('message', (reply: { index: number; ms?: number; error?: string }) => {
      const sent = this.undrawn.get(reply.index);
      if (!sent) return;
      if (reply.error !== undefined) return this.settled(sent, new Error(reply.error));
      this.drawnInBackground++;
      this.options.onDrawn?.(reply.ms!, true);
      // Read when the card is asked for: the PNGs drawn ahead wait on disk, not in memory.
      this.settled(sent, { file: join(dir, `${sent.index}.png`), ms: reply.ms! });
    });
    // The worker failed to start or died: what it was drawing, and every card it had not
    // reached, is drawn here. (A card it wrote but had not said so is drawn again, the same.)
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.background = undefined;
      for (const sent of [...this.undrawn.values()]) {
        if (sent.job) this.settled(sent, this.drawHere(sent.job));
      }
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return (this.worker = worker);
  }

  /** Once the cards are being asked for and the worker has none left, its memory goes back. */
  private stopWhenDone() {
    if (!this.worker || !this.asking || this.undrawn.size > 0) return;
    const worker = this.worker;
    this.worker = undefined;
    this.background = undefined;
    void worker.terminate();
  }
}
