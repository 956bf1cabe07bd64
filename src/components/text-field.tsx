import { useId, type ComponentProps, type ReactNode } from 'react';
import './field.css';

interface Props extends Omit<ComponentProps<'input'>, 'id'> {
  label: ReactNode;
  /** Shown under the field and tied to it (aria-describedby); marks the field invalid. */
  error?: string | null;
  /** Announce the error as soon as it appears (for errors the reader may not be looking at). */
  errorAlert?: boolean;
  /** Help shown under the field when there is no error. */
  hint?: ReactNode;
  /** Something shown inside the field's box after the input, e.g. a currency code. */
  addon?: ReactNode;
  /** Every message the field can show: the note keeps the room of the longest at any width, so a message
   * appearing or changing never moves what follows. */
  reserveFor?: readonly string[];
  className?: string;
  labelClassName?: string;
  inputClassName?: string;
}

/** A labelled text input with its hint or error, wired for screen readers. */
export function TextField({
  label,
  error,
  errorAlert = false,
  hint,
  addon,
  reserveFor,
  className,
  labelClassName = 'field-label',
  inputClassName,
  ...inputProps
}: Props) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ? (
    <p id={noteId} className="field-error" role={errorAlert ? 'alert' : undefined}>
      {error}
    </p>
  ) : hint ? (
    <p id={noteId} className="field-hint">
      {hint}
    </p>
  ) : null;
  const input = (
    <input
      type="text"
      {...inputProps}
      id={id}
      className={inputClassName}
      aria-invalid={error ? true : inputProps['aria-invalid']}
      aria-describedby={note ? noteId : undefined}
    />
  );
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {addon ? (
        <div className="text-field__control">
          {input}
          {addon}
        </div>
      ) : (
        input
      )}
      {reserveFor ? (
        <div className="text-field__note-area">
          {note}
          {reserveFor.map((message) => (
            <span key={message} className="field-error text-field__note-sizer" aria-hidden="true">
              {message}
            </span>
          ))}
        </div>
      ) : (
        note
      )}
    </div>
  );
}
