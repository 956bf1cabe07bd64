// Where each point of the rate chart goes: scales, the line's path and the axis ticks, for a given width.
import type { ChartPoint } from './cross-series';
import { daysBetween } from './dates';

export const CHART_HEIGHT = 260;
export const CHART_PAD = { left: 92, right: 12, top: 16, bottom: 44 };

export function chartGeometry(points: readonly ChartPoint[], width: number) {
  const numbers = points.map((p) => Number(p.value)); // geometry only; the labels use the exact strings
  let min = Math.min(...numbers);
  let max = Math.max(...numbers);
  if (min === max) {
    min -= Math.abs(min) * 0.01 || 1;
    max += Math.abs(max) * 0.01 || 1;
  }
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
    yTicks: [0, 1, 2, 3].map((i) => min + ((max - min) * i) / 3),
    /** Indexes of the points labelled on the date axis: first, middle, last. */
    xTicks: [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])],
    /** Over about four months the date axis shows months rather than days. */
    longRange: span > 120,
    /** The point nearest to horizontal position `px`. */
    nearest: (px: number) =>
      points.reduce((best, p, i) => (Math.abs(x(p.date) - px) < Math.abs(x(points[best]!.date) - px) ? i : best), 0),
  };
}
