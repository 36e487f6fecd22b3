/**
 * The MDX parser for meeting bodies, with GitHub Markdown: the one `npm run check` reads a body
 * with (content/meeting-body.ts) and the one the build renders it from (./to-hast.ts), so the two
 * see the same tree. The same parser @astrojs/mdx and @mdx-js/mdx set up.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

let parser: { parse(source: string): Root } | undefined;

/** The body's tree; throws the parser's own error (a VFileMessage with its place) on bad MDX. */
export function parseBody(source: string): Root {
  parser ??= unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  return parser.parse(source);
}
