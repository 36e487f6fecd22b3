/**
 * Reads a meeting's body with the MDX parser the build uses (src/lib/body/parse.ts: MDX with
 * GitHub Markdown, as @astrojs/mdx sets it up), then checks the tree against the safe body
 * language (mdx-safety.ts). Positions are in file coordinates: the body is parsed with the front
 * matter's lines left blank, as Astro does, so line numbers are the file's own.
 */
import { parseBody } from '../body/parse';
import { checkBodyTree, HTML_ALLOWED, MDX_COMPONENTS, type BodyNode, type BodyProblem, type ComponentUse } from './mdx-safety';

export interface BodyResult {
  problems: BodyProblem[];
  /** The components used, when the body could be read. */
  uses: ComponentUse[];
}

/** Checks a meeting body that starts on line `bodyLine` of its file. */
export function checkMeetingBody(body: string, bodyLine: number): BodyResult {
  const source = '\n'.repeat(bodyLine - 1) + body;
  let tree: BodyNode;
  try {
    tree = parseBody(source) as unknown as BodyNode;
  } catch (error) {
    // One syntax error stops the parser: nothing after it is checked, so no knock-on messages.
    return { problems: [syntaxProblem(error, source)], uses: [] };
  }
  return checkBodyTree(tree, source);
}

interface ParseError {
  reason?: string;
  message?: string;
  ruleId?: string;
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

const LITERAL = 'to show < or { as text, write \\< or \\{';

/** Turns the MDX parser's message into one that points at the mistake and says what to write. */
export function syntaxProblem(error: unknown, source: string): BodyProblem {
  const e = error as ParseError;
  const reason = String(e.reason ?? e.message ?? error).replace(/\s+/g, ' ');
  const place = { line: e.line ?? e.place?.line ?? e.place?.start?.line ?? 1, column: e.column ?? e.place?.column ?? e.place?.start?.column ?? 1 };
  let m: RegExpExecArray | null;

  // An unclosed tag is found where its paragraph (or list item...) ends; the parser names where
  // the tag itself is, which is where the author must look.
  if ((m = /^Expected a closing tag for `<([^>]*)>` \((\d+):(\d+)-[\d:]+\)(?: before the end of `(\w+)`)?/.exec(reason))) {
    const [, name, line, column, container] = m;
    const names: Record<string, string> = { paragraph: 'paragraph', listItem: 'list item', blockquote: 'quotation', tableCell: 'table cell', atxHeading: 'heading', setextHeading: 'heading' };
    const where = container ? `its ${names[container] ?? container}` : 'the file';
    const at = { line: Number(line), column: Number(column) };
    // <br> has no closing tag in HTML, but MDX needs the slash.
    if (name === 'br') return { ...at, message: `<br> must end with a slash: write <br />` };
    if (name === 'Indicator' || name === 'Chart') return { ...at, message: `<${name}> is not closed; end it with />, as in <${name} id="cla-rate" />` };
    const component = MDX_COMPONENTS.find((c) => c.toLowerCase() === name.toLowerCase() && c !== name);
    if (component) {
      const form = component === 'Term' ? '<Term>LAC</Term>' : `<${component} id="cla-rate" />`;
      return { ...at, message: `<${name}> is not a component: components start with a capital letter; write ${form}` };
    }
    // Closing other HTML would only lead to the next message: say that first.
    if (/^[a-z][a-z0-9]*$/.test(name) && !(HTML_ALLOWED as readonly string[]).includes(name) && !MDX_COMPONENTS.some((c) => c.toLowerCase() === name)) {
      return { ...at, message: `HTML <${name}> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<${name}> to show the tag as text` };
    }
    return { line: Number(line), column: Number(column), message: `<${name}> is not closed; close it with </${name}> before the end of ${where}, or write \\<${name}> to show it as text` };
  }
  if ((m = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>` \((\d+):(\d+)/.exec(reason))) {
    const [, closing, opening, line, column] = m;
    return { line: Number(line), column: Number(column), message: `<${opening}> is not closed: </${closing}> comes first; close it with </${opening}>` };
  }
  if (/^Unexpected closing slash `\/` in tag, expected an open tag first/.test(reason)) {
    return { ...place, message: `a closing tag with no opening tag; remove it, or write \\</ to show it as text` };
  }
  if (/to create a link in MDX/.test(reason)) {
    // <https://...> and <someone@example.gov.uk> are links in Markdown, but not in MDX.
    const line = source.split('\n')[place.line - 1] ?? '';
    const open = line.lastIndexOf('<', place.column - 1);
    const address = /^<([^>\s]+)>/.exec(line.slice(open))?.[1] ?? 'https://...';
    const target = address.includes('@') && !address.includes(':') ? `mailto:${address}` : address;
    return { line: place.line, column: open + 1, message: `a link in < > cannot be used in a meeting's text; write [its title](${target}), or the address without < >` };
  }
  if (/before attribute value/.test(reason)) {
    return { ...place, message: `an attribute's value must be in quotes, like <Indicator id="cla-rate" />` };
  }
  if (/expected `>` to end the tag/.test(reason)) {
    return { ...place, message: `this tag is not finished; end it with > (or /> for <Indicator id="..." /> and <Chart id="..." />), or write \\< to show < as text` };
  }
  if (/^Unexpected character `!`.*comment/.test(reason)) {
    return { ...stepBack(place, source), message: `HTML comments <!-- --> cannot be used in a meeting's text; write a comment as {/* ... */}` };
  }
  if (/closing brace for `\{`/.test(reason)) {
    const brace = unclosedBrace(source);
    return { ...(brace ?? place), message: `this { is never closed; to show a brace as text, write \\{ (and \\} for a closing one)` };
  }
  if (/^Could not parse (?:import\/exports|expression) with acorn/.test(reason)) {
    const what = /import/.test(reason)
      ? 'a paragraph starting "import" or "export" is read as code; start it with a capital letter or reword it'
      : `the text in braces is read as code, which a meeting's text cannot contain; ${LITERAL}`;
    return { line: place.line, column: /import/.test(reason) ? 1 : place.column, message: what };
  }
  if ((m = /^Unexpected (character `(.)`|end of file)[^,]* (?:before name|in (?:name|tag|attribute))/.exec(reason))) {
    const after = m[2] ?? '';
    return { ...stepBack(place, source), message: `a < followed by ${after ? `"${after}"` : 'nothing'} is read as the start of a tag; to show < as text, write \\<${after}` };
  }
  return { ...place, message: `the text cannot be read as MDX: ${reason.replace(/\.$/, '')}; ${LITERAL}` };
}

/** The parser stops at the character after a <; the author wrote the < itself. */
function stepBack(place: { line: number; column: number }, source: string) {
  const line = source.split('\n')[place.line - 1] ?? '';
  return line[place.column - 2] === '<' ? { line: place.line, column: place.column - 1 } : place;
}

/** The line and column (from 1) of the last { in a text that is never closed. */
function unclosedBrace(text: string): { line: number; column: number } | undefined {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') open.push(i);
    else if (text[i] === '}') open.pop();
  }
  const at = open.at(-1);
  if (at === undefined) return undefined;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
