import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { ProblemList } from './problems';

export type Path = (string | number)[];

/** A parsed YAML text that can say where any value in it sits. */
export interface YamlSource {
  /** Plain JavaScript data, or undefined when the text could not be parsed. */
  data: unknown;
  /** True when the text had a syntax error (already reported): there is nothing to validate. */
  failed: boolean;
  /** Line and column of the value at `path` (of its key, with `key: true`); falls back to the nearest parent. */
  locate(path: Path, options?: { key?: boolean }): { line: number; column: number };
  /**
   * The text a plain (unquoted) number was written as, exactly: `7.10` for agenda item 7.10,
   * which YAML reads as the number 7.1. Undefined for anything else.
   */
  numberText(path: Path): string | undefined;
}

/**
 * Parses YAML, reporting syntax errors with their position. `lineOffset` shifts positions for YAML
 * that sits inside another file (MDX front matter starts on line 2).
 */
export function parseYaml(text: string, file: string, problems: ProblemList, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  let failed = false;
  // A tab in the indentation confuses the parser into several unrelated errors: say it once.
  const tabLine = text.split('\n').findIndex((l) => /^[ ]*\t/.test(l) && l.trim() !== '');
  if (tabLine >= 0) {
    problems.add(file, tabLine + 1 + lineOffset, 1, 'a tab is used for indentation; YAML needs spaces, so replace the tab with spaces');
    failed = true;
  } else {
    const reported = new Set<number>();
    for (const error of doc.errors) {
      failed = true;
      // The parser can report one slip several times at the same place: say it once.
      if (reported.has(error.pos[0])) continue;
      reported.add(error.pos[0]);
      const p = pos(error.pos[0]);
      const found = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim();
      const indented = error.code === 'MULTILINE_IMPLICIT_KEY' || /compact mappings/.test(error.message) ? overIndentedLine(text, p.line - lineOffset) : undefined;
      if (indented !== undefined) {
        problems.add(file, indented + lineOffset, 1, 'this line is indented further than the field above it; start it in the same column as the other fields');
      } else {
        problems.add(file, p.line, p.column, yamlErrorMessage(error.code, error.message, found));
      }
    }
  }
  return {
    failed,
    data: failed ? undefined : doc.toJS(),
    locate(path, options = {}) {
      const found = find(doc, path, options.key === true);
      return found ? pos(found) : { line: 1 + lineOffset, column: 1 };
    },
    numberText(path) {
      const node = doc.getIn(path, true);
      if (!isScalar(node) || typeof node.value !== 'number' || node.type !== 'PLAIN' || !node.range) return undefined;
      return text.slice(node.range[0], node.range[1]).trim();
    },
  };
}

function find(doc: Document, path: Path, wantKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) return offset;
      if (last && wantKey && isScalar(pair.key)) return pair.key.range?.[0];
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node | null)?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (!node) return offset;
      offset = (node as Node).range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function yamlErrorMessage(code: string, message: string, found: string) {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `the field "${found.replace(/:$/, '')}" appears twice; keep one`;
  if (code === 'TAB_AS_INDENT') return 'a tab is used for indentation; YAML needs spaces';
  return `this is not valid YAML (${first}); check the indentation, colons and quotes on this line`;
}

/**
 * A plain value followed by a line indented further reads, to YAML, as one value running on,
 * and the parser complains about the line above. Find the line the author actually mis-indented.
 */
function overIndentedLine(text: string, errorLine: number): number | undefined {
  const lines = text.split('\n');
  const indent = (l: string) => /^ */.exec(l)![0].length;
  const base = indent(lines[errorLine - 1] ?? '');
  for (let i = errorLine; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    if (indent(lines[i]) > base && /^\s*[\w-]+\s*:/.test(lines[i])) return i + 1;
    return undefined;
  }
  return undefined;
}
