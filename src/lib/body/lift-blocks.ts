/**
 * `<Indicator>` and `<Chart>` draw a section of their own (a heading, a chart, a table): written
 * inside a sentence, MDX puts them inside its paragraph, and a <section> in a <p> is not HTML (a
 * browser ends the paragraph before it and leaves the rest of the sentence loose). They are lifted
 * out, between the paragraph's text before and after them, so a body such as "Timeliness improved,
 * as <Indicator id="x" /> shows." publishes its sentence, the indicator, and the rest of it.
 * Bodies with the components on lines of their own are untouched. Pure: changes the tree.
 */
import type { Root } from 'mdast';

type Node = { type: string; name?: string | null; value?: string; children?: Node[] };

/** The components that draw blocks; <Term> stays in its sentence. */
const BLOCKS = new Set(['Indicator', 'Chart']);
const isBlock = (node: Node) => node.type === 'mdxJsxTextElement' && BLOCKS.has(node.name ?? '');

/** A paragraph of these children, without white space at its edges; none if nothing is left. */
function paragraph(children: Node[]): Node[] {
  const kids = children.map((c) => ({ ...c }));
  const first = kids[0];
  const last = kids.at(-1);
  if (first?.type === 'text') first.value = first.value!.replace(/^\s+/, '');
  if (last?.type === 'text') last.value = last.value!.replace(/\s+$/, '');
  const kept = kids.filter((c) => !(c.type === 'text' && c.value === ''));
  return kept.length ? [{ type: 'paragraph', children: kept }] : [];
}

export function liftBlocks(tree: Root) {
  const walk = (parent: Node) => {
    const children = parent.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type === 'paragraph' && node.children?.some(isBlock)) {
        const out: Node[] = [];
        let run: Node[] = [];
        for (const child of node.children) {
          if (isBlock(child)) {
            out.push(...paragraph(run), { ...child, type: 'mdxJsxFlowElement' });
            run = [];
          } else run.push(child);
        }
        out.push(...paragraph(run));
        children.splice(i, 1, ...out);
        i += out.length - 1;
        continue;
      }
      walk(node);
    }
  };
  walk(tree as unknown as Node);
}
