import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/site-data';
import { tidyRows } from '../../../lib/present/downloads';
import { spreadsheet } from '../../../lib/open-data/spreadsheet';
import { absolute, url } from '../../../lib/urls';

export const getStaticPaths: GetStaticPaths = async () => (await siteData()).content.indicators.map((i) => ({ params: { id: i.id } }));

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const site = data.content.site;
  const indicator = data.indicators.get(params.id!)!;
  const body = await spreadsheet(site, tidyRows(data, indicator), `${indicator.title}: whole history`, absolute(site.url, url.indicator(indicator.id)));
  return new Response(body, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
