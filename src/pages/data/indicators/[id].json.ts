import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/site-data';
import { indicatorJson } from '../../../lib/present/downloads';

export const getStaticPaths: GetStaticPaths = async () => (await siteData()).content.indicators.map((i) => ({ params: { id: i.id } }));

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  return new Response(`${JSON.stringify(indicatorJson(data, data.indicators.get(params.id!)!), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
