// Feed dates to the contract's ISO 8601 with offset, keeping the source's offset: "Thu, 26 Nov 2026 09:15:00 +0300"
// (RFC 822, RSS) becomes "2026-11-26T09:15:00+03:00", not the same instant in UTC. ISO dates (Atom, dc:date, JSON
// Feed) are kept as written when they carry an offset; without one they are read as UTC.
import { isIsoDateTime } from '../../contract/news.ts';

export interface FeedDate {
  iso: string;
  ms: number;
}

/** RFC 822 zone names (and the US ones RFC 822 lists) in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const pad = (n: number) => String(n).padStart(2, '0');

function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function isoDate(raw: string): FeedDate | null {
  const match = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)?)?$/i.exec(raw);
  if (!match) return null;
  const [, day, time = '00:00:00', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const iso = `${day}T${time}${offset}`;
  return isIsoDateTime(iso) ? { iso, ms: Date.parse(iso) } : null;
}

function rfc822Date(raw: string): FeedDate | null {
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) return null;
  const numeric = /([+-])(\d\d):?(\d\d)$/.exec(raw);
  const offset = numeric
    ? (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]))
    : (ZONES[/([A-Za-z]+)$/.exec(raw)?.[1]?.toUpperCase() ?? ''] ?? 0);
  return { iso: withOffset(ms, offset), ms };
}

/** The first of `candidates` that is a real date, or null when none is. */
export function parseFeedDate(candidates: readonly string[]): FeedDate | null {
  for (const candidate of candidates) {
    const raw = candidate.trim();
    if (!raw) continue;
    const date = isoDate(raw) ?? rfc822Date(raw);
    if (date) return date;
  }
  return null;
}

/** `ms` as an ISO date-time in UTC ("first seen" times). */
export const utcIso = (ms: number): string => withOffset(ms, 0);
