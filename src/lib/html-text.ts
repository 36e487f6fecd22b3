/**
 * The text a reader sees in a run of HTML between two tags, with the way back to the HTML: the
 * glossary marking (glossary-markup.ts) looks for terms in what is read, never in how it is
 * written, so a term such as "quot" or "amp" is never found inside `&quot;` or `&amp;`, and
 * "Children's" is found where the page writes `Children&#39;s`. Pure.
 */

/** The character references a page holds: named (`&amp;`), decimal (`&#39;`) and hex (`&#x27;`). */
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

/**
 * The named references our pages can hold (Astro writes only &amp; &lt; &gt; &quot; &#39;). Any
 * other is read as one character that is never part of a term, so it cannot join two words.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', copy: '\u00a9', pound: '\u00a3' };
const UNKNOWN = '\ufffc';

export interface DecodedText {
  /** What a reader sees. */
  text: string;
  /** For each UTF-16 unit of `text`, where the HTML it came from starts. */
  from: number[];
  /** Whether a unit of `text` starts what it came from (false inside a decoded reference's pair of units). */
  starts: boolean[];
}

function character(m: RegExpExecArray): string {
  const code = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined;
  if (code === undefined) return NAMED[m[3]] ?? UNKNOWN;
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : UNKNOWN;
}

/** Decodes the character references in `html`, text between tags. */
export function decodeText(html: string): DecodedText {
  const out: DecodedText = { text: '', from: [], starts: [] };
  const push = (chars: string, at: number) => {
    for (let k = 0; k < chars.length; k++) {
      out.from.push(at);
      out.starts.push(k === 0);
    }
    out.text += chars;
  };
  let last = 0;
  for (const m of html.matchAll(REFERENCE)) {
    for (let i = last; i < m.index; i++) push(html[i], i);
    push(character(m), m.index);
    last = m.index + m[0].length;
  }
  for (let i = last; i < html.length; i++) push(html[i], i);
  return out;
}

/**
 * Where, in the HTML, the reader's text from `start` to `end` was written, or undefined when
 * either end falls inside a character reference.
 */
export function sourceRange(decoded: DecodedText, html: string, start: number, end: number): [number, number] | undefined {
  const boundary = (i: number) => i === decoded.text.length || decoded.starts[i];
  if (!boundary(start) || !boundary(end)) return undefined;
  return [decoded.from[start], end === decoded.text.length ? html.length : decoded.from[end]];
}
