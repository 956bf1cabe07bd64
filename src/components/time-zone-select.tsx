import { useId } from 'react';
import { localTimeZone, utcOffsetLabel } from '@/lib/agency-time';
import { env } from '@/lib/env';
import { TIME_ZONE_CHOICES, useReadingPrefsStore, type TimeZoneChoice } from '@/stores/reading-prefs-store';

const isChoice = (value: string): value is TimeZoneChoice => (TIME_ZONE_CHOICES as readonly string[]).includes(value);

/** "Times: Agency time (UTC+3) / Your time (UTC+1)": the zone every story time and day heading is shown in. */
export function TimeZoneSelect({ className }: { className?: string }) {
  const id = useId();
  const choice = useReadingPrefsStore((s) => s.timeZone);
  const setChoice = useReadingPrefsStore((s) => s.setTimeZone);
  const now = new Date();
  return (
    <span className={className}>
      <label htmlFor={id}>Times</label>{' '}
      <select
        id={id}
        value={choice}
        onChange={(event) => isChoice(event.target.value) && setChoice(event.target.value)}
      >
        <option value="agency">Agency time ({utcOffsetLabel(now, env.agencyTimeZone)})</option>
        <option value="local">Your time ({utcOffsetLabel(now, localTimeZone())})</option>
      </select>
    </span>
  );
}
