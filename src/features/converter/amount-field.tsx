import { TextField } from '@/components/text-field';
import { AMOUNT_MESSAGES } from './parse-amount';
import './amount-field.css';

interface Props {
  label: string;
  /** The currency code shown inside the field (none in the compact box, whose pickers sit beside it). */
  code?: string;
  /** The field's name in the converter's form (sent when the form is submitted without the app). */
  name?: string;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
  onBlur: () => void;
}

/** A money amount typed the reader's way ("1 234,56" is fine); parsed by parse-amount.ts. */
export function AmountField({ label, code, name, value, error, onChange, onBlur }: Props) {
  return (
    <TextField
      className="amount-field"
      label={label}
      name={name}
      inputClassName="field-input amount-field__input"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={value}
      error={error}
      reserveFor={AMOUNT_MESSAGES}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      addon={
        code && (
          <span className="amount-field__code" aria-hidden="true">
            {code}
          </span>
        )
      }
    />
  );
}
