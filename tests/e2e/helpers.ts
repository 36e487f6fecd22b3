/** Shared helpers for browser tests: the built sites, their sitemap URLs, and one browser. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser';
import type { BuiltSite } from './global-setup';

export const sites = (): BuiltSite[] => inject('sites');

/** Fixture sites with content written to be hard (long words, addresses, names), for layout tests. */
export const fixtureSites = (): BuiltSite[] => inject('fixtureSites');

/** Every page URL in a built site's sitemap, rewritten to the local server's origin. */
export function sitemapUrls(site: BuiltSite): string[] {
  const xml = readFileSync(join(site.dir, 'sitemap-0.xml'), 'utf8');
  const origin = new URL(site.url).origin;
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const u = new URL(m[1]);
    return origin + u.pathname;
  });
}

let browser: Promise<Browser> | undefined;
/** One Chromium per test file, started on first use. */
export function sharedBrowser(): Promise<Browser> {
  browser ??= launchBrowser();
  return browser;
}

export async function closeBrowser() {
  if (browser) await (await browser).close();
  browser = undefined;
}
