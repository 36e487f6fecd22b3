/**
 * A Markdown table's column alignment (`| :-- | :-: | --: |`) as a class, `sc-align-left`,
 * `sc-align-center` or `sc-align-right`, styled by src/styles/site.css. Rendered as MDX renders
 * it, the alignment was a `style="text-align: ..."` on every cell, which the site's
 * Content-Security-Policy (`style-src 'self'`) makes browsers ignore, and the `align` attribute
 * is obsolete HTML; a class is neither. Only those three classes: content chooses no other.
 */
import type { Element, Root } from 'hast';

const ALIGNMENTS = new Set(['left', 'center', 'right']);

export function tableAlignClasses(tree: Root) {
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if ((child.tagName === 'td' || child.tagName === 'th') && child.properties?.align !== undefined) {
        const align = String(child.properties.align);
        delete child.properties.align;
        if (ALIGNMENTS.has(align)) child.properties.className = [`sc-align-${align}`];
      }
      walk(child);
    }
  };
  walk(tree);
}
