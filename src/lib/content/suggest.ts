/** Suggests the nearest valid name for a misspelt one, so a message can say "did you mean …?". */
export function nearest(found: string, valid: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const d = distance(found.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Only suggest a name close enough to be a slip of the keyboard.
  const limit = Math.max(2, Math.floor(found.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

export function didYouMean(found: string, valid: Iterable<string>) {
  const n = nearest(found, valid);
  return n ? `; did you mean ${n}?` : '';
}

/**
 * The valid names, closest to the one found first (ties in their own order), so a message that
 * lists a file's real columns puts the one meant at the front, whatever the slip was.
 */
export function byCloseness(found: string, valid: Iterable<string>): string[] {
  const f = found.toLowerCase();
  return [...valid]
    .map((name, i) => ({ name, i, d: distance(f, name.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.name);
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function distance(a: string, b: string) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
