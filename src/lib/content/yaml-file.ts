import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node, type Pair } from 'yaml';
import type { ProblemList } from './problems';
import { featureMessage, yamlFeatures } from './yaml-features';
import { yamlErrorMessage } from './yaml-messages';
import { LIMITS } from '../schemas/limits';
import { deepYamlAt } from './yaml-depth';

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

/** A source with nothing to validate, for text that was refused (already reported) before parsing. */
export function unreadYaml(lineOffset = 0): YamlSource {
  return { failed: true, data: undefined, locate: () => ({ line: 1 + lineOffset, column: 1 }), numberText: () => undefined };
}

/**
 * Parses YAML, reporting syntax errors with their position. `lineOffset` shifts positions for YAML
 * that sits inside another file (MDX front matter starts on line 2).
 */
export function parseYaml(text: string, file: string, problems: ProblemList, lineOffset = 0): YamlSource {
  const deep = deepYamlAt(text);
  if (deep) {
    problems.add(file, deep.line + lineOffset, deep.column, `the fields are nested more than ${LIMITS.yamlNesting} levels deep here, deeper than any field of the content format; check the indentation and the brackets`);
    return unreadYaml(lineOffset);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  let failed = false;
  const report = (offset: number, message: string) => {
    const p = pos(offset);
    problems.add(file, p.line, p.column, message);
    failed = true;
  };
  // A tab in the indentation confuses the parser into several unrelated errors: say it once.
  const tabLine = text.split('\n').findIndex((l) => /^[ ]*\t/.test(l) && l.trim() !== '');
  if (tabLine >= 0) {
    problems.add(file, tabLine + 1 + lineOffset, 1, 'a tab is used for indentation; YAML needs spaces, so replace the tab with spaces');
    failed = true;
  } else {
    const refused = refuseFeatures(text, report);
    reportErrors(doc, text, refused, report, (line, message) => {
      problems.add(file, line + lineOffset, 1, message);
      failed = true;
    });
    // A list or set of fields as a field's name is read without an error; say so, unless the
    // line already has a message.
    if (!failed) refuseCollectionKeys(doc, report);
  }
  let data: unknown;
  if (!failed) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      // Aliases are refused above, so this is a parser limit nothing here foresaw: still a message.
      report(0, yamlErrorMessage((error as { code?: string }).code ?? 'RESOURCE_EXHAUSTION', String((error as Error).message ?? error), ''));
    }
  }
  return {
    failed,
    data: failed ? undefined : data,
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

/** The error codes that only follow from a tag, anchor, alias or directive, already refused. */
const FEATURE_CODES = new Set(['ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_PROP_ORDER', 'MULTIPLE_ANCHORS', 'MULTIPLE_TAGS', 'TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

/**
 * Refuses every tag, anchor, alias and directive (yaml-features.ts): one message for the first
 * of each kind, saying how many more there are, so a file of a thousand aliases gets one line.
 * Returns the lines (from 1, in the text) it reported on.
 */
function refuseFeatures(text: string, report: (offset: number, message: string) => void): Set<number> {
  const lines = text.split('\n');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const reported = new Set<number>();
  const features = yamlFeatures(text);
  const firsts = (['directive', 'tag', 'anchor', 'alias'] as const)
    .map((kind) => features.filter((f) => f.kind === kind))
    .filter((all) => all.length)
    .sort((a, b) => a[0].offset - b[0].offset);
  for (const all of firsts) {
    const line = lineOf(all[0].offset);
    report(all[0].offset, featureMessage(all[0], lines[line - 1] ?? '', all.length - 1));
    reported.add(line);
  }
  return reported;
}

/**
 * Reports the parser's errors and warnings, one per line (the parser can report one slip several
 * times), except those that only follow from a feature refused on `refused` lines.
 */
function reportErrors(
  doc: Document,
  text: string,
  refused: Set<number>,
  report: (offset: number, message: string) => void,
  reportLine: (line: number, message: string) => void,
) {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const reported = new Set<number>(refused);
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (refused.size && FEATURE_CODES.has(error.code)) continue;
    // An unclosed quote is found where the file ends; the author must look where it opens.
    const quote = /closing (["'])quote/.exec(error.message)?.[1];
    const at = quote ? Math.max(0, text.lastIndexOf(quote, error.pos[0] - 1)) : error.pos[0];
    const line = lineOf(at);
    if (reported.has(line)) continue;
    reported.add(line);
    const found = /^[^:\n]*/.exec(text.slice(at))![0].trim();
    // A % line inside the fields is a directive in the wrong place, which the parser reads as text.
    const lineText = text.split('\n')[line - 1] ?? '';
    if (lineText.startsWith('%')) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      report(lineStart, featureMessage({ kind: 'directive', offset: lineStart, source: lineText }, lineText, 0));
      continue;
    }
    const indented = error.code === 'MULTILINE_IMPLICIT_KEY' || /compact mappings/.test(error.message) ? overIndentedLine(text, line) : undefined;
    if (indented !== undefined) reportLine(indented, 'this line is indented further than the field above it; start it in the same column as the other fields');
    else {
      const lineBefore = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
      report(at, yamlErrorMessage(error.code, error.message, found, { before: text[at - 1], lineBefore }));
    }
  }
}

/** A field name written as a list or a set of fields (`? [a, b]`), which no content file has. */
function refuseCollectionKeys(doc: Document, report: (offset: number, message: string) => void) {
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key && !isScalar(key) && key.range) report(key.range[0], yamlErrorMessage('NON_STRING_KEY', '', ''));
    },
  });
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
