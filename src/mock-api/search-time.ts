// Calendar days in the agency's time zone, for the search date filters (Node side of the mock API).
import { validTimeZone } from '../lib/env.ts';

/** AGENCY_TIME_ZONE, else VITE_AGENCY_TIME_ZONE (the app's setting), else Europe/Moscow. */
export function agencyTimeZoneFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.AGENCY_TIME_ZONE
    ? validTimeZone(env.AGENCY_TIME_ZONE, 'AGENCY_TIME_ZONE')
    : validTimeZone(env.VITE_AGENCY_TIME_ZONE);
}

/** True for a real calendar day written YYYY-MM-DD ("2026-02-30" is not one). */
export function isDayKey(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
