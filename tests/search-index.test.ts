/**
 * What the search index holds (scripts/search-index.mjs): a meeting by its own words (summary,
 * commentary, minutes), not the figures blocks it shares with every other meeting, which are found
 * on each indicator's page; no drawing or table. Read from Pagefind's fragments, the text it
 * returns for each page. The indexer is handed the pages with their drawings and tables cut away
 * (scripts/lib/search-pages.mjs), which it would leave out anyway: the index must be the same,
 * byte for byte, as Pagefind's own reading of the whole pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { FIXTURES } from './helpers/fixtures';
import { buildSite } from './helpers/build';
import { INDEX_OPTIONS } from '../scripts/lib/search-pages.mjs';

let out: string;
const indexed = new Map<string, string>();

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'scrutineer-search-'));
  const result = buildSite(join(FIXTURES, 'sites', 'hard'), out);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  const dir = join(out, 'pagefind', 'fragment');
  for (const name of readdirSync(dir)) {
    const bytes = gunzipSync(readFileSync(join(dir, name)));
    const fragment = JSON.parse(bytes.subarray(bytes.indexOf('{')).toString('utf8')) as { url: string; content: string };
    indexed.set(fragment.url, fragment.content);
  }
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the search index', () => {
  const meeting = () => indexed.get('/children-young-people-families-education-and-skills-scrutiny/2018-09-20/')!;

  it('holds a meeting by its summary, commentary and minutes', () => {
    expect(meeting()).toContain('The committee considered the Supercalifragilisticexpialidoc report.');
    expect(meeting()).toContain('SupercalifragilisticexpialidocSupercalifragilisticexpialidoc is a sixty-character word.');
    expect(meeting()).toContain('Councillor Montgomery-Fitzwilliam-Supercalifragilisticexpialidoc asked about');
  });

  it("leaves out the meeting's figures blocks, which the indicator's own page holds", () => {
    const headline = 'Lower than England (64.0 per 10,000 at 31 March 2018)';
    expect(indexed.get('/indicators/cla-rate/')).toContain(headline);
    expect(meeting()).not.toContain(headline);
    expect(meeting()).not.toContain('Download the whole history');
  });

  it('leaves out drawings and tables', () => {
    for (const [url, text] of indexed) {
      expect(text, url).not.toMatch(/rate per 10,000 children 0 20 40/);
      expect(text, url).not.toContain('Date Hard Borough');
    }
  });

  it('is the same, byte for byte, as Pagefind makes from the whole pages', async () => {
    const { index } = await pagefind.createIndex(INDEX_OPTIONS);
    const added = await index!.addDirectory({ path: out });
    expect(added.errors).toEqual([]);
    const { files } = await index!.getFiles();
    await pagefind.close();
    const published = readdirSync(join(out, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((f) => !statSync(join(out, 'pagefind', f)).isDirectory());
    expect(files.map((f) => f.path).sort()).toEqual(published.sort());
    for (const file of files) expect(Buffer.from(file.content).equals(readFileSync(join(out, 'pagefind', file.path))), file.path).toBe(true);
  });
});
