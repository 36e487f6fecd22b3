/**
 * Keyboard use, with real Tab and Enter key presses:
 * - on every page, the first Tab reaches the "Skip to main content" link, shown on screen, and
 *   Enter moves focus to the main content (WCAG 2.4.1);
 * - on a meeting page, the longest kind of page, Tab visits every link and focusable region once,
 *   in document order (2.4.3), each scrolled into view (2.4.11) and each showing a focus indicator
 *   its unfocused state lacks: an outline, a box shadow or a background (2.4.7).
 * Keyboard behaviour does not depend on the base path, so the site at "/" is enough.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

const site = sites().find((s) => s.base === '/')!;
const urls = sitemapUrls(site);
const MEETING = urls.find((u) => u.endsWith('/children-and-families-panel/2019-06-13/'))!;

/** Which element has focus, for messages. */
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'the page itself';
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  });

describe('the skip link', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await sharedBrowser()).newPage({ viewport: { width: 1024, height: 768 } });
  });
  afterAll(() => page?.close());

  it('is the first thing Tab reaches on every page, is shown, and moves focus to the main content', async () => {
    const found: string[] = [];
    for (const url of urls) {
      const where = new URL(url).pathname;
      await page.goto(url);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      if (!(await skip.evaluate((el) => el === document.activeElement))) {
        found.push(`${where}: the first Tab reached ${await activeElement(page)}, not the skip link`);
        continue;
      }
      const box = await skip.boundingBox();
      if (!box || box.y < 0 || box.width < 10) found.push(`${where}: the focused skip link is not on screen`);
      await page.keyboard.press('Enter');
      const main = page.getByRole('main');
      if (!(await main.evaluate((el) => el === document.activeElement))) {
        found.push(`${where}: Enter on the skip link left focus on ${await activeElement(page)}, not the main content`);
        continue;
      }
      // The next Tab continues from the main content, not from the top of the page.
      await page.keyboard.press('Tab');
      if (!(await main.evaluate((el) => el.contains(document.activeElement) || (el.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0))) {
        found.push(`${where}: Tab after the skip link went back to ${await activeElement(page)}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('tabbing through a meeting page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await sharedBrowser()).newPage({ viewport: { width: 1024, height: 768 } });
  });
  afterAll(() => page?.close());

  it('reaches every link and region once, in document order, each visibly focused and in view', async () => {
    await page.goto(MEETING);
    // Number the tab stops and note how each looks unfocused.
    const stops = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
      const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled);
      all.forEach((el, i) => {
        el.dataset.stop = String(i);
        const cs = getComputedStyle(el);
        el.dataset.unfocused = JSON.stringify([cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.backgroundColor]);
      });
      return all.length;
    });
    expect(stops).toBeGreaterThan(50);

    const order: number[] = [];
    const problems: string[] = [];
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.dataset.stop === undefined) return undefined;
        const cs = getComputedStyle(el);
        const [outlineStyle, outlineWidth, outlineColor, boxShadow, backgroundColor] = JSON.parse(el.dataset.unfocused!) as string[];
        const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
        const changes: string[] = [];
        if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && !transparent(cs.outlineColor) && [cs.outlineStyle, cs.outlineWidth, cs.outlineColor].join() !== [outlineStyle, outlineWidth, outlineColor].join()) changes.push('outline');
        if (cs.boxShadow !== 'none' && cs.boxShadow !== boxShadow) changes.push('box-shadow');
        if (!transparent(cs.backgroundColor) && cs.backgroundColor !== backgroundColor) changes.push('background');
        const box = el.getBoundingClientRect();
        const inView = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
        const name = `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
        return { stop: Number(el.dataset.stop), changes, inView, name };
      });
      if (!now) {
        if (order.length > 0) break; // off the end of the page
        continue;
      }
      if (order.includes(now.stop)) break; // wrapped round
      order.push(now.stop);
      if (now.changes.length === 0) problems.push(`${now.name} shows no focus indicator`);
      if (!now.inView) problems.push(`${now.name} is focused out of view`);
    }
    const outOfOrder = order.filter((s, i) => i > 0 && s < order[i - 1]);
    expect(outOfOrder, `tab stops reached out of document order: ${order.join(' ')}`).toEqual([]);
    expect(order.length, 'tab stops reached, of the links and regions on the page').toBe(stops);
    expect(problems).toEqual([]);
  });
});
