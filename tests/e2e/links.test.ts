/**
 * Links, anchors and assets of the sample site, built at "/" and at "/performance/":
 *
 * - every internal reference in every built page (a[href], link[href], src, srcset, and url()
 *   in the built CSS) resolves to a file in the build folder, and every #fragment, on the same
 *   page or another, to an element with that id;
 * - the 404 page works as static hosts serve it: for any missing address, at any depth;
 * - a browser loading every sitemap page requests nothing from another origin, and nothing fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import type { BuiltSite } from './global-setup';
import { documentOf, filesUnder, htmlFiles, relativePath, urlOf } from './built';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

/** Attributes that make the browser fetch or navigate to an address. */
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'poster', 'action', 'data'];
/** Schemes that are not files of the site, and need no checking here. */
const NOT_FILES = /^(mailto|tel|data):/i;

/** The canonical origin the sitemap was written with (content/site.yaml `url`). */
function canonicalOrigin(site: BuiltSite): string | undefined {
  const xml = readFileSync(join(site.dir, 'sitemap-0.xml'), 'utf8');
  const loc = /<loc>([^<]+)<\/loc>/.exec(xml)?.[1];
  return loc ? new URL(loc).origin : undefined;
}

/** Absolute web addresses inside a JSON data block or an XML file (sitemap, feed). */
const ABSOLUTE_URLS = /https?:\/\/[^\s"'<>\\]+/g;

/** Every address a page refers to, with the markup it came from, for messages. */
function references(doc: Document): { value: string; from: string }[] {
  const found: { value: string; from: string }[] = [];
  // Link previews (og:url, og:image) and JSON-LD name this site's pages by their canonical address.
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const value = meta.getAttribute('content')!;
    const name = meta.getAttribute('property') ?? meta.getAttribute('name');
    if (/^https?:\/\//.test(value)) found.push({ value, from: `<meta ${name ? `property="${name}" ` : ''}content="${value}">` });
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    for (const [value] of (script.textContent ?? '').matchAll(ABSOLUTE_URLS)) found.push({ value, from: `JSON-LD "${value}"` });
  }
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null && !(name === 'data' && tag !== 'object')) found.push({ value, from: `<${tag} ${name}="${value}">` });
    }
    for (const name of ['srcset', 'imagesrcset']) {
      const value = el.getAttribute(name);
      if (value) for (const candidate of value.split(',')) found.push({ value: candidate.trim().split(/\s+/)[0], from: `<${tag} ${name}="${value}">` });
    }
  }
  return found;
}

/**
 * Checks every internal reference of every HTML (and CSS) file in a built folder served at
 * `site.url`; returns one message per broken reference.
 */
function brokenReferences(site: BuiltSite): string[] {
  const origin = new URL(site.url).origin;
  const canonical = canonicalOrigin(site);
  const problems: string[] = [];

  /** The built file an address is served from, or a reason it is not. */
  const fileFor = (url: URL): { file?: string; problem?: string } => {
    if (!url.pathname.startsWith(site.base)) return { problem: `is outside the base path ${site.base}` };
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice(site.base.length));
    } catch {
      return { problem: 'is not a valid address' };
    }
    const file = join(site.dir, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
    if (!existsSync(file)) return { problem: `has no file ${relativePath(site, file)} in the build` };
    if (statSync(file).isDirectory()) return { problem: 'is a folder: every page address ends with "/"' };
    return { file };
  };

  const check = (pageFile: string, pageUrl: URL, value: string, from: string) => {
    const at = `${relativePath(site, pageFile)}: ${from}`;
    if (NOT_FILES.test(value.trim())) return;
    if (/^\s*javascript:/i.test(value)) return problems.push(`${at} is a javascript: address; the site has no JavaScript`);
    let url: URL;
    try {
      url = new URL(value, pageUrl);
    } catch {
      return problems.push(`${at} is not a valid address`);
    }
    // The canonical origin is this site too (a canonical link, say): check it as a local address.
    // Its bare root, in a sub-folder build, is the organisation's address (JSON-LD's creator), not a page.
    if (canonical && url.origin === canonical) {
      if (url.pathname === '/' && site.base !== '/' && !url.search && !url.hash) return;
      url = new URL(url.pathname + url.search + url.hash, origin);
    }
    if (url.origin !== origin) return; // A link to another website: not ours to check.
    const { file, problem } = fileFor(url);
    if (problem) return problems.push(`${at} → ${url.pathname} ${problem}`);
    const hash = url.hash.slice(1);
    if (!hash) return;
    if (!file!.endsWith('.html')) return problems.push(`${at} → ${url.pathname} is not a page, so #${hash} cannot be found`);
    let id: string;
    try {
      id = decodeURIComponent(hash);
    } catch {
      return problems.push(`${at} has a fragment that is not valid: #${hash}`);
    }
    const target = documentOf(file!);
    if (!target.getElementById(id) && !target.querySelector(`a[name="${CSS.escape(id)}"]`)) {
      problems.push(`${at} → no element with id "${id}" in ${relativePath(site, file!)}`);
    }
  };

  for (const file of filesUnder(site.dir)) {
    if (file.endsWith('.html')) {
      const pageUrl = urlOf(site, file);
      for (const { value, from } of references(documentOf(file))) check(file, pageUrl, value, from);
    } else if (file.endsWith('.xml')) {
      // The sitemap and the feed: every address of this site in them is a real page.
      for (const [value] of readFileSync(file, 'utf8').matchAll(ABSOLUTE_URLS)) check(file, new URL(site.url), value, value);
    } else if (file.endsWith('.css')) {
      // The stylesheet's own references (fonts, images), relative to the stylesheet.
      const css = readFileSync(file, 'utf8');
      const cssUrl = new URL(relativePath(site, file), site.url);
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
        const value = m[2] ?? m[4];
        check(file, cssUrl, value, `url(${value})`);
      }
    }
  }
  return problems;
}

// CSS.escape for the attribute selector above; linkedom has no CSS global.
const CSS = { escape: (s: string) => s.replace(/["\\]/g, '\\$&') };

describe('the link checker itself', () => {
  it('reports missing pages, anchors and stylesheets, and addresses outside the base, from pages, JSON-LD and the sitemap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-links-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(join(dir, 'sitemap-0.xml'), '<urlset><url><loc>https://example.org/sub/</loc></url><url><loc>https://example.org/sub/old/</loc></url></urlset>');
      writeFileSync(join(dir, 'a', 'index.html'), '<!DOCTYPE html><h1 id="top">A</h1>');
      writeFileSync(
        join(dir, 'index.html'),
        `<!DOCTYPE html><meta property="og:url" content="https://example.org/sub/gone/"><link rel="stylesheet" href="/sub/_astro/gone.css">
         <script type="application/ld+json">{"url": "https://example.org/sub/a/", "creator": {"url": "https://example.org"}, "about": "https://example.org/sub/none/"}</script>
         <a href="/sub/a/">ok</a> <a href="a/#top">ok</a> <a href="#here" id="here">ok</a> <a href="https://example.org/sub/a/">ok</a>
         <a href="/sub/b/">missing page</a> <a href="/sub/a/#nowhere">missing anchor</a> <a href="/a/">outside</a>
         <a href="/sub/a">folder</a> <a href="https://elsewhere.example/">other site</a> <a href="mailto:x@example.org">mail</a>`,
      );
      const problems = brokenReferences({ base: '/sub/', dir, url: 'http://127.0.0.1:1/sub/' });
      expect(problems).toEqual([
        'index.html: <meta property="og:url" content="https://example.org/sub/gone/"> → /sub/gone/ has no file gone/index.html in the build',
        'index.html: JSON-LD "https://example.org/sub/none/" → /sub/none/ has no file none/index.html in the build',
        'index.html: <link href="/sub/_astro/gone.css"> → /sub/_astro/gone.css has no file _astro/gone.css in the build',
        'index.html: <a href="/sub/b/"> → /sub/b/ has no file b/index.html in the build',
        'index.html: <a href="/sub/a/#nowhere"> → no element with id "nowhere" in a/index.html',
        'index.html: <a href="/a/"> → /a/ is outside the base path /sub/',
        'index.html: <a href="/sub/a"> → /sub/a is a folder: every page address ends with "/"',
        'sitemap-0.xml: https://example.org/sub/old/ → /sub/old/ has no file old/index.html in the build',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(sites().map((s) => [s.base, s] as const))('the sample site at %s', (_, site) => {
  const origin = new URL(site.url).origin;
  let problems: string[] | undefined;
  const allProblems = () => (problems ??= brokenReferences(site));

  it('has no broken internal link, anchor or asset in any built page, sitemap or feed', () => {
    const pages = htmlFiles(site);
    expect(pages.length).toBeGreaterThan(40);
    // Every page has its stylesheet, so the check above covers the CSS link of every page.
    for (const file of pages) {
      expect(documentOf(file).querySelector('link[rel="stylesheet"][href*="/_astro/"]'), relativePath(site, file)).not.toBeNull();
    }
    expect(allProblems()).toEqual([]);
  });

  it('gives the 404 page no canonical address, since it has no address of its own', () => {
    const doc = documentOf(join(site.dir, '404.html'));
    expect(doc.querySelector('link[rel="canonical"], meta[property="og:url"]')).toBeNull();
  });

  it('answers a missing address with the 404 page and status 404, at any depth', async () => {
    const notFound = readFileSync(join(site.dir, '404.html'), 'utf8');
    expect(notFound).toContain('Page not found');
    // The last is a malformed %-escape, which once stopped the test server.
    for (const path of ['no-such-page/', 'indicators/no-such-indicator/', 'a/b/c/d/e/', 'missing.html', 'children-and-families-panel/1999-01-01/', 'bad-%E0%A4%A/']) {
      const response = await fetch(new URL(path, site.url), { redirect: 'manual' });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe(notFound);
    }
  });

  it('builds a 404 page whose every address is base-absolute, so it works at any depth', () => {
    const doc = documentOf(join(site.dir, '404.html'));
    const relativeOnes = references(doc)
      .filter(({ value }) => !NOT_FILES.test(value) && !value.startsWith('#') && !/^https?:\/\//.test(value))
      .filter(({ value }) => !value.startsWith(site.base))
      .map(({ from }) => from);
    expect(relativeOnes).toEqual([]);
    expect(doc.querySelectorAll('a[href]').length).toBeGreaterThan(3);
  });

  it('shows the 404 page with its stylesheet and working links at a deep missing address', async () => {
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() !== 'document' && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      page.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText} ${r.url()}`));
      const response = await page.goto(new URL('no/such/deep/page/', site.url).href);
      expect(response!.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
      // The stylesheet loaded, from the base-absolute address, and has rules.
      const rules = await page.evaluate(() => [...document.styleSheets].map((s) => s.cssRules.length));
      expect(rules.length).toBeGreaterThan(0);
      for (const count of rules) expect(count).toBeGreaterThan(0);
      expect(failed).toEqual([]);
      // Every link on it, resolved by the browser against the deep address, is a real page.
      const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const internal = hrefs.filter((h) => h.startsWith(origin) && !h.includes('#'));
      expect(internal.length).toBeGreaterThan(3);
      for (const href of internal) {
        const r = await fetch(href, { redirect: 'manual' });
        expect(r.status, href).toBe(200);
      }
    } finally {
      await context.close();
    }
  });

  it('requests nothing from another origin, and nothing that fails, while loading every sitemap page', async () => {
    const urls = sitemapUrls(site);
    expect(urls.length).toBeGreaterThan(40);
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    const requests: { url: string; from: string }[] = [];
    const failures: string[] = [];
    const fromPage = (r: Request) => {
      try {
        return r.frame().url() || r.url();
      } catch {
        return '(no frame)';
      }
    };
    context.on('request', (r) => requests.push({ url: r.url(), from: fromPage(r) }));
    context.on('requestfailed', (r) => {
      // ERR_ABORTED: the request was cancelled because the tab moved on to the next page (a
      // favicon, typically); the site did not fail to answer it.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${r.url()} (${r.failure()?.errorText}) from ${fromPage(r)}`);
    });
    context.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.url()} answered ${r.status()} from ${fromPage(r.request())}`);
    });
    try {
      // Four tabs at a time: the pages are static, and 50 one after another take a while.
      const queue = [...urls];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const page = await context.newPage();
          for (let url; (url = queue.shift()); ) {
            const response = await page.goto(url, { waitUntil: 'load' });
            expect(response?.status(), url).toBe(200);
          }
          await page.close();
        }),
      );
    } finally {
      await context.close();
    }
    expect(requests.length).toBeGreaterThanOrEqual(urls.length);
    const elsewhere = requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== origin).map((r) => `${r.url} from ${r.from}`);
    expect(elsewhere).toEqual([]);
    expect(failures).toEqual([]);
  });
});
