/**
 * Content that is allowed but hard to publish: markup, XML's own delimiters, ampersands, quotes,
 * scripts written right to left, emoji and characters outside the Basic Multilingual Plane, in
 * the fields that reach feeds, the sitemap and pages. Built once; every feed and sitemap must
 * parse as XML, every page must be valid HTML, and the text must read as it was written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { sampleCopy } from './helpers/fixtures';
import { buildSite, page } from './helpers/build';

const HARD = 'Costs & "savings" <b>not bold</b> ]]> <![CDATA[x]]> &amp; 👍 𝔘 — أحمد כהן';
const NAME = 'Children & Young People <Scrutiny> "Board"';
const MEETING = 'content/meetings/corporate-parenting-board/2017-09-21.mdx';

const root = sampleCopy();
const out = mkdtempSync(join(tmpdir(), 'scrutineer-hostile-build-'));
let build: ReturnType<typeof buildSite>;

const edit = (file: string, how: (text: string) => string) => writeFileSync(join(root, file), how(readFileSync(join(root, file), 'utf8')));
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

beforeAll(() => {
  edit(MEETING, (t) => t.replace(/summary: >-\n/, `summary: >-\n  ${HARD.replace(/"/g, '"')}\n`));
  edit('content/committees/corporate-parenting-board.yaml', (t) => t.replace('name: Corporate Parenting Board', `name: '${NAME}'`));
  edit('content/site.yaml', (t) => t.replace(/^title: .*$/m, `title: 'Children''s services & <performance>'`));
  build = buildSite(root, out);
}, 300_000);
afterAll(() => {
  for (const dir of [root, out]) rmSync(dir, { recursive: true, force: true });
});

describe('a site whose text is full of markup and XML delimiters', () => {
  it('builds', () => {
    expect(build.status, build.stdout + build.stderr).toBe(0);
  });

  it('publishes every feed and sitemap as well-formed XML', () => {
    const xml = files(out).filter((f) => f.endsWith('.xml'));
    expect(xml.filter((f) => f.endsWith('feed.xml')).length).toBeGreaterThanOrEqual(4);
    expect(xml.some((f) => /sitemap-index\.xml$/.test(f))).toBe(true);
    for (const file of xml) expect(XMLValidator.validate(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('gives feed readers the summary and committee name exactly as written', () => {
    const xml = readFileSync(join(out, 'corporate-parenting-board', 'feed.xml'), 'utf8');
    expect(parseFeed(xml).items.length).toBeGreaterThan(1);
    // An XML parser, not the feed parser: that one decodes an entity twice, so &amp;amp; read "&".
    const feed = new XMLParser({ ignoreAttributes: false, htmlEntities: false }).parse(xml).feed;
    const entry = feed.entry.find((e: { id: string }) => e.id.endsWith('/2017-09-21/'));
    expect(entry.title).toBe(`${NAME}, 21 September 2017`);
    expect(entry.summary['#text']).toContain(HARD);
  });

  it('shows the text on the meeting page as text, not markup', () => {
    const doc = page(out, '/corporate-parenting-board/2017-09-21/');
    expect(doc.querySelector('h1')!.textContent).toContain(NAME);
    expect(doc.body.textContent).toContain(HARD);
    expect(doc.querySelector('main b')).toBeNull();
  });

  it('publishes pages the Nu HTML Checker finds valid', () => {
    const vnu = String(createRequire(import.meta.url)('vnu-jar'));
    const pages = files(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', '--stdout', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.error, 'Java runs the Nu HTML Checker (scripts/test-deps.sh installs it)').toBeUndefined();
    const messages = (JSON.parse(result.stdout).messages as { type: string; url?: string; message: string }[]).filter((m) => m.type !== 'info');
    expect(messages.map((m) => `${m.url}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
