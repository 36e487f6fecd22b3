/**
 * MDX's own first step after parsing (remark-mark-and-unravel in @mdx-js/mdx, which does not
 * export it): a paragraph that holds only components, comments and white space is replaced by
 * what it holds, so `<Term>LAC</Term>` alone on a line is not wrapped in <p>. Kept here so that
 * bodies render exactly as they did when @astrojs/mdx compiled them.
 */
import type { Root } from 'mdast';

type Node = { type: string; value?: string; children?: Node[] };

/** White space as HTML counts it (collapse-white-space's test in MDX), and what MDX drops. */
const EMPTY = /^[\t\n\f\r ]*$/;
const DROPPED = /^[\t\r\n ]+$/;

export function unravel(tree: Root) {
  const walk = (parent: Node) => {
    const children = parent.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type === 'paragraph' && node.children) {
        const kids = node.children;
        const only = kids.every((c) => c.type === 'mdxJsxTextElement' || c.type === 'mdxTextExpression' || (c.type === 'text' && EMPTY.test(c.value ?? '')));
        if (only && kids.some((c) => c.type === 'mdxJsxTextElement' || c.type === 'mdxTextExpression')) {
          const lifted = kids
            .filter((c) => !(c.type === 'text' && DROPPED.test(c.value ?? '')))
            .map((c) => ({ ...c, type: c.type === 'mdxJsxTextElement' ? 'mdxJsxFlowElement' : 'mdxFlowExpression' }));
          children.splice(i, 1, ...lifted);
          // Look again at what was lifted, as MDX does.
          i--;
          continue;
        }
      }
      walk(node);
    }
  };
  walk(tree as unknown as Node);
}
