/**
 * Fixture sites for tests. A bad-content case under `tests/fixtures/bad/<case>/` holds only the
 * files it changes; `siteWith` lays them over the valid `minimal` site in a temporary folder. A
 * file containing exactly `DELETE` removes that file from the copy.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/load';
import { formatProblem } from '../../src/lib/content/problems';

export const PROJECT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(PROJECT, 'tests', 'fixtures');
export const MINIMAL = join(FIXTURES, 'sites', 'minimal');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** A temporary copy of a site, with an overlay of changed files; returns its folder. */
export function siteWith(overlay?: string, base = MINIMAL): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-'));
  cpSync(base, dir, { recursive: true });
  if (overlay) {
    for (const file of walk(overlay)) {
      const target = join(dir, relative(overlay, file));
      const text = readFileSync(file, 'utf8');
      if (text.trim() === 'DELETE') rmSync(target, { force: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    }
  }
  return dir;
}

/** A temporary copy of the sample site's content and data (not the whole project). */
export function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-sample-'));
  for (const part of ['content', 'data']) cpSync(join(PROJECT, part), join(dir, part), { recursive: true });
  return dir;
}

/** The `path:line:column: message` lines `npm run check` prints for a bad-content case. */
export async function problemsFor(badCase: string): Promise<string[]> {
  const dir = siteWith(join(FIXTURES, 'bad', badCase));
  try {
    const { problems } = await loadContent(dir);
    return problems.map(formatProblem);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
