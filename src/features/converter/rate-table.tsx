import { formatDayKey } from '@/contract/day-key';
import type { ChartPoint } from './cross-series';
import { formatRateValue } from './money';

/** The chart's values as a table (newest first), folded away under the chart: for screen readers and exact figures. */
export function RateTable({ points, from, to }: { points: readonly ChartPoint[]; from: string; to: string }) {
  const first = points[0]!.date;
  const last = points[points.length - 1]!.date;
  return (
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
                <td>{formatRateValue(p.value)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </details>
  );
}
