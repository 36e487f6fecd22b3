/**
 * Characters no content needs and no reader can see. A control character (NUL, escape, a C1
 * control from a mis-saved file) makes every Atom feed that carries it malformed XML, so feed
 * readers drop the whole feed; a bidi override (U+202E) or an isolate makes a title display in a
 * different order from the one reviewed; a zero-width character hides inside a word, so the same
 * name no longer matches. Each is refused where it stands, named by its code point. Tabs and
 * newlines stay allowed: YAML, CSV and Markdown use them.
 */
import { codePoint, INVISIBLE_SOURCE } from './invisible';
import type { ProblemList } from './problems';

const NAMES: Record<number, string> = {
  0x00: 'NUL, a control character',
  0x08: 'backspace, a control character',
  0x0b: 'vertical tab, a control character',
  0x0c: 'form feed, a control character',
  0x0d: 'a carriage return on its own',
  0x1b: 'escape, a control character',
  0x7f: 'delete, a control character',
  0x85: 'next line, a control character',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x061c: 'Arabic letter mark',
  0xfeff: 'zero width no-break space (a byte order mark inside the text)',
  0xfffe: 'a noncharacter',
  0xffff: 'a noncharacter',
};

const FORBIDDEN = new RegExp(INVISIBLE_SOURCE, 'g');

/** At most this many characters are reported in one file: one pasted paragraph can hold hundreds. */
const MOST = 5;

function describe(code: number) {
  const name = NAMES[code] ?? (code < 0x20 ? 'a control character' : 'a C1 control character, usually left by a file saved in the wrong encoding');
  return `${codePoint(code)} (${name})`;
}

function advice(code: number) {
  if (code === 0x0d) return 'save the file with Windows (CRLF) or Unix (LF) line endings';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) {
    return 'it is invisible and changes the order in which the text is shown, so readers could see something other than what was reviewed. Delete it';
  }
  if (code >= 0x200b && code <= 0x200d || code === 0x2060 || code === 0xfeff) return 'it is invisible, so words that look the same no longer match. Delete it';
  return 'it is invisible, and would make the site\'s feeds unreadable. Delete it (it usually comes from copying out of another program)';
}

/**
 * Reports each refused character in `text`, which starts on line `firstLine` of `file`, at most
 * five a file, the last message saying how many more there are.
 */
export function checkCharacters(text: string, file: string, problems: ProblemList, firstLine = 1) {
  let count = 0;
  let line = firstLine;
  let lineStart = 0;
  for (const match of text.matchAll(FORBIDDEN)) {
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    if (++count > MOST) continue;
    const code = match[0].charCodeAt(0);
    problems.add(file, line, match.index - lineStart + 1, `the text holds ${describe(code)} here; ${advice(code)}`);
  }
  if (count > MOST) problems.add(file, line, 1, `and ${count - MOST} more invisible or control characters are in this file; search for them and delete them`);
}
