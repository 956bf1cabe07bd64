import { memo, useId, useState } from 'react';
import { Button } from '@/components/button';
import { CopyButton } from './copy-button';
import { CurrencyPicker } from './currency-picker';
import { FavouriteToggle } from './favourite-toggle';
import { formatAmount, type RateEntry, type RateTable } from './money';
import type { Converter } from './use-converter';

interface Props {
  table: RateTable;
  converter: Converter;
  favourites: readonly string[];
  onToggleFavourite: (code: string) => void;
}

/** "More currencies": the same amount in each currency the reader added, favourites first. Rendered again only when
 * its props change (the page passes it the amount deferred, so a keystroke paints the pair first). */
export const TargetList = memo(function TargetList({ table, converter, favourites, onToggleFavourite }: Props) {
  const titleId = useId();
  const [adding, setAdding] = useState(false);
  const chosen = converter.targets;
  const targets = chosen
    .map((code) => table.byCode.get(code))
    .filter((c): c is RateEntry => c !== undefined)
    .sort((a, b) => Number(favourites.includes(b.code)) - Number(favourites.includes(a.code)));
  const addable = table.currencies.filter((c) => !chosen.includes(c.code));

  return (
    <section className="converter-section" aria-labelledby={titleId}>
      <h2 id={titleId}>More currencies</h2>
      {targets.length === 0 ? (
        <p className="converter__hint">Add currencies to see the same amount in each of them.</p>
      ) : (
        <ul className="target-list">
          {targets.map((target) => {
            const value = converter.convertTo(target);
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
                  <FavouriteToggle code={target.code} favourites={favourites} onToggle={onToggleFavourite} />
                  <Button
                    variant="quiet"
                    aria-label={`Remove ${target.code}`}
                    onClick={() => converter.choose({ targets: chosen.filter((c) => c !== target.code) })}
                  >
                    Remove
                  </Button>
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
          favourites={favourites}
          autoFocus
          onChange={(code) => {
            converter.choose({ targets: [...chosen, code] });
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button onClick={() => setAdding(true)} disabled={addable.length === 0}>
          Add currency
        </Button>
      )}
    </section>
  );
});
