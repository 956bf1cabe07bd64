// A searchable currency picker: the ARIA 1.2 combobox pattern (input + listbox), searching code and name.
import { useId, useMemo, useRef, useState } from 'react';
import type { RateEntry } from './money';

interface CurrencyPickerProps {
  label: string;
  /** Selected code (null: none, e.g. "Add currency"). */
  value: string | null;
  currencies: readonly RateEntry[];
  favourites: readonly string[];
  onChange: (code: string) => void;
  /** Called on Escape or when focus leaves without a choice (used by "Add currency"). */
  onCancel?: () => void;
  autoFocus?: boolean;
  className?: string;
}

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Favourites first, then matches on the code's start, then the rest; each group by code. */
function filterCurrencies(currencies: readonly RateEntry[], favourites: readonly string[], query: string): RateEntry[] {
  const q = normalize(query);
  const rank = (c: RateEntry) => {
    const code = c.code.toLowerCase();
    if (!q) return 0;
    if (code === q) return 0;
    if (code.startsWith(q)) return 1;
    if (
      normalize(c.name)
        .split(' ')
        .some((word) => word.startsWith(q))
    )
      return 2;
    if (code.includes(q) || normalize(c.name).includes(q)) return 3;
    return -1;
  };
  return currencies
    .map((c) => ({ c, r: rank(c), fav: favourites.includes(c.code) ? 0 : 1 }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.fav - b.fav || a.r - b.r || a.c.code.localeCompare(b.c.code))
    .map((x) => x.c);
}

const currencyLabel = (c: RateEntry) => `${c.code} — ${c.name}`;

export function CurrencyPicker({
  label,
  value,
  currencies,
  favourites,
  onChange,
  onCancel,
  autoFocus,
  className,
}: CurrencyPickerProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const selected = currencies.find((c) => c.code === value) ?? null;
  const options = useMemo(() => filterCurrencies(currencies, favourites, query ?? ''), [currencies, favourites, query]);
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = open && activeIndex >= 0 ? options[activeIndex] : undefined;
  const optionId = (code: string) => `${id}-opt-${code}`;

  const openList = () => {
    setOpen(true);
    const index = query === null && selected ? options.findIndex((o) => o.code === selected.code) : 0;
    setActive(Math.max(0, index));
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (code: string) => {
    close();
    onChange(code);
  };
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(options.length - 1, index));
    setActive(next);
    listRef.current
      ?.querySelector(`[id="${optionId(options[next]?.code ?? '')}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) openList();
        else moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        if (open) {
          event.preventDefault();
          moveTo(activeIndex + 8);
        }
        break;
      case 'PageUp':
        if (open) {
          event.preventDefault();
          moveTo(activeIndex - 8);
        }
        break;
      case 'Enter':
        if (open && activeOption) {
          event.preventDefault();
          choose(activeOption.code);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (onCancel) {
          event.preventDefault();
          onCancel();
        }
        break;
    }
  };

  return (
    <div className={`currency-picker ${className ?? ''}`}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <div className="currency-picker__control">
        <input
          id={inputId}
          type="text"
          role="combobox"
          className="currency-picker__input"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(activeOption.code) : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          placeholder="Search code or name"
          value={query ?? (selected ? currencyLabel(selected) : '')}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onClick={() => (open ? undefined : openList())}
          onKeyDown={onKeyDown}
          onBlur={() => {
            close();
            onCancel?.();
          }}
        />
        <ul
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label={label}
          className="currency-picker__list"
          hidden={!open}
        >
          {open && options.length === 0 && (
            <li className="currency-picker__empty" role="presentation">
              No currency matches “{query}”.
            </li>
          )}
          {open &&
            options.map((option, index) => {
              const favourite = favourites.includes(option.code);
              return (
                <li
                  key={option.code}
                  id={optionId(option.code)}
                  role="option"
                  aria-selected={option.code === value}
                  className={`currency-picker__option${index === activeIndex ? ' currency-picker__option--active' : ''}`}
                  // mousedown, not click: the input must keep focus until the choice is made
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(option.code);
                  }}
                  onMouseMove={() => (index === activeIndex ? undefined : setActive(index))}
                >
                  <span className="currency-picker__code">{option.code}</span> {option.name}
                  {favourite && (
                    <>
                      <span className="currency-picker__star" aria-hidden="true">
                        {' '}
                        ★
                      </span>
                      <span className="visually-hidden">, favourite</span>
                    </>
                  )}
                </li>
              );
            })}
        </ul>
      </div>
    </div>
  );
}

/** Star toggle: pins a currency to the top of every list. */
export function FavouriteToggle({
  code,
  favourites,
  onToggle,
}: {
  code: string;
  favourites: readonly string[];
  onToggle: (code: string) => void;
}) {
  const on = favourites.includes(code);
  return (
    <button
      type="button"
      className={`icon-button favourite-toggle${on ? ' favourite-toggle--on' : ''}`}
      aria-pressed={on}
      aria-label={`Favourite ${code}`}
      title={on ? `Unpin ${code} from the top of the lists` : `Pin ${code} to the top of the lists`}
      onClick={() => onToggle(code)}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
    </button>
  );
}
