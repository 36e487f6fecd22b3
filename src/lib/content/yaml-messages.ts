/**
 * The yaml library's errors (its codes, node_modules/yaml/dist/errors.d.ts), in words an officer
 * can act on: what is wrong on the line, and what to write instead. The library's own message
 * ("Sequence item without - indicator", "Implicit map keys need to be followed by map values")
 * names the grammar, not the mistake, so it is never shown alone. Tags, anchors, aliases and
 * directives are refused before these are read (yaml-features.ts); their codes are worded here
 * too, for the cases that reach here. Pure.
 */
import { excerpt } from './yaml-features';

const QUOTE_IT = 'put a value that holds : # [ ] { } or a comma in double quotes';
const NOT_USED = 'which the content format does not use';

/** Words for an error of the MISSING_CHAR family, told apart by the library's message. */
function missingChar(message: string, found: string): string {
  if (/closing "quote/.test(message)) return `this value opened with " is never closed; add the closing " at its end`;
  if (/closing 'quote/.test(message)) {
    return `this value opened with ' is never closed; end it with ', and inside it write an apostrophe twice (''), as in 'the council''s plan', or put the value in double quotes instead`;
  }
  if (/Sequence item without - indicator/.test(message)) {
    return 'this line is read as part of the list above but does not start with "- "; start each list item with "- " in the same column as the others, or indent the line further if it continues the item above';
  }
  if (/Implicit map keys need to be followed by map values/.test(message)) return `"${found}" has no colon after it; write each field as "name: value"`;
  if (/Missing , (or : )?between/.test(message)) return `the items inside [ ] or { } need a comma between them; add the comma, or ${QUOTE_IT}`;
  if (/Missing space after :/.test(message)) return 'a colon inside { } needs a space after it, as in { number: "7" }; add the space, or put a value that holds a colon in double quotes';
  if (/Comments must be separated/.test(message)) return '# starts a comment only after a space; put a space before the #, or put the value in double quotes to keep the # as text';
  if (/directives-end/.test(message)) return `a line starting % is a YAML directive, ${NOT_USED}; remove the line`;
  if (/Tags and anchors/.test(message)) return `a value starting with ! or & is read as a YAML tag or anchor, ${NOT_USED}; to write it as text, put the whole value in double quotes`;
  return `something is missing on this line; check its colons, commas and quotes, and ${QUOTE_IT}`;
}

/** What is around the place an error points at, to tell its causes apart. */
export interface ErrorContext {
  /** The character just before it. */
  before?: string;
  /** Its line, up to it. */
  lineBefore?: string;
}

/** Words for an error of the UNEXPECTED_TOKEN family. */
function unexpectedToken(message: string, found: string, context: ErrorContext): string {
  if (context.before === "'" && /^\w/.test(found)) {
    return `an apostrophe inside a value in single quotes ends the value; write it twice (''), as in 'the council''s plan', or put the value in double quotes`;
  }
  if (/Unexpected , in|Unexpected empty item/.test(message)) return `an extra comma inside [ ] or { }; remove it, or ${QUOTE_IT}`;
  if (/Block scalar header includes extra characters/.test(message) || (/Not a YAML token/.test(message) && /[|>][-+]?\s*$/.test(context.lineBefore ?? ''))) {
    return 'after | or > nothing may follow on the line; start the text on the next line, indented';
  }
  if (/at node end/.test(message)) return `"${found}" follows a value that has already ended; check this line's indentation against the lines above, and ${QUOTE_IT}`;
  const char = /"([^"]{1,3})"$/.exec(message)?.[1];
  if (char) return `"${char}" cannot stand here, outside quotes; ${QUOTE_IT}`;
  return `this line cannot be read as YAML ("${found}"); check its indentation and colons, and ${QUOTE_IT}`;
}

/** The message for one of the yaml library's errors; `found` is the text where it points. */
export function yamlErrorMessage(code: string, message: string, rawFound: string, context: ErrorContext = {}): string {
  const found = excerpt(rawFound);
  switch (code) {
    case 'DUPLICATE_KEY':
      return `the field "${found.replace(/:$/, '')}" appears twice; keep one`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces, so replace the tab with spaces';
    case 'MISSING_CHAR':
      return missingChar(message, found);
    case 'UNEXPECTED_TOKEN':
      return unexpectedToken(message, found, context);
    case 'BAD_DQ_ESCAPE': {
      const escape = /Invalid escape sequence (\S+)/.exec(message)?.[1] ?? '\\';
      return `inside double quotes a backslash starts an escape such as \\n, and ${excerpt(escape, 12)} is not one; write \\\\ for a backslash, or put the value in single quotes`;
    }
    case 'BAD_INDENT':
      if (/end with a [\]}]/.test(message)) return `a [ or { above is never closed, or a line inside it is indented less than its field; close it with ] or }, and indent the lines inside it`;
      return 'this line is not indented like the lines around it; start each field of a set in the same column, and each list item "- " in the same column as the others';
    case 'BAD_SCALAR_START': {
      const char = /cannot start with (?:reserved character )?(\S+)/.exec(message)?.[1] ?? found.charAt(0);
      return `a value cannot start with ${char} unless it is in quotes; write it in double quotes, as in "${found}"`;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'this line is indented differently from the list or fields it belongs to, so it is read as a field name; line it up with the others';
    case 'BLOCK_IN_FLOW':
      return 'inside [ ] or { } items are separated by commas, not written on lines of their own; write [a, b], or write each item on a line starting "- "';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a field name and its colon must be on one line; if this line continues the value above, indent it further, or put the value in double quotes';
    case 'KEY_OVER_1024_CHARS':
      return 'this line is read as a field name over 1,024 characters long; write "name: value", with the value after the colon';
    case 'NON_STRING_KEY':
      return 'a field name must be plain text, like title:; remove the ?, [ ] or { } around it';
    case 'MULTIPLE_DOCS':
      return 'a second YAML document starts here, after a line --- or ...; a content file holds one, so remove the line, and move what follows to a file of its own if it is another entry';
    case 'BAD_DIRECTIVE':
      return `a line starting % is a YAML directive, ${NOT_USED}; remove the line`;
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
    case 'MULTIPLE_TAGS':
      return `a value starting with ! is read as a YAML tag, ${NOT_USED}; remove the tag and write the value as plain text, or put the whole value in double quotes`;
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
    case 'MULTIPLE_ANCHORS':
    case 'BAD_PROP_ORDER':
      return `a value starting with & or * is read as a YAML anchor or alias, ${NOT_USED}; write the value out in full, or put it in double quotes`;
    case 'RESOURCE_EXHAUSTION':
      return `this file copies values into copies of values (YAML aliases) so often that reading it would not finish; the content format does not use aliases, so write each value out in full`;
    default:
      return `this line cannot be read as YAML; check its indentation, colons and quotes, and ${QUOTE_IT}`;
  }
}
