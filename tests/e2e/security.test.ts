/**
 * Security of the built site:
 *
 * - every page carries the Content-Security-Policy of src/lib/security.ts, which allows no inline
 *   script and no other origin, and dist/_headers sends the same policy;
 * - no page has an inline script or event handler, or anything (script, stylesheet, image, font,
 *   frame, analytics) from another website; only the search page loads a script, its own file;
 * - in Chromium, sample pages cause no CSP violation and set no cookie, both as served and with
 *   the headers of _headers added, as Netlify and Cloudflare Pages send them;
 * - markup written in content (a CSV note, an indicator title, a meeting summary, a glossary
 *   definition...) is published as text, never as elements: tests/fixtures/bad-is-fine/markup-in-text/.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as security from '../../src/lib/security';
import { buildSite } from '../helpers/build';
import { FIXTURES, siteWith } from '../helpers/fixtures';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import type { BuiltSite } from './global-setup';
import { documentOf, filesUnder, htmlFiles, relativePath } from './built';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

/** The policy of every page. */
const CSP = security.CSP;
/**
 * The search page runs Pagefind, whose WebAssembly needs 'wasm-unsafe-eval' (which allows no inline
 * script and no other origin); the search page is the only one with a script, its own file.
 */
const SEARCH_CSP = (security as unknown as Record<string, string | undefined>).SEARCH_CSP;
const SCRIPTED_PAGES = new Set(['search/index.html']);
const policyFor = (path: string) => (SEARCH_CSP && SCRIPTED_PAGES.has(path) ? SEARCH_CSP : CSP);
const PAGE_POLICIES = SEARCH_CSP ? [CSP, SEARCH_CSP] : [CSP];

/**
 * A JSON data block (JSON-LD for search engines): the browser never runs it, and the policy does
 * not apply to it; its text must be valid JSON, or content has broken out of it.
 */
const isDataBlock = (script: Element) => /^application\/(ld\+)?json$/i.test(script.getAttribute('type')?.trim() ?? '');
const isValidJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources a fetch directive falls back to, as browsers apply them. */
const sourcesFor = (policy: Policy, directive: string) => policy.get(directive) ?? policy.get('default-src');

/** Everything wrong with a policy: inline script, eval, or any source beyond this site. */
function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const script = sourcesFor(policy, 'script-src');
  if (!script) problems.push('no script-src or default-src: any script would run');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'"]) {
    if (script?.includes(bad)) problems.push(`script-src allows ${bad}`);
  }
  if (script?.some((s) => /^'(nonce|sha\d+)-/.test(s))) problems.push('script-src allows an inline script by nonce or hash');
  if (sourcesFor(policy, 'style-src')?.includes("'unsafe-inline'")) problems.push("style-src allows 'unsafe-inline'");
  if (sourcesFor(policy, 'object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if (!policy.has('base-uri')) problems.push('no base-uri: a <base> element could redirect every relative address');
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      const allowed =
        source === "'self'" ||
        source === "'none'" ||
        (source === 'data:' && directive === 'img-src') ||
        // Compiling WebAssembly fetched from this site: no inline script, no other origin.
        (source === "'wasm-unsafe-eval'" && directive === 'script-src');
      if (!allowed) problems.push(`${directive} allows ${source}, which is not this site`);
    }
  }
  return problems;
}

/** Directives that only work as an HTTP header, so the meta tag cannot carry them. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** The headers `_headers` sets for every path ("/*"), as Netlify and Cloudflare Pages read it. */
function headersForAll(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let inAll = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) inAll = line.trim() === '/*';
    else if (inAll) {
      const i = line.indexOf(':');
      headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
  }
  return headers;
}

const metaCsp = (doc: Document) => [...doc.querySelectorAll('meta')].filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');

/** Elements that fetch what their src/href/srcset/data points at; and the attributes that do. */
const FETCHING = 'script, link, img, iframe, frame, embed, object, source, track, audio, video, input, image, use, feImage';
const FETCH_ATTRIBUTES = ['src', 'href', 'xlink:href', 'srcset', 'imagesrcset', 'data', 'poster'];
/** Link relations that name an address without fetching it. */
const NOT_FETCHED = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'me', 'search']);
/** Well-known third-party services that must never appear: analytics, tag managers, web fonts, CDNs. */
const THIRD_PARTY = /googletagmanager|google-analytics|gtag\(|plausible\.io|matomo|piwik|hotjar|clarity\.ms|fonts\.googleapis|fonts\.gstatic|typekit|use\.fontawesome|cdn\.jsdelivr|unpkg\.com|cdnjs|siteimprove|cookiebot|newrelic|sentry/i;

describe('the Content-Security-Policy in src/lib/security.ts', () => {
  it('allows no inline script and nothing from another origin', () => {
    expect(policyProblems(parsePolicy(CSP))).toEqual([]);
    expect(parsePolicy(CSP).get('script-src')).toEqual(["'self'"]);
  });

  it.runIf(SEARCH_CSP)("adds only 'wasm-unsafe-eval' to script-src for the search page", () => {
    const search = parsePolicy(SEARCH_CSP!);
    expect(policyProblems(search)).toEqual([]);
    expect(search.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    search.delete('script-src');
    const ordinary = parsePolicy(CSP);
    ordinary.delete('script-src');
    expect(search).toEqual(ordinary);
  });

  it('is checked by a test that can fail', () => {
    expect(policyProblems(parsePolicy("default-src 'self'; script-src 'self' 'unsafe-inline' https://www.googletagmanager.com; img-src *"))).toEqual([
      "script-src allows 'unsafe-inline'",
      "object-src is not 'none'",
      'no base-uri: a <base> element could redirect every relative address',
      "script-src allows 'unsafe-inline', which is not this site",
      'script-src allows https://www.googletagmanager.com, which is not this site',
      'img-src allows *, which is not this site',
    ]);
  });
});

describe.each(sites().map((s) => [s.base, s] as const))('the sample site at %s', (_, site) => {
  const pages = () => htmlFiles(site).map((file) => ({ path: relativePath(site, file), doc: documentOf(file), html: readFileSync(file, 'utf8') }));

  it('carries the policy in a meta tag on every page, before anything is loaded', () => {
    const list = pages();
    expect(list.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const { path, doc } of list) {
      const metas = metaCsp(doc);
      if (metas.length !== 1) {
        problems.push(`${path}: ${metas.length} Content-Security-Policy meta tags`);
        continue;
      }
      const [meta] = metas;
      if (meta.parentElement?.tagName.toLowerCase() !== 'head') problems.push(`${path}: the policy is not in <head>, so browsers ignore it`);
      if (meta.getAttribute('content') !== policyFor(path)) problems.push(`${path}: the policy is not src/lib/security.ts's: ${meta.getAttribute('content')}`);
      // A meta policy only governs what comes after it.
      const all = [...doc.querySelectorAll('*')];
      const firstFetch = all.findIndex((el) => el.matches('link, script, style, img, iframe, object, embed, svg'));
      if (firstFetch >= 0 && firstFetch < all.indexOf(meta)) problems.push(`${path}: <${all[firstFetch].tagName.toLowerCase()}> comes before the policy`);
    }
    expect(problems).toEqual([]);
  });

  it('sends the same policy from _headers, for hosts that read it', () => {
    const headers = headersForAll(readFileSync(join(site.dir, '_headers'), 'utf8'));
    const header = headers.get('content-security-policy');
    expect(header, '_headers sets a Content-Security-Policy for /*').toBeDefined();
    const fromHeader = parsePolicy(header!);
    expect(policyProblems(fromHeader)).toEqual([]);
    // The header applies to every page, and browsers enforce it and the page's <meta> policy
    // together: it must allow, directive by directive, exactly what the pages' policies allow
    // between them (the search page's included), and each page's <meta> narrows it again.
    const pagePolicies = PAGE_POLICIES.map(parsePolicy);
    for (const directive of new Set(pagePolicies.flatMap((p) => [...p.keys()]))) {
      const union = [...new Set(pagePolicies.flatMap((p) => p.get(directive) ?? []))];
      expect(fromHeader.get(directive)?.slice().sort(), directive).toEqual(union.sort());
    }
    // Beyond them, only what a meta tag cannot carry.
    expect([...fromHeader.keys()].filter((d) => !pagePolicies[0].has(d) && !HEADER_ONLY.has(d))).toEqual([]);
    expect(fromHeader.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('has no inline script (JSON data blocks aside), event handler, javascript: address or inline style, and scripts only on the search page', () => {
    const problems: string[] = [];
    for (const { path, doc } of pages()) {
      for (const el of doc.querySelectorAll('script')) {
        const src = el.getAttribute('src');
        if (isDataBlock(el)) {
          if (src || !isValidJson(el.textContent ?? '')) problems.push(`${path}: a <script type="${el.getAttribute('type')}"> that is not a valid JSON data block`);
        } else if (!src || el.textContent?.trim()) problems.push(`${path}: an inline <script>`);
        else if (!SCRIPTED_PAGES.has(path)) problems.push(`${path}: <script src="${src}">: only ${[...SCRIPTED_PAGES].join(', ')} may load a script`);
        else if (!src.startsWith(site.base) || src.startsWith('//')) problems.push(`${path}: <script src="${src}"> is not this site's own file`);
      }
      for (const el of doc.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        for (const { name, value } of [...el.attributes]) {
          if (/^on/i.test(name)) problems.push(`${path}: <${tag} ${name}="${value}">, an inline event handler`);
          if (/^\s*javascript:/i.test(value)) problems.push(`${path}: <${tag} ${name}="${value}">, a javascript: address`);
          // style-src 'self' makes browsers ignore these: they would silently not apply.
          if (name === 'style') problems.push(`${path}: <${tag} style="${value}">, which the policy blocks`);
        }
        if (tag === 'style') problems.push(`${path}: a <style> element, which the policy blocks`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('publishes no server code: no JavaScript module, source map or TypeScript from the build', () => {
    // Astro's server-side chunks (chunks/*.mjs, manifest_*.mjs, content-modules.mjs) belong to the
    // build, not the website: they hold the site's source and are no use to a reader.
    const leaked = filesUnder(site.dir)
      .map((file) => relativePath(site, file))
      .filter((path) => /\.(mjs|cjs|map|ts)$/.test(path));
    expect(leaked).toEqual([]);
  });

  it('loads nothing from another website: no analytics, fonts, scripts, stylesheets, images or frames', () => {
    const problems: string[] = [];
    const external = /^\s*(https?:)?\/\//i;
    for (const { path, doc, html } of pages()) {
      for (const el of doc.querySelectorAll(FETCHING)) {
        const tag = el.tagName.toLowerCase();
        if (tag === 'link' && (el.getAttribute('rel') ?? '').split(/\s+/).every((rel) => NOT_FETCHED.has(rel.toLowerCase()))) continue;
        for (const name of FETCH_ATTRIBUTES) {
          const value = el.getAttribute(name);
          if (value && value.split(',').some((candidate) => external.test(candidate))) problems.push(`${path}: <${tag} ${name}="${value}">`);
        }
      }
      const known = THIRD_PARTY.exec(html);
      if (known) problems.push(`${path}: mentions ${known[0]}`);
    }
    for (const file of filesUnder(site.dir).filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8');
      for (const m of css.matchAll(/url\(\s*['"]?((https?:)?\/\/[^'")]+)|@import\s+(url\()?\s*['"]?((https?:)?\/\/[^'")\s]+)/gi)) {
        problems.push(`${relativePath(site, file)}: ${m[1] ?? m[4]}`);
      }
      const known = THIRD_PARTY.exec(css);
      if (known) problems.push(`${relativePath(site, file)}: mentions ${known[0]}`);
    }
    expect(problems).toEqual([]);
  });

  describe.each([
    ['as served', false],
    ['with the headers of _headers, as Netlify and Cloudflare Pages serve it', true],
  ] as const)('in Chromium, %s', (_, withHeaders) => {
    let context: BrowserContext;
    /** What a page reported breaking its policy, from the DOM event and from the console. */
    const violations: string[] = [];

    beforeAll(async () => {
      const browser = await sharedBrowser();
      context = await browser.newContext();
      if (withHeaders) {
        const headers = Object.fromEntries(headersForAll(readFileSync(join(site.dir, '_headers'), 'utf8')));
        await context.route('**/*', async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
        });
      }
      // Init scripts are injected by the browser itself, so the policy does not block this one.
      await context.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
        });
      });
    });
    afterAll(() => context?.close());

    async function visit(url: string, waitUntil: 'load' | 'networkidle' = 'load'): Promise<Page> {
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (/Content.Security.Policy|Refused to/i.test(msg.text())) violations.push(`${url}: console: ${msg.text()}`);
      });
      page.on('pageerror', (error) => violations.push(`${url}: error: ${error.message}`));
      await page.goto(url, { waitUntil });
      // Violation events are queued as tasks: give them a moment to arrive.
      await page.waitForTimeout(100);
      const seen = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      violations.push(...seen.map((v) => `${url}: ${v}`));
      return page;
    }

    it('sees no policy violation and no cookie or stored data on a sample of pages', async () => {
      const all = sitemapUrls(site);
      const paths = ['', 'indicators/', 'indicators/cla-rate/', 'children-and-families-panel/', 'children-and-families-panel/2019-06-13/', 'corporate-parenting-board/2020-06-18/', 'actions/', 'glossary/', 'accessibility/'];
      const hasSearch = existsSync(join(site.dir, 'search', 'index.html'));
      if (hasSearch) paths.push('search/');
      const sample = paths.map((path) => new URL(path, site.url).href);
      for (const url of sample) expect(all, `${url} is in the sitemap`).toContain(url);
      sample.push(new URL('no/such/page/', site.url).href); // the 404 page
      // The search page with a query: runs the script, which loads Pagefind's WebAssembly and index.
      if (hasSearch) sample.push(new URL('search/?q=adoption', site.url).href);
      violations.length = 0;
      for (const url of sample) {
        const page = await visit(url, url.includes('?q=') ? 'networkidle' : 'load');
        if (url.includes('?q=')) {
          // Results appear only once the WebAssembly has run: a policy that blocks it leaves none.
          await page
            .locator('[data-search-results] li')
            .first()
            .waitFor({ timeout: 10_000 })
            .catch(() => violations.push(`${url}: the search showed no results`));
        }
        expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), url).toEqual(['', 0, 0]);
        await page.close();
      }
      expect(violations).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });

    if (!withHeaders) it('would see a violation, so the check above can fail', async () => {
      violations.length = 0;
      const page = await visit(site.url);
      await page.evaluate(() => {
        document.body.insertAdjacentHTML('beforeend', '<style>body { color: red }</style><img alt="" src="https://tracker.example/pixel.gif">');
      });
      await page.waitForTimeout(200);
      const seen = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(seen.join('\n')).toMatch(/style-src-elem blocked inline/);
      expect(seen.join('\n')).toMatch(/img-src blocked https:\/\/tracker\.example\/pixel\.gif/);
      await page.close();
    });
  });
});

/**
 * Content with markup in it: each field of tests/fixtures/bad-is-fine/markup-in-text/ holds
 * `<script>alert("<field>")</script>` and, in most, `<img src=x onerror=...>` and `<b><field>-bold</b>`,
 * laid over the minimal site. All of it must be published as text.
 */
describe('markup written in content', () => {
  /** Each field, and a page that must show its text. */
  const FIELDS: [field: string, page: string][] = [
    ['csv-note', 'indicators/cla-rate/index.html'],
    ['indicator-title', 'indicators/cla-rate/index.html'],
    ['meeting-summary', 'panel/2018-07-20/index.html'],
    ['glossary-definition', 'glossary/index.html'],
    ['glossary-expansion', 'glossary/index.html'],
    ['resolution', 'panel/2018-07-20/index.html'],
    ['action-text', 'actions/index.html'],
  ];
  let root: string;
  let out: string;
  let built: BuiltSite;
  let server: StaticServer | undefined;

  beforeAll(() => {
    root = siteWith(join(FIXTURES, 'bad-is-fine', 'markup-in-text'));
    out = join(mkdtempSync(join(tmpdir(), 'scrutineer-markup-')), 'dist');
    const result = buildSite(root, out);
    if (result.status !== 0) throw new Error(`The fixture site with markup in its content did not build:\n${result.stdout}\n${result.stderr}`);
    built = { base: '/', dir: out, url: '' };
  });
  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it.each(FIELDS)('shows the markup in a %s as text, on %s', (field, path) => {
    const html = readFileSync(join(out, path), 'utf8');
    const doc = documentOf(join(out, path));
    // Escaped in the HTML...
    expect(html).toMatch(new RegExp(`&lt;script&gt;alert\\((&quot;|&#34;|")${field}`));
    // ...so the reader sees exactly what was written.
    expect(doc.documentElement.textContent).toContain(`<script>alert("${field}")</script>`);
  });

  /** Elements made from a field's markup, in any built page. */
  const injected = (field: string) =>
    htmlFiles(built).flatMap((file) => {
      const doc = documentOf(file);
      const path = relativePath(built, file);
      return [
        ...[...doc.querySelectorAll('script')].filter((el) => !isDataBlock(el) && el.textContent?.includes(field)).map(() => `${path}: <script> from the ${field}`),
        // Content in a JSON-LD block must stay inside it: "</script>" in the text would end it early.
        ...[...doc.querySelectorAll('script')]
          .filter((el) => isDataBlock(el) && !isValidJson(el.textContent ?? ''))
          .map(() => `${path}: a JSON-LD block broken by the ${field}`),
        ...[...doc.querySelectorAll('[onerror]')].filter((el) => el.getAttribute('onerror')?.includes(field)).map(() => `${path}: <img onerror> from the ${field}`),
        ...[...doc.querySelectorAll('b')].filter((el) => el.textContent === `${field}-bold`).map(() => `${path}: <b> from the ${field}`),
      ];
    });

  for (const [field] of FIELDS) {
    it(`makes no element from the markup in a ${field}`, () => {
      expect(injected(field)).toEqual([]);
    });
  }

  it('runs no script from content in Chromium, even where markup got through', async () => {
    server = await serveStatic(out, '/');
    built = { ...built, url: server.url };
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    const dialogs: string[] = [];
    const errors: string[] = [];
    context.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      for (const file of htmlFiles(built)) {
        const response = await page.goto(new URL(relativePath(built, file).replace(/index\.html$/, ''), server.url).href, { waitUntil: 'load' });
        expect(response?.ok() || file.endsWith('404.html'), file).toBe(true);
      }
    } finally {
      await context.close();
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
