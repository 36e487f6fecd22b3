import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../../lib/site-data';
import { meetingRows } from '../../../../lib/present/downloads';
import { spreadsheet } from '../../../../lib/open-data/spreadsheet';
import { formatDate } from '../../../../lib/periods';
import { absolute, url } from '../../../../lib/urls';

export const getStaticPaths: GetStaticPaths = async () =>
  (await siteData()).content.meetings.map((m) => ({ params: { committee: m.committee, date: m.date } }));

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const site = data.content.site;
  const meeting = data.meetings.get(`${params.committee}/${params.date}`)!;
  const title = `${data.committees.get(meeting.committee)!.name}, ${formatDate(meeting.date)}: the figures as the meeting saw them`;
  const body = await spreadsheet(site, meetingRows(data, meeting), title, absolute(site.url, url.meeting(meeting.id)));
  return new Response(body, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
