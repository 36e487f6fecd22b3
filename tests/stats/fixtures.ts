/** Tiny builders for stats tests: an indicator with sensible defaults, periods, observations. */
import type { Indicator, Observation } from '../../src/lib/model';
import { lastDayOf, parsePeriod, type Period } from '../../src/lib/periods';

export function P(label: string): Period {
  const p = parsePeriod(label);
  if (!p) throw new Error(`bad period in test: ${label}`);
  return p;
}

export function indicator(over: Partial<Indicator> = {}): Indicator {
  // The loader's default: counts of children for counts, percentages and rates.
  const unit = over.unit ?? 'percent';
  const counts = ['count', 'percent', 'rate-per-10000'].includes(unit) ? 'children' : 'other';
  return {
    id: 'test-indicator',
    file: 'content/indicators/test-indicator.yaml',
    title: 'Test indicator',
    summary: 'A test.',
    unit: 'percent',
    decimals: 1,
    polarity: 'higher-is-better',
    // In-period by default: a snapshot's figures are dated (at 30 June 2018), tested on their own.
    measure: 'in-period',
    frequency: 'quarterly',
    definition: 'A test.',
    counts,
    targets: [],
    ...over,
  };
}

let line = 1;
/** One observation; `value` may be null for not-available. */
export function obs(period: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  return {
    indicator: 'test-indicator',
    period: P(period),
    area: 'local',
    value,
    day: lastDayOf(P(period).end),
    ...(value === null ? { status: 'not-available' as const } : {}),
    source: { file: 'data/test.csv', line: line++, quarter: P('2018/19 Q4') },
    ...extra,
  };
}
