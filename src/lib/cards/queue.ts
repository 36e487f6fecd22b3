/**
 * Draws the link preview cards a few ahead of the one asked for. Astro asks for the card pages
 * one after another, in the order getStaticPaths gave them, and waits for each; a card's layout
 * and its PNG are made on this thread (satori and resvg's encoder, 15 to 20 ms), its rasterising
 * on libuv's thread pool (draw.ts, 12 ms). Starting the next cards as one is asked for keeps the
 * pool busy on the other core meanwhile: on 2 cores the 200-meeting bench's cards took 5.8 s
 * rather than 7.0 to 7.2 s (README, "Memory and time: the fourth round"), the same bytes.
 *
 * The pictures drawn on the pool hold memory that V8 does not see, which a build with little
 * memory cannot spare (with 256 MiB for the whole build, the sample site was stopped by the
 * system): without `pool`, each card is drawn on this thread when it is asked for, as before.
 */
import { drawCard, type Drawn } from './draw';
import { Recent } from '../recent';

export interface CardJob {
  /** The card's layout, for draw.ts. */
  tree: unknown;
  /** Cards with the same look (title, chart, council) are drawn once. */
  look: string;
}

/**
 * How many cards past the one asked for are being drawn. It bounds the memory the drawings hold
 * (a 3 MB picture each, freed only when V8 next collects), and two cores have little use for
 * more: 2 kept the build's peak where it was with the cards drawn one at a time (3 added 30 MB).
 */
const AHEAD = 2;

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

  /**
   * @param order the cards' keys, in the order they will be asked for
   * @param jobFor what to draw for a card
   * @param options.pool rasterise on libuv's thread pool, a few cards ahead
   * @param options.onDrawn told each drawing's milliseconds (for `npm run bench`)
   */
  constructor(
    private readonly order: readonly string[],
    private readonly jobFor: (key: string) => CardJob,
    private readonly options: { pool?: boolean; onDrawn?: (ms: number) => void } = {},
  ) {
    this.position = new Map(order.map((key, i) => [key, i]));
    this.ahead = options.pool ? AHEAD : 0;
  }

  /** The card's PNG bytes. */
  draw(key: string): Promise<Drawn> {
    const drawing = this.started.get(key) ?? this.start(key);
    this.started.delete(key);
    // The build asks for the cards in order: the next few are started. (The dev server asks for
    // one now and then, in any order, and is given that one alone.)
    const at = this.position.get(key);
    if (at !== undefined && at === this.asked + 1) {
      this.asked = at;
      for (; this.next <= at + this.ahead && this.next < this.order.length; this.next++) {
        const ahead = this.order[this.next];
        if (this.next <= at || this.started.has(ahead)) continue;
        const started = this.start(ahead);
        // A failed drawing fails its card when the card is asked for, not before, out of turn.
        started.catch(() => {});
        this.started.set(ahead, started);
      }
    }
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
    let drawing = this.looks.get(job.look);
    if (!drawing) {
      drawing = drawCard(job.tree, this.options.pool);
      const onDrawn = this.options.onDrawn;
      if (onDrawn) drawing.then((drawn) => onDrawn(drawn.ms), () => {});
      this.looks.set(job.look, drawing);
    }
    return drawing;
  }
}
