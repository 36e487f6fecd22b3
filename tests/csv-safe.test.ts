/**
 * CSV cells a spreadsheet cannot run (src/lib/open-data/csv-safe.ts): text a spreadsheet would
 * read as a formula gets an apostrophe in front; numbers, and every other text, are unchanged; and
 * the CSV writer then quotes what CSV requires quoting, so the apostrophe stays the cell's first
 * character when it is read back.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { APOSTROPHE_RULE, csvSafe, needsApostrophe, readsAsFormula } from '../src/lib/open-data/csv-safe';
import { FORMULA_PAYLOADS as PAYLOADS } from './helpers/formula-payloads';

/** A row as the site writes it, read back as a spreadsheet's CSV import reads it. */
const roundTrip = (cells: Parameters<typeof csvSafe>[0][]) => Papa.parse<string[]>(Papa.unparse([cells.map(csvSafe)], { newline: '\n' })).data[0];

describe('csvSafe', () => {
  it.each(PAYLOADS)('puts an apostrophe in front of text a spreadsheet would run: %j', (payload) => {
    expect(readsAsFormula(payload)).toBe(true);
    expect(csvSafe(payload)).toBe(`'${payload}`);
  });

  it('leaves numbers as numbers, a negative one too, whatever their sign', () => {
    expect(csvSafe(-2.5)).toBe('-2.5');
    expect(csvSafe(-0.000123)).toBe('-0.000123');
    expect(csvSafe(12)).toBe('12');
    expect(csvSafe(0)).toBe('0');
  });

  it('decides by type, not by look: text that looks like a number is text, and is made safe only if it starts like a formula', () => {
    // A breakdown or note written "-2.5" is text in a text column: a spreadsheet would still
    // read it as a formula (=-2.5), so it is written as text.
    expect(csvSafe('-2.5')).toBe("'-2.5");
    expect(csvSafe('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    // A period or a figure written as text without a sign is left alone.
    expect(csvSafe('2018-06')).toBe('2018-06');
    expect(csvSafe('12.5')).toBe('12.5');
  });

  it('writes null as an empty cell and booleans as true or false; empty text stays empty', () => {
    expect(csvSafe(null)).toBe('');
    expect(csvSafe('')).toBe('');
    expect(csvSafe(true)).toBe('true');
    expect(csvSafe(false)).toBe('false');
  });

  it('leaves text that only contains a formula character, or starts with a space, alone', () => {
    for (const text of ['Fewer than 6 = small', 'a-b', 'email me@example.gov.uk', ' =1+1', 'c', "'Tis the season"]) expect(csvSafe(text)).toBe(text);
  });

  it('adds one more apostrophe to text already written with one before a formula character, so removing one gives it back', () => {
    expect(needsApostrophe("'=1+1")).toBe(true);
    expect(csvSafe("'=1+1")).toBe("''=1+1");
    expect(csvSafe("''@x")).toBe("'''@x");
    expect(csvSafe("'")).toBe("'");
  });

  it('keeps the apostrophe first once the cell is quoted for a comma, a quote or a line break', () => {
    const cells = ['=1,2', '=say "hi"', '=1\n+2', '-2.5, down', 'plain, with a comma', 'line\nbreak', 'He said "no"'];
    const line = Papa.unparse([cells.map(csvSafe)], { newline: '\n' });
    expect(line).toBe(`"'=1,2","'=say ""hi""","'=1\n+2","'-2.5, down","plain, with a comma","line\nbreak","He said ""no"""`);
    expect(roundTrip(cells)).toEqual(cells.map(csvSafe));
  });

  it('reads back, for every payload, as the payload with one apostrophe in front, beside numbers unchanged', () => {
    for (const payload of PAYLOADS) expect(roundTrip([payload, -2.5, null, 'ok'])).toEqual([`'${payload}`, '-2.5', '', 'ok']);
  });

  it('is undone by the rule the data dictionary gives readers', () => {
    // "remove the first apostrophe of any text cell that begins with apostrophes followed by one of those characters"
    expect(APOSTROPHE_RULE).toContain('remove the first apostrophe of any text cell that begins with apostrophes followed by one of those characters');
    const undo = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    for (const text of [...PAYLOADS, "'=1+1", "''-2", "'Tis", "'", '', 'plain', '-', '=', ' =1']) expect(undo(csvSafe(text)), JSON.stringify(text)).toBe(text);
  });
});
