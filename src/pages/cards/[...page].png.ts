import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site-data';
import { indicatorCard, meetingCard } from '../../lib/cards/model';
import { renderCard } from '../../lib/cards/render';

/** A link preview card (og:image) for every meeting page and every indicator page. */
export const getStaticPaths: GetStaticPaths = async () => {
  const data = await siteData();
  return [
    ...data.content.meetings.map((m) => ({ params: { page: m.id }, props: { meetingId: m.id } })),
    ...data.content.indicators.map((i) => ({ params: { page: `indicators/${i.id}` }, props: { indicatorId: i.id } })),
  ];
};

export const GET: APIRoute = async ({ props }) => {
  const data = await siteData();
  const card = props.meetingId ? meetingCard(data, data.meetings.get(props.meetingId)!) : indicatorCard(data, props.indicatorId);
  return new Response(await renderCard(card, data.content.site.council), { headers: { 'content-type': 'image/png' } });
};
