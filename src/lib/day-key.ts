// Calendar days written YYYY-MM-DD ("day keys"): a day, not an instant, so no time zone applies. Zod-free, no
// imports: the app, the API schemas and the Node mock API all use it.

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
