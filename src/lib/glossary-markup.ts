/**
 * Marks the first use of each glossary term on a page: an acronym becomes
 * `<a class="sc-term" href="…/glossary/#lac"><abbr title="Looked after children">LAC</abbr></a>`.
 * Works on the page's HTML as text, since it is our own well-formed output; parsing and
 * re-serialising with a DOM library would change SVG attribute case.
 */
import type { GlossaryEntry } from './model';

/** Text inside these elements is left alone: links, headings, code, charts and existing marks. */
const SKIP = new Set(['a', 'abbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'script', 'style', 'code', 'pre', 'title', 'caption', 'button', 'label', 'dt', 'template', 'textarea']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const isAcronym = (term: string) => term === term.toUpperCase() && /[A-Z]/.test(term);

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
  const byLower = new Map(entries.map((e) => [e.term.toLowerCase(), e]));
  const terms = [...entries].map((e) => e.term).sort((a, b) => b.length - a.length);
  const pattern = terms.length ? new RegExp(`(?<![\\w-])(${terms.map(escapeRe).join('|')})(?![\\w-])`, 'gi') : undefined;

  return {
    mark(html) {
      if (!pattern) return html;
      const used = new Set<string>();
      const stack: string[] = [];
      let skipDepth = 0;
      // Quoted attribute values may hold a raw ">" (Astro escapes only quotes and ampersands).
      const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
      let out = '';
      let last = 0;
      const text = (segment: string) => {
        if (skipDepth > 0 || !segment.trim()) return segment;
        return segment.replace(pattern, (match: string) => {
          const entry = byLower.get(match.toLowerCase());
          if (!entry || used.has(entry.term)) return match;
          if (isAcronym(entry.term) && match !== entry.term) return match;
          used.add(entry.term);
          const inner = entry.expansion ? `<abbr title="${escapeAttr(entry.expansion)}">${match}</abbr>` : match;
          return `<a class="sc-term" href="${escapeAttr(hrefFor(entry.term))}">${inner}</a>`;
        });
      };
      for (let m; (m = tag.exec(html)); ) {
        out += text(html.slice(last, m.index)) + m[0];
        last = m.index + m[0].length;
        if (m[0].startsWith('<!--')) continue;
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
          const entry = byLower.get(rest.trim().toLowerCase());
          if (entry) used.add(entry.term);
        }
      }
      return out + text(html.slice(last));
    },
  };
}
