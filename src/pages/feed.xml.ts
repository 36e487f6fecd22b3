import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data';
import { atomFeed } from '../lib/present/feed';
import { absolute, url } from '../lib/urls';

/** Every published meeting, newest first. */
export const GET: APIRoute = async () => {
  const data = await siteData();
  const site = data.content.site;
  const body = atomFeed(data, data.content.meetings, {
    self: absolute(site.url, url.feed()),
    alternate: absolute(site.url, url.home()),
    title: `${site.title}: ${site.council}`,
    meetingUrl: (m) => absolute(site.url, url.meeting(m.id)),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
