import { defineMiddleware } from 'astro:middleware';
import { siteData } from './lib/site-data';
import { glossaryMarker, type GlossaryMarker } from './lib/glossary-markup';
import { url } from './lib/urls';

let marker: GlossaryMarker | undefined;

/** Marks the first use of each glossary term in every page's main content. */
export const onRequest = defineMiddleware(async (context, next) => {
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
  // As bytes: a string body is copied once more on its way to UTF-8 (a page can be 300 KB).
  return new Response(Buffer.from(marked), { status: response.status, headers: response.headers });
});
