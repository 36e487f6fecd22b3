import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, PROJECT, siteWith } from './helpers/fixtures';
import { buildSite, cleanEnv } from './helpers/build';
import { takeBuildLock } from '../scripts/lock.mjs';

const site = siteWith(join(FIXTURES, 'overlays', 'draft-meeting'));
const out = mkdtempSync(join(tmpdir(), 'scrutineer-drafts-'));
afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? htmlFiles(join(dir, n)) : n.endsWith('.html') ? [join(dir, n)] : []));

describe('drafts', () => {
  it('are never published, and no published page links to one', () => {
    const result = buildSite(site, out);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(out, 'panel', '2018-10-25', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'panel', '2019-01-24'))).toBe(false);
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('2019-01-24');
      expect(html, file).not.toContain('A draft the panel has not yet agreed');
    }
  });

  it('are shown by npm run dev with a visible Draft banner', async () => {
    const release = await takeBuildLock(PROJECT);
    const port = 4400 + (process.pid % 500);
    const dev = spawn(process.execPath, [join(PROJECT, 'node_modules', 'astro', 'astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: PROJECT,
      env: cleanEnv({ SCRUTINEER_ROOT: site }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    dev.stdout.on('data', (d) => (log += d));
    dev.stderr.on('data', (d) => (log += d));
    try {
      const deadline = Date.now() + 60_000;
      let html = '';
      while (Date.now() < deadline) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/panel/2019-01-24/`);
          html = await response.text();
          if (response.ok) break;
        } catch {
          // Not listening yet.
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(html, log).toContain('Draft: this meeting is not published');
      expect(html).toContain('A draft the panel has not yet agreed');
      const committee = await (await fetch(`http://127.0.0.1:${port}/panel/`)).text();
      expect(committee).toContain('/panel/2019-01-24/');
    } finally {
      dev.kill('SIGTERM');
      await new Promise((r) => dev.once('exit', r));
      release();
    }
  });
});
