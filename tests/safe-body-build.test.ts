/**
 * The safe body, end to end: nothing of the build's environment reaches a page however content
 * mentions it, and the build itself refuses, with the file, line and column, a body that `check`
 * would refuse, so the two cannot disagree (src/lib/body/to-hast.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadContent } from '../src/lib/content/load';
import { writeValidatedContent } from '../src/lib/site-data';
import { takeBuildLock } from '../scripts/lock.mjs';
import { FIXTURES, PROJECT, siteWith } from './helpers/fixtures';
import { buildSite, cleanEnv, page } from './helpers/build';

const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}
const text = (file: string) => {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
};

// Distinctive values, in the variables Node, Vite and Astro each expose in their own way.
const CANARY = `canary${process.pid}x7q`;
const canaryEnv = {
  SCRUTINEER_CANARY: `${CANARY}-plain`,
  PUBLIC_SCRUTINEER_CANARY: `${CANARY}-public`,
  VITE_SCRUTINEER_CANARY: `${CANARY}-vite`,
};

describe("the build's environment never reaches a page", () => {
  it('content that names environment variables in every way the safe body allows publishes the names, never the values', () => {
    const root = siteWith(join(FIXTURES, 'bad-is-fine', 'env-in-text'));
    made.push(root);
    const out = temp('scrutineer-env-');
    const result = buildSite(root, out, canaryEnv);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const leaks = files(out).filter((f) => text(f).includes(CANARY));
    expect(leaks).toEqual([]);
    const body = page(out, 'panel/2018-10-25/').querySelector('.sc-commentary')!.textContent!;
    expect(body).toContain('Officers wrote {process.env.SCRUTINEER_CANARY} and {import.meta.env.PUBLIC_SCRUTINEER_CANARY} in the report.');
    expect(body).toContain('process.env.SCRUTINEER_CANARY ?? import.meta.env.PUBLIC_SCRUTINEER_CANARY');
  }, 180_000);

  it('a body that would print a variable is refused before anything is built', () => {
    const root = siteWith(join(FIXTURES, 'bad', 'body-env-expression'));
    made.push(root);
    const out = temp('scrutineer-env-bad-');
    const result = buildSite(root, out, canaryEnv);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/meetings/panel/2018-10-25.mdx:10:25: {process.env.HOME} is code');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the build renders only what check accepts', () => {
  // The page renders the body build.mjs validated (src/lib/body/), and checks it again as it does:
  // a body that reaches the renderer unchecked (here, changed in the validated content itself) is
  // refused at its file, line and column, and nothing is built.
  it('a body that check did not see is refused by the build itself, at its line, with no stack trace', { timeout: 180_000 }, async () => {
    const root = siteWith();
    made.push(root);
    const { content } = await loadContent(root);
    const meeting = content!.meetings.find((m) => m.id === 'panel/2018-10-25')!;
    expect(meeting.body).toContain('Timeliness improved.');
    meeting.body = meeting.body.replace('Timeliness improved.', 'Timeliness improved.\n\nHome is {process.env.HOME}, <script>alert(1)</script>.');
    const work = temp('scrutineer-agree-');
    const validated = join(work, 'validated');
    writeValidatedContent(validated, { root, drafts: false, content: content! });
    const release = await takeBuildLock(PROJECT);
    try {
      const result = spawnSync(process.execPath, [join(PROJECT, 'scripts', 'astro-build.mjs')], {
        cwd: PROJECT,
        encoding: 'utf8',
        env: cleanEnv({ SCRUTINEER_ROOT: root, SCRUTINEER_OUT: join(work, 'out'), SCRUTINEER_CACHE: join(work, 'cache'), SCRUTINEER_VALIDATED: validated, SCRUTINEER_QUIET: '1' }),
      });
      expect(result.status, result.stderr).toBe(1);
      const lines = result.stderr.split('\n');
      expect(lines, result.stderr).toContain(
        "content/meetings/panel/2018-10-25.mdx:12:9: {process.env.HOME} is code, which a meeting's text cannot contain; to show braces as text, write \\{ and \\}, as in \\{process.env.HOME\\}",
      );
      expect(lines.some((l) => l.startsWith('content/meetings/panel/2018-10-25.mdx:12:29: HTML <script> cannot be used')), result.stderr).toBe(true);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      // Astro stops at that page: it is never written (build.mjs then removes the staging folder).
      expect(existsSync(join(work, 'out', 'panel', '2018-10-25', 'index.html'))).toBe(false);
    } finally {
      release();
    }
  });
});
