/**
 * The licence `site.yaml` names reaches the data package, the JSON downloads, the Excel notes and
 * the structured data; without one, the Open Government Licence v3.0 applies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load';
import { DataIndex } from '../src/lib/data-index';
import { dataPackage, indicatorJson } from '../src/lib/present/downloads';
import { spreadsheet } from '../src/lib/open-data/spreadsheet';
import { indicatorDataset } from '../src/lib/open-data/structured';
import { tidyRows } from '../src/lib/present/downloads';
import { MINIMAL, siteWith } from './helpers/fixtures';
import { unzip } from './helpers/zip';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function dataFor(extraYaml: string) {
  const dir = siteWith(undefined, MINIMAL);
  made.push(dir);
  const file = join(dir, 'content', 'site.yaml');
  writeFileSync(file, readFileSync(file, 'utf8') + extraYaml);
  const { problems, content } = await loadContent(dir);
  expect(problems).toEqual([]);
  return new DataIndex(content!);
}

describe('the licence', () => {
  it('defaults to the Open Government Licence v3.0, with its address and attribution', async () => {
    const data = await dataFor('');
    const pkg = dataPackage(data, data.content.site.url, '/data/');
    expect(pkg.licenses).toEqual([{ name: 'OGL-UK-3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'Open Government Licence v3.0' }]);
    expect(pkg.resources.every((r) => r.licenses === pkg.licenses)).toBe(true);
    expect(indicatorJson(data, data.content.indicators[0]).licence.attribution).toBe('Contains public sector information licensed under the Open Government Licence v3.0.');
  });

  it("follows site.yaml's licence everywhere, and words an attribution when none is given", async () => {
    const data = await dataFor('licence:\n  name: Creative Commons Attribution 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n  id: CC-BY-4.0\n');
    const site = data.content.site;
    const attribution = 'Contains information from Testshire Council, published under the Creative Commons Attribution 4.0.';
    expect(dataPackage(data, site.url, '/data/').licenses).toEqual([{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }]);
    const indicator = data.content.indicators[0];
    expect(indicatorJson(data, indicator).licence).toEqual({ name: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', id: 'CC-BY-4.0', attribution });
    expect(indicatorDataset(site, indicator)).toMatchObject({ license: 'https://creativecommons.org/licenses/by/4.0/', creditText: attribution });
    const xlsx = await spreadsheet(site, tidyRows(data, indicator), indicator.title, site.url);
    const strings = unzip(Buffer.from(xlsx)).get('xl/sharedStrings.xml')!.toString('utf8');
    expect(strings).toContain('Creative Commons Attribution 4.0: https://creativecommons.org/licenses/by/4.0/');
    expect(strings).toContain(attribution);
  });
});
