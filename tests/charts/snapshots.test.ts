/**
 * Golden SVGs of the fixture charts. A change to a chart's drawing shows as a diff in
 * tests/charts/__snapshots__/*.svg; update with `npx vitest run tests/charts -u` after looking.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from './fixtures';
import { normaliseSvg } from './helpers';

describe('chart snapshots', () => {
  it.each(CHARTS)('$name', async ({ name, id, render }) => {
    await expect(normaliseSvg(render(), id)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
  });
});
