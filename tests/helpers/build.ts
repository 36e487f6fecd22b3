/** Builds a content folder into an output folder with the real `npm run build` script. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { PROJECT } from './fixtures';

/** The environment a person's shell would have: without what vitest adds for its own modules. */
export function cleanEnv(extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export function buildSite(root: string, outDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(PROJECT, 'scripts', 'build.mjs')], {
    cwd: PROJECT,
    env: cleanEnv({ SCRUTINEER_ROOT: root, SCRUTINEER_OUT: outDir, SCRUTINEER_QUIET: '1', ...env }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A built page as a DOM document. */
export function page(outDir: string, path: string) {
  const html = readFileSync(join(outDir, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html'), 'utf8');
  return parseHTML(html).document;
}

/** The rows of a table as arrays of trimmed cell texts, header row first. */
export function tableRows(table: Element): string[][] {
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
}

/** Every HTML file under a folder, as paths relative to it. */
function htmlFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const path = under ? `${under}/${e.name}` : e.name;
    return e.isDirectory() ? htmlFiles(dir, path) : e.name.endsWith('.html') ? [path] : [];
  });
}

/**
 * Every element of every built page that carries a `style` attribute, as `page: <tag style="...">`.
 * The site's Content-Security-Policy (`style-src 'self'`) makes browsers ignore them, so a page
 * that has one shows something other than it says.
 */
export function inlineStyles(outDir: string): string[] {
  return htmlFiles(outDir).flatMap((path) => {
    const { document } = parseHTML(readFileSync(join(outDir, path), 'utf8'));
    return [...document.querySelectorAll('[style]')].map((el) => `${path}: <${el.localName} style="${el.getAttribute('style')!.slice(0, 60)}">`);
  });
}
