import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../../lib/site-data';
import { meetingCsv } from '../../../../lib/present/downloads';

export const getStaticPaths: GetStaticPaths = async () =>
  (await siteData()).content.meetings.map((m) => ({ params: { committee: m.committee, date: m.date } }));

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const meeting = data.meetings.get(`${params.committee}/${params.date}`)!;
  return new Response(meetingCsv(data, meeting), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
