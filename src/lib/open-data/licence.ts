/** The licence the site's figures are published under, as every download and page names it. */
import type { Site } from '../model';

export interface Licence {
  name: string;
  url: string;
  id?: string;
  /** The statement a re-user must include. */
  attribution: string;
}

export function licenceOf(site: Site): Licence {
  const { name, url, id, attribution } = site.licence;
  return { name, url, ...(id && { id }), attribution: attribution ?? `Contains information from ${site.council}, published under the ${name}.` };
}

/** The licence as a Frictionless `licenses` entry: `name` is an SPDX id, `path` its terms. */
export function frictionlessLicence(licence: Licence) {
  return { ...(licence.id && { name: licence.id }), path: licence.url, title: licence.name };
}
