import { codePoint, INVISIBLE_SOURCE } from './invisible';

/** A problem found in the content, located in a file by line and column (both from 1). */
export interface Problem {
  /** Path relative to the site root, with forward slashes: `data/2018-19/q1.csv`. */
  file: string;
  line: number;
  column: number;
  /** What was found and what to write instead, in plain words. */
  message: string;
  /**
   * A warning is something probably unfinished rather than wrong (an indicator with no figure
   * for the meeting's period): it is printed, but only `npm run check -- --strict` fails on it,
   * and the build still publishes. Absent for errors.
   */
  severity?: 'warning';
}

/** The one line an editor, a terminal and a CI log all understand: `path:line:column: message`. */
export function formatProblem(p: Problem) {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** GitHub workflow annotation, so a pull request shows the message on the changed line. */
export function formatGithubAnnotation(p: Problem) {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${p.severity === 'warning' ? 'warning' : 'error'} file=${prop(p.file)},line=${p.line},col=${p.column}::${esc(p.message)}`;
}

export function sortProblems(problems: Problem[]) {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Thrown when content is invalid: carries every problem, not only the first. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was published.\n` +
        sortProblems(problems).map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** Collects problems for one file. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(file: string, line: number, column: number, message: string) {
    this.items.push({ file: excerpt(file, 300), line, column, message: bounded(message) });
  }
  warn(file: string, line: number, column: number, message: string) {
    this.items.push({ file: excerpt(file, 300), line, column, message: bounded(message), severity: 'warning' });
  }
}

/** The longest message: ours are a few lines; only quoted content could make one longer. */
const MESSAGE_CHARACTERS = 1_000;

/**
 * The last guard on what a message carries, whatever quoted it: invisible characters escaped,
 * and the whole cut to a thousand characters. Each message quotes content through excerpt().
 */
function bounded(message: string) {
  return excerpt(message.replace(/\n/g, ' '), MESSAGE_CHARACTERS);
}

const SHOWN_ESCAPED = new RegExp(`[\\n\\t]|${INVISIBLE_SOURCE}`, 'g');

/** The most characters of a file's text that any message quotes. */
export const EXCERPT_CHARACTERS = 80;

/**
 * Text from a file, as a message may quote it: at most 80 characters, with line breaks and any
 * invisible or control character written as its code point, so a message can never carry a
 * file's contents (a linked /proc/self/environ, a pasted page) into a console, a CI log or a
 * pull request's annotation.
 */
export function excerpt(text: string, most = EXCERPT_CHARACTERS): string {
  const cut = [...text.slice(0, most * 2 + 2)];
  const shown = cut.length > most ? `${cut.slice(0, most - 1).join('')}…` : text;
  return shown.replace(SHOWN_ESCAPED, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `<${codePoint(c.charCodeAt(0))}>`));
}
