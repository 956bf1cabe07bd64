// The pair's rate over a period as a hand-drawn SVG line chart with labelled axes, a value readout under the
// pointer and the arrow keys, and the same values as a table.
import { useId, useState } from 'react';
import { formatDayKey } from '@/contract/day-key';
import { CHART_HEIGHT as HEIGHT, CHART_PAD as PAD, chartGeometry } from './chart-geometry';
import type { ChartPoint } from './cross-series';
import { formatMonthYear, formatShortDay } from './dates';
import { formatAxisValue, formatRateValue } from './money';
import { RateTable } from './rate-table';
import { useElementWidth } from './use-element-width';

export function RateChart({ points, from, to }: { points: ChartPoint[]; from: string; to: string }) {
  const id = useId();
  const [figureRef, width] = useElementWidth<HTMLElement>(640, 280, 960);
  const [selected, setSelected] = useState(points.length - 1);
  const index = Math.min(selected, points.length - 1);
  const g = chartGeometry(points, width);
  const point = points[index]!;
  const readout = `${formatDayKey(point.date)}: 1 ${from} = ${formatRateValue(point.value)} ${to}`;

  const onPointer = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width > 0) setSelected(g.nearest(((event.clientX - rect.left) / rect.width) * width));
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
  const tickAnchor = (n: number) =>
    n === 0 && g.xTicks.length > 1 ? 'start' : n === g.xTicks.length - 1 && n > 0 ? 'end' : 'middle';

  return (
    <figure className="rate-chart" ref={figureRef}>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className="rate-chart__svg"
        role="img"
        tabIndex={0}
        aria-label={`Chart: ${to} per 1 ${from} from ${formatDayKey(g.first)} to ${formatDayKey(g.last)}. Use the left and right arrow keys to read each day's rate.`}
        aria-describedby={`${id}-readout`}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
        onKeyDown={onKeyDown}
      >
        <g className="rate-chart__grid" aria-hidden="true">
          {g.yTicks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={width - PAD.right} y1={g.y(t)} y2={g.y(t)} />
              <text x={PAD.left - 6} y={g.y(t) + 4} textAnchor="end">
                {formatAxisValue(t, g.yTickDecimals)}
              </text>
            </g>
          ))}
          {g.xTicks.map((i, n) => (
            <text key={i} x={g.x(points[i]!.date)} y={HEIGHT - PAD.bottom + 18} textAnchor={tickAnchor(n)}>
              {g.longRange ? formatMonthYear(points[i]!.date) : formatShortDay(points[i]!.date)}
            </text>
          ))}
          <text className="rate-chart__axis-title" x={PAD.left + g.plotWidth / 2} y={HEIGHT - 6} textAnchor="middle">
            Date
          </text>
          <text
            className="rate-chart__axis-title"
            transform={`translate(16 ${PAD.top + g.plotHeight / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {to} per 1 {from}
          </text>
          <line className="rate-chart__axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + g.plotHeight} />
          <line
            className="rate-chart__axis"
            x1={PAD.left}
            x2={width - PAD.right}
            y1={PAD.top + g.plotHeight}
            y2={PAD.top + g.plotHeight}
          />
        </g>
        <path className="rate-chart__line" d={g.path} aria-hidden="true" />
        <g aria-hidden="true">
          <line
            className="rate-chart__cursor"
            x1={g.x(point.date)}
            x2={g.x(point.date)}
            y1={PAD.top}
            y2={PAD.top + g.plotHeight}
          />
          <circle className="rate-chart__dot" cx={g.x(point.date)} cy={g.y(g.numbers[index]!)} r={4.5} />
        </g>
      </svg>
      <figcaption id={`${id}-readout`} className="rate-chart__readout" aria-live="polite">
        {readout}
      </figcaption>
      <RateTable points={points} from={from} to={to} />
    </figure>
  );
}
