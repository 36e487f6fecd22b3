import { describe, expect, it } from 'vitest';
import { disclose, isSuppressed, type DisplayCell } from '../../src/lib/stats/disclosure';
import { indicator, obs } from './fixtures';

const settings = { suppressUpTo: 5, percentMinDenominator: 20 };
const children = indicator({ unit: 'count', decimals: 0, counts: 'children', polarity: 'neutral' });
const events = indicator({ unit: 'count', decimals: 0, counts: 'events', polarity: 'neutral' });
const percent = indicator({ unit: 'percent', decimals: 1 });
const rate = indicator({ unit: 'rate-per-10000', decimals: 1, polarity: 'neutral' });

/** Compact view of cells: the value, or the symbol, or "n of d". */
const shown = (cells: DisplayCell[]) => cells.map((c) => c.symbol ?? (c.nOfD ? `${c.nOfD.n} of ${c.nOfD.d}` : c.value));

describe('primary suppression', () => {
  it('hides counts of children from 1 to 5, never 0', () => {
    const cells = disclose([0, 1, 5, 6, 290].map((v, i) => obs(`2018-0${i + 4}`, v)), children, settings);
    expect(shown(cells)).toEqual([0, 'c', 'c', 6, 290]);
    expect(cells[1].suppression).toBe('primary');
  });

  it('follows the site setting', () => {
    expect(shown(disclose([obs('2018-04', 8)], children, { ...settings, suppressUpTo: 10 }))).toEqual(['c']);
    expect(shown(disclose([obs('2018-04', 3)], children, { ...settings, suppressUpTo: 0 }))).toEqual([3]);
  });

  it('leaves percentages of events alone: reviews held on time reveal no child', () => {
    const reviews = indicator({ unit: 'percent', decimals: 1, counts: 'events', polarity: 'higher-is-better' });
    const [cell] = disclose([obs('2018/19 Q1', 96.9, { numerator: 155, denominator: 160 })], reviews);
    expect(cell.symbol).toBeUndefined();
    expect(cell.value).toBe(96.9);
  });

  it('leaves counts of events alone', () => {
    expect(shown(disclose([obs('2018-04', 3)], events, settings))).toEqual([3]);
  });

  it('hides a percentage whose numerator, or denominator minus numerator, is 1 to 5', () => {
    const rows = [
      obs('2018/19 Q1', 7.5, { numerator: 3, denominator: 40 }),
      obs('2018/19 Q2', 95, { numerator: 38, denominator: 40 }),
      obs('2018/19 Q3', 25, { numerator: 10, denominator: 40 }),
      obs('2018/19 Q4', 100, { numerator: 40, denominator: 40 }),
      obs('2019/20 Q1', 0, { numerator: 0, denominator: 40 }),
      obs('2019/20 Q2', 7.5),
    ];
    expect(shown(disclose(rows, percent, settings))).toEqual(['c', 'c', 25, 100, 0, 7.5]);
  });

  it('hides a rate whose numerator is 1 to 5', () => {
    const rows = [obs('2018/19', 0.7, { numerator: 4, denominator: 60000 }), obs('2019/20', 64.2, { numerator: 385, denominator: 60000 })];
    expect(shown(disclose(rows, rate, settings))).toEqual(['c', 64.2]);
  });

  it('never suppresses England, the region or statistical neighbours', () => {
    const rows = [
      obs('2018-04', 3, { area: 'england' }),
      obs('2018-04', 2, { area: 'region' }),
      obs('2018-04', 4, { area: 'statistical-neighbours' }),
      obs('2018-04', 3),
    ];
    expect(shown(disclose(rows, children, settings))).toEqual([3, 2, 4, 'c']);
    const pct = [obs('2018/19 Q1', 7.5, { area: 'england', numerator: 3, denominator: 40 })];
    expect(shown(disclose(pct, percent, settings))).toEqual([7.5]);
  });

  it('marks a figure that is not available, and a percentage of nobody', () => {
    const cells = disclose([obs('2018/19 Q1', null), obs('2018/19 Q2', 0, { numerator: 0, denominator: 0 })], percent, settings);
    expect(cells.map((c) => [c.symbol, c.value])).toEqual([
      ['x', null],
      ['z', null],
    ]);
    expect(cells[0].status).toBe('not-available');
  });

  it('leaves nothing in a suppressed cell from which its number could be recovered', () => {
    const [cell] = disclose([obs('2018/19 Q1', 7.317, { numerator: 3, denominator: 41, note: 'Provisional' })], percent, settings);
    expect(cell).toEqual({ period: cell.period, day: 20180630, area: 'local', value: null, symbol: 'c', suppression: 'primary', note: 'Provisional' });
    const json = JSON.stringify(cell);
    expect(json).not.toMatch(/7\.3|numerator|denominator|nOfD|"41"|:41|:3\b/);
  });
});

describe('N of D', () => {
  it('flags a percentage of fewer than 20', () => {
    // 8 of 12 would be [c]: 12 - 8 = 4 children were not counted.
    const rows = [
      obs('2018/19 Q1', 50, { numerator: 7, denominator: 14 }),
      obs('2018/19 Q2', 40, { numerator: 8, denominator: 20 }),
      obs('2018/19 Q3', 25, { numerator: 3, denominator: 12 }),
      obs('2018/19 Q4', 66.7, { numerator: 8, denominator: 12, area: 'england' }),
    ];
    const cells = disclose(rows, percent, settings);
    expect(shown(cells)).toEqual(['7 of 14', 40, 'c', 66.7]);
    expect(cells[0].value).toBe(50);
    expect(shown(disclose([obs('2018/19 Q1', 0, { numerator: 0, denominator: 12 })], percent, settings))).toEqual(['0 of 12']);
  });
});

describe('show: counts', () => {
  it('shows every local percentage with its counts as "N of D", never a suppressed one', () => {
    const neet = indicator({ unit: 'percent', decimals: 1, show: 'counts' });
    const rows = [
      obs('2018/19 Q1', 30, { numerator: 12, denominator: 40 }),
      obs('2018/19 Q2', 7.5, { numerator: 3, denominator: 40 }),
      obs('2018/19 Q3', 92.5, { numerator: 37, denominator: 40 }),
      obs('2018/19 Q4', 46.7, { numerator: 7, denominator: 15 }),
      obs('2019/20 Q1', 41.2),
      obs('2018/19', 39, { area: 'england' }),
    ];
    const cells = disclose(rows, neet, settings);
    // Q2 hides 3 children, Q3 the 3 not counted; a row with no counts keeps its percentage.
    expect(shown(cells)).toEqual(['12 of 40', 'c', 'c', '7 of 15', 41.2, 39]);
    expect(cells[0].nOfD).toEqual({ n: 12, d: 40, requested: true });
    // A small group is still a small group: no fair comparison, whatever was asked.
    expect(cells[3].nOfD).toEqual({ n: 7, d: 15 });
    for (const c of cells.filter(isSuppressed)) expect(c).not.toHaveProperty('nOfD');
  });
});

describe('secondary suppression in a breakdown', () => {
  const needs = indicator({
    unit: 'count',
    decimals: 0,
    counts: 'children',
    polarity: 'neutral',
    categories: { abuse: 'Abuse or neglect', disability: 'Disability', family: 'Family dysfunction', absent: 'Absent parenting' },
  });
  const b = (period: string, breakdown: string, value: number | null, extra = {}) => obs(period, value, { breakdown, ...extra });

  it('hides the next smallest non-zero cell when exactly one is suppressed', () => {
    const rows = [b('2018/19 Q1', 'abuse', 40), b('2018/19 Q1', 'disability', 3), b('2018/19 Q1', 'family', 12), b('2018/19 Q1', 'absent', 0)];
    const cells = disclose(rows, needs, settings);
    expect(shown(cells)).toEqual([40, 'c', 'c', 0]);
    expect(cells.map((c) => c.suppression)).toEqual([undefined, 'primary', 'secondary', undefined]);
    expect(cells[2].value).toBeNull();
  });

  it('adds nothing when two or more are suppressed, or none', () => {
    const two = [b('2018/19 Q1', 'abuse', 40), b('2018/19 Q1', 'disability', 3), b('2018/19 Q1', 'family', 2), b('2018/19 Q1', 'absent', 12)];
    expect(shown(disclose(two, needs, settings))).toEqual([40, 'c', 'c', 12]);
    const none = [b('2018/19 Q1', 'abuse', 40), b('2018/19 Q1', 'family', 12)];
    expect(shown(disclose(none, needs, settings))).toEqual([40, 12]);
  });

  it('works period by period', () => {
    const rows = [
      b('2018/19 Q1', 'abuse', 40),
      b('2018/19 Q1', 'disability', 3),
      b('2018/19 Q1', 'family', 12),
      b('2018/19 Q2', 'abuse', 41),
      b('2018/19 Q2', 'disability', 9),
      b('2018/19 Q2', 'family', 12),
    ];
    expect(shown(disclose(rows, needs, settings))).toEqual([40, 'c', 'c', 41, 9, 12]);
  });

  it('breaks ties in category order, and skips cells that are not available', () => {
    const rows = [b('2018/19 Q1', 'absent', 12), b('2018/19 Q1', 'family', 12), b('2018/19 Q1', 'abuse', 4), b('2018/19 Q1', 'disability', null)];
    expect(shown(disclose(rows, needs, settings))).toEqual([12, 'c', 'c', 'x']);
  });

  it('ignores comparator rows and leaves them visible', () => {
    const rows = [
      b('2018/19 Q1', 'abuse', 40),
      b('2018/19 Q1', 'disability', 3),
      b('2018/19 Q1', 'family', 12),
      b('2018/19 Q1', 'disability', 1, { area: 'england' }),
      b('2018/19 Q1', 'family', 2, { area: 'england' }),
    ];
    expect(shown(disclose(rows, needs, settings))).toEqual([40, 'c', 'c', 1, 2]);
  });

  it('applies to shares of one group: a shared denominator, or percentages summing to 100', () => {
    const mix = indicator({ unit: 'percent', decimals: 1, polarity: 'neutral', categories: { foster: 'Foster', residential: 'Residential', parents: 'With parents' } });
    const shared = [
      b('2019/20', 'foster', 72.5, { numerator: 58, denominator: 80 }),
      b('2019/20', 'residential', 22.5, { numerator: 18, denominator: 80 }),
      b('2019/20', 'parents', 5, { numerator: 4, denominator: 80 }),
    ];
    expect(shown(disclose(shared, mix, settings))).toEqual([72.5, 'c', 'c']);
    const summing = [
      b('2019/20', 'foster', 72.5, { numerator: 58 }),
      b('2019/20', 'residential', 22.5, { numerator: 18 }),
      b('2019/20', 'parents', 5, { numerator: 4 }),
    ];
    expect(shown(disclose(summing, mix, settings))).toEqual([72.5, 'c', 'c']);
  });

  it('does not apply to percentages of different groups', () => {
    const byTeam = indicator({ unit: 'percent', decimals: 1, categories: { north: 'North', south: 'South', east: 'East' } });
    const rows = [
      b('2019/20', 'north', 80, { numerator: 40, denominator: 50 }),
      b('2019/20', 'south', 10, { numerator: 4, denominator: 40 }),
      b('2019/20', 'east', 80, { numerator: 24, denominator: 30 }),
    ];
    expect(shown(disclose(rows, byTeam, settings))).toEqual([80, 'c', 80]);
  });
});

describe('guards', () => {
  it('refuses rows of another indicator', () => {
    expect(() => disclose([obs('2018-04', 3, { indicator: 'other' })], children, settings)).toThrow(/one indicator's rows at a time/);
  });

  it('isSuppressed is true only for [c]', () => {
    expect(isSuppressed({ symbol: 'c' })).toBe(true);
    expect(isSuppressed({ symbol: 'x' })).toBe(false);
    expect(isSuppressed({})).toBe(false);
  });
});
