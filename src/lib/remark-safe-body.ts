/**
 * Remark plugin for meeting bodies in the build: runs the same allowlist as `npm run check`
 * (content/mdx-safety.ts) on the very tree Astro is about to compile, and stops the build with the
 * file, line and column if anything is refused. The build validates the content first, so this
 * never fires on content that passed `check`; it is there so that check and build cannot disagree,
 * and no body reaches a page that check did not accept.
 */
import { relative, sep } from 'node:path';
import { checkBodyTree, type BodyNode } from './content/mdx-safety';
import { contentRoot } from './root';

export function remarkSafeBody() {
  // The tree is mdast; the check reads it through the few fields it needs.
  return (tree: object, file: { path?: string; history?: string[]; value?: unknown }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (!/[\\/]meetings[\\/]/.test(path)) return;
    const { problems } = checkBodyTree(tree as BodyNode, typeof file.value === 'string' ? file.value : '');
    if (!problems.length) return;
    const name = relative(contentRoot(), path).split(sep).join('/');
    const error = new Error(problems.map((p) => `${name}:${p.line}:${p.column}: ${p.message}`).join('\n')) as Error & { line?: number; column?: number };
    error.line = problems[0].line;
    error.column = problems[0].column;
    throw error;
  };
}
