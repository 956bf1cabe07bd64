// Calendar-day helpers for rate dates (YYYY-MM-DD, no time zone: a rate date is a day, not an instant).

const dayMs = 24 * 60 * 60 * 1000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function addDays(iso: string, days: number): string {
  return new Date(toTime(iso) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `earlier` to `later` (negative when `later` is before `earlier`). */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((toTime(later) - toTime(earlier)) / dayMs);
}

const shortDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const shortDayYear = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** "Nov 27" */
export const formatShortDay = (iso: string) => shortDay.format(new Date(toTime(iso)));
/** "Nov 2026" */
export const formatMonthYear = (iso: string) => shortDayYear.format(new Date(toTime(iso)));

/** Rates older than this many days get a visible warning. */
export const STALE_AFTER_DAYS = 3;
