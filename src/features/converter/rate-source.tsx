import { memo } from 'react';
import { formatDayKey } from '@/contract/day-key';
import { agencyDayKey } from '@/lib/agency-time';
import { daysBetween, STALE_AFTER_DAYS } from './dates';
import type { RateTable } from './money';

/** Where the rates come from and how old they are: a visible warning once they are more than a few days old. */
export const RateSource = memo(function RateSource({ table }: { table: RateTable }) {
  const age = daysBetween(table.date, agencyDayKey(new Date()));
  return (
    <>
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
    </>
  );
});
