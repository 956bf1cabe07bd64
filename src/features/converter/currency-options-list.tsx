import { VisuallyHidden } from '@/components/visually-hidden';
import type { RateEntry } from './money';

interface Props {
  options: readonly RateEntry[];
  query: string | null;
  value: string | null;
  favourites: readonly string[];
  activeIndex: number;
  optionId: (code: string) => string;
  onChoose: (code: string) => void;
  onHover: (index: number) => void;
}

/** The options of an open currency picker (the listbox itself belongs to the picker). */
export function CurrencyOptions({
  options,
  query,
  value,
  favourites,
  activeIndex,
  optionId,
  onChoose,
  onHover,
}: Props) {
  if (options.length === 0) {
    return (
      <li className="currency-picker__empty" role="presentation">
        No currency matches “{query}”.
      </li>
    );
  }
  return options.map((option, index) => (
    <li
      key={option.code}
      id={optionId(option.code)}
      role="option"
      aria-selected={option.code === value}
      className={`currency-picker__option${index === activeIndex ? ' currency-picker__option--active' : ''}`}
      // mousedown, not click: the input must keep focus until the choice is made
      onMouseDown={(event) => {
        event.preventDefault();
        onChoose(option.code);
      }}
      onMouseMove={() => (index === activeIndex ? undefined : onHover(index))}
    >
      <span className="currency-picker__code">{option.code}</span> {option.name}
      {favourites.includes(option.code) && (
        <>
          <span className="currency-picker__star" aria-hidden="true">
            {' '}
            ★
          </span>
          <VisuallyHidden>, favourite</VisuallyHidden>
        </>
      )}
    </li>
  ));
}
