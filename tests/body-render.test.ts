/**
 * Meeting bodies render exactly as they did when Astro compiled each one as an MDX module, now
 * that the build renders them itself without making them code (src/lib/body/). The expected
 * commentary was made by that earlier build (tests/fixtures/body-render/README.md), from bodies
 * that use every construct the safe body language allows; the figures and charts the components
 * draw are shown as [Indicator id] and [Chart id], since they are tested elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './helpers/fixtures';
import { buildSite, inlineStyles } from './helpers/build';
import { bodyToHast, BodyRefused } from '../src/lib/body/to-hast';

/** The element starting at `start`, with everything nested in it (tags counted, not parsed). */
function elementEnd(html: string, start: number, tag: string) {
  const open = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  open.lastIndex = start;
  let depth = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`<${tag}> at ${start} is not closed`);
}

/** The commentary with what each component drew replaced by its name and indicator. */
export function withoutComponents(html: string) {
  const pattern = /<section class="sc-indicator" id="([^"]+)"|<div class="sc-chart-block" id="([^"]+)"/g;
  let out = '';
  let from = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    const [tag, name] = m[1] ? ['section', 'Indicator'] : ['div', 'Chart'];
    out += html.slice(from, m.index) + `[${name} ${m[1] ?? m[2]}]`;
    from = elementEnd(html, m.index, tag);
    pattern.lastIndex = from;
  }
  return out + html.slice(from);
}

function commentary(page: string) {
  const start = page.indexOf('<div class="sc-commentary">');
  const end = page.indexOf('<h2 id="resolutions"');
  expect(start).toBeGreaterThan(0);
  return page.slice(start, end);
}

const SITE = join(FIXTURES, 'sites', 'body-constructs');
const EXPECTED = join(FIXTURES, 'body-render');
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'scrutineer-body-'));
  const result = buildSite(SITE, out);
  expect(result.status, result.stdout + result.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('meeting bodies render as the MDX build rendered them', () => {
  for (const meeting of ['2018-10-25', '2018-07-20']) {
    it(`panel/${meeting}: the same bytes, construct by construct`, () => {
      const built = withoutComponents(commentary(readFileSync(join(out, 'panel', meeting, 'index.html'), 'utf8')));
      const expected = withoutComponents(readFileSync(join(EXPECTED, `panel-${meeting}.html`), 'utf8'));
      expect(built).toBe(expected);
    });
  }

  it('the components are drawn where the body places them, in lists and quotations too', () => {
    const built = withoutComponents(commentary(readFileSync(join(out, 'panel', '2018-07-20', 'index.html'), 'utf8')));
    expect(built).toMatch(/<li>\n<p>A list item that holds a figure:<\/p>\n\[Indicator cla-rate\]\n<\/li>/);
    expect(built).toMatch(/<blockquote>\n\[Chart open-cases\]\n<\/blockquote>/);
    // No ## Discussion: the remaining figures come last.
    expect(built).toMatch(/<h2 id="indicators">The figures<\/h2>\[Indicator assessment-45-days\] <\/div> $/);
  });

  it('a code block is plain, by design, and its text escaped, not read as HTML', () => {
    const built = commentary(readFileSync(join(out, 'panel', '2018-10-25', 'index.html'), 'utf8'));
    expect(built).toContain('<pre class="sc-code" tabindex="0"><code>plain code block\n  indented &lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;\n</code></pre>');
    expect(built).not.toContain('<b>not bold</b>');
  });

  it('no element of any page carries a style attribute, which the Content-Security-Policy would block', () => {
    expect(inlineStyles(out)).toEqual([]);
  });
});

describe('the renderer refuses what check refuses', () => {
  it('names the file, line and column of each problem, as check does', async () => {
    const body = 'Fine.\n\nHome is {process.env.HOME}, <script>alert(1)</script>.\n';
    const error = await bodyToHast(body, 9, 'content/meetings/panel/2018-10-25.mdx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyRefused);
    expect((error as Error).message).toMatchInlineSnapshot(`
      "content/meetings/panel/2018-10-25.mdx:11:9: {process.env.HOME} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in \\{process.env.HOME\\}
      content/meetings/panel/2018-10-25.mdx:11:29: HTML <script> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<script> to show the tag as text"
    `);
  });

  it('an indicator or chart written inside a sentence is drawn between its words, never inside a paragraph', async () => {
    const body = 'Timeliness improved, as <Indicator id="assessment-45-days" /> shows, and <Chart id="cla-rate" /> too, with <Term>LAC</Term>.\n\n- In a list: <Chart id="cla-rate" />\n';
    const tree = await bodyToHast(body, 9, 'content/meetings/panel/2018-10-25.mdx');
    type Node = { type: string; tagName?: string; name?: string; value?: string; children?: Node[] };
    const text = (n: Node): string => n.value ?? (n.children ?? []).map(text).join('');
    const shape = (n: Node): string =>
      n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement' ? `<${n.name}>` : n.type === 'element' ? `${n.tagName}(${n.tagName === 'p' ? text(n) : (n.children ?? []).map(shape).join('')})` : '';
    expect((tree.children as Node[]).map(shape).filter(Boolean)).toEqual([
      'p(Timeliness improved, as)',
      '<Indicator>',
      'p(shows, and)',
      '<Chart>',
      'p(too, with LAC.)',
      'ul(li(<Chart>))',
      '<RemainingIndicators>',
    ]);
    expect(text(tree as Node)).toContain('In a list:');
    // No paragraph holds a component that draws a block, anywhere in the tree.
    const blockInParagraph = (n: Node, inP = false): boolean =>
      (inP && (n.name === 'Indicator' || n.name === 'Chart')) || (n.children ?? []).some((c) => blockInParagraph(c, inP || n.tagName === 'p'));
    expect(blockInParagraph(tree as Node)).toBe(false);
  });

  it('a body MDX cannot read is refused at its place, with what to write', async () => {
    const error = await bodyToHast('Text\n\n<Indicator id="cla-rate"\n', 5, 'content/meetings/panel/2018-10-25.mdx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyRefused);
    expect((error as Error).message).toMatchInlineSnapshot(`"content/meetings/panel/2018-10-25.mdx:8:1: the text cannot be read as MDX: Unexpected end of file before attribute name, expected a character that can start an attribute name, such as a letter, \`$\`, or \`_\`; whitespace before attributes; or the end of the tag; to show < or { as text, write \\< or \\{"`);
  });
});
