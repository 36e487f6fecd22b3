import { describe, expect, it } from 'vitest';
import { closeness } from '../../src/lib/stats/band';
import { direction, trendBetween, trendSentence } from '../../src/lib/stats/trend';
import { P, indicator } from './fixtures';

const up = indicator({ unit: 'percent', decimals: 1, polarity: 'higher-is-better' });
const down = indicator({ unit: 'percent', decimals: 1, polarity: 'lower-is-better' });
const rate = indicator({ unit: 'rate-per-10000', decimals: 1, polarity: 'neutral' });
const count = indicator({ unit: 'count', decimals: 0, polarity: 'neutral', counts: 'children' });

describe('direction of travel, by polarity', () => {
  it.each([
    [up, 78, 82.5, 'improved'],
    [up, 82.5, 78, 'worsened'],
    [down, 12, 10, 'improved'],
    [down, 10, 12, 'worsened'],
    [rate, 60, 64.2, 'rose'],
    [rate, 64.2, 60, 'fell'],
  ])('%#: %d to %d %s', (ind, from, to, words) => {
    expect(direction(ind, from, to).words).toBe(words);
  });
});

describe('the neutral band', () => {
  it('is under 1 percentage point for percentages', () => {
    expect(direction(up, 78.0, 78.9).kind).toBe('little-change');
    expect(direction(up, 78.0, 79.0).kind).toBe('improved');
    expect(direction(down, 40.0, 39.1).kind).toBe('little-change');
  });

  it('is not fooled by binary arithmetic at the boundary', () => {
    // 4.1 - 3.1 is 0.9999999999999996 in floating point; on the page it is a full point.
    expect(direction(up, 3.1, 4.1).kind).toBe('improved');
    // 10.2 - 10 is 0.1999999999999993: exactly 2% on the page, so a change.
    expect(direction(rate, 10, 10.2).kind).toBe('rose');
  });

  it('is under 2% of the earlier value for other units', () => {
    expect(direction(count, 290, 295).kind).toBe('little-change'); // 1.7%
    expect(direction(count, 290, 296).kind).toBe('rose'); // 2.1%
    expect(direction(count, 10, 11).kind).toBe('rose');
    expect(direction(rate, 64.0, 65.2).kind).toBe('little-change'); // 1.9%
    expect(direction(rate, 64.0, 62.6).kind).toBe('fell'); // 2.2%
  });

  it('reads "no change" when the displayed values are equal', () => {
    expect(direction(up, 82.74, 82.66)).toEqual({ kind: 'unchanged', words: 'no change' });
    expect(closeness(count, 0, 0.4)).toBe('same');
  });

  it('has no band around zero: any change from nothing is real', () => {
    expect(direction(count, 0, 1).kind).toBe('rose');
  });
});

describe('trend sentences', () => {
  it('names both figures and periods', () => {
    expect(trendSentence(up, { period: P('2018/19 Q1'), value: 78 }, { period: P('2018/19 Q2'), value: 82.5 })).toBe(
      'Improved from 78.0% in 2018/19 Q1 to 82.5% in 2018/19 Q2',
    );
    expect(trendSentence(rate, { period: P('2018-05'), value: 60 }, { period: P('2018-06'), value: 64.2 })).toBe(
      'Rose from 60.0 per 10,000 in May 2018 to 64.2 per 10,000 in June 2018',
    );
    expect(trendSentence(down, { period: P('2017/18'), value: 10.2 }, { period: P('2018/19'), value: 10.6 })).toBe(
      'Little change from 10.2% in 2017/18 to 10.6% in 2018/19',
    );
    expect(trendSentence(up, { period: P('2018/19 Q1'), value: 82.5 }, { period: P('2018/19 Q2'), value: 82.5 })).toBe(
      'Unchanged at 82.5% in 2018/19 Q1 and 2018/19 Q2',
    );
  });

  it('shows small groups as N of D', () => {
    expect(
      trendSentence(up, { period: P('2018/19 Q1'), value: 25, nOfD: { n: 3, d: 12 } }, { period: P('2018/19 Q2'), value: 25, nOfD: { n: 4, d: 16 } }),
    ).toBe('No change from 3 of 12 in 2018/19 Q1 to 4 of 16 in 2018/19 Q2');
  });

  it('makes no comparison with a suppressed, unavailable or missing figure', () => {
    const latest = { period: P('2018/19 Q2'), value: 82.5 };
    expect(trendSentence(up, { period: P('2018/19 Q1'), value: null, symbol: 'c' }, latest)).toBe('No comparison: the earlier figure is suppressed');
    expect(trendSentence(up, { period: P('2018/19 Q1'), value: null, symbol: 'x' }, latest)).toBe('No comparison: the earlier figure is not available');
    expect(trendSentence(up, undefined, latest)).toBe('No comparison: there is no earlier figure');
    expect(trendSentence(up, { period: P('2018/19 Q1'), value: 78 }, { period: P('2018/19 Q2'), value: null, symbol: 'c' })).toBe(
      'No comparison: the latest figure is suppressed',
    );
    expect(trendBetween(up, { period: P('2018/19 Q1'), value: null }, latest).reason).toBe('there is no figure for 2018/19 Q1');
  });
});
