/**
 * What a meeting's body may hold before it is parsed. The Markdown parser does work that grows
 * with the square of the nesting: 2,000 quotations inside each other took 20 s to read, 2,000
 * list items inside each other overflowed the stack, 8,000 emphasis marks inside each other took
 * 10 s. No minutes nest like that, so the body's size and nesting are measured first, by a scan of
 * its lines that does no parsing, and a body past a limit is refused there, naming the limit.
 */
import { LIMITS } from './limits';
import type { BodyProblem } from './mdx-safety';

/** Problems with the body's size or nesting; empty when it may be parsed. */
export function checkBodyLimits(body: string, bodyLine: number): BodyProblem[] {
  if (body.length > LIMITS.bodyCharacters) {
    return [{ line: bodyLine, column: 1, message: `the meeting's text is ${body.length.toLocaleString('en-GB')} characters long, over the limit of ${LIMITS.bodyCharacters.toLocaleString('en-GB')}; a meeting's text is commentary and minutes, so shorten it, or link to the full document from documents` }];
  }
  const lines = body.split('\n');
  let fenced: string | undefined;
  let paragraph = { depth: 0, brackets: 0 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence && (!fenced || fence.startsWith(fenced))) fenced = fenced ? undefined : fence;
    if (fenced || fence) continue;
    if (line.trim() === '') paragraph = { depth: 0, brackets: 0 };
    const block = blockDepth(line);
    if (block > LIMITS.blockNesting) return [tooDeep(bodyLine + i, 1, `${block} quotations or lists are inside each other on this line`, LIMITS.blockNesting)];
    const inline = inlineDepth(line, paragraph);
    if (inline !== undefined) return [tooDeep(bodyLine + i, inline + 1, 'emphasis, strikethrough or link brackets are nested too deeply here', LIMITS.inlineNesting)];
  }
  return [];
}

function tooDeep(line: number, column: number, what: string, limit: number): BodyProblem {
  return { line, column, message: `${what}, more than the limit of ${limit}; minutes never need so many, so take most of them out` };
}

/**
 * How many quotations and list items a line opens: each `>` and each list marker at its start,
 * and its indentation, two spaces a level, as a list item's continuation lines are indented.
 */
export function blockDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const indent = /^ */.exec(rest)![0].length;
    const marker = /^ *(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$)) ?/.exec(rest);
    if (!marker) return depth + Math.floor(indent / 2);
    depth += 1 + Math.floor(indent / 4);
    rest = rest.slice(marker[0].length);
  }
}

/**
 * Walks one line of a paragraph, carrying the paragraph's open emphasis and brackets from line to
 * line. A run of `*`, `_` or `~` that can open (followed by a letter, not by a space) adds its
 * length, one that can only close takes it away; `[` adds one and `]` takes one. Returns the
 * column (from 0) where the nesting first passes the limit, or undefined.
 */
export function inlineDepth(line: string, paragraph: { depth: number; brackets: number }): number | undefined {
  const runs = /\\.|[*_~]+|\[|\]/g;
  for (const m of line.matchAll(runs)) {
    const token = m[0];
    if (token[0] === '\\') continue;
    if (token === '[') paragraph.brackets++;
    else if (token === ']') paragraph.brackets = Math.max(0, paragraph.brackets - 1);
    else {
      const before = line[m.index - 1] ?? ' ';
      const after = line[m.index + token.length] ?? ' ';
      const opens = /\S/.test(after) && (/\s/.test(before) || /[\p{P}\p{S}]/u.test(before) || !/[\p{P}\p{S}]/u.test(after));
      const closes = /\S/.test(before) && (/\s/.test(after) || /[\p{P}\p{S}]/u.test(after) || !/[\p{P}\p{S}]/u.test(before));
      if (opens && !closes) paragraph.depth += token.length;
      else if (closes && !opens) paragraph.depth = Math.max(0, paragraph.depth - token.length);
    }
    if (paragraph.depth > LIMITS.inlineNesting || paragraph.brackets > LIMITS.inlineNesting) return m.index;
  }
  return undefined;
}
