// The compact "Currency converter" box beside the news: amount, two pickers, result, and a link to /converter.
// Loaded lazily by the app shell after the feed has painted.
import { useId } from 'react';
import { Link } from 'react-router';
import { formatDayKey } from '@/lib/day-key';
import { useConverterStore } from '@/stores/converter-store';
import { ConversionSummary } from './conversion-summary';
import { CurrencyPicker } from './currency-picker';
import type { RateTable } from './money';
import { useConversion } from './use-conversion';
import { useRateTable } from './use-rate-table';
import './converter.css';

export function ConverterBox() {
  const titleId = useId();
  const { ratesQuery, table } = useRateTable();
  return (
    <aside className="converter-box" aria-labelledby={titleId}>
      <h2 id={titleId}>Currency converter</h2>
      {table ? (
        <BoxConverter table={table} />
      ) : ratesQuery.isError ? (
        <p role="alert">
          The exchange rates could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => ratesQuery.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <p className="converter-box__meta" role="status">
          Loading the official rates…
        </p>
      )}
    </aside>
  );
}

function BoxConverter({ table }: { table: RateTable }) {
  const amountId = useId();
  const conversion = useConversion(table);
  const favourites = useConverterStore((s) => s.favourites);
  const setPair = useConverterStore((s) => s.setPair);
  const { from, to } = conversion;
  const error = conversion.side === 'from' && !conversion.parsed.ok ? conversion.parsed.message : null;
  const params = new URLSearchParams({ from: from.code, to: to.code });
  if (conversion.fromValue !== null) params.set('amount', conversion.fromValue);

  return (
    <>
      <div className="converter-box__fields">
        <div className="amount-field">
          <label htmlFor={amountId} className="field-label">
            Amount to convert
          </label>
          <input
            id={amountId}
            className="amount-field__input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={conversion.fromText}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${amountId}-error` : undefined}
            onChange={(event) => conversion.edit('from', event.target.value)}
            onBlur={() => conversion.side === 'from' && conversion.tidy()}
          />
          {error && (
            <p id={`${amountId}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <CurrencyPicker
          label="From"
          value={from.code}
          currencies={table.currencies}
          favourites={favourites}
          onChange={(code) => setPair(code, to.code)}
        />
        <CurrencyPicker
          label="To"
          value={to.code}
          currencies={table.currencies}
          favourites={favourites}
          onChange={(code) => setPair(from.code, code)}
        />
      </div>
      <ConversionSummary conversion={conversion} className="converter-box__result" aria-live="polite" />
      <p className="converter-box__meta">
        Official rate on {formatDayKey(table.date)} · {table.source}
      </p>
      <Link to={`/converter?${params.toString()}`}>Open the full converter</Link>
    </>
  );
}
