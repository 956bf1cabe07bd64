// Build-time configuration, read once. Invalid values fall back to defaults rather than breaking the app.
import { validTimeZone } from '@/contract/day-key';

const DEFAULT_API_BASE = '/api';

export const env = {
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL || DEFAULT_API_BASE).replace(/\/+$/, ''),
  agencyTimeZone: validTimeZone(import.meta.env.VITE_AGENCY_TIME_ZONE, 'VITE_AGENCY_TIME_ZONE'),
} as const;
