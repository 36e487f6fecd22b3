import { describe, expect, it, vi } from 'vitest';
import {
  formatCell,
  formatNOfD,
  formatNumber,
  formatTarget,
  formatTickValue,
  formatValue,
  periodInWords,
  roundTo,
  unitLabel,
} from '../../src/lib/stats/format';
import { P } from './fixtures';

describe('formatNumber', () => {
  it.each([
    [1234.5, 1, '1,234.5'],
    [1234567, 0, '1,234,567'],
    [999.95, 1, '1,000.0'],
    [82.65, 1, '82.7'],
    [1.005, 2, '1.01'],
    [0.5, 0, '1'],
    [12, 2, '12.00'],
    [-3, 1, '\u22123.0'],
    [-1234.5, 0, '\u22121,235'],
    [-0.04, 1, '0.0'],
    [0, 0, '0'],
  ])('%d to %i decimals is %s', (v, d, expected) => {
    expect(formatNumber(v, d)).toBe(expected);
  });

  it('rounds half away from zero', () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1e-9, 2)).toBe(0);
  });

  it('rejects numbers that cannot be written', () => {
    expect(() => formatNumber(Number.NaN, 1)).toThrow(RangeError);
  });

  it('does not depend on the host locale', () => {
    const toLocale = vi.spyOn(Number.prototype, 'toLocaleString');
    const intl = vi.spyOn(Intl, 'NumberFormat');
    formatNumber(1234567.891, 2);
    formatValue({ unit: 'gbp', decimals: 0 }, 1200);
    expect(toLocale).not.toHaveBeenCalled();
    expect(intl).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

describe('formatValue', () => {
  it.each([
    ['percent', 1, 82.7, '82.7%'],
    ['rate-per-10000', 1, 64.2, '64.2 per 10,000'],
    ['gbp', 0, 1200, '£1,200'],
    ['gbp', 0, -5, '\u2212£5'],
    ['days', 0, 486, '486 days'],
    ['days', 0, 1, '1 day'],
    ['weeks', 0, 12, '12 weeks'],
    ['weeks', 1, 1, '1.0 weeks'],
    ['ratio', 1, 17.4, '17.4'],
    ['count', 0, 1234, '1,234'],
  ] as const)('%s with %i decimals: %d is %s', (unit, decimals, v, expected) => {
    expect(formatValue({ unit, decimals }, v)).toBe(expected);
  });

  it('writes a target with only the decimals it needs', () => {
    expect(formatTarget({ unit: 'percent', decimals: 1 }, 85)).toBe('85%');
    expect(formatTarget({ unit: 'percent', decimals: 1 }, 82.5)).toBe('82.5%');
    expect(formatTarget({ unit: 'percent', decimals: 0 }, 82.5)).toBe('83%');
  });

  it('writes short tick labels', () => {
    expect(formatTickValue({ unit: 'percent' }, 20, 0)).toBe('20%');
    expect(formatTickValue({ unit: 'gbp' }, 1000, 0)).toBe('£1,000');
    expect(formatTickValue({ unit: 'rate-per-10000' }, 2.5, 1)).toBe('2.5');
  });
});

describe('unitLabel', () => {
  it.each([
    ['count', 'children', 'number of children'],
    ['count', 'events', 'number'],
    ['percent', 'other', '%'],
    ['rate-per-10000', 'other', 'rate per 10,000 children'],
    ['days', 'other', 'days'],
    ['weeks', 'other', 'weeks'],
    ['gbp', 'money', '£'],
    ['ratio', 'other', 'number'],
  ] as const)('%s (%s) is headed %s', (unit, counts, expected) => {
    expect(unitLabel({ unit, counts })).toBe(expected);
  });
});

describe('cells', () => {
  const f = { unit: 'percent', decimals: 1 } as const;
  it('shows a symbol, N of D, or the value', () => {
    expect(formatNOfD(3, 1200)).toBe('3 of 1,200');
    expect(formatCell(f, { value: null, symbol: 'c' })).toBe('[c]');
    expect(formatCell(f, { value: null, symbol: 'x' })).toBe('[x]');
    expect(formatCell(f, { value: 50, nOfD: { n: 7, d: 14 } })).toBe('7 of 14');
    expect(formatCell(f, { value: 66.7 })).toBe('66.7%');
  });

  it('names periods as a sentence would', () => {
    expect(periodInWords(P('2018-06'))).toBe('June 2018');
    expect(periodInWords(P('2018/19 Q1'))).toBe('2018/19 Q1');
    expect(periodInWords(P('2018/19'))).toBe('2018/19');
  });
});
