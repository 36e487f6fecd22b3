/**
 * Repeatable output: two builds of the same content are byte for byte the same, so a rebuild
 * publishes no change unless the content changed (no timestamps, random ids or build paths in
 * any file), and a CDN or a git-backed host sees only real differences. The first build draws
 * its link preview cards in the background as the meeting pages render, the second only as the
 * card pages ask for them (src/lib/cards/queue.ts): the cards are the same bytes either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { MINIMAL } from './helpers/fixtures';
import { buildSite } from './helpers/build';

const first = mkdtempSync(join(tmpdir(), 'scrutineer-repeat-a-'));
const second = mkdtempSync(join(tmpdir(), 'scrutineer-repeat-b-'));
const cardTimings = join(tmpdir(), `scrutineer-repeat-cards-${process.pid}.txt`);
let builds: ReturnType<typeof buildSite>[] = [];

beforeAll(() => {
  builds = [buildSite(MINIMAL, first, { SCRUTINEER_CARD_TIMINGS: cardTimings }), buildSite(MINIMAL, second, { SCRUTINEER_CARD_BACKGROUND: '0' })];
});
afterAll(() => {
  rmSync(first, { recursive: true, force: true });
  rmSync(second, { recursive: true, force: true });
  rmSync(cardTimings, { force: true });
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

  it('draw each of the first build\'s cards once, in the background or when asked for', () => {
    const drawn = readFileSync(cardTimings, 'utf8').split('\n').filter((l) => l.startsWith('drawn '));
    const cards = files(first).filter((f) => /^cards\/.*\.png$/.test(f));
    expect(cards.length).toBeGreaterThan(2);
    // How many the worker draws depends on the machine (it uses what the pages leave of the cores;
    // tests/cards/queue.test.ts checks both ways), not which bytes: the second build has none.
    expect(drawn).toHaveLength(cards.length);
    for (const line of drawn) expect(line).toMatch(/^drawn [\d.]+ (background|here)$/);
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
