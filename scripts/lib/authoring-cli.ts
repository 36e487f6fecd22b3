/** What the authoring commands (new:quarter, new:meeting, import) share: reading, refusing, writing. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/load';
import { formatProblem } from '../../src/lib/content/problems';
import { AuthoringError } from '../../src/lib/authoring/new-quarter';
import type { Content } from '../../src/lib/model';

export const contentFolder = () => resolve(process.env.SCRUTINEER_ROOT ?? '.');

/**
 * The content as far as it can be read: these commands must work while a quarter's values are
 * still being typed in. Exits, listing the problems, when what the command needs is missing.
 */
export async function readableContent(root: string, needs: (c: Content) => boolean, why: string, drafts = false): Promise<Content> {
  const { partial, problems } = await loadContent(root, { drafts });
  if (!partial || !needs(partial)) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`\nFix the problems above first${why ? `: ${why}` : '.'}`);
    process.exit(1);
  }
  return partial;
}

/** Exits with a message when a file the command would create is already there. */
export function refuseExisting(root: string, file: string, hint = '') {
  if (existsSync(join(root, file))) {
    console.error(`${file} already exists; it was not changed.${hint ? ` ${hint}` : ''}`);
    process.exit(1);
  }
}

export function writeNew(root: string, file: string, text: string) {
  refuseExisting(root, file);
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** Runs a command, turning a mistake in what the officer typed into its message and exit code 1. */
export async function runAuthoring(work: () => void | Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof AuthoringError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
