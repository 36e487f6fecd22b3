import { describe, expect, it } from 'vitest';
import { assessTarget, targetAt } from '../../src/lib/stats/target';
import { P, indicator } from './fixtures';

const steps = [
  { from: P('2018/19'), value: 85 },
  { from: P('2019/20'), value: 90 },
];

describe('targetAt', () => {
  it('applies a step from the start of its financial year', () => {
    expect(targetAt(steps, P('2017/18 Q4'))).toBeUndefined();
    expect(targetAt(steps, P('2018-04'))).toBe(85);
    expect(targetAt(steps, P('2018/19 Q4'))).toBe(85);
    expect(targetAt(steps, P('2019-03'))).toBe(85);
    expect(targetAt(steps, P('2019-04'))).toBe(90);
    expect(targetAt(steps, P('2019/20'))).toBe(90);
  });

  it('applies a step without a year always', () => {
    expect(targetAt([{ value: 95 }], P('2010/11 Q1'))).toBe(95);
  });
});

describe('assessTarget', () => {
  const up = indicator({ unit: 'percent', decimals: 1, polarity: 'higher-is-better', targets: steps });
  const down = indicator({ unit: 'percent', decimals: 1, polarity: 'lower-is-better', targets: [{ value: 10 }] });
  const neutral = indicator({ unit: 'count', decimals: 0, polarity: 'neutral', targets: [{ value: 400 }] });

  it('meets a higher-is-better target at or above it', () => {
    expect(assessTarget(up, { period: P('2018/19 Q1'), value: 85 })).toEqual({ status: 'met', symbol: 'met', target: 85, words: 'Target of 85% met' });
    expect(assessTarget(up, { period: P('2018/19 Q1'), value: 84.9 })).toEqual({
      status: 'missed',
      symbol: 'missed',
      target: 85,
      words: 'Below the target of 85%',
    });
  });

  it('judges the value as displayed', () => {
    // 84.96 is shown as 85.0%, so it must not read "below the target of 85%".
    expect(assessTarget(up, { period: P('2018/19 Q1'), value: 84.96 })?.status).toBe('met');
  });

  it('meets a lower-is-better target at or below it', () => {
    expect(assessTarget(down, { period: P('2018/19'), value: 10.4 })?.words).toBe('Above the target of 10%');
    expect(assessTarget(down, { period: P('2018/19'), value: 9 })?.words).toBe('Target of 10% met');
  });

  it('treats a neutral indicator with a target as higher-is-better', () => {
    expect(assessTarget(neutral, { period: P('2018/19'), value: 420 })?.status).toBe('met');
    expect(assessTarget(neutral, { period: P('2018/19'), value: 380 })?.words).toBe('Below the target of 400');
  });

  it('does not assess a suppressed figure, nor a period without a target', () => {
    expect(assessTarget(up, { period: P('2018/19 Q1'), value: null, symbol: 'c' })).toEqual({
      status: 'not-assessed',
      target: 85,
      words: 'Target of 85%: not assessed, the figure is suppressed',
    });
    expect(assessTarget(up, { period: P('2017/18 Q1'), value: 90 })).toBeUndefined();
  });
});
