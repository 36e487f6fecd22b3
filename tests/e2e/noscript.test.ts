/**
 * The pages ship no JavaScript and must read the same without it: every page in the sitemap, at
 * both base paths, loads with JavaScript disabled, has its heading, and its main content's text
 * is the same as with JavaScript enabled. A page that does load a script (search, which cannot
 * work without one) must say, without JavaScript, that it needs it and link to other ways in.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

describe.each(sites().map((s) => [s.base, s] as const))('the sample site at %s without JavaScript', (_, site) => {
  const contexts: BrowserContext[] = [];
  let withScript: Page;
  let withoutScript: Page;
  beforeAll(async () => {
    const browser = await sharedBrowser();
    contexts.push(await browser.newContext({ javaScriptEnabled: true }), await browser.newContext({ javaScriptEnabled: false }));
    [withScript, withoutScript] = await Promise.all(contexts.map((c) => c.newPage()));
  });
  afterAll(() => Promise.all(contexts.map((c) => c.close())));

  it('shows every page with the same main text as with JavaScript', async () => {
    const urls = sitemapUrls(site);
    expect(urls.length).toBeGreaterThan(40);
    // The contexts really differ: only with scripting off does the parser turn <noscript>'s
    // content into elements.
    const parsesNoscript = async (page: Page) => {
      await page.setContent('<noscript><p id="off">scripts are off</p></noscript>');
      return page.locator('#off').count();
    };
    expect([await parsesNoscript(withScript), await parsesNoscript(withoutScript)]).toEqual([0, 1]);
    const found: string[] = [];
    for (const url of urls) {
      const where = new URL(url).pathname;
      const [on, off] = await Promise.all([withScript.goto(url), withoutScript.goto(url)]);
      if (off?.status() !== 200) {
        found.push(`${where}: answered ${off?.status()} without JavaScript`);
        continue;
      }
      const read = (page: Page) => page.getByRole('main').innerText();
      const [textOn, textOff] = await Promise.all([read(withScript), read(withoutScript)]);
      if (on?.status() !== 200 || textOn.length < 50) found.push(`${where}: the page with JavaScript has no real main content`);
      if ((await withoutScript.getByRole('heading', { level: 1 }).count()) !== 1) found.push(`${where}: no single <h1> without JavaScript`);
      // The one page that needs a script (search) must say so without it, and offer other ways in.
      if ((await withoutScript.locator('script[src]').count()) > 0) {
        if (!/needs JavaScript/.test(textOff) || (await withoutScript.getByRole('main').getByRole('link').count()) === 0) {
          found.push(`${where}: loads a script, but without JavaScript does not say it needs it and link to other ways in`);
        }
        continue;
      }
      if (textOff !== textOn) {
        let at = 0;
        while (textOn[at] === textOff[at]) at++;
        found.push(`${where}: the main text differs without JavaScript from character ${at}: "${textOn.slice(at, at + 60)}" became "${textOff.slice(at, at + 60)}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
