import { LIMITS } from '../schemas/limits';

/**
 * Where YAML text nests too deeply to be parsed safely, found by a scan of its lines that does
 * no parsing: the parser and the walks over its tree recurse, and 5,000 nested brackets overflowed
 * the stack. Flow brackets outside quotes and block indentation (two spaces a level, each "- "
 * a level) both count; the limit here is four times the format's own, which is checked exactly
 * once the text is parsed (checkYamlTextLengths).
 */
export function deepYamlAt(text: string): { line: number; column: number } | undefined {
  const most = LIMITS.yamlNesting * 4;
  let flow = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const indent = /^[ -]*/.exec(line)![0];
    const block = Math.floor(indent.replace(/-/g, '  ').length / 2);
    let quote = '';
    for (let c = 0; c < line.length; c++) {
      const ch = line[c];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (c === 0 || line[c - 1] === ' ')) break;
      else if (ch === '[' || ch === '{') flow++;
      else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
      if (flow + block > most) return { line: i + 1, column: c + 1 };
    }
    if (block > most) return { line: i + 1, column: 1 };
  }
  return undefined;
}
