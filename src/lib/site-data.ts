/**
 * The build's single entry to the content: loaded, validated and indexed once, then shared by
 * every page and component. Invalid content throws with every problem listed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { loadContent } from './content/load';
import { ContentError } from './content/problems';
import { DataIndex } from './data-index';
import type { Content } from './model';
import { contentRoot } from './root';

let cached: Promise<DataIndex> | undefined;

/** Content that scripts/build.mjs validated, for the Astro process it starts. */
interface Validated {
  root: string;
  drafts: boolean;
  content: Content;
}

/**
 * Called by scripts/build.mjs: writes the content it has just validated to a file, which it names
 * in SCRUTINEER_VALIDATED for the Astro process, so that process does not read, parse and check
 * every file a second time. Node's serializer keeps the content exactly, undefined fields too.
 */
export function writeValidatedContent(file: string, validated: Validated) {
  writeFileSync(file, serialize(validated));
}

function readValidatedContent(root: string, drafts: boolean): Content | undefined {
  const file = process.env.SCRUTINEER_VALIDATED;
  if (!file || !existsSync(file)) return undefined;
  const validated = deserialize(readFileSync(file)) as Validated;
  return validated.root === root && validated.drafts === drafts ? validated.content : undefined;
}

export function siteData(): Promise<DataIndex> {
  cached ??= (async () => {
    const drafts = import.meta.env.DEV || process.env.SCRUTINEER_DRAFTS === '1';
    const root = contentRoot();
    const validated = readValidatedContent(root, drafts);
    if (validated) return new DataIndex(validated);
    const { content, problems } = await loadContent(root, { drafts });
    if (!content) throw new ContentError(problems);
    return new DataIndex(content);
  })();
  return cached;
}
