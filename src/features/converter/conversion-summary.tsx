import type { ComponentProps } from 'react';
import type { Conversion } from './conversion';
import { formatAmount } from './money';

/** "100.00 USD = 92.50 EUR", or what to do when there is no amount yet. */
export function ConversionSummary({ conversion, ...props }: { conversion: Conversion } & ComponentProps<'p'>) {
  const { from, to, fromValue, toValue } = conversion;
  return (
    <p {...props}>
      {fromValue !== null && toValue !== null ? (
        <>
          {formatAmount(fromValue, from.code)} {from.code} ={' '}
          <strong>
            {formatAmount(toValue, to.code)} {to.code}
          </strong>
        </>
      ) : (
        'Enter an amount to convert.'
      )}
    </p>
  );
}
