// The pair's rate over a period, as a hand-written SVG line chart with labelled axes, a value readout under the
// pointer and the arrow keys, and the same values as a table for screen readers.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { rateQueries } from '@/api/rates';
import type { RateHistoryResponse } from '@/api/rates-schemas';
import { QueryError } from '@/components/query-error';
import { formatDayKey } from '@/lib/day-key';
import { CHART_RANGES, type ChartRange } from '@/stores/converter-store';
import { addDays, daysBetween, formatMonthYear, formatShortDay } from './dates';
import { formatDecimal, rateValue, type RateEntry, type RateTable } from './money';

const RANGE_DAYS: Record<ChartRange, number> = { '7d': 7, '30d': 30, '90d': 90, '1y': 365 };
const RANGE_LABELS: Record<ChartRange, string> = {
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  '1y': '1 year',
};

export interface ChartPoint {
  date: string;
  /** 1 `from` in `to`, a decimal string (exact to 10 significant digits). */
  value: string;
}

type Series = Pick<RateHistoryResponse, 'nominal' | 'points'>;

/** The cross rate on every day both currencies were published; the base costs 1 on every day. */
function crossSeries(from: Series | 'base', to: Series | 'base', dates?: readonly string[]): ChartPoint[] {
  const map = (s: Series) => new Map(s.points.map((p) => [p.date, p.value]));
  const fromValues = from === 'base' ? null : map(from);
  const toValues = to === 'base' ? null : map(to);
  const days = [...new Set([...(fromValues?.keys() ?? []), ...(toValues?.keys() ?? []), ...(dates ?? [])])].sort();
  return days.flatMap((date) => {
    const f = fromValues ? fromValues.get(date) : 1;
    const t = toValues ? toValues.get(date) : 1;
    if (f === undefined || t === undefined) return [];
    const fromNominal = from === 'base' ? 1 : from.nominal;
    const toNominal = to === 'base' ? 1 : to.nominal;
    return [{ date, value: rateValue(f, fromNominal, t, toNominal) }];
  });
}

const DEFAULT_WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 92, right: 12, top: 16, bottom: 44 };

/** The element's width in CSS pixels, so the chart's text keeps its size on small screens. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(280, Math.min(960, measured)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Shows `value` with max(4 decimals, 6 significant digits). */
function formatChartValue(value: string): string {
  const [int = '0', frac = ''] = value.split('.');
  const leadingZeros = int === '0' ? (frac.match(/^0*/)?.[0].length ?? 0) : 0;
  const decimals = int === '0' ? Math.max(4, leadingZeros + 6) : Math.max(4, 6 - int.length);
  return formatDecimal(value, 4, decimals);
}

function useSeries(code: string, table: RateTable, from: string, to: string) {
  const isBase = code === table.base;
  return useQuery({ ...rateQueries.history(code, from, to), enabled: !isBase });
}

export function RateChartSection({
  from,
  to,
  table,
  range,
  onRangeChange,
}: {
  from: RateEntry;
  to: RateEntry;
  table: RateTable;
  range: ChartRange;
  onRangeChange: (range: ChartRange) => void;
}) {
  const titleId = useId();
  const end = table.date;
  const start = addDays(end, -RANGE_DAYS[range]);
  const fromQuery = useSeries(from.code, table, start, end);
  const toQuery = useSeries(to.code, table, start, end);
  const failed = [fromQuery, toQuery].find((q) => q.isError);
  const fromSeries = from.code === table.base ? 'base' : fromQuery.data;
  const toSeries = to.code === table.base ? 'base' : toQuery.data;
  const points =
    fromSeries && toSeries
      ? crossSeries(fromSeries, toSeries, fromSeries === 'base' && toSeries === 'base' ? [end] : undefined)
      : null;

  return (
    <section className="converter-section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {from.code} to {to.code}: rate history
      </h2>
      <div className="range-buttons" role="group" aria-label="Period">
        {CHART_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            className="button button--small"
            aria-pressed={r === range}
            onClick={() => onRangeChange(r)}
          >
            {RANGE_LABELS[r]}
          </button>
        ))}
      </div>
      {failed ? (
        <QueryError
          what="The rate history could not be loaded."
          error={failed.error}
          onRetry={() => {
            void fromQuery.refetch();
            void toQuery.refetch();
          }}
        />
      ) : points === null ? (
        <p className="chart-placeholder" role="status">
          Loading the rate history…
        </p>
      ) : points.length === 0 ? (
        <p className="chart-placeholder">No rates were published for this pair in the last {RANGE_LABELS[range]}.</p>
      ) : (
        <RateChart key={`${from.code}-${to.code}-${range}`} points={points} from={from.code} to={to.code} />
      )}
    </section>
  );
}

function RateChart({ points, from, to }: { points: ChartPoint[]; from: string; to: string }) {
  const id = useId();
  const [figureRef, WIDTH] = useWidth<HTMLElement>();
  const [selected, setSelected] = useState(points.length - 1);
  const index = Math.min(selected, points.length - 1);
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
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (date: string) => PAD.left + (points.length === 1 ? plotW / 2 : (daysBetween(first, date) / span) * plotW);
  const y = (value: number) => PAD.top + (1 - (value - min) / (max - min)) * plotH;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.date).toFixed(1)},${y(numbers[i]!).toFixed(1)}`).join(' ');
  const yTicks = [0, 1, 2, 3].map((i) => min + ((max - min) * i) / 3);
  const xTicks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  const longRange = span > 120;
  const point = points[index]!;
  const readout = `${formatDayKey(point.date)}: 1 ${from} = ${formatChartValue(point.value)} ${to}`;

  const onPointer = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0) return;
    const px = ((event.clientX - rect.left) / rect.width) * WIDTH;
    let best = 0;
    points.forEach((p, i) => {
      if (Math.abs(x(p.date) - px) < Math.abs(x(points[best]!.date) - px)) best = i;
    });
    setSelected(best);
  };
  const onKeyDown = (event: React.KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      ArrowDown: index - 1,
      ArrowUp: index + 1,
      Home: 0,
      End: points.length - 1,
      PageUp: index - 5,
      PageDown: index + 5,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setSelected(Math.max(0, Math.min(points.length - 1, moves[event.key]!)));
  };

  return (
    <figure className="rate-chart" ref={figureRef}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="rate-chart__svg"
        role="img"
        tabIndex={0}
        aria-label={`Chart: ${to} per 1 ${from} from ${formatDayKey(first)} to ${formatDayKey(last)}. Use the left and right arrow keys to read each day's rate.`}
        aria-describedby={`${id}-readout`}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
        onKeyDown={onKeyDown}
      >
        <g className="rate-chart__grid" aria-hidden="true">
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
              <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
                {formatChartValue(t.toFixed(10))}
              </text>
            </g>
          ))}
          {xTicks.map((i, n) => (
            <text
              key={i}
              x={x(points[i]!.date)}
              y={HEIGHT - PAD.bottom + 18}
              textAnchor={n === 0 && xTicks.length > 1 ? 'start' : n === xTicks.length - 1 && n > 0 ? 'end' : 'middle'}
            >
              {longRange ? formatMonthYear(points[i]!.date) : formatShortDay(points[i]!.date)}
            </text>
          ))}
          <text className="rate-chart__axis-title" x={PAD.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle">
            Date
          </text>
          <text
            className="rate-chart__axis-title"
            transform={`translate(16 ${PAD.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {to} per 1 {from}
          </text>
          <line className="rate-chart__axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} />
          <line
            className="rate-chart__axis"
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={PAD.top + plotH}
            y2={PAD.top + plotH}
          />
        </g>
        <path className="rate-chart__line" d={path} aria-hidden="true" />
        <g aria-hidden="true">
          <line
            className="rate-chart__cursor"
            x1={x(point.date)}
            x2={x(point.date)}
            y1={PAD.top}
            y2={PAD.top + plotH}
          />
          <circle className="rate-chart__dot" cx={x(point.date)} cy={y(numbers[index]!)} r={4.5} />
        </g>
      </svg>
      <figcaption id={`${id}-readout`} className="rate-chart__readout" aria-live="polite">
        {readout}
      </figcaption>
      <details className="rate-chart__table">
        <summary>Show the values as a table</summary>
        <table>
          <caption>
            {to} per 1 {from}, {formatDayKey(first)} to {formatDayKey(last)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">
                1 {from} in {to}
              </th>
            </tr>
          </thead>
          <tbody>
            {points
              .slice()
              .reverse()
              .map((p) => (
                <tr key={p.date}>
                  <th scope="row">{formatDayKey(p.date)}</th>
                  <td>{formatChartValue(p.value)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
