/**
 * Hands each <Term> the words check compared with the glossary, as a `term` prop, before smart
 * punctuation turns its ' into ’ and its -- into –. The page's <Term> looks the term up by that
 * prop (src/components/Term.astro), never by the text it renders, so a term that check accepts
 * is always linked and one it refuses never is: "Children's Act" is found whatever the rendered
 * apostrophe, and "A&amp;E" is the A&E the parser read. Runs after the safe body check, which
 * refuses a <Term> with attributes of its own, so the prop is always ours.
 */
import type { Root } from 'mdast';
import { termTextOf, type BodyNode } from '../content/mdx-safety';

export function keepTermText(tree: Root) {
  const walk = (node: BodyNode) => {
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Term') {
      const term = termTextOf(node);
      if (term !== undefined) node.attributes = [{ type: 'mdxJsxAttribute', name: 'term', value: term } as BodyNode];
      return;
    }
    node.children?.forEach(walk);
  };
  walk(tree as unknown as BodyNode);
}
