/**
 * Meeting pages on paper. Councillors print them for committee, so each meeting page:
 * - prints to an A4 PDF in Chromium;
 * - in print media keeps its charts and tables and drops the site's navigation, header bar,
 *   breadcrumbs and footer;
 * - fits the width of the A4 page inside its margins (site.css: @page { size: A4; margin: 15mm },
 *   so 180mm, 680 CSS px): nothing reaches past the right edge, and the regions that scroll on a
 *   screen clip nothing, since paper cannot scroll. Content on a named page (site.css has one,
 *   sc-landscape, for the widest tables) may use the 267mm of a landscape A4 page, and the PDF
 *   must then have a landscape page.
 * Print layout does not depend on the base path, so the site at "/" is enough.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

/** A4 width less the 15mm margins either side, in CSS px (96 to the inch), upright and landscape. */
const mm = (n: number) => Math.floor((n / 25.4) * 96);
const CONTENT_WIDTH = mm(210 - 2 * 15);
const LANDSCAPE_WIDTH = mm(297 - 2 * 15);

const site = sites().find((s) => s.base === '/')!;
const meetings = sitemapUrls(site).filter((u) => /\/[a-z-]+\/\d{4}-\d{2}-\d{2}\/$/.test(new URL(u).pathname));

describe('meeting pages in print', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await sharedBrowser()).newPage({ viewport: { width: CONTENT_WIDTH, height: 1000 } });
  });
  afterAll(() => page?.close());

  it('are all tested', () => {
    expect(meetings.length).toBeGreaterThanOrEqual(10);
  });

  it.each(meetings.map((u) => [new URL(u).pathname, u]))('%s prints on A4 with its charts and tables, and nothing cut off', async (_path, url) => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(url);

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sizes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length, 'pages in the PDF').toBeGreaterThan(1);
    // A4 in points, upright, and landscape if the page puts anything on a named page.
    const named = await page.evaluate(() => [...document.querySelectorAll('main *')].some((el) => getComputedStyle(el).page !== 'auto'));
    expect(new Set(sizes.map((s) => s.join('x')))).toEqual(new Set(named ? ['596x843', '843x596'] : ['596x843']));

    await page.emulateMedia({ media: 'print' });
    // What a reader needs is printed; what only works on a screen is not.
    const main = page.getByRole('main');
    // Each chart is drawn for a wide column and for a phone; paper shows the wide drawing.
    const charts = main.locator('svg[role="img"].scrutineer-chart--wide');
    await expect(main.locator('svg.scrutineer-chart--narrow').evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().width > 0).length)).resolves.toBe(0);
    const tables = main.getByRole('table');
    expect(await charts.count()).toBeGreaterThan(3);
    expect(await tables.count()).toBeGreaterThan(3);
    const hiddenCharts = await charts.evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().width === 0).length);
    const hiddenTables = await tables.evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().width === 0).length);
    expect([hiddenCharts, hiddenTables], 'charts and tables not shown in print').toEqual([0, 0]);
    await expect(main.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    for (const name of ['Site', 'Breadcrumb']) await expect(page.getByRole('navigation', { name }).isVisible(), `${name} navigation in print`).resolves.toBe(false);
    await expect(page.getByRole('contentinfo').isVisible(), 'footer in print').resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Skip to main content' }).isVisible(), 'skip link in print').resolves.toBe(false);
    // The illustrative-data note is printed, so a printed page cannot be taken for real figures.
    await expect(page.getByRole('note').filter({ hasText: 'Illustrative data' }).isVisible()).resolves.toBe(true);

    const problems = await page.evaluate(([upright, landscape]) => {
      const out: string[] = [];
      const describe = (el: Element) => {
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
        return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${text}"`;
      };
      const widthFor = (el: Element) => {
        for (let n: Element | null = el; n; n = n.parentElement) if (getComputedStyle(n).page !== 'auto') return landscape;
        return upright;
      };
      for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
        const box = el.getBoundingClientRect();
        // Visually hidden on purpose, for screen readers: the class, or a table's header row
        // while the table is laid out as cards (clip-path: inset(50%)).
        let hidden = false;
        for (let n: Element | null = el; n && !hidden; n = n.parentElement) hidden = n.classList.contains('sc-visually-hidden') || getComputedStyle(n).clipPath === 'inset(50%)';
        if (box.width === 0 || hidden) continue;
        const width = widthFor(el);
        const parent = el.parentElement!.getBoundingClientRect();
        if (box.right > width + 0.5 && parent.right <= width + 0.5) out.push(`${describe(el)} reaches ${Math.round(box.right)}px, past the ${width}px of paper`);
        const cs = getComputedStyle(el);
        if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) out.push(`${describe(el)} clips ${el.scrollWidth - el.clientWidth}px of its content (overflow-x: ${cs.overflowX})`);
      }
      return out;
    }, [CONTENT_WIDTH, LANDSCAPE_WIDTH]);
    expect(problems).toEqual([]);
  });
});
