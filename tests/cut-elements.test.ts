/**
 * The search indexer is handed each page with its drawings and tables cut away
 * (scripts/lib/cut-elements.mjs). The words around them are the content's, so `<svg`, `</svg>` or
 * `</table>` may stand in an attribute, a comment, a script's JSON or a title: none of them may
 * cut anything, and no byte outside the elements cut may change. HTML that is not as expected is
 * handed over whole.
 */
import { describe, expect, it } from 'vitest';
import { cutElements } from '../scripts/lib/cut-elements.mjs';
import { mulberry32 } from '../scripts/lib/random';

const CUT = new Set(['svg', 'table']);
const cut = (html: string) => cutElements(html, CUT);

describe('cutting drawings and tables out of a page', () => {
  it('cuts each drawing and table whole, and leaves every other byte as it was', () => {
    const page = '<!DOCTYPE html><html lang="en"><body><h2 id="a">Children looked after</h2><figure><svg viewBox="0 0 10 10" role="img"><g><path d="M0,0L10,10"></path><text x="1">61</text></g></svg><figcaption>Rate per 10,000</figcaption></figure><table class="t"><tr><th>Date</th><td>61</td></tr></table><p>Café – “quoted” words</p></body></html>';
    expect(cut(page)).toBe('<!DOCTYPE html><html lang="en"><body><h2 id="a">Children looked after</h2><figure><figcaption>Rate per 10,000</figcaption></figure><p>Café – “quoted” words</p></body></html>');
  });

  it('cuts a drawing within a drawing with the outer one, and names in any case', () => {
    expect(cut('<p>a</p><SVG><svg><circle r="1"/></svg><Text>x</Text></SVG><p>b</p><TABLE><tr><td>1</td></tr></Table><p>c</p>')).toBe('<p>a</p><p>b</p><p>c</p>');
  });

  it('is not fooled by markup in attributes, comments, scripts, titles or CDATA', () => {
    const words = [
      '<head><title>Minutes: </svg> and <table></title>',
      '<script type="application/ld+json">{"name":"<svg onload=x> </table>"}</script></head>',
      '<body><figure aria-label="a <svg> b </table> c" data-x=\'</svg>\'><p title=<svg>unquoted</p></figure>',
      '<!-- <svg> </table> -->',
      '<p>a < b and c > d</p>',
    ].join('');
    expect(cut(words)).toBe(words);
    const drawing = '<svg aria-label="ends </svg> here? no"><!-- </svg> --><title>x </svg></title><style>.a{}</style><![CDATA[ </svg> ]]><text>&lt;/svg&gt;</text></svg>';
    expect(cut(`<p>before</p>${drawing}<p>after</p>`)).toBe('<p>before</p><p>after</p>');
    expect(cut('<svg><text aria-label="1 > </svg> 2">x</text></svg><p>after</p>')).toBe('<p>after</p>');
    expect(cut("<table><tr><td title='a > </table>'>1</td></tr></table><p>after</p>")).toBe('<p>after</p>');
  });

  it('leaves a self-closed drawing, which holds nothing, where it is', () => {
    expect(cut('<p>a</p><svg width="1"/><p>b</p>')).toBe('<p>a</p><svg width="1"/><p>b</p>');
  });

  it('hands over the whole page when it is not as expected', () => {
    for (const broken of ['<p>a</p><svg><path d="M0"></path>', '<p>a</p><table><tr><td>1', '<p title="never closed>a</p>', '<!-- never closed <svg></svg>', '<script>never ended <svg></svg>']) {
      expect(cut(broken), broken).toBe(broken);
    }
  });

  it('reads a long page in one pass, without slowing on a page with no attributes', () => {
    const many = '<p><b>x</b></p>'.repeat(50_000) + '<svg>' + '<g>'.repeat(50_000) + '</svg>';
    expect(cut(many)).toBe('<p><b>x</b></p>'.repeat(50_000));
  });

  it('on ten thousand random mixes of markup, only ever cuts whole drawings and tables, and never throws', () => {
    const random = mulberry32(16);
    const pieces = ['<svg>', '</svg>', '<SVG a="1">', '<table>', '</table>', '<svg/>', '<p>', '</p>', 'words', ' < ', '>', '"', "'", '<!--', '-->', '<script>', '</script>', '<title>', '</title>', '<a title="', '<a title=\'', '<![CDATA[', ']]>', '=', '<!doctype html>', '</ svg>', '<td>'];
    for (let n = 0; n < 10_000; n++) {
      // Each piece is followed by a mark of its own, so what is kept can be read back piece by piece.
      const chosen = Array.from({ length: 1 + Math.floor(random() * 24) }, () => pieces[Math.floor(random() * pieces.length)]);
      const html = chosen.map((piece, i) => `${piece}#${i}#`).join('');
      const out = cut(html);
      // Between two marks kept (or the page's start or end), either nothing was taken out, or
      // all of it was: one drawing or table, from its start tag to its end tag.
      const segments = (text: string) => text.split(/#\d+#/);
      const marks = (text: string) => [...text.matchAll(/#(\d+)#/g)].map((m) => m[0]);
      const kept = marks(out);
      expect(kept, html).toEqual(marks(html).filter((m) => kept.includes(m)));
      const outSegments = segments(out);
      let from = 0;
      kept.concat(['']).forEach((mark, k) => {
        const to = mark ? html.indexOf(mark, from) : html.length;
        const was = html.slice(from, to);
        if (outSegments[k] !== was) {
          expect(outSegments[k], html).toBe('');
          expect(was, html).toMatch(/^<(svg|table)[\s>][\s\S]*<\/(svg|table)[^>]*>$/i);
        }
        from = to + mark.length;
      });
    }
  });
});
