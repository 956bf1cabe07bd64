// Calendar days written YYYY-MM-DD ("day keys"), time zones, and the day an instant falls on in a zone.
// Shared by the client and the server (search date filters, day headings, rate dates). Pure, no imports.

/** True for a real calendar day written YYYY-MM-DD ("2026-02-30" is not one). */
export function isDayKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

/** "2026-11-27" -> "November 27, 2026"; anything that is not a day key is returned as it is. */
export function formatDayKey(day: string): string {
  return isDayKey(day) ? dayFormat.format(new Date(`${day}T12:00:00Z`)) : day;
}

const DEFAULT_AGENCY_TIME_ZONE = 'Europe/Moscow';

/** Whether Intl knows `zone` (an IANA name such as "Europe/Moscow"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone when it is one, else the agency default (with a warning naming the setting). */
export function validTimeZone(zone: string | undefined, setting: string): string {
  if (!zone) return DEFAULT_AGENCY_TIME_ZONE;
  if (isTimeZone(zone)) return zone;
  console.warn(`${setting} "${zone}" is not a time zone; using ${DEFAULT_AGENCY_TIME_ZONE}`);
  return DEFAULT_AGENCY_TIME_ZONE;
}

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-27": the calendar day of an instant in `timeZone`. */
export function dayKeyInZone(instant: string | Date, timeZone: string): string {
  let format = dayKeyFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayKeyFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
