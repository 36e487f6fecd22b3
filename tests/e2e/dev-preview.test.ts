/**
 * `npm run dev`, as an officer previews a draft: the page must look exactly like the built one
 * (the dev server's inline styles were blocked by the Content-Security-Policy, so the preview was
 * unstyled and the Draft banner plain text), and what the dev server needs is allowed there only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT, sampleCopy } from '../helpers/fixtures';
import { cleanEnv } from '../helpers/build';
import { closeBrowser, sharedBrowser, sites } from './helpers';
import { CSP, devPolicy } from '../../src/lib/security';
import { takeBuildLock } from '../../scripts/lock.mjs';

const MEETING = 'children-and-families-panel/2020-03-05/';
const DRAFT = 'corporate-parenting-board/2020-06-18/';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let root: string;
let dev: ChildProcess | undefined;
let origin: string;
let release: (() => void) | undefined;

beforeAll(async () => {
  // The dev server keeps its content store in the project's .astro/, as builds do: take turns.
  release = await takeBuildLock(PROJECT);
  root = sampleCopy();
  const draft = join(root, 'content/meetings', DRAFT.replace(/\/$/, '.mdx'));
  writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(PROJECT, 'node_modules', 'astro', 'astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: root }),
    stdio: 'ignore',
  });
  // Ready when it answers; the first page also waits for the content to be read.
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(origin + '/').then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('npm run dev did not answer');
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev!.once('exit', r));
    dev.kill('SIGTERM');
    await exited;
  }
  release?.();
  await closeBrowser();
  rmSync(root, { recursive: true, force: true });
});

async function open(url: string) {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, violations, close: () => context.close() };
}

const style = (page: Page, selector: string, property: string) =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe('npm run dev', () => {
  it('shows a meeting exactly as the build does, with no policy violation', async () => {
    const built = sites().find((s) => s.base === '/')!;
    const a = await open(origin + '/' + MEETING);
    const b = await open(built.url + MEETING);
    expect(a.violations).toEqual([]);
    // Styled: the header is dark, as in the build, rather than the browser's white default.
    expect(await style(a.page, '.sc-header', 'background-color')).toBe(await style(b.page, '.sc-header', 'background-color'));
    expect(await style(a.page, '.sc-header', 'background-color')).not.toBe('rgba(0, 0, 0, 0)');
    // And the same, pixel for pixel.
    expect(Buffer.compare(await a.page.screenshot({ fullPage: false }), await b.page.screenshot({ fullPage: false }))).toBe(0);
    await a.close();
    await b.close();
  });

  it('marks a draft with the red Draft banner', async () => {
    const { page, violations, close } = await open(origin + '/' + DRAFT);
    expect(violations).toEqual([]);
    await expect(page.locator('.sc-draft').textContent()).resolves.toContain('Draft');
    const background = await style(page, '.sc-draft', 'background-color');
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(g + 60);
    expect(r).toBeGreaterThan(b + 60);
    await close();
  });

  it("allows the dev server's inline styles in the dev policy only; the built pages' policy is unchanged", async () => {
    const { page, close } = await open(origin + '/' + MEETING);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(devPolicy(CSP));
    await close();
    expect(devPolicy(CSP)).toContain("style-src 'self' 'unsafe-inline'");
    const built = sites().find((s) => s.base === '/')!;
    const html = readFileSync(join(built.dir, MEETING, 'index.html'), 'utf8');
    expect(html).toContain(`content="${CSP}"`);
    expect(html).not.toContain('unsafe-inline');
  });
});
