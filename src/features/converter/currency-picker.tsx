// A searchable currency picker: the ARIA 1.2 combobox pattern (input + listbox), searching code and name.
import { useId, useMemo, useRef, useState } from 'react';
import { currencyLabel, filterCurrencies } from './currency-options';
import { CurrencyOptions } from './currency-options-list';
import type { RateEntry } from './money';
import '@/components/field.css';
import './currency-picker.css';

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };

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
  /** The field's name in the converter's form (sent when the form is submitted without the app). */
  name?: string;
}

export function CurrencyPicker({
  label,
  value,
  currencies,
  favourites,
  onChange,
  onCancel,
  autoFocus,
  className,
  name,
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
    const step = KEY_STEPS[event.key];
    if (step !== undefined) {
      // Up/Down open a closed list; Page Up/Down only move in an open one.
      if (open || Math.abs(step) === 1) event.preventDefault();
      if (open) moveTo(activeIndex + step);
      else if (Math.abs(step) === 1) openList();
    } else if (event.key === 'Enter' && open && activeOption) {
      event.preventDefault();
      choose(activeOption.code);
    } else if (event.key === 'Escape' && (open || onCancel)) {
      event.preventDefault();
      if (open) close();
      else onCancel?.();
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
          name={name}
          type="text"
          role="combobox"
          className="field-input currency-picker__input"
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
          {open && (
            <CurrencyOptions
              options={options}
              query={query}
              value={value}
              favourites={favourites}
              activeIndex={activeIndex}
              optionId={optionId}
              onChoose={choose}
              onHover={setActive}
            />
          )}
        </ul>
      </div>
    </div>
  );
}
