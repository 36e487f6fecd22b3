/**
 * Every fixture chart: an accessible name and description that resolve inside the SVG, markup
 * that axe and the Nu HTML checker accept, readable text, and no fixed pixel width.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from './fixtures';
import { parseSvg } from './helpers';

describe.each(CHARTS)('$name chart', ({ name, id, render }) => {
  const markup = render();
  const svg = parseSvg(markup);

  it('is an image named by its <title> and described by its <desc>', () => {
    expect(svg.getAttribute('role')).toBe('img');
    const title = svg.firstElementChild!;
    expect(title.tagName.toLowerCase()).toBe('title');
    expect(title.textContent!.length).toBeGreaterThan(0);
    const labelledBy = svg.getAttribute('aria-labelledby')!;
    const describedBy = svg.getAttribute('aria-describedby')!;
    expect(svg.querySelector(`[id="${labelledBy}"]`)).toBe(title);
    const desc = svg.querySelector(`[id="${describedBy}"]`)!;
    expect(desc.tagName.toLowerCase()).toBe('desc');
    expect(desc.textContent).toMatch(/^(The latest figure|Figures for)/);
  });

  it('has only ids derived from its prefix, each once', () => {
    const ids = [...svg.querySelectorAll('[id]')].map((e) => e.getAttribute('id')!);
    expect(ids).toContain(`${id}-title`);
    for (const x of ids) expect(x.startsWith(`${id}-`)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries no attributes that axe or the Nu checker reject', () => {
    expect(svg.querySelectorAll('[aria-label]').length).toBe(0);
    expect(svg.hasAttribute('aria-label')).toBe(false);
    expect(markup).not.toMatch(/aria-description|font-variant|<style/);
  });

  it('scales with its container instead of having a fixed width', () => {
    expect(svg.hasAttribute('width')).toBe(false);
    expect(svg.hasAttribute('height')).toBe(false);
    // The wide drawing or the phone's (charts/fit.ts); the page's CSS shows one.
    expect(markup).toMatch(name.endsWith('-narrow') ? /viewBox="0 0 280 \d+(\.\d+)?"/ : /viewBox="0 0 640 \d+(\.\d+)?"/);
  });

  it('writes all text at 12px or larger', () => {
    const sizes = [...markup.matchAll(/font-size[=:]\s*"?([\d.]+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // The root sets the size every other text inherits.
    expect(Number(svg.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
  });

  it('writes no undefined or NaN', () => {
    expect(markup).not.toMatch(/undefined|NaN|null/);
  });
});
