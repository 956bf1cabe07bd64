// The date filter: presets relative to now, rounded to whole agency-zone days (the API filters by day).
import { formatDayKey } from '@/contract/day-key';
import { agencyDayKey } from '@/lib/agency-time';

export type DatePreset = '24h' | 'week' | 'month';
export type DateMode = 'any' | DatePreset | 'custom';

const DAY_MS = 86_400_000;
const PRESET_SPAN: Record<DatePreset, number> = { '24h': DAY_MS, week: 7 * DAY_MS, month: 30 * DAY_MS };

export const DATE_MODE_LABELS: Record<DateMode, string> = {
  any: 'Any time',
  '24h': 'Last 24 hours',
  week: 'Past week',
  month: 'Past month',
  custom: 'Custom range',
};

/** The first agency-zone day a preset covers; it runs to today. */
export function presetFrom(preset: DatePreset, now: number): string {
  return agencyDayKey(new Date(now - PRESET_SPAN[preset]));
}

/** Which preset the URL's dates are, if any (a preset has a start day and no end day). */
export function detectPreset(from: string | null, to: string | null, now: number): DatePreset | null {
  if (!from || to) return null;
  return (Object.keys(PRESET_SPAN) as DatePreset[]).find((p) => presetFrom(p, now) === from) ?? null;
}

/** "from November 20, 2026 to November 25, 2026", "since November 20, 2026", "until …". */
export function describeRange(from: string | null, to: string | null): string {
  if (from && to) return from === to ? `on ${formatDayKey(from)}` : `from ${formatDayKey(from)} to ${formatDayKey(to)}`;
  if (from) return `since ${formatDayKey(from)}`;
  if (to) return `until ${formatDayKey(to)}`;
  return 'at any time';
}
