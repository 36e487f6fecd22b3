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
