// Times are shown in the agency's zone, the way the agency writes them: "4:50 UTC+3", "November 27, 2026".
import { dayKeyInZone } from '@/contract/day-key';
import { env } from './env';

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    formatterCache.set(key, cached);
  }
  return cached;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** "UTC+3", "UTC-3:30", "UTC" for the zone's offset at that instant. */
export function utcOffsetLabel(date: Date, timeZone = env.agencyTimeZone): string {
  const name = part(formatter(timeZone, { timeZoneName: 'shortOffset' }).formatToParts(date), 'timeZoneName');
  const offset = name.replace(/^(GMT|UTC)/, '');
  return offset && !/^[+-]0(:00)?$/.test(offset) ? `UTC${offset}` : 'UTC';
}

/**
 * Remembers a formatting of (time, zone): every story's time is formatted several times per render (its time, the
 * tooltip, its day heading) and Intl's formatToParts is slow on a phone. Bounded: cleared when it gets large.
 */
function remembered(format: (iso: string, timeZone: string) => string) {
  const cache = new Map<string, string>();
  return (iso: string, timeZone: string = env.agencyTimeZone): string => {
    const key = `${timeZone}|${iso}`;
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= 5000) cache.clear();
      text = format(iso, timeZone);
      cache.set(key, text);
    }
    return text;
  };
}

/** "4:50 UTC+3" */
export const formatAgencyTime = remembered((iso, timeZone) => {
  const date = new Date(iso);
  const parts = formatter(timeZone, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  return `${Number(part(parts, 'hour'))}:${part(parts, 'minute')} ${utcOffsetLabel(date, timeZone)}`;
});

/** "November 27, 2026" */
export const formatAgencyDay = remembered((iso, timeZone) =>
  formatter(timeZone, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso)),
);

/** "November 27": the day without the year, as in a dateline. */
export function formatAgencyMonthDay(iso: string, timeZone = env.agencyTimeZone): string {
  return formatter(timeZone, { month: 'long', day: 'numeric' }).format(new Date(iso));
}

/** "2026-11-27": the calendar day in the agency zone, for grouping and date filters. */
export function agencyDayKey(iso: string | Date, timeZone = env.agencyTimeZone): string {
  return dayKeyInZone(iso, timeZone);
}

/** "November 20, 2026, 4:50 UTC+3" */
export function formatAgencyDateTime(iso: string, timeZone = env.agencyTimeZone): string {
  return `${formatAgencyDay(iso, timeZone)}, ${formatAgencyTime(iso, timeZone)}`;
}

let localZone: { zone: string; at: number } | undefined;

/** The zone this device is set to (the reader's own). Asked of Intl at most once a minute: a list renders it per
 * story, and each ask builds a formatter (about 2 ms on a slow phone). */
export function localTimeZone(): string {
  const now = Date.now();
  if (!localZone || Math.abs(now - localZone.at) > 60_000) {
    localZone = { zone: new Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
  }
  return localZone.zone;
}

const MINUTE_MS = 60_000;

/** "just now", "12 min ago", "5 h ago" for the last 24 hours; null for older times (and for the future, beyond a
 * minute of clock difference). */
export function formatTimeAgo(iso: string, now = Date.now()): string | null {
  const ago = now - Date.parse(iso);
  if (ago < -MINUTE_MS || ago >= 24 * 60 * MINUTE_MS) return null;
  if (ago < MINUTE_MS) return 'just now';
  if (ago < 60 * MINUTE_MS) return `${Math.floor(ago / MINUTE_MS)} min ago`;
  return `${Math.floor(ago / (60 * MINUTE_MS))} h ago`;
}
