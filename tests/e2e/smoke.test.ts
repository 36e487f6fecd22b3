import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

describe.each(sites().map((s) => [s.base, s] as const))('the sample site at %s', (_, site) => {
  it('serves every sitemap page over HTTP with its heading', async () => {
    const urls = sitemapUrls(site);
    expect(urls.length).toBeGreaterThan(40);
    const browser = await sharedBrowser();
    const page = await browser.newPage();
    const response = await page.goto(urls.find((u) => u.endsWith('/children-and-families-panel/2019-06-13/'))!);
    expect(response!.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('13 June 2019');
    await page.close();
  });
});
