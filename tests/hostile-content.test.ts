/**
 * Content written to do harm, as someone with commit access could write it: links to files on the
 * build machine, invisible and control characters, and files far past any real size or nesting.
 * Each is applied to a copy of the sample and must be refused by `check` at its file and line,
 * saying what to write instead, quickly, quoting nothing of the file beyond a short excerpt.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatGithubAnnotation, formatProblem, type Problem } from '../src/lib/content/problems';
import { LIMITS } from '../src/lib/schemas/limits';
import { blockDepth } from '../src/lib/content/body-limits';
import { PROJECT, sampleCopy } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';

const root = sampleCopy();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MEETING = 'content/meetings/corporate-parenting-board/2017-09-21.mdx';
const SECRET = 'scrutineer-secret-0a1b2c';

/** Applies a change to the copy, loads it, and puts every file back as it was. */
async function problemsAfter(change: () => void): Promise<Problem[]> {
  const saved = new Map<string, Buffer>();
  const keep = (file: string) => saved.has(file) || saved.set(file, readFileSync(join(root, file)));
  for (const file of [MEETING, 'content/glossary.yaml', 'content/site.yaml', 'content/committees/corporate-parenting-board.yaml', 'data/2017-18/q1.csv', 'content/indicators/cla-rate.yaml']) keep(file);
  try {
    change();
    return (await loadContent(root)).problems;
  } finally {
    for (const [file, bytes] of saved) {
      rmSync(join(root, file), { force: true });
      writeFileSync(join(root, file), bytes);
    }
  }
}

const edit = (file: string, how: (text: string) => string) => () => writeFileSync(join(root, file), how(readFileSync(join(root, file), 'utf8')));
/** The line on which text added as `${text}\n${added}` to the sample's meeting starts. */
const addedLine = () => readFileSync(join(PROJECT, MEETING), 'utf8').split('\n').length + 1;
const brief = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);

describe('files that are not what they say', () => {
  const secretFile = join(root, '..', `${root.split('/').pop()}-secret.yaml`);
  writeFileSync(secretFile, `password: ${SECRET}\n`);
  afterAll(() => rmSync(secretFile, { force: true }));

  it('refuses a glossary linked to a file outside the site, without reading or printing it', async () => {
    const problems = await problemsAfter(() => {
      rmSync(join(root, 'content/glossary.yaml'));
      symlinkSync(secretFile, join(root, 'content/glossary.yaml'));
    });
    expect(brief(problems)).toMatchInlineSnapshot(`
      [
        "content/glossary.yaml:1:1: content/glossary.yaml is a symbolic link; the content must be ordinary files inside the site's folder, so that nothing from elsewhere on the computer is read or published. Replace the link with a copy of the file",
      ]
    `);
    expect(problems.map(formatGithubAnnotation).join('\n')).not.toContain(SECRET);
  });

  it('refuses links to /etc/passwd and /proc/self/environ in a meeting file and a data file', async () => {
    const problems = await problemsAfter(() => {
      rmSync(join(root, MEETING));
      symlinkSync('/proc/self/environ', join(root, MEETING));
      rmSync(join(root, 'data/2017-18/q1.csv'));
      symlinkSync('/etc/passwd', join(root, 'data/2017-18/q1.csv'));
    });
    expect(problems.filter((p) => /is a symbolic link/.test(p.message)).map((p) => p.file)).toEqual([MEETING, 'data/2017-18/q1.csv']);
    expect(problems.map(formatProblem).join('\n')).not.toMatch(/root:|PATH=|HOME=/);
  });

  it('refuses a link loop and a folder of meetings that is a link, without a crash', async () => {
    const problems = await problemsAfter(() => {
      rmSync(join(root, 'content/site.yaml'));
      symlinkSync('site.yaml', join(root, 'content/site.yaml'));
      symlinkSync('/etc', join(root, 'content/meetings/elsewhere'));
    });
    rmSync(join(root, 'content/meetings/elsewhere'), { force: true });
    const links = problems.filter((p) => /is a symbolic link/.test(p.message)).map((p) => p.file);
    expect(links).toEqual(['content/meetings/elsewhere', 'content/site.yaml']);
  });

  it('refuses a content folder that is a link as a whole', async () => {
    const other = sampleCopy();
    rmSync(join(other, 'content'), { recursive: true });
    symlinkSync(join(root, 'content'), join(other, 'content'));
    try {
      expect(brief((await loadContent(other)).problems)).toEqual([
        "content:1:1: content is a symbolic link; the content must be ordinary files inside the site's folder, so that nothing from elsewhere on the computer is read or published. Replace the link with a copy of the file",
      ]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform !== 'win32')('refuses a named pipe at once, rather than waiting for it to be written', async () => {
    const problems = await problemsAfter(() => {
      rmSync(join(root, 'content/glossary.yaml'));
      expect(spawnSync('mkfifo', [join(root, 'content/glossary.yaml')]).status).toBe(0);
    });
    expect(brief(problems)).toEqual(['content/glossary.yaml:1:1: content/glossary.yaml is not an ordinary file (it is a named pipe, a device or a socket); delete it and put the file itself here']);
  });

  it('check --format github, run as CI runs it, annotates the link and prints none of its target', () => {
    const other = sampleCopy();
    rmSync(join(other, 'content/glossary.yaml'));
    symlinkSync(secretFile, join(other, 'content/glossary.yaml'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT, 'scripts/check.ts'), '--root', other, '--format', 'github'], { cwd: PROJECT, env: cleanEnv(), encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('::error file=content/glossary.yaml,line=1,col=1::content/glossary.yaml is a symbolic link');
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('invisible and control characters', () => {
  it('refuses NUL in a summary, U+202E in a committee name and U+200B in a glossary term, each where it stands', async () => {
    const problems = await problemsAfter(() => {
      edit(MEETING, (t) => t.replace('The board considered', 'The board\u0000 considered'))();
      edit('content/committees/corporate-parenting-board.yaml', (t) => t.replace('name: Corporate Parenting Board', 'name: Corporate \u202EdraoB Parenting'))();
      edit('content/glossary.yaml', (t) => t.replace(/term: (\S+)/, 'term: $1\u200B'))();
    });
    expect(brief(problems)).toMatchInlineSnapshot(`
      [
        "content/committees/corporate-parenting-board.yaml:1:17: the text holds U+202E (right-to-left override) here; it is invisible and changes the order in which the text is shown, so readers could see something other than what was reviewed. Delete it",
        "content/glossary.yaml:2:12: the text holds U+200B (zero width space) here; it is invisible, so words that look the same no longer match. Delete it",
        "content/meetings/corporate-parenting-board/2017-09-21.mdx:5:12: the text holds U+0000 (NUL, a control character) here; it is invisible, and would make the site's feeds unreadable. Delete it (it usually comes from copying out of another program)",
      ]
    `);
  });

  it('refuses a C1 control character from a file saved in the wrong encoding, and bidi isolates in a body', async () => {
    const csv = 'data/2017-18/q1.csv';
    const problems = await problemsAfter(() => {
      // Byte 0x81 means nothing in Windows-1252; decoded, it is the C1 control U+0081. It goes in
      // the first row's note, the last cell, where nothing else reads it.
      const bytes = readFileSync(join(root, csv));
      const at = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1);
      writeFileSync(join(root, csv), Buffer.concat([bytes.subarray(0, at), Buffer.from([0x81]), bytes.subarray(at)]));
      edit(MEETING, (t) => `${t}\nThe chair thanked \u2067officers\u2069 for the report.\n`)();
    });
    const last = addedLine();
    expect(brief(problems)).toEqual([
      `${MEETING}:${last}:19: the text holds U+2067 (right-to-left isolate) here; it is invisible and changes the order in which the text is shown, so readers could see something other than what was reviewed. Delete it`,
      `${MEETING}:${last}:28: the text holds U+2069 (pop directional isolate) here; it is invisible and changes the order in which the text is shown, so readers could see something other than what was reviewed. Delete it`,
      `${csv}:2:49: the text holds U+0081 (a C1 control character, usually left by a file saved in the wrong encoding) here; it is invisible, and would make the site's feeds unreadable. Delete it (it usually comes from copying out of another program)`,
    ]);
  });

  it('says five characters of a file, then how many more, so a pasted page does not flood the log', async () => {
    const problems = await problemsAfter(edit(MEETING, (t) => `${t}\n${'a\u200Bb '.repeat(40)}\n`));
    expect(problems).toHaveLength(6);
    expect(problems.map((p) => p.message)).toContain('and 35 more invisible or control characters are in this file; search for them and delete them');
  });

  it('accepts tabs, non-Latin scripts, emoji and typographic characters', async () => {
    const problems = await problemsAfter(edit(MEETING, (t) => `${t}\nThe chair — Cllr Ahmed (أحمد), Cllr Cohen (כהן) — said “well done” 👍 and\tthanked everyone… £5, 10 °C.\n`));
    expect(brief(problems)).toEqual([]);
  });
});

describe('limits, each refused before any slow work', () => {
  it('refuses a 100,000-character title with the limit, once', async () => {
    const problems = await problemsAfter(edit(MEETING, (t) => t.replace('title: "Children in Care', `title: "${'A'.repeat(100_000)}`)));
    expect(brief(problems)).toEqual([`${MEETING}:2:35: agendaItem.title is 100,056 characters long, over the limit of 5,000 for a text field; shorten it, or put the detail in the meeting's text`]);
  });

  it('refuses a 201-character committee name and accepts one of 200', async () => {
    const named = (n: number) => edit('content/committees/corporate-parenting-board.yaml', (t) => t.replace('name: Corporate Parenting Board', `name: ${'Board '.repeat(40).slice(0, n - 1)}x`));
    expect(brief(await problemsAfter(named(201)))).toEqual([
      'content/committees/corporate-parenting-board.yaml:1:7: name is longer than 200 characters, the limit for a title or a name; shorten it',
    ]);
    expect(await problemsAfter(named(200))).toEqual([]);
  });

  it('refuses 10,000 quotations inside each other at their line, without parsing them', async () => {
    const problems = await problemsAfter(edit(MEETING, (t) => `${t}\n${'>'.repeat(10_000)} deep\n`));
    expect(brief(problems)).toEqual([
      `${MEETING}:${addedLine()}:1: 10000 quotations or lists are inside each other on this line, more than the limit of 10; minutes never need so many, so take most of them out`,
    ]);
  }, 10_000);

  it('refuses list items, quotations on their own lines, and emphasis nested too deeply', async () => {
    const cases = {
      lists: Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
      inline: '- '.repeat(2000) + 'x',
      quotes: Array.from({ length: 200 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
      emphasis: `${'*_'.repeat(5000)}x${'_*'.repeat(5000)}`,
      strong: `${'**a '.repeat(5000)}x${' b**'.repeat(5000)}`,
      brackets: `${'['.repeat(5000)}x${'](/a)'.repeat(5000)}`,
    };
    for (const [name, body] of Object.entries(cases)) {
      const problems = await problemsAfter(edit(MEETING, (t) => `${t}\n${body}\n`));
      expect(problems.map((p) => p.message), name).toEqual([expect.stringMatching(/more than the limit of (10|20); minutes never need so many/)]);
    }
  }, 20_000);

  it('accepts the nesting real minutes have: lists three deep, a quotation with a list, bold inside italics', async () => {
    const body = ['- one', '  - two', '    - three', '', '> quoted', '> - item', '', '*Italic with **bold** inside*, and [a link](https://example.gov.uk).'].join('\n');
    expect(brief(await problemsAfter(edit(MEETING, (t) => `${t}\n${body}\n`)))).toEqual([]);
    expect(blockDepth('    - three')).toBeLessThanOrEqual(3);
  });

  it('refuses a 50 MB meeting file by its size, without reading it', async () => {
    const problems = await problemsAfter(edit(MEETING, (t) => t + 'word '.repeat(10_000_000)));
    expect(brief(problems)).toEqual([expect.stringMatching(new RegExp(`^${MEETING}:1:1: ${MEETING} is 50,00\\d,\\d{3} bytes \\(50 MB\\), over the limit of 1,000,000 bytes \\(1 MB\\) for this kind of file; split it, or check that it holds what it should$`))]);
  }, 20_000);

  it('refuses a body over the limit of characters', async () => {
    const problems = await problemsAfter(edit(MEETING, (t) => `${t}\n${'The board met. '.repeat(14_000)}\n`));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^the meeting's text is 2\d\d,\d{3} characters long, over the limit of 200,000;/)]);
  });

  it('refuses a text field and a CSV cell over 5,000 characters, and YAML nested too deeply', async () => {
    const problems = await problemsAfter(() => {
      edit('content/glossary.yaml', (t) => t.replace(/definition: /, `definition: ${'long '.repeat(1200)}`))();
      edit('data/2017-18/q1.csv', (t) => t.replace(/,\n/, `,${'x'.repeat(5001)}\n`))();
      edit('content/indicators/cla-rate.yaml', (t) => `${t}\nextra: ${'['.repeat(12)}1${']'.repeat(12)}\n`)();
    });
    expect(brief(problems).map((m) => m.replace(/:\d+:\d+:/, ':'))).toEqual([
      expect.stringMatching(/^content\/glossary.yaml: \[1\].definition is 6,\d{3} characters long, over the limit of 5,000 for a text field; shorten it, or put the detail in the meeting's text$/),
      expect.stringMatching(/^content\/indicators\/cla-rate.yaml: unknown field "extra"/),
      'content/indicators/cla-rate.yaml: the fields are nested more than 10 levels deep here, deeper than any field of the content format; check the indentation',
      'data/2017-18/q1.csv: this cell is 5,001 characters long, over the limit of 5,000 for one cell; shorten it',
    ]);
  });

  it('refuses 5,000 nested brackets or indented fields in YAML and front matter at their line, without a stack overflow', async () => {
    const problems = await problemsAfter(() => {
      edit('content/indicators/cla-rate.yaml', (t) => `${t}\nextra: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)();
      edit(MEETING, (t) => t.replace('\nperiod:', `\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\nperiod:`))();
    });
    expect(brief(problems).map((m) => m.replace(/:\d+:\d+:/, ':'))).toEqual([
      'content/indicators/cla-rate.yaml: the fields are nested more than 10 levels deep here, deeper than any field of the content format; check the indentation and the brackets',
      `${MEETING}: the fields are nested more than 10 levels deep here, deeper than any field of the content format; check the indentation and the brackets`,
    ]);
  });

  it('refuses a glossary of more than 1,000 terms at the first past the limit, and a breakdown of more than 100 categories', async () => {
    const problems = await problemsAfter(() => {
      edit('content/glossary.yaml', (t) => `${t.trimEnd()}\n${Array.from({ length: 1000 }, (_, i) => `- term: Term ${i}\n  definition: A term.`).join('\n')}\n`)();
      edit('content/indicators/cla-rate.yaml', (t) => `${t.trimEnd()}\ncategories:\n${Array.from({ length: 101 }, (_, i) => `  c${i}: Category ${i}`).join('\n')}\n`)();
    });
    expect(brief(problems)).toEqual([
      expect.stringMatching(/^content\/glossary.yaml:\d+:3: the glossary has 1,0\d\d terms, over the limit of 1,000, and this is the first past it; a glossary explains the terms the pages use, so keep those$/),
      expect.stringMatching(/^content\/indicators\/cla-rate.yaml:\d+:\d+: categories are 101, over the limit of 100; a breakdown of more categories cannot be read as a chart or a table, so group them$/),
    ]);
  });

  it('refuses a data row for a period before 1980, so one file cannot hold centuries of months', async () => {
    const problems = await problemsAfter(edit('data/2017-18/q1.csv', (t) => `${t.trimEnd()}\nassessment-45-days,1979-12,local,,75.4,,,,\n`));
    expect(brief(problems)).toEqual([expect.stringMatching(/^data\/2017-18\/q1.csv:\d+:2: period 1979-12 is before 1980, earlier than any children's services figure; check the year$/)]);
  });

  it('quotes at most 80 characters of a wrong value in any message', async () => {
    const problems = await problemsAfter(edit('content/indicators/cla-rate.yaml', (t) => t.replace(/^unit: .*$/m, `unit: ${'percent-'.repeat(500)}`)));
    expect(problems).toHaveLength(1);
    const quoted = /"([^"]*)"/.exec(problems[0].message)![1];
    expect([...quoted].length).toBeLessThanOrEqual(80);
    expect(quoted.endsWith('…')).toBe(true);
  });

  it('documents every limit in the content format guide, with the value the code applies', () => {
    const guide = readFileSync(join(PROJECT, 'docs/content-format.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## Limits'));
    expect(section.length).toBeGreaterThan(100);
    for (const [name, value] of Object.entries(LIMITS)) expect(section, name).toContain(name === 'earliestYear' ? String(value) : value.toLocaleString('en-GB'));
  });
});
