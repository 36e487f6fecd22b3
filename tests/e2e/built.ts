/**
 * Reading a built site from disk, for the checks that need every file rather than a browser:
 * its HTML files, the address each is served at, and each parsed once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import type { BuiltSite } from './global-setup';

/** Every file under a folder, recursively, as absolute paths, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

/** Every built .html file of a site. */
export const htmlFiles = (site: BuiltSite) => filesUnder(site.dir).filter((f) => f.endsWith('.html'));

/** The path inside the site folder, with forward slashes: "indicators/cla-rate/index.html". */
export const relativePath = (site: BuiltSite, file: string) => relative(site.dir, file).split(sep).join('/');

/** The address a static host serves a built file at: ".../indicators/cla-rate/" for its index.html. */
export function urlOf(site: BuiltSite, file: string): URL {
  const path = relativePath(site, file).replace(/(^|\/)index\.html$/, '$1');
  return new URL(path, site.url);
}

const documents = new Map<string, Document>();
/** A built file parsed as a DOM document; each file is parsed once per test file. */
export function documentOf(file: string): Document {
  let doc = documents.get(file);
  if (!doc) {
    doc = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
    documents.set(file, doc);
  }
  return doc;
}
