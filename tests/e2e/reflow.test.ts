/**
 * Reflow, text spacing and forced colours:
 * - WCAG 1.4.10: at 320 CSS px no page scrolls sideways. Only wide tables and charts may, inside
 *   their own region (role="region", tabindex="0"), which must be keyboard-focusable and named;
 * - WCAG 1.4.12: with the text-spacing overrides, no text is clipped and nothing widens the page;
 * - forced colours (Windows contrast themes), light and dark: every chart mark and label stays
 *   visible against the theme's background.
 * Layout does not depend on the base path, so the site at "/" is enough.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixtures';
import { paintProblems, parseColor, readCharts, type Rgb } from './chart-paint';
import { closeBrowser, sharedBrowser, sitemapUrls, sites } from './helpers';

afterAll(closeBrowser);

const site = sites().find((s) => s.base === '/')!;
const urls = sitemapUrls(site);
const MEETING = urls.find((u) => u.endsWith('/children-and-families-panel/2019-06-13/'))!;
/** A page of each kind: home, a meeting, an indicator's history, actions, glossary, a committee. */
const SAMPLE = [
  site.url,
  MEETING,
  urls.find((u) => u.endsWith('/indicators/placement-type-mix/'))!,
  urls.find((u) => u.endsWith('/actions/'))!,
  urls.find((u) => u.endsWith('/glossary/'))!,
  urls.find((u) => u.endsWith('/corporate-parenting-board/'))!,
];

/** The scroll regions' rule: what is wrong with the page's horizontal layout, in words. */
function horizontalProblems(page: Page): Promise<{ problems: string[]; scrollingRegions: number }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems: string[] = [];
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> "${text}"`;
    };
    const isRegion = (el: Element) => el.getAttribute('role') === 'region' && el.getAttribute('tabindex') === '0';
    const name = (el: Element) => {
      const label = el.getAttribute('aria-label')?.trim();
      if (label) return label;
      const ids = el.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
      return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
    };

    if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth}px wide in a ${width}px window`);
    // Elements reaching past the window's right edge, outside any scroll region: the outermost only.
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[role="region"][tabindex="0"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      const parent = el.parentElement!.getBoundingClientRect();
      if (parent.right > width + 0.5 && el.parentElement !== document.body) continue;
      problems.push(`${describe(el)} reaches ${Math.round(box.right)}px, past the ${width}px window`);
    }
    // Anything that scrolls sideways must be a region a keyboard can reach, with a name.
    let scrollingRegions = 0;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const overflowX = getComputedStyle(el).overflowX;
      const scrolls = (overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth;
      if (!scrolls && !isRegion(el)) continue;
      if (scrolls) {
        if (!isRegion(el)) {
          problems.push(`${describe(el)} scrolls sideways but is not a region with tabindex="0"`);
          continue;
        }
        scrollingRegions++;
      }
      if (!name(el)) problems.push(`${describe(el)} is a scroll region without a name (aria-label or aria-labelledby)`);
      el.focus();
      if (document.activeElement !== el) problems.push(`${describe(el)} is a scroll region that does not take keyboard focus`);
    }
    return { problems, scrollingRegions };
  });
}

describe('at 320 CSS px wide (WCAG 1.4.10 reflow)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await sharedBrowser()).newPage({ viewport: { width: 320, height: 640 } });
  });
  afterAll(() => page?.close());

  it('no page scrolls sideways; wide tables and charts scroll in named, focusable regions', async () => {
    const found: string[] = [];
    let scrollingRegions = 0;
    for (const url of urls) {
      await page.goto(url);
      const result = await horizontalProblems(page);
      scrollingRegions += result.scrollingRegions;
      found.push(...result.problems.map((p) => `${new URL(url).pathname}: ${p}`));
    }
    // Charts are 640px wide and keep that width, so on a phone many regions scroll.
    expect(scrollingRegions).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});

/** WCAG 1.4.12's minimum text spacing, as a bookmarklet applies it. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

describe('with WCAG 1.4.12 text spacing', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    // The pages' Content-Security-Policy forbids inline styles: let the test add its own.
    context = await (await sharedBrowser()).newContext({ bypassCSP: true });
  });
  afterAll(() => context?.close());

  it.each([320, 1280])('no text is clipped and nothing widens the page at %ipx', async (width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const found: string[] = [];
    for (const url of SAMPLE) {
      await page.goto(url);
      await page.addStyleTag({ content: TEXT_SPACING });
      // The override must have taken effect, or the test would prove nothing.
      expect(await page.locator('main p').first().evaluate((p) => getComputedStyle(p).letterSpacing)).not.toBe('normal');
      const { problems: horizontal } = await horizontalProblems(page);
      const clipped = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
          if (el.closest('.sc-visually-hidden')) continue; // clipped on purpose: read by screen readers only
          const cs = getComputedStyle(el);
          const clipsX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
          const clipsY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
          const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
          if (clipsX && el.scrollWidth > el.clientWidth + 1) out.push(`<${el.tagName.toLowerCase()}> "${text}" clips ${el.scrollWidth - el.clientWidth}px of its width`);
          if (clipsY && el.scrollHeight > el.clientHeight + 1) out.push(`<${el.tagName.toLowerCase()}> "${text}" clips ${el.scrollHeight - el.clientHeight}px of its height`);
        }
        return out;
      });
      found.push(...[...horizontal, ...clipped].map((p) => `${new URL(url).pathname}: ${p}`));
    }
    await page.close();
    expect(found).toEqual([]);
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
