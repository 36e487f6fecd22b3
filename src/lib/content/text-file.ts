/**
 * Reads a content file's bytes as text the way an officer's Windows laptop may have saved it.
 *
 * - Windows line endings (\r\n) become \n. Only the end of each line changes, so every line and
 *   column number found in the result is also right in the file as saved.
 * - UTF-8 (with or without the byte order mark Excel writes) is read as UTF-8.
 * - Anything else is what Excel's "CSV (Comma delimited)" and older Notepad save: Windows-1252.
 *   CSV and YAML files are decoded as that, so "£" stays "£" (a byte that is not valid UTF-8 cannot
 *   be UTF-8, and every byte means something in Windows-1252). Meeting files are not: Astro reads
 *   them again itself, as UTF-8, so one that is not UTF-8 is refused, naming the line of the first
 *   byte that is not.
 */
import type { ProblemList } from './problems';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Windows-1252 by hand: Node 20's TextDecoder('windows-1252') decodes as Latin-1, turning Excel's
 * curly quotes and dashes (bytes 0x80 to 0x9F) into control characters. Every other byte is the
 * Unicode character of the same number.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const windows1252 = {
  decode: (bytes: Uint8Array) => {
    let out = '';
    for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return out;
  },
};

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Line (from 1) and column of the first byte that is not UTF-8, when there is one. */
  firstBadByte?: { line: number; column: number; byte: number };
}

/** Decodes bytes: UTF-8 when they are valid UTF-8, Windows-1252 otherwise; \r\n becomes \n. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: TextEncoding = 'utf-8';
  let firstBadByte: DecodedText['firstBadByte'];
  try {
    text = utf8.decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = windows1252.decode(bytes);
    firstBadByte = locateBadByte(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n/g, '\n'), encoding, firstBadByte };
}

/** The position of the first byte sequence that is not valid UTF-8. */
function locateBadByte(bytes: Uint8Array): DecodedText['firstBadByte'] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const valid = length > 0 && i + length <= bytes.length && [...bytes.subarray(i + 1, i + length)].every((c) => (c & 0xc0) === 0x80);
    if (!valid) {
      // The column counts characters, as an editor does: decode what came before on this line.
      const column = utf8.decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, column, byte: b };
    }
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += length;
  }
  return undefined;
}

/** A CSV or YAML file's text: UTF-8, or Windows-1252 when it is not UTF-8. */
export function readText(bytes: Uint8Array): string {
  return decodeText(bytes).text;
}

/**
 * A meeting file's text, which must be UTF-8 (Astro reads it again, as UTF-8): one that is not is
 * reported at its first byte that is not, with how to save it, and read as Windows-1252 so the
 * remaining checks can still run.
 */
export function readUtf8Text(bytes: Uint8Array, file: string, problems: ProblemList): string {
  const decoded = decodeText(bytes);
  if (decoded.firstBadByte) {
    const { line, column, byte } = decoded.firstBadByte;
    const shown = windows1252.decode(Uint8Array.of(byte));
    problems.add(
      file,
      line,
      column,
      `the file is not saved as UTF-8 (this character, "${shown}", is byte 0x${byte.toString(16).toUpperCase()}, as Windows-1252 writes it); save it as UTF-8: in Notepad, File > Save As and choose Encoding "UTF-8"`,
    );
  }
  return decoded.text;
}
