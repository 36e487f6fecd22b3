/**
 * The build's single entry to the content: loaded, validated and indexed once, then shared by
 * every page and component. Invalid content throws with every problem listed.
 */
import { loadContent } from './content/load';
import { ContentError } from './content/problems';
import { DataIndex } from './data-index';
import { contentRoot } from './root';

let cached: Promise<DataIndex> | undefined;

export function siteData(): Promise<DataIndex> {
  cached ??= (async () => {
    const drafts = import.meta.env.DEV || process.env.SCRUTINEER_DRAFTS === '1';
    const { content, problems } = await loadContent(contentRoot(), { drafts });
    if (!content) throw new ContentError(problems);
    return new DataIndex(content);
  })();
  return cached;
}
