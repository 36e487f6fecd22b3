/**
 * Draws the link preview cards on two lanes at once: the thread that renders the pages, and a
 * worker thread. Astro asks for the card pages one after another, in the order getStaticPaths gave
 * them; while this thread draws one card, the worker draws the next (on 2 cores the cards took
 * about a quarter less time: README, "Memory and time: the third round"). Both lanes run
 * draw.mjs, so a card's bytes do not depend on which lane drew it. Without a worker (none named,
 * or it could not start, or it died) this thread draws every card.
 */
import { Worker } from 'node:worker_threads';
import { drawCard } from './draw.mjs';
import { Recent } from '../recent';

export interface Drawn {
  png: Uint8Array<ArrayBuffer>;
  /** How long the drawing took, in milliseconds. */
  ms: number;
}

export interface CardJob {
  /** The card's layout, for draw.mjs. */
  tree: unknown;
  /** Cards with the same look (title, chart, council) are drawn once. */
  look: string;
}

/**
 * How many cards the worker may draw ahead of the one asked for. It bounds the PNGs held in
 * memory (40 to 80 KB each) when the worker is faster than the pages asking for them.
 */
const AHEAD = 8;

interface Busy {
  key: string;
  job: CardJob;
  resolve: (drawn: Drawn | Promise<Drawn>) => void;
  reject: (error: Error) => void;
}

export class CardLanes {
  private readonly position: Map<string, number>;
  /** The next place in `order` that neither lane has taken. */
  private next = 0;
  /** The furthest place in `order` asked for so far. */
  private asked = -1;
  /** Cards a lane has taken (drawn, being drawn, or asked for). */
  private readonly taken = new Set<string>();
  /** Drawings not yet asked for, by card. */
  private readonly ready = new Map<string, Promise<Drawn>>();
  private readonly looks = new Recent<string, Promise<Drawn>>(32);
  private worker?: Worker;
  private busy?: Busy;
  /** How many cards the worker drew (for tests). */
  workerDrawn = 0;

  /**
   * @param order the cards' keys, in the order they will be asked for
   * @param jobFor what to draw for a card
   * @param workerFile draw-worker.mjs; without it, every card is drawn on this thread
   * @param onDrawn told how long each drawing took (for `npm run bench`)
   */
  constructor(
    private readonly order: readonly string[],
    private readonly jobFor: (key: string) => CardJob,
    workerFile?: string,
    private readonly onDrawn?: (ms: number) => void,
  ) {
    this.position = new Map(order.map((key, i) => [key, i]));
    if (workerFile && order.length > 1) this.start(workerFile);
  }

  /** The card's PNG bytes, drawn on whichever lane was free. */
  draw(key: string): Promise<Drawn> {
    this.asked = Math.max(this.asked, this.position.get(key) ?? -1);
    const drawing = this.ready.get(key);
    if (drawing) this.ready.delete(key);
    else this.taken.add(key);
    // Keep the worker busy with the next card while this thread works.
    this.feed();
    if (!drawing) return this.drawHere(key);
    // The worker is still drawing this card: draw the next one here meanwhile.
    if (this.busy?.key === key) {
      const next = this.takeNext();
      if (next !== undefined) {
        const ahead = this.drawHere(next);
        ahead.catch(() => {});
        this.ready.set(next, ahead);
      }
    }
    return drawing;
  }

  /** Whether a worker is drawing cards (for tests). */
  get parallel() {
    return this.worker !== undefined;
  }

  private start(file: string) {
    let worker: Worker;
    try {
      // A card needs a few megabytes; the limits keep a fault in a drawing from growing the build.
      worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } });
    } catch {
      return;
    }
    worker.unref();
    worker.on('message', (reply: { key: string; png?: Uint8Array<ArrayBuffer>; ms?: number; error?: string }) => {
      const busy = this.busy;
      this.busy = undefined;
      if (!busy || busy.key !== reply.key) return;
      if (reply.error !== undefined) {
        busy.reject(new Error(reply.error));
      } else {
        this.workerDrawn++;
        this.onDrawn?.(reply.ms!);
        busy.resolve({ png: reply.png!, ms: reply.ms! });
      }
      this.feed();
    });
    // The worker failed to load or died: this thread draws what it was drawing, and the rest.
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const busy = this.busy;
      this.busy = undefined;
      if (busy) busy.resolve(this.drawNow(busy.job));
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
  }

  /** Gives the worker the next card nobody has taken, unless it is busy or far enough ahead. */
  private feed() {
    while (this.worker && !this.busy && this.next - this.asked <= AHEAD) {
      const key = this.takeNext();
      if (key === undefined) {
        // Every card is taken: the worker's memory goes back before the rest of the build.
        const worker = this.worker;
        this.worker = undefined;
        void worker.terminate();
        return;
      }
      // A card that looks like one drawn lately is not sent, and the worker takes the next.
      this.ready.set(key, this.byLook(this.jobFor(key), (job) => this.send(key, job)));
    }
  }

  /** Sends a card to the worker, which is then busy until it replies. */
  private send(key: string, job: CardJob): Promise<Drawn> {
    const drawing = new Promise<Drawn>((resolve, reject) => {
      this.busy = { key, job, resolve, reject };
    });
    // A failed drawing fails its card when the card is asked for, not before, out of turn.
    drawing.catch(() => {});
    this.worker!.postMessage({ key, tree: job.tree });
    return drawing;
  }

  /** The drawing of a card with the job's look: one made lately, or a new one made by `draw`. */
  private byLook(job: CardJob, draw: (job: CardJob) => Promise<Drawn>): Promise<Drawn> {
    let drawing = this.looks.get(job.look);
    if (!drawing) this.looks.set(job.look, (drawing = draw(job)));
    return drawing;
  }

  private takeNext(): string | undefined {
    while (this.next < this.order.length) {
      const key = this.order[this.next++];
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return key;
      }
    }
    return undefined;
  }

  private drawHere(key: string): Promise<Drawn> {
    return this.byLook(this.jobFor(key), (job) => this.drawNow(job));
  }

  private async drawNow(job: CardJob): Promise<Drawn> {
    const drawn = await drawCard(job.tree);
    this.onDrawn?.(drawn.ms);
    return drawn;
  }
}
