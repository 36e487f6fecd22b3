/**
 * How a glossary term is compared with the words of a page, in one place, so that `check` (which
 * reads the body as written), the build's <Term> (which reads the same words) and the automatic
 * marking (which reads the finished page, after smart punctuation) agree on every term.
 *
 * Straight and curly quotes match: editors and word processors change one into the other without
 * saying so, and the build's smart punctuation turns every ' and " in a body into ’ and ”, so
 * "Children's" in the glossary is "Children’s" on the page. A non-breaking space matches a space
 * and a non-breaking hyphen a hyphen, for the same reason. Case does not matter (acronyms are
 * matched by case where the automatic marking finds them: glossary-markup.ts). Nothing else is
 * folded: an ampersand, a dash or a bracket must be written as the glossary writes it.
 */

/** Characters an editor swaps silently, each with the one it stands for (one for one). */
const FOLD: Record<string, string> = {
  '\u2018': "'", // ‘ left single quote
  '\u2019': "'", // ’ right single quote, the apostrophe smart punctuation writes
  '\u201b': "'", // ‛ reversed single quote
  '\u02bc': "'", // ʼ modifier letter apostrophe
  '\u2032': "'", // ′ prime, which some fonts show as an apostrophe
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201f': '"', // ‟
  '\u2033': '"', // ″
  '\u00a0': ' ', // non-breaking space
  '\u202f': ' ', // narrow non-breaking space
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
};
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/**
 * The text with each silently swapped character replaced by the one it stands for. One UTF-16
 * unit for one, so positions in the result are positions in the text.
 */
export function foldPunctuation(text: string): string {
  return text.replace(FOLDED, (c) => FOLD[c]);
}

/** The key two spellings of a term share: folded, spaces collapsed, trimmed, in lower case. */
export function termKey(term: string): string {
  return foldPunctuation(term.normalize('NFC')).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether two spellings name the same glossary term. */
export function sameTerm(a: string, b: string): boolean {
  return termKey(a) === termKey(b);
}

/** The glossary entry a text names, as check and the page's <Term> both find it. */
export function findTerm<E extends { term: string }>(entries: readonly E[], text: string): E | undefined {
  const key = termKey(text);
  return entries.find((e) => termKey(e.term) === key);
}
