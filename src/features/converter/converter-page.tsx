// /converter: two-way converter with official rates, several targets, favourites, and the pair's history.
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { QueryError } from '@/components/query-error';
import { agencyDayKey } from '@/lib/agency-time';
import { formatDayKey } from '@/lib/day-key';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useConverterStore } from '@/stores/converter-store';
import { ConversionSummary } from './conversion-summary';
import { CopyButton } from './copy-button';
import { CurrencyPicker, FavouriteToggle } from './currency-picker';
import { daysBetween, STALE_AFTER_DAYS } from './dates';
import { formatAmount, formatRate, type RateEntry, type RateTable } from './money';
import { RateChartSection } from './rate-chart';
import { useConversion } from './use-conversion';
import { useConverterUrl } from './use-converter-url';
import { useRateTable } from './use-rate-table';
import './converter.css';

export default function ConverterPage() {
  useDocumentTitle('Currency converter');
  const { ratesQuery, table } = useRateTable();

  return (
    <section className="converter-page" aria-labelledby="converter-title">
      <h1 id="converter-title">Currency converter</h1>
      {/* One instance for the view's life: it applies the link once, and keeps the URL in step once rates arrive. */}
      <UrlSync table={table} />
      {table ? (
        <Converter table={table} />
      ) : ratesQuery.isError ? (
        <QueryError
          what="The exchange rates could not be loaded."
          error={ratesQuery.error}
          onRetry={() => ratesQuery.refetch()}
        />
      ) : (
        <p className="converter-loading" role="status">
          Loading the official rates…
        </p>
      )}
    </section>
  );
}

function UrlSync({ table }: { table: RateTable | undefined }) {
  useConverterUrl(table);
  return null;
}

/** Rates dated more than STALE_AFTER_DAYS before today (in the agency's zone) get a visible warning. */
function rateAgeInDays(rateDate: string, now: Date = new Date()): number {
  return daysBetween(rateDate, agencyDayKey(now));
}

function AmountField({
  label,
  code,
  value,
  error,
  onChange,
  onBlur,
}: {
  label: string;
  code: string;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
  onBlur: () => void;
}) {
  const id = useId();
  return (
    <div className="amount-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="amount-field__control">
        <input
          id={id}
          className="amount-field__input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
        <span className="amount-field__code" aria-hidden="true">
          {code}
        </span>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Converter({ table }: { table: RateTable }) {
  const conversion = useConversion(table);
  const { from, to, side, parsed } = conversion;
  const store = useConverterStore(
    useShallow((s) => ({
      targets: s.targets,
      favourites: s.favourites,
      range: s.range,
      linkNotice: s.linkNotice,
    })),
  );
  const actions = useConverterStore(
    useShallow((s) => ({
      setPair: s.setPair,
      addTarget: s.addTarget,
      removeTarget: s.removeTarget,
      toggleFavourite: s.toggleFavourite,
      setRange: s.setRange,
    })),
  );
  const [adding, setAdding] = useState(false);
  const targetsId = useId();
  const age = rateAgeInDays(table.date);
  const error = parsed.ok ? null : parsed.message;
  const missingTargets = store.targets.filter((code) => !table.byCode.has(code));
  const targets = store.targets
    .map((code) => table.byCode.get(code))
    .filter((c): c is RateEntry => c !== undefined)
    .sort((a, b) => Number(store.favourites.includes(b.code)) - Number(store.favourites.includes(a.code)));
  const missing = [...conversion.missing, ...missingTargets];
  const addable = table.currencies.filter((c) => !store.targets.includes(c.code));

  return (
    <>
      {store.linkNotice && (
        <p className="converter-notice" role="status">
          {store.linkNotice}
        </p>
      )}
      {missing.length > 0 && (
        <p className="converter-notice" role="status">
          {missing.join(', ')} {missing.length > 1 ? 'are' : 'is'} not in the current rates, so{' '}
          {missing.length > 1 ? 'they are' : 'it is'} not shown.
        </p>
      )}

      <div className="converter">
        <div className="converter__row">
          <CurrencyPicker
            label="From currency"
            value={from.code}
            currencies={table.currencies}
            favourites={store.favourites}
            onChange={(code) => actions.setPair(code, to.code)}
          />
          <FavouriteToggle code={from.code} favourites={store.favourites} onToggle={actions.toggleFavourite} />
          <AmountField
            label="Amount"
            code={from.code}
            value={conversion.fromText}
            error={side === 'from' ? error : null}
            onChange={(text) => conversion.edit('from', text)}
            onBlur={() => side === 'from' && conversion.tidy()}
          />
        </div>
        <div className="converter__swap">
          <button
            type="button"
            className="button button--small"
            onClick={() => actions.setPair(to.code, from.code)}
            aria-label={`Swap currencies: convert ${to.code} to ${from.code}`}
          >
            <span aria-hidden="true">⇅ </span>Swap
          </button>
        </div>
        <div className="converter__row">
          <CurrencyPicker
            label="To currency"
            value={to.code}
            currencies={table.currencies}
            favourites={store.favourites}
            onChange={(code) => actions.setPair(from.code, code)}
          />
          <FavouriteToggle code={to.code} favourites={store.favourites} onToggle={actions.toggleFavourite} />
          <AmountField
            label="Converted amount"
            code={to.code}
            value={conversion.toText}
            error={side === 'to' ? error : null}
            onChange={(text) => conversion.edit('to', text)}
            onBlur={() => side === 'to' && conversion.tidy()}
          />
          <CopyButton
            text={conversion.toValue === null ? '' : formatAmount(conversion.toValue, to.code)}
            label={`Copy the ${to.code} amount`}
          />
        </div>

        <div className="converter__result" aria-live="polite">
          <ConversionSummary conversion={conversion} className="converter__summary" />
          <p className="converter__rates">
            <span>
              1 {from.code} = {formatRate(from, to)} {to.code}
            </span>
            <span>
              1 {to.code} = {formatRate(to, from)} {from.code}
            </span>
          </p>
        </div>
        <p className="converter__source">
          Official rate on {formatDayKey(table.date)} · {table.source}
        </p>
        {age > STALE_AFTER_DAYS && (
          <p className="converter-warning">
            <strong>Warning: these rates may be out of date.</strong> They were set on {formatDayKey(table.date)}, {age}{' '}
            days ago, and newer official rates may have been published since.
          </p>
        )}
        <p className="converter__note">
          Cross rates are calculated from the official rates against {table.base}. For information only, not an offer.
        </p>
      </div>

      <section className="converter-section" aria-labelledby={targetsId}>
        <h2 id={targetsId}>More currencies</h2>
        {targets.length === 0 ? (
          <p className="converter__hint">Add currencies to see the same amount in each of them.</p>
        ) : (
          <ul className="target-list">
            {targets.map((target) => {
              const value = conversion.convertTo(target);
              const text = value === null ? '' : formatAmount(value, target.code);
              return (
                <li key={target.code} className="target-list__item">
                  <span className="target-list__name">
                    <strong>{target.code}</strong> {target.name}
                  </span>
                  <output className="target-list__value" aria-label={`${target.code} amount`}>
                    {text || '—'}
                  </output>
                  <span className="target-list__actions">
                    <CopyButton text={text} label={`Copy the ${target.code} amount`} />
                    <FavouriteToggle
                      code={target.code}
                      favourites={store.favourites}
                      onToggle={actions.toggleFavourite}
                    />
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Remove ${target.code}`}
                      onClick={() => actions.removeTarget(target.code)}
                    >
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {adding ? (
          <CurrencyPicker
            className="target-picker"
            label="Currency to add"
            value={null}
            currencies={addable}
            favourites={store.favourites}
            autoFocus
            onChange={(code) => {
              actions.addTarget(code);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={addable.length === 0}>
            Add currency
          </button>
        )}
      </section>

      <RateChartSection from={from} to={to} table={table} range={store.range} onRangeChange={actions.setRange} />
    </>
  );
}
