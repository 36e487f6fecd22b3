/**
 * Rank among councils (version 1.1, rule 7): 1 is the highest value, among the councils with a
 * numeric figure; equal values share a rank and the next rank skips (1, 2, 2, 4).
 */
export function rankAmong(value: number, all: number[]): { rank: number; outOf: number } {
  return { rank: 1 + all.filter((v) => v > value).length, outOf: all.length };
}
