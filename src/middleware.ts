import { defineMiddleware } from 'astro:middleware';
import { siteData } from './lib/site-data';
import { glossaryMarker, type GlossaryMarker } from './lib/glossary-markup';
import { url } from './lib/urls';

let marker: GlossaryMarker | undefined;

/**
 * `npm run build` starts Astro with --expose-gc: a full collection every few pages keeps the
 * build's memory near what it really holds (the content, the charts drawn once and reused),
 * instead of letting V8 grow the heap with pages already written. Elsewhere `gc` is not defined.
 */
const collect = (globalThis as { gc?: () => void }).gc;
const PAGES_BETWEEN_COLLECTIONS = 25;
let pagesRendered = 0;

/** Marks the first use of each glossary term in every page's main content. */
export const onRequest = defineMiddleware(async (context, next) => {
  if (collect && ++pagesRendered % PAGES_BETWEEN_COLLECTIONS === 0) collect();
  const response = await next();
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/html') || context.url.pathname.startsWith(url.glossary())) return response;
  const data = await siteData();
  marker ??= glossaryMarker(data.content.glossary, (term) => url.glossary(term));
  const html = await response.text();
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) return new Response(html, response);
  const marked = html.slice(0, start) + marker.mark(html.slice(start, end)) + html.slice(end);
  return new Response(marked, { status: response.status, headers: response.headers });
});
