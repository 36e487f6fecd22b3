import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data';
import { allRows, toCsv } from '../../lib/present/downloads';

export const GET: APIRoute = async () => new Response(toCsv(allRows(await siteData())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
