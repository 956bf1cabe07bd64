import { Link } from 'react-router';
import { Button } from '@/components/button';
import { useHydrated } from '@/lib/use-hydrated';
import { AmountField } from './amount-field';
import type { AmountSide } from './conversion';
import { ConversionSummary } from './conversion-summary';
import { converterSearch } from './converter-url';
import { CopyButton } from './copy-button';
import { CurrencyPicker } from './currency-picker';
import { FavouriteToggle } from './favourite-toggle';
import { formatAmount, formatRate, type RateTable } from './money';
import type { Converter } from './use-converter';

interface Props {
  table: RateTable;
  converter: Converter;
  favourites: readonly string[];
  onToggleFavourite: (code: string) => void;
}

/** The two currencies with their amounts: either field can be edited, and Swap turns the pair around. A GET form
 * of the converter's address (`?from=&to=&amount=`): without the app (scripts off, a failed bundle) "Convert" asks
 * the server for the page of that conversion; with it, results follow the fields as they change. */
export function PairConverter({ table, converter, favourites, onToggleFavourite }: Props) {
  const { from, to, side, parsed } = converter;
  const hydrated = useHydrated();
  const error = parsed.ok ? null : parsed.message;
  const swapLabel = `Swap currencies: convert ${to.code} to ${from.code}`;
  const swapped = converterSearch({
    from: to.code,
    to: from.code,
    amount: side === 'from' ? converter.fromText : converter.toText,
    side,
    targets: converter.targets,
  });
  const amount = (edited: AmountSide) => (
    <AmountField
      label={edited === 'from' ? 'Amount' : 'Converted amount'}
      // The form sends the amount to convert; the converted one is the server's answer.
      name={edited === 'from' ? 'amount' : undefined}
      code={edited === 'from' ? from.code : to.code}
      value={edited === 'from' ? converter.fromText : converter.toText}
      error={side === edited ? error : null}
      onChange={(text) => converter.edit(edited, text)}
      onBlur={() => side === edited && converter.tidy()}
    />
  );
  const picker = (label: string, name: string, code: string, onChange: (code: string) => void) => (
    <>
      <CurrencyPicker
        label={label}
        name={name}
        value={code}
        currencies={table.currencies}
        favourites={favourites}
        onChange={onChange}
      />
      <FavouriteToggle code={code} favourites={favourites} onToggle={onToggleFavourite} />
    </>
  );

  return (
    <form
      action="/converter"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        converter.tidy();
      }}
    >
      <div className="converter__row">
        {picker('From currency', 'from', from.code, (code) => converter.choose({ from: code }))}
        {amount('from')}
      </div>
      <div className="converter__swap">
        {hydrated ? (
          <Button
            variant="quiet"
            onClick={() => converter.choose({ from: to.code, to: from.code })}
            aria-label={swapLabel}
          >
            <span aria-hidden="true">⇅ </span>Swap
          </Button>
        ) : (
          // Without the app: the address of the same amount with the pair turned around.
          <Link className="button button--small" aria-label={swapLabel} to={{ search: swapped.toString() }}>
            <span aria-hidden="true">⇅ </span>Swap
          </Link>
        )}
      </div>
      <div className="converter__row">
        {picker('To currency', 'to', to.code, (code) => converter.choose({ to: code }))}
        {amount('to')}
        <CopyButton
          text={converter.toValue === null ? '' : formatAmount(converter.toValue, to.code)}
          label={`Copy the ${to.code} amount`}
        />
      </div>
      <div className="converter__result" aria-live="polite">
        <ConversionSummary conversion={converter} className="converter__summary" />
        <p className="converter__rates">
          <span>
            1 {from.code} = {formatRate(from, to)} {to.code}
          </span>
          <span>
            1 {to.code} = {formatRate(to, from)} {from.code}
          </span>
        </p>
      </div>
      {converter.targets.length > 0 && <input type="hidden" name="targets" value={converter.targets.join(',')} />}
      {/* The app converts as the reader types: the button is for a page without it. */}
      {!hydrated && (
        <Button type="submit" variant="quiet">
          Convert
        </Button>
      )}
    </form>
  );
}
