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

describe('dating an observation (version 1.1, rules 1 and 2)', () => {
  it('dates a figure by the last day of its period, or by its snapshot day inside the period', async () => {
    const { observationDay, dayName } = await import('../src/lib/periods');
    expect(dayName(observationDay(parsePeriod('2023/24')!))).toBe('31 March 2024');
    expect(dayName(observationDay(parsePeriod('2024/25')!, { month: 9, day: 30 }))).toBe('30 September 2024');
    expect(dayName(observationDay(parsePeriod('2024/25 Q2')!, { month: 9, day: 30 }))).toBe('30 September 2024');
    // A quarter that holds no 30 September is dated by its last day.
    expect(dayName(observationDay(parsePeriod('2024/25 Q1')!, { month: 9, day: 30 }))).toBe('30 June 2024');
    expect(dayName(observationDay(parsePeriod('2024-02')!))).toBe('29 February 2024');
  });

  it('reads a snapshot day as month and day, and refuses one that is not in every year', async () => {
    const { parseMonthDay } = await import('../src/lib/periods');
    expect(parseMonthDay('09-30')).toEqual({ month: 9, day: 30 });
    for (const bad of ['30-09', '9-30', '02-29', '02-30', '13-01', '0930']) expect(parseMonthDay(bad), bad).toBeUndefined();
  });
});
