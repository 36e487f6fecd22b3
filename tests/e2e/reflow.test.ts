/**
 * Reflow, text spacing and forced colours, on every page of the sample site and of each fixture
 * site, at 320px (a 1280px screen at 400% zoom), 390px (a phone) and 1280px:
 * - WCAG 1.4.10: no page scrolls sideways; nothing scrolls inside the page either: every chart
 *   fits, with its labels inside its box and drawn at 12px or more, and every table shows all its
 *   columns or has turned into cards (layout-checks.ts has the rules);
 * - no tab stop on a box that does not scroll;
 * - WCAG 1.4.12: with the text-spacing overrides, the same holds and no text is clipped;
 * - forced colours (Windows contrast themes), light and dark: every chart mark and label stays
 *   visible against the theme's background.
 * Layout does not depend on the base path, so the sample at "/" is enough.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixtures';
import { paintProblems, parseColor, readCharts, type Rgb } from './chart-paint';
import { closeBrowser, fixtureSites, sharedBrowser, sitemapUrls, sites } from './helpers';
import { layoutProblems, TEXT_SPACING } from './layout-checks';

afterAll(closeBrowser);

const site = sites().find((s) => s.base === '/')!;
const urls = sitemapUrls(site);
const MEETING = urls.find((u) => u.endsWith('/children-and-families-panel/2019-06-13/'))!;

/**
 * The sites the layout is proved on: the sample at "/" and every fixture site (content written to
 * be hard to lay out; global-setup.ts builds them). Layout does not depend on the base path.
 */
const LAYOUT_SITES = [site, ...fixtureSites()];
const WIDTHS = [320, 390, 1280];

describe.each(LAYOUT_SITES.map((s) => [s.name ?? s.url, s] as const))('every page of the %s site', (_, built) => {
  const pages = sitemapUrls(built);
  let context: BrowserContext;
  beforeAll(async () => {
    // The pages' Content-Security-Policy forbids inline styles: let the test add the text spacing.
    context = await (await sharedBrowser()).newContext({ bypassCSP: true });
  });
  afterAll(() => context?.close());

  it('is listed in the sitemap', () => {
    expect(pages.length).toBeGreaterThan(built.name === 'sample' ? 40 : 8);
  });

  it.each(WIDTHS)('at %ipx: whole, charts and tables in view, no needless tab stop, nothing clipped with text spacing', async (width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const found: string[] = [];
    for (const url of pages) {
      await page.goto(url);
      const where = new URL(url).pathname;
      found.push(...(await layoutProblems(page)).map((p) => `${where}: ${p}`));
      await page.addStyleTag({ content: TEXT_SPACING });
      // The override must have taken effect, or the test would prove nothing.
      expect(await page.locator('main').evaluate((m) => getComputedStyle(m).letterSpacing)).not.toBe('normal');
      found.push(...(await layoutProblems(page)).map((p) => `${where}, with text spacing: ${p}`));
    }
    await page.close();
    expect(found).toEqual([]);
  });
});

describe('a meeting page at 320 and 390px', () => {
  it.each([320, 390])('shows every chart label and every table column at %ipx', async (width) => {
    const page = await (await sharedBrowser()).newPage({ viewport: { width, height: 800 } });
    await page.goto(MEETING);
    // Every chart on show is the phone drawing, naming its lines in a key above the plot.
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('.sc-chart')].map((c) => [...c.querySelectorAll('svg')].filter((s) => s.getClientRects().length > 0).map((s) => s.getAttribute('class'))),
    );
    expect(charts.length).toBeGreaterThan(10);
    for (const shown of charts) expect(shown).toEqual(['scrutineer-chart scrutineer-chart--narrow']);
    // The council's line is named on the chart of children looked after, and shows on screen.
    // (A name too long for one line is wrapped into <tspan>s.)
    const label = page.locator('#cla-rate svg.scrutineer-chart--narrow text', { hasText: 'Example County' });
    await expect(label.isVisible()).resolves.toBe(true);
    const box = (await label.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // The at-a-glance table is cards here, each naming its indicator and linking to it.
    const cards = await page.evaluate(() => [...document.querySelectorAll('.sc-glance tbody tr')].map((tr) => [getComputedStyle(tr).display, tr.querySelector('a')?.getAttribute('href')]));
    expect(cards.length).toBeGreaterThan(5);
    for (const [display, href] of cards) {
      expect(display).toBe('block');
      expect(href).toMatch(/^#[a-z0-9-]+$/);
    }
    // As cards, it is the same table to a screen reader: Chromium's accessibility tree still has
    // the table, a row per indicator with its row header, and each figure as a cell under its
    // column header. (The labels the cards show are decoration, not read twice.)
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
    const named = (role: string, name?: string) => nodes.filter((n) => !n.ignored && n.role?.value === role && (name === undefined || n.name?.value === name)).length;
    expect(named('table', 'Indicators at this meeting')).toBe(1);
    expect(named('columnheader', 'Latest figure')).toBe(1);
    expect(named('rowheader')).toBeGreaterThanOrEqual(cards.length);
    expect(named('cell')).toBeGreaterThanOrEqual(cards.length * 4);
    const texts = nodes.filter((n) => !n.ignored && n.role?.value === 'StaticText').map((n) => n.name?.value ?? '');
    expect(texts.filter((t) => t.startsWith('Latest figure:'))).toEqual([]);
    await page.close();
  });
});

describe('in forced colours', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await (await sharedBrowser()).newContext({ viewport: { width: 1024, height: 800 } });
  });
  afterAll(() => context?.close());

  it.each(['light', 'dark'] as const)('every chart mark and label stays visible with a %s theme', async (scheme) => {
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    await page.goto(MEETING);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    // The theme's background, as the page is painted with it.
    const canvas = parseColor(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))!;
    expect(canvas[3]).toBe(1);
    const background: Rgb = [canvas[0], canvas[1], canvas[2]];
    // A picture to look at: .scrutineer/screenshots/forced-colours-<scheme>.png.
    const shots = join(PROJECT, '.scrutineer', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.locator('.sc-chart').first().screenshot({ path: join(shots, `forced-colours-${scheme}.png`) });

    const { charts, paints } = await readCharts(page);
    expect(charts).toBeGreaterThan(5);
    const found = [...new Set(paints.flatMap((p) => paintProblems(p, background)))];
    await page.close();
    expect(found).toEqual([]);
  });
});
