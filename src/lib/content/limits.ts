/** Checks of the limits (schemas/limits.ts) that need a file's text or its parsed YAML. */
import { LIMITS } from '../schemas/limits';
import type { ProblemList } from './problems';
import type { Path, YamlSource } from './yaml-file';
import { fieldName } from './zod-issues';

export { LIMITS };

/** "1,000,000 bytes (1 MB)" */
export function bytesInWords(bytes: number) {
  return `${bytes.toLocaleString('en-GB')} bytes (${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB)`;
}

/**
 * Refuses any text in a YAML file longer than a text field may be, and values nested deeper than
 * any field of the format is, each where it stands. Walked without recursion, so no depth of
 * nesting can overflow the stack.
 */
export function checkYamlTextLengths(source: YamlSource, file: string, problems: ProblemList) {
  if (source.failed) return;
  const stack: { value: unknown; path: Path }[] = [{ value: source.data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && value.length > LIMITS.textCharacters) {
      const at = source.locate(path);
      problems.add(file, at.line, at.column, `${fieldName(path) || 'this value'} is ${value.length.toLocaleString('en-GB')} characters long, over the limit of ${LIMITS.textCharacters.toLocaleString('en-GB')} for a text field; shorten it, or put the detail in the meeting's text`);
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= LIMITS.yamlNesting) {
        const at = source.locate(path);
        problems.add(file, at.line, at.column, `the fields are nested more than ${LIMITS.yamlNesting} levels deep here, deeper than any field of the content format; check the indentation`);
        continue;
      }
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
}
