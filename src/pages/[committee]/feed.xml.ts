import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site-data';
import { atomFeed } from '../../lib/present/feed';
import { absolute, url } from '../../lib/urls';

export const getStaticPaths: GetStaticPaths = async () => (await siteData()).content.committees.map((c) => ({ params: { committee: c.id } }));

/** One committee's meetings, newest first. */
export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const site = data.content.site;
  const committee = data.committees.get(params.committee!)!;
  const body = atomFeed(data, data.meetingsByCommittee.get(committee.id)!, {
    self: absolute(site.url, url.committeeFeed(committee.id)),
    alternate: absolute(site.url, url.committee(committee.id)),
    title: `${committee.name}: ${site.council}`,
    meetingUrl: (m) => absolute(site.url, url.meeting(m.id)),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
