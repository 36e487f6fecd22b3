import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/site-data';
import { tidyRows, toCsv } from '../../../lib/present/downloads';

export const getStaticPaths: GetStaticPaths = async () => (await siteData()).content.indicators.map((i) => ({ params: { id: i.id } }));

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  return new Response(toCsv(tidyRows(data, data.indicators.get(params.id!)!)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
