/**
 * A build killed part-way (a power cut, a cancelled CI job, Ctrl-C twice) leaves `dist/` as the
 * old site or the new one, whole, and the next build clears whatever the killed one left beside
 * it. scripts/build.mjs kills itself at a named point when SCRUTINEER_KILL_AT says so; one case
 * kills it from outside while Astro is writing, as a person or a CI runner would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT, siteWith } from './helpers/fixtures';
import { cleanEnv } from './helpers/build';

const parent = mkdtempSync(join(tmpdir(), 'scrutineer-faults-'));
const out = join(parent, 'dist');
const oldContent = siteWith();
const newContent = siteWith();
const meeting = join(newContent, 'content/meetings/panel/2018-10-25.mdx');
writeFileSync(meeting, readFileSync(meeting, 'utf8').replace('Timeliness improved.', 'Timeliness improved in the new site.'));

afterAll(() => {
  for (const dir of [parent, oldContent, newContent]) rmSync(dir, { recursive: true, force: true });
});

/** Every file of a folder and a hash of its bytes: two trees are equal when the site is whole. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = createHash('sha1').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

const args = [join(PROJECT, 'scripts', 'build.mjs')];
const env = (root: string, extra: Record<string, string> = {}) => cleanEnv({ SCRUTINEER_ROOT: root, SCRUTINEER_OUT: out, SCRUTINEER_QUIET: '1', ...extra });

function build(root: string, killAt?: string) {
  const result = spawnSync(process.execPath, args, { cwd: PROJECT, env: env(root, killAt ? { SCRUTINEER_KILL_AT: killAt } : {}), encoding: 'utf8' });
  return { status: result.status, signal: result.signal, pid: result.pid, output: result.stdout + result.stderr };
}

const isAlive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^\d+ \(.*\) /, '').split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
const until = async (test: () => boolean, what: string, ms = 120_000) => {
  for (const end = Date.now() + ms; !test(); await new Promise((r) => setTimeout(r, 50))) if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
};

let oldSite: Record<string, string>;
beforeAll(() => {
  const first = build(oldContent);
  expect(first.status, first.output).toBe(0);
  oldSite = tree(out);
}, 180_000);

describe('a build killed part-way', () => {
  it.each(['locked', 'validated'])('killed at "%s": dist/ is the old site, whole', (point) => {
    const run = build(newContent, point);
    expect(run.signal).toBe('SIGKILL');
    expect(tree(out)).toEqual(oldSite);
  }, 180_000);

  it('Astro killed by the system (as when memory runs out): says so in words, and dist/ is the old site', () => {
    const run = build(newContent, 'step:astro-build.mjs');
    expect(run.status).toBe(1);
    expect(run.output).toContain('A step of the build (astro-build.mjs) was killed by the system, most likely because the machine ran out of memory.');
    expect(run.output).toContain('The build failed; nothing was published');
    expect(tree(out)).toEqual(oldSite);
  }, 180_000);

  it('killed from outside while Astro writes the new site: the old site, whole, and Astro stops too', async () => {
    const child = spawn(process.execPath, args, { cwd: PROJECT, env: env(newContent), stdio: 'ignore' });
    const pid = child.pid!;
    await until(() => existsSync(`${out}.building-${pid}-cache`) || existsSync(`${out}.building-${pid}`), 'Astro to start writing');
    const astro = childrenOf(pid);
    expect(astro.length).toBe(1);
    process.kill(pid, 'SIGKILL');
    await until(() => !isAlive(astro[0]), 'the Astro process to stop', 30_000);
    expect(tree(out)).toEqual(oldSite);
  }, 180_000);

  it('killed between moving the old site aside and the new one in: the next build puts the old one back first', () => {
    const run = build(newContent, 'swapping');
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(tree(`${out}.old-${run.pid}`)).toEqual(oldSite);
  }, 180_000);

  let newSite: Record<string, string>;
  it('killed just after publishing: the new site, whole', () => {
    const run = build(newContent, 'published');
    expect(run.signal).toBe('SIGKILL');
    expect(run.output).toContain('the previous site was put back');
    newSite = tree(out);
    expect(newSite).not.toEqual(oldSite);
    expect(readFileSync(join(out, 'panel/2018-10-25/index.html'), 'utf8')).toContain('Timeliness improved in the new site.');
  }, 180_000);

  it('the next build publishes the same new site and leaves nothing behind', () => {
    const run = build(newContent);
    expect(run.status, run.output).toBe(0);
    expect(tree(out)).toEqual(newSite);
    expect(readdirSync(parent)).toEqual(['dist']);
    // The lock of a killed build is taken over; any lock now is another test file's live build.
    const lock = join(PROJECT, '.scrutineer', 'build.lock', 'pid');
    if (existsSync(lock)) expect(isAlive(Number(readFileSync(lock, 'utf8')))).toBe(true);
  }, 180_000);
});
