// Build-time configuration, read once. Invalid values fall back to defaults rather than breaking the app.
// Also loaded by the Node-side mock API, where Vite's import.meta.env does not exist.
const DEFAULT_API_BASE = '/api';
export const DEFAULT_AGENCY_TIME_ZONE = 'Europe/Moscow';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function validTimeZone(zone: string | undefined, setting = 'VITE_AGENCY_TIME_ZONE'): string {
  if (!zone) return DEFAULT_AGENCY_TIME_ZONE;
  if (isTimeZone(zone)) return zone;
  console.warn(`${setting} "${zone}" is not a time zone; using ${DEFAULT_AGENCY_TIME_ZONE}`);
  return DEFAULT_AGENCY_TIME_ZONE;
}

const viteEnv: Partial<ImportMetaEnv> = import.meta.env ?? {};

export const env = {
  apiBaseUrl: (viteEnv.VITE_API_BASE_URL || DEFAULT_API_BASE).replace(/\/+$/, ''),
  agencyTimeZone: validTimeZone(viteEnv.VITE_AGENCY_TIME_ZONE),
} as const;
