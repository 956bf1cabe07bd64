import type { ComponentProps } from 'react';
import type { Conversion } from './conversion';
import { formatAmount } from './money';
import type { ParsedAmount } from './parse-amount';

type Props = { conversion: Conversion & { parsed: ParsedAmount } } & ComponentProps<'p'>;

/** "100.00 USD = 92.50 EUR", or what to do when there is no usable amount. */
export function ConversionSummary({ conversion, ...props }: Props) {
  const { from, to, fromValue, toValue, parsed } = conversion;
  return (
    <p {...props}>
      {fromValue !== null && toValue !== null ? (
        <>
          {formatAmount(fromValue, from.code)} {from.code} ={' '}
          <strong>
            {formatAmount(toValue, to.code)} {to.code}
          </strong>
        </>
      ) : !parsed.ok && parsed.error !== 'empty' ? (
        'No result: correct the amount to convert it.'
      ) : (
        'Enter an amount to convert.'
      )}
    </p>
  );
}
