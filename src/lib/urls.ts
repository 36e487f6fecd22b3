/** Every published URL, in one place, under the configured base path. */
const base = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

export const url = {
  home: () => base,
  committee: (committee: string) => `${base}${committee}/`,
  meeting: (meetingId: string) => `${base}${meetingId}/`,
  meetingIndicator: (meetingId: string, indicator: string) => `${base}${meetingId}/#${indicator}`,
  indicators: () => `${base}indicators/`,
  indicator: (id: string) => `${base}indicators/${id}/`,
  actions: () => `${base}actions/`,
  action: (fullId: string) => `${base}${fullId.split('/').slice(0, 2).join('/')}/#action-${fullId.split('/')[2]}`,
  glossary: (term?: string) => `${base}glossary/${term ? `#${termAnchor(term)}` : ''}`,
  accessibility: () => `${base}accessibility/`,
  data: () => `${base}data/`,
  search: () => `${base}search/`,
  indicatorCsv: (id: string) => `${base}data/indicators/${id}.csv`,
  indicatorJson: (id: string) => `${base}data/indicators/${id}.json`,
  indicatorXlsx: (id: string) => `${base}data/indicators/${id}.xlsx`,
  meetingCsv: (meetingId: string) => `${base}data/meetings/${meetingId}.csv`,
  meetingXlsx: (meetingId: string) => `${base}data/meetings/${meetingId}.xlsx`,
  /** The link preview card (og:image) of a page: a meeting's id, or indicators/<id>. */
  card: (page: string) => `${base}cards/${page}.png`,
  allCsv: () => `${base}data/all.csv`,
  dataPackage: () => `${base}data/datapackage.json`,
  feed: () => `${base}feed.xml`,
  committeeFeed: (committee: string) => `${base}${committee}/feed.xml`,
  asset: (path: string) => `${base}${path.replace(/^\//, '')}`,
};

export function termAnchor(term: string) {
  return term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** An absolute URL on the published site, from `site.yaml`'s url and a base-relative path. */
export function absolute(siteUrl: string, path: string) {
  return new URL(path, siteUrl.replace(/\/?$/, '/')).href;
}
