import { useSyncExternalStore } from 'react';
import { formatAgencyDateTime, formatAgencyTime, formatTimeAgo, localTimeZone } from '@/lib/agency-time';
import { env } from '@/lib/env';
import { renderedWith } from '@/lib/rendered-with';
import { useMinuteClock } from '@/lib/use-now';
import { useReadingPrefsStore } from '@/stores/reading-prefs-store';
import './news-time.css';

/** The zone the reader chose to read times in (the agency's, or the device's own). */
export function useDisplayTimeZone(): string {
  const choice = useReadingPrefsStore((s) => s.timeZone);
  const local = useLocalTimeZone();
  return choice === 'local' ? local : env.agencyTimeZone;
}

const neverChanges = () => () => {};

/** The device's zone; while the server renders and the browser hydrates, the zone the server knew (its cookie). */
function useLocalTimeZone(): string {
  return useSyncExternalStore(neverChanges, localTimeZone, () => renderedWith.timeZone ?? env.agencyTimeZone);
}

/**
 * A story's time in the reader's zone: "2 h ago" within the last day, else the clock time ("4:50 UTC+3"; with
 * `withDate`, the date too). The other form (the full date and time, or the time in the other zone) shows while the
 * pointer is on the time (news-time.css), and screen readers hear both. `undated`: the feed gave no date, so the time
 * is when the story was first seen, and it says so ("first seen 10:42").
 */
export function NewsTime({
  iso,
  withDate = false,
  undated = false,
}: {
  iso: string;
  withDate?: boolean;
  undated?: boolean;
}) {
  const zone = useDisplayTimeZone();
  const local = useLocalTimeZone();
  const now = useMinuteClock();
  const ago = formatTimeAgo(iso, now);
  const full = formatAgencyDateTime(iso, zone);
  const primary = ago ?? (withDate ? full : formatAgencyTime(iso, zone));
  const otherZone = zone === env.agencyTimeZone ? local : env.agencyTimeZone;
  const other =
    primary !== full
      ? full
      : formatAgencyTime(iso, otherZone) !== formatAgencyTime(iso, zone)
        ? `${otherZone === env.agencyTimeZone ? 'Agency time' : 'Your time'}: ${formatAgencyDateTime(iso, otherZone)}`
        : null;
  return (
    <span className="news-time">
      {undated && <span className="news-time__seen">first seen </span>}
      <time dateTime={iso}>{primary}</time>
      {other && <span className="news-time__other">{other}</span>}
    </span>
  );
}
