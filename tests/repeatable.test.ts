/**
 * Repeatable output: two builds of the same content are byte for byte the same, so a rebuild
 * publishes no change unless the content changed (no timestamps, random ids or build paths in
 * any file), and a CDN or a git-backed host sees only real differences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { MINIMAL } from './helpers/fixtures';
import { buildSite } from './helpers/build';

const first = mkdtempSync(join(tmpdir(), 'scrutineer-repeat-a-'));
const second = mkdtempSync(join(tmpdir(), 'scrutineer-repeat-b-'));
let builds: ReturnType<typeof buildSite>[] = [];

beforeAll(() => {
  builds = [buildSite(MINIMAL, first), buildSite(MINIMAL, second)];
});
afterAll(() => {
  rmSync(first, { recursive: true, force: true });
  rmSync(second, { recursive: true, force: true });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every file under a folder, as sorted /-separated paths relative to it. */
function files(dir: string): string[] {
  return walk(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .sort();
}

describe('two builds of the same content', () => {
  it('both succeed', () => {
    for (const b of builds) expect(b.status, b.stderr).toBe(0);
  });

  it('publish the same files', () => {
    const a = files(first);
    expect(a.length).toBeGreaterThan(10);
    expect(files(second)).toEqual(a);
  });

  it('publish every file byte for byte the same', () => {
    const different: string[] = [];
    for (const f of files(first)) {
      const a = readFileSync(join(first, f));
      const b = readFileSync(join(second, f.split('/').join(sep)));
      if (!a.equals(b)) different.push(f);
    }
    expect(different).toEqual([]);
  });

  it('publish no build internals, such as Astro\'s module maps', () => {
    expect(files(first).filter((f) => f.endsWith('.mjs'))).toEqual([]);
  });

  it('name neither build folder in any file', () => {
    const leaks = files(first).filter((f) => {
      const text = readFileSync(join(first, f), 'latin1');
      return text.includes(first) || text.includes('.building-');
    });
    expect(leaks).toEqual([]);
  });
});
