import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data';
import { dataPackage } from '../../lib/present/downloads';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(`${JSON.stringify(dataPackage(data, data.content.site.url, `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/`), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
