// The compact "Currency converter" box beside the news: amount, two pickers, result, and a link to /converter.
// Loaded lazily by the app shell after the feed has painted. It works on the reader's saved choices.
import { useId } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { formatDayKey } from '@/contract/day-key';
import { useConverterStore } from '@/stores/converter-store';
import { AmountField } from './amount-field';
import { ConversionSummary } from './conversion-summary';
import { converterSearch } from './converter-url';
import { CurrencyPicker } from './currency-picker';
import type { RateTable } from './money';
import { useConverter } from './use-converter';
import { useRateTable } from './use-rate-table';
import './converter-box.css';

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
          <Button variant="link" onClick={() => ratesQuery.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <p className="converter-box__meta" role="status">
          {ratesQuery.fetchStatus === 'paused' ? 'Waiting for the network…' : 'Loading the official rates…'}
        </p>
      )}
    </aside>
  );
}

function BoxConverter({ table }: { table: RateTable }) {
  const converter = useConverter(table, null);
  const favourites = useConverterStore((s) => s.favourites);
  const { from, to } = converter;
  const error = converter.side === 'from' && !converter.parsed.ok ? converter.parsed.message : null;
  const fullConverter = converterSearch({
    from: from.code,
    to: to.code,
    amount: converter.fromValue ?? '',
    side: 'from',
    targets: [],
  });

  return (
    <>
      <div className="converter-box__fields">
        <AmountField
          label="Amount to convert"
          value={converter.fromText}
          error={error}
          onChange={(text) => converter.edit('from', text)}
          onBlur={() => converter.side === 'from' && converter.tidy()}
        />
        <CurrencyPicker
          label="From"
          value={from.code}
          currencies={table.currencies}
          favourites={favourites}
          onChange={(code) => converter.choose({ from: code })}
        />
        <Button
          variant="quiet"
          className="converter-box__swap"
          onClick={() => converter.choose({ from: to.code, to: from.code })}
          aria-label={`Swap currencies: convert ${to.code} to ${from.code}`}
        >
          <span aria-hidden="true">⇅</span>
        </Button>
        <CurrencyPicker
          label="To"
          value={to.code}
          currencies={table.currencies}
          favourites={favourites}
          onChange={(code) => converter.choose({ to: code })}
        />
      </div>
      <ConversionSummary conversion={converter} className="converter-box__result" aria-live="polite" />
      <p className="converter-box__meta">
        Official rate on {formatDayKey(table.date)} · {table.source}
      </p>
      <Link to={`/converter?${fullConverter.toString()}`}>Open the full converter</Link>
    </>
  );
}
