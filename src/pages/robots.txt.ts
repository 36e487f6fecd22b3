import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data';
import { absolute } from '../lib/urls';

export const GET: APIRoute = async () => {
  const { site } = (await siteData()).content;
  const sitemap = absolute(site.url, `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
