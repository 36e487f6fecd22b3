/**
 * The build's caches keep what the pages in hand need and let the rest go, so a 50-year archive
 * builds in the memory of a 10-year one (src/lib/recent.ts, README "Memory").
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/load';
import { DataIndex, meetingCut } from '../src/lib/data-index';
import { indicatorView } from '../src/lib/present/indicator';
import { Recent, RecentCuts } from '../src/lib/recent';
import { FIXTURES } from './helpers/fixtures';
import { join } from 'node:path';

describe('Recent', () => {
  it('keeps the most recently used entries, up to its capacity', () => {
    const r = new Recent<string, number>(2);
    r.set('a', 1);
    r.set('b', 2);
    expect(r.get('a')).toBe(1); // a is now the most recent
    r.set('c', 3); // b, the least recent, goes
    expect(r.get('b')).toBeUndefined();
    expect(r.get('a')).toBe(1);
    expect(r.get('c')).toBe(3);
    expect(r.size).toBe(2);
  });

  it('keeps whole cuts, however many indicators each holds', () => {
    const r = new RecentCuts<number>(2);
    for (let i = 0; i < 100; i++) r.set('2018 Q1', `indicator-${i}`, i);
    r.set('2018 Q2', 'x', 1);
    r.set('2018 Q3', 'x', 2);
    // Q1's hundred entries went together, as one cut.
    expect(r.get('2018 Q1', 'indicator-99')).toBeUndefined();
    expect(r.get('2018 Q1', 'indicator-0')).toBeUndefined();
    expect(r.get('2018 Q2', 'x')).toBe(1);
    expect(r.get('2018 Q3', 'x')).toBe(2);
  });
});

describe('views of an indicator', () => {
  it('are worked out again, the same, once their quarter has left the cache', async () => {
    // The sample site: thirteen meetings, about more quarters than the cache keeps.
    const { content } = await loadContent(join(FIXTURES, '..', '..'));
    const data = new DataIndex(content!);
    const [first, ...rest] = content!.meetings;
    const id = first.indicatorIds[0];
    const before = indicatorView(data, id, meetingCut(first));
    expect(indicatorView(data, id, meetingCut(first))).toBe(before);
    // Every later meeting's views, then the first meeting's again.
    for (const m of rest) for (const other of m.indicatorIds) indicatorView(data, other, meetingCut(m));
    const otherCuts = new Set(rest.map((m) => JSON.stringify(meetingCut(m))));
    otherCuts.delete(JSON.stringify(meetingCut(first)));
    expect(otherCuts.size).toBeGreaterThan(8);
    const again = indicatorView(data, id, meetingCut(first));
    expect(again).not.toBe(before);
    expect(again.table).toEqual(before.table);
    expect(again.headline).toEqual(before.headline);
  });
});
