import { describe, expect, it } from 'vitest';
import { periodTicks, spreadLabels, valueAxis } from '../../src/lib/charts/layout';
import { P } from '../stats/fixtures';

describe('valueAxis', () => {
  it('starts at zero and ends on a round number', () => {
    expect(valueAxis({ unit: 'rate-per-10000' }, 64.2)).toEqual({ max: 80, ticks: [0, 20, 40, 60, 80], decimals: 0 });
    expect(valueAxis({ unit: 'count' }, 1234).max).toBe(1250);
  });

  it('stops a percentage axis at 100', () => {
    expect(valueAxis({ unit: 'percent' }, 85)).toEqual({ max: 100, ticks: [0, 20, 40, 60, 80, 100], decimals: 0 });
    expect(valueAxis({ unit: 'percent' }, 45).max).toBe(50);
  });

  it('never splits a child: whole steps for counts', () => {
    expect(valueAxis({ unit: 'count' }, 3).ticks).toEqual([0, 1, 2, 3]);
    expect(valueAxis({ unit: 'count' }, 0).ticks).toEqual([0, 1]);
  });

  it('keeps decimals for small rates, without float noise', () => {
    expect(valueAxis({ unit: 'ratio' }, 0.7)).toEqual({ max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8], decimals: 1 });
    expect(valueAxis({ unit: 'ratio' }, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('periodTicks', () => {
  it('labels every period when they fit, and every k-th ending at the latest when not', () => {
    const quarters = ['2017/18 Q1', '2017/18 Q2', '2017/18 Q3', '2017/18 Q4'].map(P);
    expect(periodTicks(quarters, 560, 12)).toEqual(quarters.map((q) => q.label));
    const months = Array.from({ length: 12 }, (_, i) => P(`2018-${String(i + 1).padStart(2, '0')}`));
    const ticks = periodTicks(months, 300, 12);
    expect(ticks.at(-1)).toBe('2018-12');
    expect(ticks.length).toBeLessThan(12);
  });
});

describe('spreadLabels', () => {
  it('moves close labels apart and keeps them inside the plot', () => {
    expect(spreadLabels([100, 105, 300], 16, 0, 400)).toEqual([100, 116, 300]);
    expect(spreadLabels([395, 398], 16, 0, 400)).toEqual([384, 400]);
    expect(spreadLabels([105, 100], 16, 0, 400)).toEqual([116, 100]);
  });
});
