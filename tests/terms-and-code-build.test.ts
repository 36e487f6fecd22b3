/**
 * What check accepts, the build shows, for two things the security review found it did not:
 * - a <Term> with punctuation (an apostrophe, straight or curly, an ampersand, a hyphen,
 *   brackets, quotes, a double hyphen) that check found in the glossary is linked in the built
 *   page, and one it refuses is refused (src/lib/term-key.ts, src/lib/body/term-text.ts);
 * - code blocks, in several languages and none, are built without a single inline style, which
 *   the site's Content-Security-Policy would block (src/lib/body/plain-code.ts).
 * One build of tests/fixtures/bad-is-fine/terms-and-code laid over the minimal site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { formatProblem } from '../src/lib/content/problems';
import { FIXTURES, siteWith } from './helpers/fixtures';
import { buildSite, inlineStyles, page } from './helpers/build';

const MEETING = join('content', 'meetings', 'panel', '2018-10-25.mdx');
const root = siteWith(join(FIXTURES, 'bad-is-fine', 'terms-and-code'));
const out = mkdtempSync(join(tmpdir(), 'scrutineer-terms-'));
let built: { status: number | null; stdout: string; stderr: string };
beforeAll(() => {
  built = buildSite(root, out);
}, 180_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** The <Term>s the meeting's body writes, in order, as written. */
const written = () => [...readFileSync(join(root, MEETING), 'utf8').matchAll(/<Term>([^<]*)<\/Term>/g)].map((m) => m[1]);

describe('<Term> with punctuation: check and the build agree', () => {
  it('check accepts every term in the meeting', async () => {
    expect((await loadContent(root)).problems.map(formatProblem)).toEqual([]);
  });

  it('the build links every one of them to its glossary entry, shown with smart punctuation', () => {
    expect(built.status, built.stdout + built.stderr).toBe(0);
    const terms = [...page(out, 'panel/2018-10-25/').querySelectorAll('.sc-commentary a.sc-term')].map((a) => `${a.getAttribute('href')} ${a.textContent}`);
    expect(written()).toHaveLength(10);
    expect(terms).toEqual([
      "/glossary/#children-s-act Children’s Act",
      '/glossary/#children-s-commissioner Children’s Commissioner',
      '/glossary/#a-e A&E',
      '/glossary/#a-e A&E',
      '/glossary/#step-down step-down',
      '/glossary/#section-47-s47 Section 47 (S47)',
      '/glossary/#the-front-door The “front door”',
      '/glossary/#the-front-door The “front door”',
      '/glossary/#level-2-3 Level 2—3',
      '/glossary/#cla CLA',
    ]);
  });

  it('check refuses a term the glossary does not hold, however close, and names it', async () => {
    const copy = siteWith(join(FIXTURES, 'bad-is-fine', 'terms-and-code'));
    try {
      const path = join(copy, MEETING);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace('<Term>A&amp;E</Term>', '<Term>A and E</Term>').replace('<Term>Level 2--3</Term>', '<Term>Level 2-3</Term>'));
      expect((await loadContent(copy)).problems.map(formatProblem)).toMatchInlineSnapshot(`
        [
          "content/meetings/panel/2018-10-25.mdx:11:22: <Term>A and E</Term> is not in content/glossary.yaml; add the term to the glossary or remove the <Term> tag",
          "content/meetings/panel/2018-10-25.mdx:13:1: <Term>Level 2-3</Term> is not in content/glossary.yaml; did you mean Level 2--3?; add the term to the glossary or remove the <Term> tag",
        ]
      `);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('code blocks within the Content-Security-Policy', () => {
  it('are plain <pre><code>, in every language and none, their text escaped', () => {
    const blocks = [...page(out, 'panel/2018-10-25/').querySelectorAll('.sc-commentary pre')];
    expect(blocks.map((b) => `${b.outerHTML.slice(0, b.outerHTML.indexOf('<code>') + 6)}${b.textContent!.split('\n')[0]}`)).toEqual([
      '<pre class="sc-code" tabindex="0"><code>plain <b>not bold</b> & "quoted"',
      '<pre class="sc-code" tabindex="0"><code>key: value # a comment',
      '<pre class="sc-code" tabindex="0"><code>const total = 12 * 3; // "quoted" <b>',
      '<pre class="sc-code" tabindex="0"><code><p style="color: red" onclick="alert(1)">not a paragraph</p>',
      '<pre class="sc-code" tabindex="0"><code>whatever this is',
      '<pre class="sc-code" tabindex="0"><code>print("tilde fence")',
    ]);
    for (const b of blocks) expect(b.querySelectorAll('*').length, b.outerHTML).toBe(1);
  });

  it('no element of any built page carries a style attribute', () => {
    expect(inlineStyles(out)).toEqual([]);
  });
});
