import type { ProblemList } from './problems';
import { parseYaml, type YamlSource } from './yaml-file';

export interface MdxFile {
  frontMatter: YamlSource | undefined;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

/** Splits an MDX file into its YAML front matter (between `---` lines) and its body. */
export function readMdx(text: string, file: string, problems: ProblemList): MdxFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') {
    problems.add(file, 1, 1, 'the file does not start with front matter; make the first line --- , then the fields (agendaItem, period, summary, ...), then a line ---');
    return { frontMatter: undefined, body: source, bodyLine: 1 };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    problems.add(file, 1, 1, 'the front matter is never closed; add a line --- after the last field');
    return { frontMatter: undefined, body: '', bodyLine: lines.length };
  }
  const yaml = lines.slice(1, close).join('\n');
  const frontMatter = parseYaml(yaml, file, problems, 1);
  return { frontMatter, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

export interface ComponentUse {
  name: string;
  /** The `id` prop, or the text inside for <Term>. */
  arg?: string;
  line: number;
  column: number;
}

/** The components MDX authors may use without importing them. */
export const MDX_COMPONENTS = ['Indicator', 'Chart', 'Term'] as const;

/**
 * Blanks out what MDX shows or ignores rather than renders (fenced and inline code, comments),
 * keeping every newline and offset, so positions found in the result are positions in the body.
 */
function blankNonRendered(body: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return body
    .replace(/^([ \t]*)(```|~~~)[\s\S]*?^[ \t]*\2[^\n]*$/gm, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(`+)[^`\n]*?\1/g, blank);
}

/** Finds component tags in an MDX body, with their positions; tags may span lines. */
export function findComponents(body: string, bodyLine: number): ComponentUse[] {
  const text = blankNonRendered(body);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line: bodyLine + line, column: offset - lineStarts[line] + 1 };
  };
  const uses: ComponentUse[] = [];
  const tag = /<([A-Z][A-Za-z0-9]*)\b([^>]*)>(?:([^<]*)<\/\1>)?/g;
  for (let m; (m = tag.exec(text)); ) {
    const [, name, attrs, inner] = m;
    const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(attrs);
    uses.push({
      name,
      arg: name === 'Term' ? inner?.trim() : (id?.[1] ?? id?.[2] ?? id?.[3]),
      ...position(m.index),
    });
  }
  return uses;
}
