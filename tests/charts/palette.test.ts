import { describe, expect, it } from 'vitest';
import { BACKGROUND, DASHES, PALETTE } from '../../src/lib/charts/palette';
import { contrast } from './helpers';

describe('the WCAG contrast formula used here', () => {
  it('gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#999999', '#ffffff')).toBeLessThan(3);
  });
});

describe('the chart palette', () => {
  it.each(Object.entries(PALETTE))('%s (%s) has at least 3:1 contrast with white, for lines', (_, colour) => {
    expect(BACKGROUND).toBe('#ffffff');
    expect(contrast(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it.each(Object.entries(PALETTE))('%s (%s) has at least 4.5:1, because labels are written in it', (_, colour) => {
    expect(contrast(colour, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every role its own colour and its own line style', () => {
    expect(new Set(Object.values(PALETTE)).size).toBe(Object.keys(PALETTE).length);
    expect(new Set(Object.values(DASHES)).size).toBe(Object.keys(DASHES).length);
  });
});
