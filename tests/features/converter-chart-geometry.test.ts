// The rate chart's axis: round ticks at any scale, and a line that stays inside the plot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_PAD, chartGeometry } from '@/features/converter/chart-geometry';
import { formatAxisValue } from '@/features/converter/money';

const days = (values: number[]) =>
  values.map((value, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, value: String(value) }));
const labels = (values: number[]) => {
  const g = chartGeometry(days(values), 640);
  return g.yTicks.map((t) => formatAxisValue(t, g.yTickDecimals));
};

describe('the rate axis', () => {
  it('reads in round steps instead of 0.866551, 0.858177, …', () => {
    expect(labels([0.8552, 0.8613, 0.8671])).toEqual(['0.850', '0.855', '0.860', '0.865', '0.870']);
    expect(labels([78.1, 80.4, 81.9])).toEqual(['78', '79', '80', '81', '82']);
    expect(labels([0.00308, 0.00311])).toEqual(['0.00308', '0.00309', '0.00310', '0.00311']);
    expect(labels([11950, 12480])).toEqual(['11,800', '12,000', '12,200', '12,400', '12,600']);
  });

  it('keeps a flat line in view, between round ticks', () => {
    expect(labels([1, 1, 1])).toEqual(['0.990', '0.995', '1.000', '1.005', '1.010']);
  });

  it('for any rates: 2 to 10 ticks in equal round steps, from below the lowest to above the highest', () => {
    const rate = fc.double({ min: 1e-4, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(fc.array(rate, { minLength: 1, maxLength: 40 }), (values) => {
        const g = chartGeometry(days(values), 640);
        const { yTicks: ticks, yTickDecimals: decimals } = g;
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(10);
        // Every value is on the plot: the axis ends are ticks around the values.
        expect(g.y(ticks[0]!)).toBeCloseTo(CHART_HEIGHT - CHART_PAD.bottom, 6);
        expect(g.y(ticks.at(-1)!)).toBeCloseTo(CHART_PAD.top, 6);
        for (const value of values) {
          expect(value).toBeGreaterThanOrEqual(ticks[0]! - 1e-12 * value);
          expect(value).toBeLessThanOrEqual(ticks.at(-1)! + 1e-12 * value);
        }
        // One round step (1, 2 or 5 times a power of ten), shown with just the digits it needs, labels distinct.
        const scaled = ticks.map((t) => Math.round(t * 10 ** decimals));
        const steps = new Set(scaled.slice(1).map((t, i) => t - scaled[i]!));
        expect(steps.size).toBe(1);
        const step = [...steps][0]! / 10 ** decimals;
        const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6));
        expect([1, 2, 5]).toContain(mantissa);
        expect(decimals === 0 || Math.round(step * 10 ** (decimals - 1)) !== step * 10 ** (decimals - 1)).toBe(true);
        const text = ticks.map((t) => formatAxisValue(t, decimals));
        expect(new Set(text).size).toBe(text.length);
      }),
    );
  });
});
