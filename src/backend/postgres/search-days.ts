// Search's day filters in the agency's time zone, as instants PostgreSQL compares publication times with: a day
// starts at the first instant the contract's dayKeyInZone calls that day, so both adapters cut days alike.
import { dayKeyInZone } from '../../contract/day-key.ts';

const HOUR = 3_600_000;

/** The first millisecond that falls on `day` (YYYY-MM-DD) in `timeZone`. */
function dayStart(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Zones lie within a day of UTC (-12 to +14 hours): search that span for where the day begins.
  let lo = midnightUtc - 15 * HOUR;
  let hi = midnightUtc + 15 * HOUR;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKeyInZone(new Date(mid), timeZone) >= day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The day after `day` (YYYY-MM-DD). */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

/** Publication instants [from, before) of the inclusive days `from`..`to` (either open-ended when null). */
export function dayRange(from: string | null, to: string | null, timeZone: string) {
  return {
    from: from ? new Date(dayStart(from, timeZone)) : null,
    before: to ? new Date(dayStart(nextDay(to), timeZone)) : null,
  };
}
