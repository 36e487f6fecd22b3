/**
 * Atom feeds (RFC 4287) of meetings, site-wide and per committee. Every date comes from the
 * content, never the build's clock, so two builds write the same feed.
 */
import type { Meeting } from '../model';
import type { DataIndex } from '../data-index';
import { formatDate, periodName } from '../periods';

/**
 * Text as XML may hold it: escaped, and without the characters XML 1.0 forbids (controls, lone
 * surrogates, U+FFFE and U+FFFF). `check` refuses those in content already; this keeps a feed
 * well-formed even if one ever got past it, since a reader rejects a malformed feed whole.
 */
const esc = (s: string) =>
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export interface FeedOptions {
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  alternate: string;
  title: string;
  /** Absolute URL of a meeting page. */
  meetingUrl: (m: Meeting) => string;
}

export function atomFeed(data: DataIndex, meetings: Meeting[], options: FeedOptions): string {
  const site = data.content.site;
  const newest = [...meetings].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const updated = newest[0] ? `${newest[0].date}T00:00:00Z` : '2000-01-01T00:00:00Z';
  const entries = newest.map((m) => {
    const committee = data.committees.get(m.committee)!;
    const link = options.meetingUrl(m);
    return `  <entry>
    <id>${esc(link)}</id>
    <title>${esc(`${committee.name}, ${formatDate(m.date)}`)}</title>
    <link rel="alternate" type="text/html" href="${esc(link)}"/>
    <updated>${m.date}T00:00:00Z</updated>
    <published>${m.date}T00:00:00Z</published>
    <category term="${esc(m.committee)}" label="${esc(committee.name)}"/>
    <summary type="text">${esc(`${m.summary} Data to ${periodName(m.period)}.`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${esc(site.language)}">
  <id>${esc(options.self)}</id>
  <title>${esc(options.title)}</title>
  <subtitle>${esc(`${site.title}: the meetings at which ${site.council}'s councillors scrutinise children's services performance.`)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${esc(options.self)}"/>
  <link rel="alternate" type="text/html" href="${esc(options.alternate)}"/>
  <updated>${updated}</updated>
  <author><name>${esc(site.council)}</name>${site.contact?.email ? `<email>${esc(site.contact.email)}</email>` : ''}</author>
  <generator>Scrutineer</generator>
${entries.join('\n')}
</feed>
`;
}
