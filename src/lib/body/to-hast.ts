/**
 * A meeting's body, from the MDX its file holds to an HTML tree (hast), without ever becoming
 * JavaScript. The body language is an allowlist (content/mdx-safety.ts): Markdown, the components
 * <Indicator>, <Chart> and <Term>, <br>, <sub>, <sup> and comments. So there is nothing for a
 * JavaScript compiler to do, and the build does not make each meeting a module for Vite to bundle,
 * which made the build's memory grow with every meeting (README, "Memory").
 *
 * The steps are the ones @astrojs/mdx runs (the same parser, GitHub Markdown, smart punctuation
 * and heading ids), so pages are byte for byte what they were when Astro compiled each body as MDX
 * (tests/body-render.test.ts compares them with pages that build made), except where that build
 * wrote inline styles, which the site's Content-Security-Policy blocks: code blocks are plain by
 * design (./plain-code.ts), not coloured by Shiki, and a table's column alignment is a class
 * (./table-align.ts). The tree is checked against the allowlist first, as `npm run check` checks
 * it, and refused at its file, line and column if anything is not allowed: the build renders only
 * what check accepts.
 *
 * Pure: text in, tree out. Rendering the tree in a page is ./component.ts.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Processor } from 'unified';
import { checkBodyTree, type BodyNode } from '../content/mdx-safety';
import { syntaxProblem } from '../content/meeting-body';
import { parseBody } from './parse';
import { unravel } from './unravel';
import { liftBlocks } from './lift-blocks';
import { keepTermText } from './term-text';
import { plainCode } from './plain-code';
import { tableAlignClasses } from './table-align';

/** The MDX node types that pass through from Markdown to HTML untouched, as MDX passes them. */
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** A body that the build will not render: the same messages `npm run check` gives. */
export class BodyRefused extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line: number; column: number; message: string }[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'BodyRefused';
  }
  /** For describeFailure, which names the first problem's place. */
  get line() {
    return this.problems[0]?.line;
  }
  get column() {
    return this.problems[0]?.column;
  }
}

/**
 * Marks where the indicators not placed in the commentary go: just before the `## Discussion`
 * heading, or at the end when there is none, so the page reads commentary, then the figures, then
 * the minutes.
 */
function placeRemainingIndicators(tree: MdastRoot) {
  const marker = { type: 'mdxJsxFlowElement', name: 'RemainingIndicators', attributes: [], children: [] } as unknown as MdastRoot['children'][number];
  const i = tree.children.findIndex(
    (n) => n.type === 'heading' && n.depth === 2 && n.children.map((c) => ('value' in c ? c.value : '')).join('').trim().toLowerCase() === 'discussion',
  );
  if (i >= 0) tree.children.splice(i, 0, marker);
  else tree.children.push(marker);
}

/** `<Indicator id={"x"} />` is allowed as well as `id="x"`: give the component the string. */
function stringAttributes(tree: HastRoot | HastContent) {
  const node = tree as { type: string; attributes?: { type: string; value?: unknown }[]; children?: HastContent[] };
  for (const attr of node.attributes ?? []) {
    const value = attr.value as { type?: string; value?: string } | undefined;
    if (value && typeof value === 'object' && value.type === 'mdxJsxAttributeValueExpression') {
      attr.value = /^\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*$/.exec(value.value ?? '')?.slice(1).find((s) => s !== undefined) ?? '';
    }
  }
  if (node.children) {
    // A comment {/* ... */} renders nothing (the check allows no other expression).
    node.children = node.children.filter((c) => (c.type as string) !== 'mdxFlowExpression' && (c.type as string) !== 'mdxTextExpression');
    node.children.forEach(stringAttributes);
  }
}

let toHtmlTree: Processor<MdastRoot, MdastRoot, HastRoot> | undefined;
let finish: Processor<HastRoot, HastRoot, HastRoot> | undefined;

/**
 * The transforms after parsing (./parse.ts, which holds GitHub Markdown's syntax), in
 * @astrojs/mdx's order, in two parts: up to the HTML tree, and heading ids.
 */
async function pipeline(tree: MdastRoot): Promise<HastRoot> {
  toHtmlTree ??= unified()
    .use(() => unravel)
    .use(() => liftBlocks)
    .use(() => keepTermText)
    .use(remarkSmartypants)
    .use(() => placeRemainingIndicators)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: MDX_NODES } as never)
    .use(rehypeRaw, { passThrough: MDX_NODES })
    .use(() => plainCode)
    .use(() => tableAlignClasses) as unknown as Processor<MdastRoot, MdastRoot, HastRoot>;
  const html = await toHtmlTree.run(tree);
  finish ??= unified()
    .use(rehypeHeadingIds, { experimentalHeadingIdCompat: false })
    .use(() => stringAttributes) as unknown as Processor<HastRoot, HastRoot, HastRoot>;
  return finish.run(html);
}

/**
 * The HTML tree of a meeting body that starts on line `bodyLine` of `file` (named relative to the
 * content root, for messages). Throws BodyRefused when the body is not in the safe body language.
 */
export async function bodyToHast(body: string, bodyLine: number, file: string): Promise<HastRoot> {
  // Lines of the front matter left blank, so positions are the file's own, as check reports them.
  const source = '\n'.repeat(Math.max(0, bodyLine - 1)) + body;
  let tree: MdastRoot;
  try {
    tree = parseBody(source);
  } catch (error) {
    throw new BodyRefused(file, [syntaxProblem(error, source)]);
  }
  const { problems } = checkBodyTree(tree as unknown as BodyNode, source);
  if (problems.length) throw new BodyRefused(file, problems);
  return pipeline(tree);
}
