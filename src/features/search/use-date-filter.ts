// The date filter's state: which mode the select shows, and what is wrong with the address's dates, if anything.
import { useState } from 'react';
import { formatDayKey, isDayKey } from '@/contract/day-key';
import { detectPreset, presetFrom, type DateMode } from './date-filter';
import type { SearchUrlState } from './search-url';

export interface DateErrors {
  from: string | null;
  to: string | null;
  range: string | null;
}

function dateErrors(from: string | null, to: string | null): DateErrors {
  const notADate = (which: string, value: string) =>
    `The ${which} date “${value}” is not a date. Pick another one, or remove the date filter.`;
  const errors: DateErrors = {
    from: from && !isDayKey(from) ? notADate('start', from) : null,
    to: to && !isDayKey(to) ? notADate('end', to) : null,
    range: null,
  };
  if (!errors.from && !errors.to && from && to && from > to) {
    errors.range = `The start date (${formatDayKey(from)}) is after the end date (${formatDayKey(to)}). Change one of them to see results.`;
  }
  return errors;
}

/** `update` writes new dates to the address. */
export function useDateFilter(
  from: string | null,
  to: string | null,
  update: (patch: Partial<SearchUrlState>) => void,
) {
  const [now] = useState(() => Date.now());
  const [customChosen, setCustomChosen] = useState(false);
  const preset = detectPreset(from, to, now);
  const mode: DateMode = customChosen ? 'custom' : (preset ?? (from || to ? 'custom' : 'any'));
  const errors = dateErrors(from, to);
  return {
    mode,
    errors,
    valid: !errors.from && !errors.to && !errors.range,
    changeMode: (next: DateMode) => {
      setCustomChosen(next === 'custom');
      if (next === 'custom') return; // the reader picks the days next
      update(next === 'any' ? { from: null, to: null } : { from: presetFrom(next, Date.now()), to: null });
    },
    /** Removes the date filter (and whatever else `also` changes, in the same history entry). */
    clear: (also: Partial<SearchUrlState> = {}) => {
      setCustomChosen(false);
      update({ from: null, to: null, ...also });
    },
  };
}
