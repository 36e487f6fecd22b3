import { describe, expect, it } from 'vitest';
import { parsePeriod, periodName, quarterOf } from '../src/lib/periods';

describe('periods', () => {
  it('reads months, financial quarters and years', () => {
    expect(periodName(parsePeriod('2018-06')!)).toBe('June 2018');
    expect(periodName(parsePeriod('2018/19 Q3')!)).toBe('2018/19 Q3 (October to December 2018)');
    expect(periodName(parsePeriod('2018/19')!)).toBe('2018/19 (April 2018 to March 2019)');
    expect(parsePeriod('2019/20 Q4')!.end).toBe(parsePeriod('2020-03')!.end);
  });

  it('rejects what is not a period', () => {
    for (const bad of ['2018-13', '2018/20', '2018-19 Q1', '2018/19 Q5', '18/19', '2018/19Q1']) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('finds the financial quarter of a month', () => {
    expect(quarterOf(parsePeriod('2019-01')!.end).label).toBe('2018/19 Q4');
    expect(quarterOf(parsePeriod('2019-04')!.end).label).toBe('2019/20 Q1');
  });
});

describe('shifting a period', () => {
  it('finds the previous period of the same kind and a year earlier', async () => {
    const { shiftPeriod } = await import('../src/lib/periods');
    expect(shiftPeriod(parsePeriod('2019-01')!, -1).label).toBe('2018-12');
    expect(shiftPeriod(parsePeriod('2019/20 Q1')!, -3).label).toBe('2018/19 Q4');
    expect(shiftPeriod(parsePeriod('2019/20 Q1')!, -12).label).toBe('2018/19 Q1');
    expect(shiftPeriod(parsePeriod('2019/20')!, -12).label).toBe('2018/19');
  });
});
