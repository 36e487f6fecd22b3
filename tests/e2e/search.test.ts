import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedBrowser, sites } from './helpers';

afterAll(closeBrowser);

describe.each(sites().map((s) => [s.base, s] as const))('search at %s', (_, site) => {
  it('finds an indicator\'s page from its title', async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}search/`);
    await page.getByLabel('Search for').fill('Care leavers not in education, employment or training');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: /\d+ results? for/ }).waitFor();
    const links = await page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toContain(`${site.base}indicators/care-leavers-neet/`);
    expect(errors, errors.join("\n")).toEqual([]);
    await page.close();
  });

  it("finds a meeting by the words of its minutes, though the index leaves out the figures it shows", async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage();
    await page.goto(`${site.url}search/`);
    await page.getByLabel('Search for').fill('Ashdown return home interviews');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: /\d+ results? for/ }).waitFor();
    const links = await page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toContain(`${site.base}children-and-families-panel/2017-12-07/`);
    await page.close();
  });

  it('keeps a search typed while the index is still loading, and runs it', async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage();
    // A slow connection: Pagefind's script arrives a second and a half late.
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await new Promise((wait) => setTimeout(wait, 1500));
      await route.continue();
    });
    await page.goto(`${site.url}search/`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Search for').fill('Ashdown return home interviews');
    // The reader presses Search once the index has loaded: what they typed is still there.
    await page.waitForResponse('**/pagefind/pagefind.js');
    await page.waitForTimeout(500);
    await expect(page.getByLabel('Search for').inputValue()).resolves.toBe('Ashdown return home interviews');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: /\d+ results? for/ }).waitFor();
    const links = await page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toContain(`${site.base}children-and-families-panel/2017-12-07/`);
    await page.close();
  });

  it('searches at once for the words in a link to search/?q=', async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('Ashdown return home interviews')}`);
    await page.getByRole('status').filter({ hasText: /\d+ results? for/ }).waitFor();
    await expect(page.getByLabel('Search for').inputValue()).resolves.toBe('Ashdown return home interviews');
    await page.close();
  });

  it('says plainly that search needs JavaScript when it is off', async () => {
    const browser = await sharedBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}search/`);
    await expect(page.getByText('Search needs JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('search').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
