// Build-time configuration, read once. Invalid values fall back to defaults rather than breaking the app.
const DEFAULT_API_BASE = '/api';
const DEFAULT_TIME_ZONE = 'Europe/Moscow';

function validTimeZone(zone: string | undefined): string {
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    console.warn(`VITE_AGENCY_TIME_ZONE "${zone}" is not a time zone; using ${DEFAULT_TIME_ZONE}`);
    return DEFAULT_TIME_ZONE;
  }
}

export const env = {
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL || DEFAULT_API_BASE).replace(/\/+$/, ''),
  agencyTimeZone: validTimeZone(import.meta.env.VITE_AGENCY_TIME_ZONE),
} as const;
