// Where each point of the rate chart goes: scales, the line's path and the axis ticks, for a given width.
import { nice, tickIncrement, ticks } from 'd3-array';
import type { ChartPoint } from './cross-series';
import { daysBetween } from './dates';

export const CHART_HEIGHT = 260;
export const CHART_PAD = { left: 92, right: 12, top: 16, bottom: 44 };
/** About this many steps on the rate axis; d3 picks round ones (1, 2 or 5 times a power of ten). */
const RATE_TICKS = 4;

/** Digits after the point that a tick step needs (d3's increment is -1/step when the step is below 1). */
const stepDecimals = (increment: number) => (increment < 0 ? Math.max(0, Math.ceil(Math.log10(-increment) - 1e-9)) : 0);

export function chartGeometry(points: readonly ChartPoint[], width: number) {
  const numbers = points.map((p) => Number(p.value)); // geometry only; the labels use the exact strings
  let min = Math.min(...numbers);
  let max = Math.max(...numbers);
  // Rates carry at most 10 significant digits, so a narrower spread is float noise: draw it as a flat line.
  if (max - min <= Math.abs(max) * 1e-11) {
    min -= Math.abs(min) * 0.01 || 1;
    max += Math.abs(max) * 0.01 || 1;
  }
  // The axis runs from a round value below the lowest rate to one above the highest, so its ends are ticks too.
  [min, max] = nice(min, max, RATE_TICKS);
  const first = points[0]!.date;
  const last = points[points.length - 1]!.date;
  const span = Math.max(1, daysBetween(first, last));
  const plotWidth = width - CHART_PAD.left - CHART_PAD.right;
  const plotHeight = CHART_HEIGHT - CHART_PAD.top - CHART_PAD.bottom;
  const x = (date: string) =>
    CHART_PAD.left + (points.length === 1 ? plotWidth / 2 : (daysBetween(first, date) / span) * plotWidth);
  const y = (value: number) => CHART_PAD.top + (1 - (value - min) / (max - min)) * plotHeight;
  return {
    numbers,
    first,
    last,
    plotWidth,
    plotHeight,
    x,
    y,
    path: points.map((p, i) => `${i ? 'L' : 'M'}${x(p.date).toFixed(1)},${y(numbers[i]!).toFixed(1)}`).join(' '),
    /** Round values on the rate axis, lowest first ("0.855, 0.860, 0.865"). */
    yTicks: ticks(min, max, RATE_TICKS),
    /** Digits after the point that every rate-axis label shows. */
    yTickDecimals: stepDecimals(tickIncrement(min, max, RATE_TICKS)),
    /** Indexes of the points labelled on the date axis: first, middle, last. */
    xTicks: [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])],
    /** Over about four months the date axis shows months rather than days. */
    longRange: span > 120,
    /** The point nearest to horizontal position `px`. */
    nearest: (px: number) =>
      points.reduce((best, p, i) => (Math.abs(x(p.date) - px) < Math.abs(x(points[best]!.date) - px) ? i : best), 0),
  };
}
