// The pair's rate history over a chosen period: period buttons, then the chart (or why there is none).
import { useQuery } from '@tanstack/react-query';
import { memo, useId } from 'react';
import { rateQueries } from '@/api/rates';
import { Button } from '@/components/button';
import { QueryError } from '@/components/query-error';
import { CHART_RANGES, type ChartRange } from '@/stores/converter-store';
import { crossSeries } from './cross-series';
import { addDays } from './dates';
import { rateChange, type RateEntry, type RateTable } from './money';
import { RateChart } from './rate-chart';
import './rate-chart.css';

const RANGE_DAYS: Record<ChartRange, number> = { '7d': 7, '30d': 30, '90d': 90, '1y': 365 };
const RANGE_LABELS: Record<ChartRange, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', '1y': '1 year' };
const ARROWS = { up: '▲', down: '▼', none: '■' } as const;

function useSeries(code: string, table: RateTable, from: string, to: string) {
  return useQuery({ ...rateQueries.history(code, from, to), enabled: code !== table.base });
}

interface Props {
  from: RateEntry;
  to: RateEntry;
  table: RateTable;
  range: ChartRange;
  onRangeChange: (range: ChartRange) => void;
}

/** Rendered again only when its props change: typing an amount changes none of them. */
export const RateChartSection = memo(function RateChartSection({ from, to, table, range, onRangeChange }: Props) {
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

  const change = points && points.length > 1 ? rateChange(points[0]!.value, points[points.length - 1]!.value) : null;

  return (
    <section className="converter-section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {from.code} to {to.code}: rate history
      </h2>
      <div className="range-buttons" role="group" aria-label="Period">
        {CHART_RANGES.map((r) => (
          <Button key={r} variant="quiet" aria-pressed={r === range} onClick={() => onRangeChange(r)}>
            {RANGE_LABELS[r]}
          </Button>
        ))}
      </div>
      {/* Kept in place across periods and pairs, so the new change is announced when it arrives. */}
      <p className={`rate-change rate-change--${change?.direction ?? 'none'}`} role="status">
        {change && (
          <>
            <span className="rate-change__arrow" aria-hidden="true">
              {ARROWS[change.direction]}
            </span>{' '}
            {change.direction === 'none'
              ? `No change over ${RANGE_LABELS[range]}`
              : `${change.absolute} (${change.percent}) over ${RANGE_LABELS[range]}`}
          </>
        )}
      </p>
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
});
