/**
 * The safe meeting body (src/lib/content/mdx-safety.ts): every way a content commit could publish
 * code, markup or a value of the build's environment is refused by `npm run check` with the file,
 * line and column and what to write instead; what the safe language allows builds and shows as
 * written. The messages are pinned, one fixture per mutation (tests/fixtures/bad/body-*).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { loadContent } from '../src/lib/content/load';
import { checkMeetingBody } from '../src/lib/content/meeting-body';
import { webUrl } from '../src/lib/schemas/common';
import { FIXTURES, problemsFor, siteWith } from './helpers/fixtures';

describe('a meeting body refuses code and markup', () => {
  it('a JavaScript expression reading the environment', async () => {
    expect(await problemsFor('body-env-expression')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:25: {process.env.HOME} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in \\{process.env.HOME\\}",
      ]
    `);
  });

  it('figures and notes written in braces, which MDX would work out as code', async () => {
    expect(await problemsFor('body-expressions-in-figures')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:19: {1,234} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in \\{1,234\\}",
        "content/meetings/panel/2018-10-25.mdx:10:30: {2018/19} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in \\{2018/19\\}",
        "content/meetings/panel/2018-10-25.mdx:10:53: {sic} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in \\{sic\\}",
      ]
    `);
  });

  it('import and export', async () => {
    expect(await problemsFor('body-import-export')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:1: import and export cannot be used in a meeting's text (the components need no import); remove "import data from "../../../../package...", or if it is a sentence, start it with a capital letter",
      ]
    `);
  });

  it('<script>', async () => {
    expect(await problemsFor('body-script')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: HTML <script> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<script> to show the tag as text",
      ]
    `);
  });

  it('<img onerror>', async () => {
    expect(await problemsFor('body-img-onerror')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:21: HTML <img> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<img> to show the tag as text",
      ]
    `);
  });

  it('javascript: links, in Markdown, in a link definition and in <a>', async () => {
    expect(await problemsFor('body-javascript-link')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:26: a link to "javascript:" cannot be used in a meeting's text; a link starts https://, http://, mailto: or tel:, or is a path on this site",
        "content/meetings/panel/2018-10-25.mdx:12:1: a link to "javascript:" cannot be used in a meeting's text; a link starts https://, http://, mailto: or tel:, or is a path on this site",
        "content/meetings/panel/2018-10-25.mdx:16:14: HTML <a> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<a> to show the tag as text",
      ]
    `);
  });

  it('<form action> to another site', async () => {
    expect(await problemsFor('body-form-action')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: HTML <form> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<form> to show the tag as text",
      ]
    `);
  });

  it('<meta http-equiv="refresh">, which the Content-Security-Policy does not stop', async () => {
    expect(await problemsFor('body-meta-refresh')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: HTML <meta> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<meta> to show the tag as text",
      ]
    `);
  });

  it('a lower-case <chart>, which would be an empty element with a duplicate id', async () => {
    expect(await problemsFor('body-lowercase-component')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: <chart> is not a component: components start with a capital letter; write <Chart id="cla-rate" />",
      ]
    `);
  });

  it('component props other than a quoted id, and content inside <Indicator>', async () => {
    expect(await problemsFor('body-component-props')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:26: <Indicator> takes only id; write <Indicator id="cla-rate" />, without onClick",
        "content/meetings/panel/2018-10-25.mdx:14:8: <Chart> cannot take code ({...props}); write <Chart id="cla-rate" />",
        "content/meetings/panel/2018-10-25.mdx:16:8: the id of <Chart> must be written in quotes, like <Chart id="cla-rate" />",
        "content/meetings/panel/2018-10-25.mdx:18:28: <Indicator> takes nothing between its tags; write <Indicator id="cla-rate" />",
      ]
    `);
  });

  it('attributes on allowed HTML, and HTML outside the allowlist', async () => {
    expect(await problemsFor('body-html-attributes')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:10:30: <sup> cannot have attributes; write <sup> alone, without style",
        "content/meetings/panel/2018-10-25.mdx:10:63: HTML <span> cannot be used in a meeting's text; write Markdown instead (**bold**, *italic*, [a link](https://...)), or write \\<span> to show the tag as text",
      ]
    `);
  });

  it('an HTML comment, which MDX cannot read', async () => {
    expect(await problemsFor('body-html-comment')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: HTML comments <!-- --> cannot be used in a meeting's text; write a comment as {/* ... */}",
      ]
    `);
  });

  it('an image', async () => {
    expect(await problemsFor('body-image')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:1: images cannot be placed in a meeting's text; link to the document instead, as [its title](https://...)",
      ]
    `);
  });
});

describe('a link that browsers read as another website is refused, with the https:// to write', () => {
  const messages = (body: string) => checkMeetingBody(body, 5).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  // Each as written in the body (String.raw: what the author typed), and the address the parser
  // reads from it.
  const OFF_SITE: [string, string][] = [
    ['protocol-relative', String.raw`See [the plan](//evil.example/x).`],
    ['two backslashes', String.raw`See [the plan](\\\\evil.example/x).`],
    ['slash, backslash', String.raw`See [the plan](/\evil.example/x).`],
    ['backslash, slash', String.raw`See [the plan](\\/evil.example/x).`],
    ['leading space, in < >', String.raw`See [the plan](< //evil.example/x>).`],
    ['a tab between the slashes, which browsers drop', 'See [the plan](</\t/evil.example/x>).'],
    ['a tab before the slashes, in < >', 'See [the plan](<\t//evil.example/x>).'],
    ['slashes as character references', String.raw`See [the plan](&#47;&#47;evil.example/x).`],
    ['in a link definition', String.raw`See [the plan][p].` + '\n\n[p]: //evil.example/x'],
  ];
  for (const [name, body] of OFF_SITE) {
    it(name, () => {
      const found = messages(body);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('goes to another website');
      expect(found[0]).toContain('so write https://evil.example/x;');
    });
  }

  it('names the place and what to write', () => {
    expect(messages(String.raw`See [the plan](/\evil.example/x).`)).toMatchInlineSnapshot(`
      [
        "5:5: a link to "/\\evil.example/x" goes to another website, as browsers read a leading // or \\ as the start of a website's address; a link to another site starts https://, so write https://evil.example/x; a path on this site starts with a single /",
      ]
    `);
    expect(messages('Intro.\n\n[p]: //evil.example/x')).toMatchInlineSnapshot(`
      [
        "7:1: a link to "//evil.example/x" goes to another website, as browsers read a leading // or \\ as the start of a website's address; a link to another site starts https://, so write https://evil.example/x; a path on this site starts with a single /",
      ]
    `);
  });

  it('front matter and site.yaml addresses (webUrl) take only a full https:// or http:// address, so none of these forms', () => {
    for (const url of ['//evil.example/x', String.raw`\\evil.example/x`, String.raw`/\evil.example/x`, String.raw`\/evil.example/x`, ' //evil.example/x', '/\t/evil.example/x', '/glossary/']) {
      expect(webUrl.safeParse(url).success, url).toBe(false);
    }
    expect(webUrl.safeParse('https://evil.example/x').success).toBe(true);
  });

  it('a path on this site, with a percent-encoded backslash or not, and a full address pass', () => {
    for (const url of ['/glossary/#cla', '/%5Cevil.example', '/%2F/evil.example', 'https://evil.example/x', 'glossary/', '#cla-rate', '?q=1']) {
      expect(messages(`See [the plan](${url}).`), url).toEqual([]);
    }
  });
});

describe('MDX mistakes are reported at the tag, in file coordinates, once', () => {
  it('an unclosed <Term> two lines into its paragraph: at the tag, with the fix, and nothing else', async () => {
    expect(await problemsFor('body-unclosed-term')).toMatchInlineSnapshot(`
      [
        "content/meetings/panel/2018-10-25.mdx:12:6: <Term> is not closed; close it with </Term> before the end of its paragraph, or write \\<Term> to show it as text",
      ]
    `);
  });
});

describe('MDX syntax mistakes: where to look and what to write', () => {
  const at = (body: string) => checkMeetingBody(body, 10).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  it.each([
    ['a <br> without its slash', 'Line one<br>\nline two'],
    ['an unclosed <img>, which would be refused anyway', 'See <img src="chart.png">'],
    ['an unclosed lower-case <chart>', '<chart id="cla-rate">'],
    ['an unclosed tag at the end of the file', '<Indicator id="cla-rate">'],
    ['a closing tag that closes the wrong one', 'The <Term>CLA</b> rate'],
    ['a closing tag with nothing to close', 'The </Term> rate'],
    ['an unquoted id', '<Chart id=cla-rate />'],
    ['a tag not finished', '<Chart id="cla-rate" /'],
    ['a sentence starting "import"', 'import of goods fell'],
    ['an HTML comment', '<!-- a note -->'],
    ['a Markdown autolink, which MDX does not have', 'See <https://example.gov.uk/report> or <scrutiny@example.gov.uk>'],
  ])('%s', (_, body) => {
    expect(at(body)).toMatchSnapshot();
  });
});

describe('what the safe body allows', () => {
  it('escaped braces and <, comments, <sup>, <sub>, <br />, tables, footnotes, safe links and components pass check', async () => {
    const dir = siteWith(join(FIXTURES, 'bad-is-fine', 'safe-body'));
    try {
      const { problems } = await loadContent(dir);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
