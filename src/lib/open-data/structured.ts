/**
 * schema.org structured data (JSON-LD) that search engines and link checkers read: the trail of
 * breadcrumbs, and an indicator as a Dataset with its licence and downloads.
 */
import type { Indicator, Site } from '../model';
import { absolute, url } from '../urls';
import { licenceOf } from './licence';

/** A BreadcrumbList of the page's trail, home first and the page itself last. */
export function breadcrumbList(trail: { label: string; href: string }[], siteUrl: string) {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: absolute(siteUrl, c.href) })),
  };
}

/** The downloads of one indicator, as schema.org DataDownloads. */
export function indicatorDistribution(site: Site, id: string) {
  return [
    { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: absolute(site.url, url.indicatorCsv(id)) },
    { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: absolute(site.url, url.indicatorJson(id)) },
    { '@type': 'DataDownload', encodingFormat: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentUrl: absolute(site.url, url.indicatorXlsx(id)) },
  ];
}

/** An indicator's page as a schema.org Dataset: what it measures, who publishes it, its licence and files. */
export function indicatorDataset(site: Site, indicator: Indicator, temporalCoverage?: string) {
  const licence = licenceOf(site);
  return {
    '@type': 'Dataset',
    name: `${indicator.title}: ${site.council}`,
    description: `${indicator.summary} ${indicator.definition}`,
    url: absolute(site.url, url.indicator(indicator.id)),
    identifier: indicator.id,
    creator: { '@type': 'GovernmentOrganization', name: site.council, url: site.url },
    publisher: { '@type': 'GovernmentOrganization', name: site.council, url: site.url },
    license: licence.url,
    creditText: licence.attribution,
    isAccessibleForFree: true,
    inLanguage: site.language,
    ...(temporalCoverage && { temporalCoverage }),
    spatialCoverage: { '@type': 'Place', name: site.localAuthority?.name ?? site.council },
    ...(site.illustrative && { disambiguatingDescription: 'Illustrative data: the council is fictional and every figure is made up.' }),
    variableMeasured: indicator.title,
    distribution: indicatorDistribution(site, indicator.id),
  };
}
