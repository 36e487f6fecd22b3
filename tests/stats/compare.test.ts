import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/lib/model';
import { compareWith, pickComparator } from '../../src/lib/stats/compare';
import { P, indicator } from './fixtures';

const up = indicator({ unit: 'percent', decimals: 1, polarity: 'higher-is-better' });
const down = indicator({ unit: 'percent', decimals: 0, polarity: 'lower-is-better' });
const rate = indicator({ unit: 'rate-per-10000', decimals: 0, polarity: 'neutral' });

const row = (period: string, value: number | null, area: Area = 'england') => ({ period: P(period), area, value });
const england = [row('2016/17', 81.5), row('2017/18', 82.7), row('2018/19', 83.1)];

describe('choosing the comparator figure', () => {
  it('prefers the same period', () => {
    expect(pickComparator(P('2018/19'), england)).toMatchObject({ value: 83.1, samePeriod: true });
  });

  it('falls back to the financial year containing the local period', () => {
    expect(pickComparator(P('2018/19 Q2'), england)).toMatchObject({ value: 83.1, samePeriod: false, period: { label: '2018/19' } });
    expect(pickComparator(P('2018-06'), england)).toMatchObject({ value: 83.1 });
  });

  it('falls back to the latest earlier year, never a later one', () => {
    const published = [row('2016/17', 81.5), row('2017/18', 82.7), row('2019/20', 84)];
    expect(pickComparator(P('2018/19 Q2'), published)).toMatchObject({ value: 82.7, period: { label: '2017/18' } });
    expect(pickComparator(P('2015/16 Q4'), published)).toBeUndefined();
  });

  it('skips figures that are not available and other areas', () => {
    const rows = [row('2017/18', 82.7), row('2018/19', null), row('2018/19', 90, 'statistical-neighbours')];
    expect(pickComparator(P('2018/19 Q1'), rows)).toMatchObject({ value: 82.7 });
    expect(pickComparator(P('2018/19 Q1'), rows, 'statistical-neighbours')).toMatchObject({ value: 90 });
  });
});

describe('comparison words', () => {
  it('says better or worse when polarity says which is better', () => {
    expect(compareWith(up, { period: P('2018/19'), value: 85.2 }, england).words).toBe('better than England (83.1%)');
    expect(compareWith(up, { period: P('2018/19'), value: 80 }, england).words).toBe('worse than England (83.1%)');
    expect(compareWith(down, { period: P('2018/19'), value: 12 }, [row('2018/19', 10)]).words).toBe('worse than England (10%)');
    expect(compareWith(down, { period: P('2018/19'), value: 8 }, [row('2018/19', 10)]).kind).toBe('better');
  });

  it('says higher or lower for context indicators', () => {
    expect(compareWith(rate, { period: P('2018/19'), value: 72 }, [row('2018/19', 64)]).words).toBe('higher than England (64 per 10,000)');
    expect(compareWith(rate, { period: P('2018/19'), value: 50 }, [row('2018/19', 64)]).words).toBe('lower than England (64 per 10,000)');
  });

  it('says similar inside the neutral band', () => {
    expect(compareWith(up, { period: P('2018/19'), value: 83.9 }, england).words).toBe('similar to England (83.1%)');
    expect(compareWith(rate, { period: P('2018/19'), value: 65 }, [row('2018/19', 64)]).kind).toBe('similar');
  });

  // The examples docs/content-format.md gives ("Words that respect precision"), so the rule the
  // docs state is the rule the words follow.
  it("says similar as the docs say: under 1 point for percentages, under 2% of the comparator otherwise", () => {
    const eng = (value: number) => [{ ...row('2018/19', value), precision: 1 }];
    const at = (value: number) => ({ period: P('2018/19'), value, precision: 1 });
    expect(compareWith(up, at(82.7), eng(83.6)).kind).toBe('similar');
    expect(compareWith(up, at(82.7), eng(83.7)).kind).toBe('worse');
    const rate1 = { ...rate, decimals: 1 };
    expect(compareWith(rate1, at(64.0), eng(65.2)).kind).toBe('similar');
    expect(compareWith(rate1, at(64.0), eng(65.4)).kind).toBe('lower');
    const whole = (value: number) => ({ period: P('2018/19'), value, precision: 0 });
    expect(compareWith({ ...up, decimals: 0 }, whole(47), [{ ...row('2018/19', 48), precision: 0 }]).kind).toBe('similar');
  });

  it('names the year when the comparator is not for the same period', () => {
    const older = [row('2017/18', 82.7)];
    expect(compareWith(up, { period: P('2018/19 Q2'), value: 86 }, older).words).toBe('better than England (82.7% in 2017/18)');
  });

  it('names statistical neighbours and the region', () => {
    const rows = [row('2018/19', 80.1, 'statistical-neighbours'), row('2018/19', 79, 'region')];
    expect(compareWith(up, { period: P('2018/19'), value: 85 }, rows, 'statistical-neighbours').words).toBe(
      'better than statistical neighbours (80.1%)',
    );
    expect(compareWith(up, { period: P('2018/19'), value: 70 }, rows, 'region').words).toBe('worse than the region (79.0%)');
  });

  it('makes no comparison for a suppressed figure, a small group, or without a comparator', () => {
    const suppressed = compareWith(up, { period: P('2018/19'), value: null, symbol: 'c' }, england);
    expect(suppressed).toEqual({ kind: 'no-comparison', words: 'No comparison with England: this figure is suppressed' });
    expect(compareWith(up, { period: P('2018/19'), value: 68.4, nOfD: { n: 13, d: 19 } }, england).words).toBe(
      'No comparison with England: a group of 19 is too small for a fair comparison',
    );
    // Counts shown because the indicator asks for them (show: counts), of a group large enough: compared.
    expect(compareWith(up, { period: P('2018/19'), value: 68.4, nOfD: { n: 171, d: 250, requested: true } }, england).words).toMatch(/^(better|worse|similar)/);
    expect(compareWith(up, { period: P('2018/19 Q1'), value: 80 }, []).words).toBe(
      'No comparison with England: there is no England figure for 2018/19 or earlier',
    );
  });
});
