// Calendar days in the agency's time zone, for the search date filters of every adapter.
import { validTimeZone } from '../contract/day-key.ts';

/** AGENCY_TIME_ZONE, else VITE_AGENCY_TIME_ZONE (the app's setting), else Europe/Moscow. */
export function agencyTimeZoneFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.AGENCY_TIME_ZONE
    ? validTimeZone(env.AGENCY_TIME_ZONE, 'AGENCY_TIME_ZONE')
    : validTimeZone(env.VITE_AGENCY_TIME_ZONE, 'VITE_AGENCY_TIME_ZONE');
}
