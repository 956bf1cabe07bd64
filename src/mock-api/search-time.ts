// Calendar days in the agency's time zone, for the search date filters (Node side of the mock API).
// src/lib/agency-time.ts reads Vite's import.meta.env, which plain Node lacks, so the server keeps its own copy
// of the day-key rule; tests/mock-api/search-time.test.ts checks both always agree.

export const DEFAULT_AGENCY_TIME_ZONE = 'Europe/Moscow';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** AGENCY_TIME_ZONE, else VITE_AGENCY_TIME_ZONE (the app's setting), else Europe/Moscow. */
export function agencyTimeZoneFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.AGENCY_TIME_ZONE || env.VITE_AGENCY_TIME_ZONE;
  if (!zone) return DEFAULT_AGENCY_TIME_ZONE;
  if (isTimeZone(zone)) return zone;
  console.warn(`Agency time zone "${zone}" is not a time zone; the mock API uses ${DEFAULT_AGENCY_TIME_ZONE}`);
  return DEFAULT_AGENCY_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-27": the calendar day of an instant in `timeZone`. */
export function dayKeyInZone(instant: string | Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** True for a real calendar day written YYYY-MM-DD ("2026-02-30" is not one). */
export function isDayKey(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
