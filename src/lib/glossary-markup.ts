/**
 * Marks the first use of each glossary term on a page: an acronym becomes
 * `<a class="sc-term" href="…/glossary/#lac"><abbr title="Looked after children">LAC</abbr></a>`.
 * Works on the page's HTML as text, since it is our own well-formed output; parsing and
 * re-serialising with a DOM library would change SVG attribute case. Terms are looked for only in
 * the text a reader sees (html-text.ts), never in tags, attribute values or character references,
 * so terms such as "class", "span" or "quot" leave the markup whole; and they are compared as
 * term-key.ts compares them, as check and <Term> do, so "Children's" matches "Children’s".
 */
import type { GlossaryEntry } from './model';
import { decodeText, sourceRange } from './html-text';
import { foldPunctuation, termKey } from './term-key';

/** Text inside these elements is left alone: links, headings, code, charts and existing marks. */
const SKIP = new Set(['a', 'abbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'script', 'style', 'code', 'pre', 'title', 'caption', 'button', 'label', 'dt', 'template', 'textarea', 'select', 'option', 'noscript']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const isAcronym = (term: string) => term === term.toUpperCase() && /[A-Z]/.test(term);

/** A term as a pattern over folded text: its spaces match any run of white space. */
const termPattern = (term: string) => foldPunctuation(term.trim()).split(/\s+/).map(escapeRe).join('\\s+');

/**
 * Where the </svg> closing an <svg> opened just before `from` starts (counting any <svg> inside
 * it), or -1.
 */
function svgEnd(html: string, from: number): number {
  let depth = 1;
  let at = from;
  for (;;) {
    const close = html.indexOf('</svg>', at);
    if (close < 0) return -1;
    const open = html.indexOf('<svg', at);
    if (open >= 0 && open < close) {
      depth++;
      at = open + 4;
      continue;
    }
    if (--depth === 0) return close;
    at = close + 6;
  }
}

export interface GlossaryMarker {
  mark(html: string): string;
}

export function glossaryMarker(entries: GlossaryEntry[], hrefFor: (term: string) => string): GlossaryMarker {
  const byKey = new Map(entries.map((e) => [termKey(e.term), e]));
  const terms = [...entries].map((e) => e.term).sort((a, b) => b.length - a.length);
  const pattern = terms.length ? new RegExp(`(?<![\\w-])(${terms.map(termPattern).join('|')})(?![\\w-])`, 'gi') : undefined;

  /** The text between two tags, with the first use of each term not yet `used` marked. */
  const markText = (segment: string, used: Set<string>) => {
    if (!pattern || !segment.trim()) return segment;
    const decoded = decodeText(segment);
    let out = '';
    let last = 0;
    for (const m of foldPunctuation(decoded.text).matchAll(pattern)) {
      const entry = byKey.get(termKey(m[0]));
      if (!entry || used.has(entry.term)) continue;
      if (isAcronym(entry.term) && m[0] !== foldPunctuation(entry.term)) continue;
      // A match that starts or ends inside a character reference is not a word the reader sees.
      const range = sourceRange(decoded, segment, m.index, m.index + m[0].length);
      if (!range || range[0] < last) continue;
      used.add(entry.term);
      const written = segment.slice(range[0], range[1]);
      const inner = entry.expansion ? `<abbr title="${escapeAttr(entry.expansion)}">${written}</abbr>` : written;
      out += `${segment.slice(last, range[0])}<a class="sc-term" href="${escapeAttr(hrefFor(entry.term))}">${inner}</a>`;
      last = range[1];
    }
    return out + segment.slice(last);
  };

  return {
    mark(html) {
      if (!pattern) return html;
      const used = new Set<string>();
      const stack: string[] = [];
      let skipDepth = 0;
      // Quoted attribute values may hold a raw ">" (Astro escapes only quotes and ampersands).
      // Comments, <!DOCTYPE> and the like are copied whole.
      const tag = /<!--[\s\S]*?-->|<[!?][^>]*>|<(\/?)([a-zA-Z][\w:-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
      let out = '';
      let last = 0;
      const text = (segment: string) => (skipDepth > 0 ? segment : markText(segment, used));
      for (let m; (m = tag.exec(html)); ) {
        out += text(html.slice(last, m.index)) + m[0];
        last = m.index + m[0].length;
        if (m[2] === undefined) continue;
        const [, closing, rawName, selfClosing] = m;
        const name = rawName.toLowerCase();
        if (closing) {
          const i = stack.lastIndexOf(name);
          if (i >= 0) {
            for (const popped of stack.splice(i)) if (SKIP.has(popped)) skipDepth--;
          }
        } else if (!selfClosing && !VOID.has(name)) {
          stack.push(name);
          if (SKIP.has(name)) skipDepth++;
          // A chart is most of a page's tags and has no terms to mark: copy it whole, up to its
          // own </svg>, which the loop then reads as usual.
          if (name === 'svg') {
            const end = svgEnd(html, last);
            if (end > last) {
              out += html.slice(last, end);
              last = tag.lastIndex = end;
            }
          }
        }
        // Terms already marked by <Term> count as used.
        if (!closing && name === 'a' && m[0].includes('class="sc-term"')) {
          const rest = html.slice(last, html.indexOf('</a>', last)).replace(/<[^>]+>/g, '');
          const entry = byKey.get(termKey(decodeText(rest).text));
          if (entry) used.add(entry.term);
        }
      }
      return out + text(html.slice(last));
    },
  };
}
