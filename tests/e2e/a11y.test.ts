/**
 * axe over every page of the sample site, at both base paths, and over the 404 page: WCAG 2.0,
 * 2.1 and 2.2 A and AA rules and axe's best practices, with no violation allowed. A failure lists
 * each rule, the page and the elements' selectors, so the fix can start from the message.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

afterAll(closeBrowser);

/** axe's results for the page as loaded, one line per rule and page, then each target. */
async function violations(page: Page): Promise<string[]> {
  // For speed: legacy mode runs axe in the page itself (the default opens a blank page for every
  // analysis, to merge results from frames, and these pages have none); and only violations are
  // reported in full (passes are not serialised node by node). Together they cut the time by 3.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode().withTags(TAGS).analyze();
  const where = new URL(page.url()).pathname;
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}) on ${where}: ${v.help} [${v.helpUrl}]\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n'),
  );
}

describe.each(sites().map((s) => [s.base, s] as const))('axe on the sample site at %s', (_, site) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await (await sharedBrowser()).newContext();
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  const urls = sitemapUrls(site);
  it('has a sitemap listing the whole site', () => {
    expect(urls.length).toBeGreaterThan(40);
  });

  it.each(urls.map((u) => [new URL(u).pathname, u]))('%s has no violations', async (_path, url) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await violations(page)).toEqual([]);
  });

  it('the 404 page has no violations', async () => {
    const response = await page.goto(`${site.url}no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }).count()).resolves.toBe(1);
    expect(await violations(page)).toEqual([]);
  });
});
