/**
 * What is wrong with a page's layout at the window's width, in words, read in the browser:
 * - the page scrolls sideways (WCAG 1.4.10), or an element reaches past the window's edge;
 * - a chart (the SVG on show) reaches past the window, a text element in it lies outside its
 *   box (cut off: an SVG clips what it draws outside itself), or text is drawn under 12px;
 * - a table shows as a table but a column sits past the window's edge or its container's,
 *   or shows as cards but a figure does not show;
 * - a tab stop is a box that does not scroll (tabindex="0" on something that is not a link or
 *   control and has nothing to scroll), or a box scrolls that no keyboard can reach;
 * - text is clipped by a box that hides its overflow (WCAG 1.4.12, with the text spacing on).
 */
import type { Page } from 'playwright-core';

/** WCAG 1.4.12's minimum text spacing, as a bookmarklet applies it. */
export const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** Smallest text on screen at 100% zoom, in CSS px. */
const MIN_TEXT_PX = 12;

export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((minText) => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const slack = 0.5;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> "${text}"`;
    };
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    // Clipped on purpose, for screen readers only: the visually hidden pattern.
    const hiddenOnPurpose = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (e.classList.contains('sc-visually-hidden') || cs.clipPath === 'inset(50%)') return true;
      }
      return false;
    };

    // 1. The page itself.
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + slack || hiddenOnPurpose(el)) continue;
      const parent = el.parentElement!;
      if (parent !== document.body && parent.getBoundingClientRect().right > width + slack) continue; // the outermost only
      problems.push(`${describe(el)} reaches ${Math.round(box.right)}px, past the ${width}px window`);
    }

    // 2. Charts: the drawing on show, its text inside its box and big enough to read.
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.scrutineer-chart')) {
      if (!shown(svg)) continue;
      const box = svg.getBoundingClientRect();
      const name = svg.querySelector('title')?.textContent ?? svg.id;
      if (box.left < -slack || box.right > width + slack) problems.push(`chart "${name}" spans ${Math.round(box.left)} to ${Math.round(box.right)}px, outside the ${width}px window`);
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack || r.bottom > box.bottom + slack) {
          problems.push(`chart "${name}": "${t.textContent}" (${Math.round(r.left - box.left)} to ${Math.round(r.right - box.left)}px across, ${Math.round(r.top - box.top)} to ${Math.round(r.bottom - box.top)}px down) lies outside its ${Math.round(box.width)}×${Math.round(box.height)}px box`);
        }
        const drawn = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (drawn < minText - 0.05) problems.push(`chart "${name}": "${t.textContent}" is drawn at ${drawn.toFixed(1)}px; needs ${minText}px`);
      }
    }

    // 3. Tables: every column in view, or cards showing every figure.
    for (const table of document.querySelectorAll('table')) {
      if (!shown(table)) continue;
      const caption = table.caption?.textContent?.trim().slice(0, 50) ?? describe(table);
      const firstRow = table.tBodies[0]?.rows[0];
      const cards = firstRow !== undefined && getComputedStyle(firstRow).display !== 'table-row';
      if (cards) {
        for (const cell of table.querySelectorAll('tbody th, tbody td')) {
          const r = cell.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) problems.push(`table "${caption}", as cards: ${describe(cell)} does not show`);
          else if (r.right > width + slack || r.left < -slack) problems.push(`table "${caption}", as cards: ${describe(cell)} reaches past the window`);
        }
        continue;
      }
      const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
      for (const th of headers) {
        const r = th.getBoundingClientRect();
        let limit = width;
        for (let e = th.parentElement; e && e !== document.body; e = e.parentElement) {
          if (getComputedStyle(e).overflowX !== 'visible') limit = Math.min(limit, e.getBoundingClientRect().right);
        }
        if (r.right > limit + slack) problems.push(`table "${caption}": column "${th.textContent?.trim()}" reaches ${Math.round(r.right)}px, past ${Math.round(limit)}px: out of sight`);
      }
    }

    // 4. Tab stops on boxes that do not scroll; boxes that scroll out of a keyboard's reach.
    const natural = 'a[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls]';
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!shown(el)) continue;
      const cs = getComputedStyle(el);
      const scrollable = (v: string) => v === 'auto' || v === 'scroll';
      const scrolls = (scrollable(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) || (scrollable(cs.overflowY) && el.scrollHeight > el.clientHeight + 1);
      const stop = el.tabIndex >= 0 && el.hasAttribute('tabindex') && !el.matches(natural);
      if (stop && !scrolls) problems.push(`${describe(el)} is a tab stop (tabindex="${el.getAttribute('tabindex')}") but does not scroll`);
      if (scrolls && el.tabIndex < 0 && el !== document.scrollingElement) problems.push(`${describe(el)} scrolls but no keyboard can reach it`);
    }

    // 5. Text clipped by a box that hides its overflow.
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('svg') || hiddenOnPurpose(el) || !shown(el)) continue;
      const cs = getComputedStyle(el);
      const clipsX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
      const clipsY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
      if (clipsX && el.scrollWidth > el.clientWidth + 1) problems.push(`${describe(el)} clips ${el.scrollWidth - el.clientWidth}px of its width`);
      if (clipsY && el.scrollHeight > el.clientHeight + 1) problems.push(`${describe(el)} clips ${el.scrollHeight - el.clientHeight}px of its height`);
    }
    return problems;
  }, MIN_TEXT_PX);
}
