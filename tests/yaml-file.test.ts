/**
 * Every YAML mistake is refused in words (src/lib/content/yaml-file.ts, yaml-features.ts,
 * yaml-messages.ts): at its file, line and column, saying what was found and what to write, never
 * the yaml library's grammar alone and never a stack trace. Tags, anchors, aliases, merge keys,
 * directives and a second document are refused outright, since the content format uses none, and
 * an alias bomb is refused quickly, as a standalone file and in a meeting's front matter.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/lib/content/yaml-file';
import { readMdx } from '../src/lib/content/meeting-file';
import { formatProblem, ProblemList } from '../src/lib/content/problems';
import { validateWith } from '../src/lib/content/zod-issues';
import { CommitteeSchema } from '../src/lib/schemas/committee';

function problems(yaml: string, file = 'content/committees/panel.yaml') {
  const list = new ProblemList();
  const source = parseYaml(yaml, file, list);
  return { source, messages: list.items.map(formatProblem) };
}
const messages = (yaml: string) => problems(yaml).messages;

/** A "billion laughs": each anchor a list of nine copies of the one before. */
function aliasBomb(levels = 9, indent = '') {
  const names = 'abcdefghijklmnopqrstuvwxyz'.slice(0, levels).split('');
  return names.map((n, i) => `${indent}${n}: &${n} [${i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${names[i - 1]}`)}]`).join('\n') + '\n';
}

describe('tags, anchors, aliases and directives, which the content format does not use', () => {
  it('!!binary, which was "a set of fields is a set of fields"', () => {
    expect(messages('name: !!binary aGVsbG8=\n')).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:7: !!binary is a YAML tag, which the content format does not use; remove it and write the value as plain text (if the ! is part of the text, put the whole value in double quotes)",
      ]
    `);
  });

  it.each([
    ['!!set', 'name: !!set { a, b }\n'],
    ['!!omap', 'name: !!omap [ a: 1 ]\n'],
    ['!!timestamp', 'name: !!timestamp 2001-12-14\n'],
    ['!custom', 'name: !custom x\n'],
    ['!!js/function', 'name: !!js/function "function () { return 1 }"\n'],
    ['!!str', 'name: !!str 7.10\n'],
    ['!', 'name: ! x\n'],
  ])('%s is refused at the tag, as a tag', (tag, yaml) => {
    expect(messages(yaml)).toEqual([`content/committees/panel.yaml:1:7: ${tag} is a YAML tag, which the content format does not use; remove it and write the value as plain text (if the ! is part of the text, put the whole value in double quotes)`]);
  });

  it('anchors and aliases, each at its place; several of a kind in one message', () => {
    expect(messages('name: &n Panel\nshortName: *n\ndescription: *n\n')).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:7: &n at the start of a value is read as a YAML anchor, a name for the value to be copied elsewhere, which the content format does not use; remove it, or, to write it as text, put the whole value in double quotes",
        "content/committees/panel.yaml:2:12: *n at the start of a value is read as a YAML alias (and 1 more in this file), a copy of a value marked elsewhere, which the content format does not use; write the value out in full, or, to write it as text, put the whole value in double quotes",
      ]
    `);
  });

  it('a merge key', () => {
    expect(messages('base: &b { name: Panel }\ncommittee:\n  <<: *b\n  shortName: P\n')).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:7: &b at the start of a value is read as a YAML anchor, a name for the value to be copied elsewhere, which the content format does not use; remove it, or, to write it as text, put the whole value in double quotes",
        "content/committees/panel.yaml:3:7: <<: *b copies the fields of another entry (a YAML merge key), which the content format does not use; write the fields out in full here",
      ]
    `);
  });

  it('prose that starts with * or &, which YAML reads as an alias or an anchor: says to quote it', () => {
    expect(messages('name: *Provisional* figures\n')[0]).toMatch(/^content\/committees\/panel\.yaml:1:7: \*Provisional\* at the start of a value is read as a YAML alias.*put the whole value in double quotes$/);
    expect(messages('name: & more\n')[0]).toMatch(/:1:7: & at the start of a value is read as a YAML anchor.*double quotes$/);
  });

  it('a directive, and an unknown one', () => {
    expect(messages('%YAML 1.1\n---\nname: no\n')).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:1: %YAML 1.1 is a YAML directive, which the content format does not use; remove the line",
      ]
    `);
    expect(messages('%FOO bar\n---\nname: Panel\n')).toEqual(['content/committees/panel.yaml:1:1: %FOO bar is a YAML directive, which the content format does not use; remove the line']);
    // Among the fields (as in a meeting's front matter, which has no --- of its own), where YAML
    // reads it as text run on from the line above.
    expect(messages('name: Panel\n%YAML 1.1\nshortName: P\n')).toEqual(['content/committees/panel.yaml:2:1: %YAML 1.1 is a YAML directive, which the content format does not use; remove the line']);
  });

  it('a second document; one --- at the start, or ... at the end, is allowed', () => {
    expect(messages('name: Panel\n---\nname: Board\n')).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:2:1: a second YAML document starts here, after a line --- or ...; a content file holds one, so remove the line, and move what follows to a file of its own if it is another entry",
      ]
    `);
    expect(problems('---\nname: Panel\n...\n').source.data).toEqual({ name: 'Panel' });
  });

  it('a field name written as a list or a set of fields', () => {
    expect(messages('? [a, b]\n: Panel\n')).toEqual(['content/committees/panel.yaml:1:3: a field name must be plain text, like title:; remove the ?, [ ] or { } around it']);
  });
});

describe('an alias bomb is refused quickly, at its place, with no stack trace', () => {
  it('as a standalone file', () => {
    const started = performance.now();
    const { source, messages: found } = problems(aliasBomb());
    expect(performance.now() - started).toBeLessThan(1000);
    expect(source.failed).toBe(true);
    expect(found).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:4: &a at the start of a value is read as a YAML anchor (and 8 more in this file), a name for the value to be copied elsewhere, which the content format does not use; remove it, or, to write it as text, put the whole value in double quotes",
        "content/committees/panel.yaml:2:8: *a at the start of a value is read as a YAML alias (and 71 more in this file), a copy of a value marked elsewhere, which the content format does not use; write the value out in full, or, to write it as text, put the whole value in double quotes",
      ]
    `);
  });

  it('twenty levels deep (9^20 items if expanded) takes no longer', () => {
    const started = performance.now();
    expect(problems(aliasBomb(20)).source.failed).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("in a meeting's front matter, on the .mdx file's own lines", () => {
    const list = new ProblemList();
    const started = performance.now();
    const mdx = readMdx(`---\nagendaItem: { number: "6", title: Report }\n${aliasBomb()}---\nBody.\n`, 'content/meetings/panel/2018-10-25.mdx', list);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(mdx.frontMatter?.failed).toBe(true);
    expect(list.items.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['content/meetings/panel/2018-10-25.mdx:3:4', 'content/meetings/panel/2018-10-25.mdx:4:8']);
  });
});

describe("the yaml library's errors, in words", () => {
  const CASES: [string, string][] = [
    ['BAD_DQ_ESCAPE', 'name: "C:\\qfolder"\n'],
    ['BAD_INDENT (an unclosed [)', 'name: [Panel, Board\n'],
    ['BAD_SCALAR_START', 'name: @panel\n'],
    ['BAD_SCALAR_START (backtick)', 'name: `panel`\n'],
    ['BLOCK_AS_IMPLICIT_KEY', 'name:\n  - a\n - b\n'],
    ['BLOCK_IN_FLOW', 'name: { a: - b }\n'],
    ['DUPLICATE_KEY', 'name: A\nname: B\n'],
    ['KEY_OVER_1024_CHARS', `${'x'.repeat(1100)}: 1\n`],
    ['MISSING_CHAR (unclosed ")', 'name: "Panel\nshortName: P\n'],
    ['MISSING_CHAR (no colon)', 'name: Panel\nshortName\n'],
    ['MISSING_CHAR (no space before #)', 'name: "Panel"# note\n'],
    ['MISSING_CHAR (list item without -)', 'list:\n  - a\n b\n'],
    ['MULTILINE_IMPLICIT_KEY', 'name Panel\nshortName: P\n'],
    ['UNEXPECTED_TOKEN (apostrophe in single quotes)', "name: 'the council's panel'\n"],
    ['UNEXPECTED_TOKEN (extra comma)', 'name: [a,, b]\n'],
    ['UNEXPECTED_TOKEN (stray ])', 'name: ]\n'],
    ['UNEXPECTED_TOKEN (text after | )', 'name: | x\n  y\n'],
    ['UNEXPECTED_TOKEN (a field after a list)', '- a\nname: 1\n'],
  ];
  it.each(CASES)('%s: says what to write, never the grammar alone', (_, yaml) => {
    const found = messages(yaml);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const m of found) {
      expect(m).toMatch(/^content\/committees\/panel\.yaml:\d+:\d+: [a-z"*&!%#<@`]/);
      expect(m).toMatch(/; /);
      expect(m).not.toMatch(/Error:|not valid YAML \(|indicator\)|Implicit|Unexpected|scalar/);
      // The text quoted from the file stays short.
      expect(m.length).toBeLessThan(400);
    }
  });

  it('the important ones, pinned', () => {
    expect(CASES.map(([, yaml]) => messages(yaml)[0])).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:1:10: inside double quotes a backslash starts an escape such as \\n, and \\q is not one; write \\\\ for a backslash, or put the value in single quotes",
        "content/committees/panel.yaml:2:1: a [ or { above is never closed, or a line inside it is indented less than its field; close it with ] or }, and indent the lines inside it",
        "content/committees/panel.yaml:1:7: a value cannot start with @ unless it is in quotes; write it in double quotes, as in "@panel"",
        "content/committees/panel.yaml:1:7: a value cannot start with \` unless it is in quotes; write it in double quotes, as in "\`panel\`"",
        "content/committees/panel.yaml:3:1: this line is indented differently from the list or fields it belongs to, so it is read as a field name; line it up with the others",
        "content/committees/panel.yaml:1:12: inside [ ] or { } items are separated by commas, not written on lines of their own; write [a, b], or write each item on a line starting "- "",
        "content/committees/panel.yaml:2:1: the field "name" appears twice; keep one",
        "content/committees/panel.yaml:1:1: this line is read as a field name over 1,024 characters long; write "name: value", with the value after the colon",
        "content/committees/panel.yaml:1:7: this value opened with " is never closed; add the closing " at its end",
        "content/committees/panel.yaml:2:1: "shortName" has no colon after it; write each field as "name: value"",
        "content/committees/panel.yaml:1:14: # starts a comment only after a space; put a space before the #, or put the value in double quotes to keep the # as text",
        "content/committees/panel.yaml:3:1: this line is not indented like the lines around it; start each field of a set in the same column, and each list item "- " in the same column as the others",
        "content/committees/panel.yaml:1:1: a field name and its colon must be on one line; if this line continues the value above, indent it further, or put the value in double quotes",
        "content/committees/panel.yaml:1:20: an apostrophe inside a value in single quotes ends the value; write it twice (''), as in 'the council''s plan', or put the value in double quotes",
        "content/committees/panel.yaml:1:10: an extra comma inside [ ] or { }; remove it, or put a value that holds : # [ ] { } or a comma in double quotes",
        "content/committees/panel.yaml:1:7: "]" cannot stand here, outside quotes; put a value that holds : # [ ] { } or a comma in double quotes",
        "content/committees/panel.yaml:1:9: after | or > nothing may follow on the line; start the text on the next line, indented",
        "content/committees/panel.yaml:2:1: "name" follows a value that has already ended; check this line's indentation against the lines above, and put a value that holds : # [ ] { } or a comma in double quotes",
      ]
    `);
  });
});

describe('a value of the wrong kind is named once', () => {
  it('a set of fields or a list where text goes', () => {
    const list = new ProblemList();
    const source = parseYaml('name:\n  first: Panel\nshortName: [a, b]\n', 'content/committees/panel.yaml', list);
    validateWith(CommitteeSchema, source, 'content/committees/panel.yaml', list);
    expect(list.items.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/committees/panel.yaml:2:3: name is a set of fields; expected text: write the text on the same line as the field, or put it in double quotes if it starts with [ or {",
        "content/committees/panel.yaml:3:12: shortName is a list; expected text: write the text on the same line as the field, or put it in double quotes if it starts with [ or {",
      ]
    `);
  });
});
