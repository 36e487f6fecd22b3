/**
 * The layout of a link preview card (1200x630 PNG): the page's title, what its chart shows, and
 * the chart, as the plain objects satori reads. draw.mjs draws it; queue.ts decides when.
 */
import { PALETTE } from '../charts/palette';
import type { CardModel, CardSeries } from './model';
import type { CardJob } from './queue';
import { CARD_HEIGHT, CARD_WIDTH } from './size.mjs';

interface El {
  type: string;
  props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown };
}
const el = (type: string, style: Record<string, unknown>, children?: unknown, attrs: Record<string, unknown> = {}): El => ({ type, props: { style, children, ...attrs } });

const CHART = { width: 1080, height: 230, pad: 14 };

/** The council's line (solid) and England's (dashed), split where there is no figure. */
function chart(local: CardSeries, england?: CardSeries): El {
  const all = [...local.values, ...(england?.values ?? [])].filter((v): v is number => v !== null);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const n = local.values.length;
  const x = (i: number) => CHART.pad + (n === 1 ? 0 : (i * (CHART.width - 2 * CHART.pad)) / (n - 1));
  const y = (v: number) => CHART.pad + ((hi - v) * (CHART.height - 2 * CHART.pad)) / (hi - lo);
  const shapes: El[] = [];
  const draw = (s: CardSeries, colour: string, width: number, dash?: string) => {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) shapes.push(el('polyline', {}, undefined, { points: run.join(' '), fill: 'none', stroke: colour, 'stroke-width': width, 'stroke-linejoin': 'round', 'stroke-linecap': 'round', ...(dash && { 'stroke-dasharray': dash }) }));
      run = [];
    };
    s.values.forEach((v, i) => (v === null ? flush() : run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)));
    flush();
  };
  if (england) draw(england, PALETTE.england, 5, '16,10');
  draw(local, PALETTE.local, 7);
  local.values.forEach((v, i) => v !== null && shapes.push(el('circle', {}, undefined, { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 8, fill: PALETTE.local })));
  return el('svg', {}, shapes, { width: CHART.width, height: CHART.height, viewBox: `0 0 ${CHART.width} ${CHART.height}` });
}

/**
 * Text cut to what a card has room for, at a word, with an ellipsis: a card is a preview, and the
 * page itself carries the whole text. Without it a 200-character name ran off the card's edge.
 */
export function fitText(text: string, most: number): string {
  if (text.length <= most) return text;
  const cut = text.slice(0, most - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > most / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Room on a card, in characters, for each text: the longest the sample's cards hold is well inside. */
const ROOM = { kicker: 60, title: 100, caption: 70, council: 40 };

function layout(card: CardModel, council: string): El {
  card = { ...card, kicker: fitText(card.kicker, ROOM.kicker), title: fitText(card.title, ROOM.title), ...(card.caption && { caption: fitText(card.caption, ROOM.caption) }) };
  council = fitText(council, ROOM.council);
  const titleSize = card.title.length > 70 ? 46 : card.title.length > 40 ? 56 : 66;
  const key = (colour: string, dashed: boolean, label: string) =>
    el('div', { display: 'flex', alignItems: 'center', marginRight: 36 }, [
      el('div', { width: 44, height: 0, borderTop: `${dashed ? 5 : 7}px ${dashed ? 'dashed' : 'solid'} ${colour}`, marginRight: 12 }),
      el('div', { color: '#0b0c0c' }, label),
    ]);
  return el('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', overflow: 'hidden', background: '#ffffff', fontFamily: 'Atkinson Hyperlegible', color: '#0b0c0c' }, [
    el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', background: '#0b0c0c', color: '#ffffff', padding: '22px 60px', fontSize: 28 }, [
      el('div', { wordBreak: 'break-word' }, card.kicker),
      ...(card.illustrative ? [el('div', { background: '#ffdd00', color: '#0b0c0c', padding: '4px 14px', fontWeight: 700 }, 'Illustrative data')] : []),
    ]),
    el('div', { display: 'flex', flexDirection: 'column', padding: '30px 60px 0', flexGrow: 1 }, [
      el('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, wordBreak: 'break-word' }, card.title),
      ...(card.local
        ? [
            el('div', { display: 'flex', fontSize: 26, color: '#505a5f', marginTop: 18, wordBreak: 'break-word' }, card.caption),
            el('div', { display: 'flex', fontSize: 24, marginTop: 8 }, [key(PALETTE.local, false, council), ...(card.england ? [key(PALETTE.england, true, 'England')] : [])]),
            el('div', { display: 'flex', marginTop: 'auto', marginBottom: 30 }, [chart(card.local, card.england)]),
          ]
        : []),
    ]),
    el('div', { height: 14, background: '#1d70b8' }),
  ]);
}

/** What to draw for a card: its layout, and its look (the same look is drawn once). */
export function cardJob(card: CardModel, council: string): CardJob {
  const { alt: _alt, ...look } = card;
  return { tree: layout(card, council), look: JSON.stringify([look, council]) };
}
