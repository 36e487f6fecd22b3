/**
 * Where the council stands among councils (version 1.1, rule 7), in words that know the
 * indicator's polarity: "12th highest of 152 councils, in the best quarter". Rank 1 is the highest
 * value, as DfE's local authority tables count; which end is good depends on the polarity.
 */
import type { Indicator } from '../model';

/** "1st", "2nd", "3rd", "11th", "22nd", "113th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

export type Quartile = 1 | 2 | 3 | 4;

/** The quarter of councils a rank falls in, counted from the highest value (1) to the lowest (4). */
export function quartileOf(rank: number, outOf: number): Quartile {
  return Math.min(4, Math.max(1, Math.ceil((4 * rank) / outOf))) as Quartile;
}

const BY_VALUE = ['the highest quarter', 'the second highest quarter', 'the second lowest quarter', 'the lowest quarter'];
const BY_MERIT = ['the best quarter', 'the second best quarter', 'the second worst quarter', 'the worst quarter'];

/** "12th highest of 152 councils, in the best quarter"; "the highest of 152 councils, ...". */
export function rankInWords(ind: Pick<Indicator, 'polarity'>, rank: number, outOf: number): string {
  const q = quartileOf(rank, outOf);
  // For lower-is-better the highest values are the worst, so the quarters read the other way.
  const band = ind.polarity === 'neutral' ? BY_VALUE[q - 1] : ind.polarity === 'higher-is-better' ? BY_MERIT[q - 1] : BY_MERIT[4 - q];
  const place = rank === 1 ? 'the highest' : `${ordinal(rank)} highest`;
  return `${place} of ${outOf} councils, in ${band}`;
}
