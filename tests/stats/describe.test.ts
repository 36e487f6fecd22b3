import { describe, expect, it } from 'vitest';
import { describeBreakdown, describeSeries } from '../../src/lib/stats/describe';
import { disclose } from '../../src/lib/stats/disclosure';
import { P, indicator, obs } from './fixtures';

const settings = { suppressUpTo: 5, percentMinDenominator: 20 };

describe('describeSeries', () => {
  const assessments = indicator({ unit: 'percent', decimals: 1, polarity: 'higher-is-better', frequency: 'quarterly', targets: [{ value: 85 }] });

  it('gives the latest figure, the changes, England and the target', () => {
    const cells = disclose(
      [
        obs('2017/18 Q2', 80.1),
        obs('2018/19 Q1', 78.0),
        obs('2018/19 Q2', 82.5),
        obs('2017/18', 82.7, { area: 'england' }),
        obs('2017/18', 80.4, { area: 'statistical-neighbours' }),
      ],
      assessments,
      settings,
    );
    expect(describeSeries({ indicator: assessments, cells })).toBe(
      'The latest figure, for 2018/19 Q2 (July to September 2018), is 82.5%. ' +
        'Over the 3 quarters shown, from 2017/18 Q2 to 2018/19 Q2, it improved overall, rising from 80.1% to 82.5%; the lowest was 78.0% in 2018/19 Q1. ' +
        'Improved from 78.0% in the previous quarter (2018/19 Q1). ' +
        'Improved from 80.1% a year earlier (2017/18 Q2). ' +
        'Similar to England (82.7% in 2017/18). ' +
        'Better than statistical neighbours (80.4% in 2017/18). ' +
        'Below the target of 85%.',
    );
  });

  it('looks a year back 12 months for monthly figures, and says what is missing', () => {
    const cla = indicator({ unit: 'rate-per-10000', decimals: 1, polarity: 'neutral', frequency: 'monthly' });
    const cells = disclose([obs('2018-05', 60.0), obs('2018-06', 64.2)], cla, settings);
    expect(describeSeries({ indicator: cla, cells })).toBe(
      'The latest figure, for June 2018, is 64.2 per 10,000. ' +
        'Rose from 60.0 per 10,000 in the previous month (May 2018). ' +
        'There is no figure for a year earlier (June 2017) to compare with.',
    );
  });

  it('compares annual figures once, with the previous year', () => {
    const neet = indicator({ unit: 'percent', decimals: 0, polarity: 'lower-is-better', frequency: 'annual' });
    const cells = disclose([obs('2017/18', 42), obs('2018/19', 39), obs('2018/19', 39, { area: 'england' })], neet, settings);
    expect(describeSeries({ indicator: neet, cells })).toBe(
      'The latest figure, for 2018/19 (April 2018 to March 2019), is 39%. ' +
        'Improved from 42% in the previous year (2017/18). ' +
        'The same as England (39%).',
    );
  });

  it('says a suppressed latest figure is suppressed, and nothing that would narrow it down', () => {
    const rhi = indicator({ unit: 'percent', decimals: 1, polarity: 'higher-is-better', frequency: 'monthly', targets: [{ value: 85 }] });
    const cells = disclose(
      [
        obs('2018-05', 80.0, { numerator: 40, denominator: 50 }),
        // 3 of 41 is 7.317%: it must not appear, nor be compared with anything.
        obs('2018-06', 7.317, { numerator: 3, denominator: 41 }),
        obs('2018/19', 60, { area: 'england' }),
      ],
      rhi,
      settings,
    );
    const text = describeSeries({ indicator: rhi, cells });
    expect(text).toBe('The latest figure, for June 2018, is suppressed to protect the privacy of individual children. England: 60.0% in 2018/19.');
    expect(text).not.toMatch(/7\.3|\b3 of 41\b|than England|similar|same as|target/i);
  });

  it('makes no comparison with a suppressed earlier figure', () => {
    const count = indicator({ unit: 'count', decimals: 0, counts: 'children', polarity: 'neutral', frequency: 'monthly' });
    const cells = disclose([obs('2017-06', 14), obs('2018-05', 4), obs('2018-06', 12)], count, settings);
    expect(describeSeries({ indicator: count, cells })).toBe(
      'The latest figure, for June 2018, is 12. ' +
        'No comparison with the previous month (May 2018): the earlier figure is suppressed. ' +
        'Fell from 14 a year earlier (June 2017).',
    );
  });

  it('says unchanged when the displayed figures are equal', () => {
    const cells = disclose([obs('2018/19 Q1', 82.46), obs('2018/19 Q2', 82.54)], assessments, settings);
    expect(describeSeries({ indicator: assessments, cells })).toContain('Unchanged from the previous quarter (2018/19 Q1, 82.5%).');
  });

  it('describes the figures as a meeting saw them', () => {
    const cells = disclose([obs('2018/19 Q1', 78.0), obs('2018/19 Q2', 82.5)], assessments, settings);
    expect(describeSeries({ indicator: assessments, cells, asOf: P('2018/19 Q1') })).toMatch(/^The latest figure, for 2018\/19 Q1 \(April to June 2018\), is 78\.0%\./);
    expect(describeSeries({ indicator: assessments, cells, asOf: P('2017/18 Q4') })).toBe('There are no figures up to 2017/18 Q4.');
  });

  it('writes a small group as N of D', () => {
    const cells = disclose([obs('2018/19 Q2', 50, { numerator: 7, denominator: 14 }), obs('2018/19', 83.1, { area: 'england' })], assessments, settings);
    expect(describeSeries({ indicator: assessments, cells })).toContain('is 7 of 14.');
    expect(describeSeries({ indicator: assessments, cells })).toContain('No comparison with England: a group of 14 is too small for a fair comparison.');
  });
});

describe('describeBreakdown', () => {
  it('lists each category with England beside it, in category order', () => {
    const mix = indicator({
      unit: 'percent',
      decimals: 0,
      polarity: 'neutral',
      frequency: 'annual',
      categories: { foster: 'Foster care', residential: 'Residential care', parents: 'With parents' },
    });
    const b = (breakdown: string, value: number, extra = {}) => obs('2018/19', value, { breakdown, ...extra });
    const cells = disclose(
      [
        b('parents', 5, { numerator: 4, denominator: 80 }),
        b('foster', 73, { numerator: 58, denominator: 80 }),
        b('residential', 23, { numerator: 18, denominator: 80 }),
        b('foster', 72, { area: 'england' }),
        b('parents', 7, { area: 'england' }),
      ],
      mix,
      settings,
    );
    expect(describeBreakdown({ indicator: mix, cells, period: P('2018/19') })).toBe(
      'Figures for 2018/19 (April 2018 to March 2019). ' +
        'Foster care: 73% (England 72%). ' +
        'Residential care: suppressed to protect the privacy of individual children. ' +
        'With parents: suppressed to protect the privacy of individual children (England 7%).',
    );
  });
});
