/**
 * Cuts whole elements (a page's drawings and tables) out of HTML before the search indexer reads
 * it (scripts/search-index.mjs). The indexer leaves them out anyway (its excluded selectors), but
 * it must still read them, and they are nearly nine tenths of a meeting page's bytes: handed the
 * pages without them, Pagefind writes the same index in under half the time.
 *
 * The HTML is Astro's, which is well formed, but the words in it are the content's: an attribute
 * may hold `<svg` or `</table>` (Astro leaves `<` as it is in attributes), and so may a comment or
 * a script's JSON. So this reads the HTML as a browser's tokenizer would, tag by tag, with
 * attributes, quotes, comments, CDATA and raw text elements, jumping from one `<` to the next
 * rather than reading every character. If it meets anything it does not expect (an element left
 * open at the end), it cuts nothing: the indexer then reads the whole page, as before.
 */

/** Elements whose content is raw text, up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

const isSpace = (code) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const isLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Where the tag that starts at `at` (its `<`) ends, just past its `>`, and its name in lower
 * case; -1 when it never ends. `equals` is where the next "=" at or after some earlier place
 * is, kept between calls so that no part of the page is searched for one twice.
 * @param {string} html
 * @param {number} at
 * @param {{ at: number }} equals
 * @returns {{ end: number, name: string, selfClosing: boolean }}
 */
function readTag(html, at, equals) {
  let i = at + 1;
  if (html.charCodeAt(i) === 47) i++; // an end tag's "/"
  const nameFrom = i;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (isSpace(code) || code === 47 || code === 62) break;
    i++;
  }
  const name = html.slice(nameFrom, i).toLowerCase();
  // Attributes: a name, and perhaps "=" and a value, quoted or not, until ">". Only a value can
  // hold a ">", so the tag ends at the first ">" that comes before any "=".
  for (;;) {
    const close = html.indexOf('>', i);
    if (close < 0) return { end: -1, name, selfClosing: false };
    if (equals.at < i && equals.at !== -1) equals.at = html.indexOf('=', i);
    if (equals.at === -1 || equals.at > close) return { end: close + 1, name, selfClosing: html.charCodeAt(close - 1) === 47 };
    // "=": a value, which may hold anything up to its closing quote, or runs to a space or ">".
    i = equals.at + 1;
    while (isSpace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    if (quote === 34 || quote === 39) {
      const end = html.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (end < 0) return { end: -1, name, selfClosing: false };
      i = end + 1;
    } else {
      while (i < html.length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
    }
  }
}

/** Where the end tag of a raw text element begins (`</name`, in any case), or -1. */
function endTagFrom(html, name, from) {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    const after = html.charCodeAt(at + 2 + name.length);
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name && (isSpace(after) || after === 47 || after === 62)) return at;
  }
  return -1;
}

/**
 * The HTML without the elements named (in lower case), each cut whole with what it holds; the
 * HTML unchanged if it is not as expected.
 * @param {string} html
 * @param {ReadonlySet<string>} names
 * @returns {string}
 */
export function cutElements(html, names) {
  const kept = [];
  let keptFrom = 0;
  /** The element being cut, how deeply it is nested in itself, and where it started. */
  let cutting = '';
  let depth = 0;
  let cutFrom = 0;
  const equals = { at: -2 };
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    if (next === 33) {
      // "<!": a comment, CDATA (in a drawing) or the doctype.
      const [close, length] = html.startsWith('<!--', i) ? ['-->', 3] : cutting === 'svg' && html.startsWith('<![CDATA[', i) ? [']]>', 3] : ['>', 1];
      const end = html.indexOf(close, i + (close === '-->' ? 4 : 2));
      if (end < 0) return html;
      i = html.indexOf('<', end + length);
      continue;
    }
    if (!(isLetter(next) || (next === 47 && isLetter(html.charCodeAt(i + 2))))) {
      // A "<" that starts no tag is text.
      i = html.indexOf('<', i + 1);
      continue;
    }
    const tag = readTag(html, i, equals);
    if (tag.end < 0) return html;
    const closing = next === 47;
    if (!closing && RAW_TEXT.has(tag.name)) {
      // Its text runs to its end tag, whatever it holds.
      const end = endTagFrom(html, tag.name, tag.end);
      if (end < 0) return html;
      i = end;
      continue;
    }
    if (cutting) {
      if (tag.name === cutting && !closing && !tag.selfClosing) depth++;
      else if (tag.name === cutting && closing && --depth === 0) {
        kept.push(html.slice(keptFrom, cutFrom));
        keptFrom = tag.end;
        cutting = '';
      }
    } else if (!closing && names.has(tag.name) && !tag.selfClosing) {
      cutting = tag.name;
      depth = 1;
      cutFrom = i;
    }
    i = html.indexOf('<', tag.end);
  }
  if (cutting) return html;
  kept.push(html.slice(keptFrom));
  return kept.join('');
}
