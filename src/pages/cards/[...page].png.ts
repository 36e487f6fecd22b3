import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site-data';
import { cardPages, cardPng } from '../../lib/cards/site-cards';

/** A link preview card (og:image) for every meeting page and every indicator page. */
export const getStaticPaths: GetStaticPaths = async () => cardPages(await siteData());

export const GET: APIRoute = async ({ params }) => new Response(await cardPng(await siteData(), params.page!), { headers: { 'content-type': 'image/png' } });
