/**
 * The characters content may not hold (characters.ts says why): C0 controls but tab and newline,
 * DEL, C1 controls, bidi embeddings, overrides, isolates and marks, zero-width characters, line
 * and paragraph separators, a byte order mark inside the text, and the noncharacters U+FFFE and
 * U+FFFF, which XML forbids.
 */
export const INVISIBLE_SOURCE = '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u2028-\\u202E\\u2060\\u2066-\\u2069\\uFEFF\\uFFFE\\uFFFF]';

/** "U+202E" */
export function codePoint(code: number) {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
