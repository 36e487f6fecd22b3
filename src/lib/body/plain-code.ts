/**
 * Code blocks in a meeting body are plain, by design: `<pre class="sc-code" tabindex="0"><code>`,
 * styled by the site's stylesheet (src/styles/site.css, dark text on the light grey panel, 17:1).
 *
 * Shiki highlighted them with a `style=` attribute on every token and on the block, and the
 * site's Content-Security-Policy (src/lib/security.ts, `style-src 'self'`) makes browsers ignore
 * inline styles, so readers got neither the colours nor the dark background they assumed: a
 * block rendered unstyled. Classes instead of styles would need a stylesheet per theme and a
 * language list to keep, for what minutes hold (a pasted formula or a file name, rarely code);
 * a plain block is readable in every colour scheme, prints, and needs no WebAssembly engine in the
 * build. The language after the fence is dropped: nothing shows it, and content chooses no class.
 * `tabindex="0"` lets a keyboard scroll a long line into view (WCAG 2.1.1), as Shiki's did.
 */
import type { Element, Root } from 'hast';

function isElement(node: unknown): node is Element {
  return (node as Element | undefined)?.type === 'element';
}

export function plainCode(tree: Root) {
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'pre') {
        child.properties = { className: ['sc-code'], tabIndex: 0 };
        for (const code of child.children) if (isElement(code) && code.tagName === 'code') code.properties = {};
      } else walk(child);
    }
  };
  walk(tree);
}
