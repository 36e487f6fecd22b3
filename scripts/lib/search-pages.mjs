/**
 * What the search indexer (scripts/search-index.mjs) is given to read: the site's pages, with the
 * parts the index leaves out cut away first where that can be done before Pagefind reads them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cutElements } from './cut-elements.mjs';

/**
 * What the index leaves out: drawings and tables (numbers, which no one searches for, and which
 * the words beside them repeat), and on meeting pages the blocks of figures, which are the same on
 * every meeting and are found on each indicator's own page. A meeting is found by its own words:
 * its summary, commentary, minutes, resolutions and actions. Indexing every figure made the
 * indexer hold over a gigabyte for a 2,000-meeting archive (README, "Memory").
 */
const EXCLUDED = ['svg', 'table', '.sc-indicator', '.sc-chart-block'];

/** Pagefind's options: the words are English, and what is excluded is left out. */
export const INDEX_OPTIONS = { forceLanguage: 'en', excludeSelectors: EXCLUDED };

/**
 * The excluded elements the indexer need not read at all, cut from each page before it is handed
 * over (cut-elements.mjs). They are nearly nine tenths of a meeting page's bytes, which Pagefind
 * took twice as long to read past; the index is the same, byte for byte.
 */
const CUT = new Set(['svg', 'table']);

/**
 * Writes every page of the site, cut, into `folder` under the same names, for Pagefind to read as
 * it would the site (the same names give the same addresses, in the same order). Read and written
 * as latin1, one character a byte: the cutting looks only at the markup's ASCII, and the words'
 * UTF-8 passes through untouched, without being decoded and encoded again.
 * @param {string} site
 * @param {string} folder
 */
export function writeCutPages(site, folder) {
  rmSync(folder, { recursive: true, force: true });
  for (const path of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.html')) continue;
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), cutElements(readFileSync(join(site, path), 'latin1'), CUT), 'latin1');
  }
}
