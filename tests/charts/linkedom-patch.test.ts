/**
 * patches/linkedom+0.18.14.patch (applied by patch-package on `npm ci`) makes linkedom create a
 * node's table of event listeners when a listener is first added, not in every node's
 * constructor. Charts create a few hundred thousand nodes a build and never listen to events; the
 * eager tables were WeakMap entries the garbage collector had to trace, about a tenth of the
 * build's time (README, "Memory and time"). Events must still work as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';

const require = createRequire(import.meta.url);
/** linkedom's folder (its exports map hides the files themselves from require.resolve). */
const linkedomDir = dirname(dirname(require.resolve('linkedom')));

describe('linkedom, as patched', () => {
  it('is installed with the patch (npm ci runs patch-package)', () => {
    for (const flavour of ['esm', 'cjs']) {
      const source = readFileSync(join(linkedomDir, flavour, 'interface', 'event-target.js'), 'utf8');
      expect(source, `linkedom's ${flavour} event-target.js is not patched: run npm ci, which applies patches/ through patch-package`).not.toContain('wm.set(this, new Map);');
    }
  });

  it('still calls listeners, bubbles, removes and stops', () => {
    const { document, Event } = parseHTML('<!DOCTYPE html><html><body><div id="outer"><p id="inner">x</p></div></body></html>');
    const outer = document.getElementById('outer')!;
    const inner = document.getElementById('inner')!;
    const heard: string[] = [];
    const onInner = (e: { type: string }) => heard.push(`inner:${e.type}`);
    inner.addEventListener('ping', onInner);
    outer.addEventListener('ping', (e: { type: string }) => heard.push(`outer:${e.type}`));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(heard).toEqual(['inner:ping', 'outer:ping']);

    inner.removeEventListener('ping', onInner);
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(heard).toEqual(['inner:ping', 'outer:ping', 'outer:ping']);

    // A node that never had a listener: removing and dispatching are harmless.
    const fresh = document.createElement('span');
    expect(() => fresh.removeEventListener('ping', onInner)).not.toThrow();
    expect(fresh.dispatchEvent(new Event('ping'))).toBe(true);

    // `once` listeners run once.
    let count = 0;
    fresh.addEventListener('tick', () => count++, { once: true });
    fresh.dispatchEvent(new Event('tick'));
    fresh.dispatchEvent(new Event('tick'));
    expect(count).toBe(1);
  });
});
