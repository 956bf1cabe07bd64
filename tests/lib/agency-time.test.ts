import { describe, expect, it } from 'vitest';
import {
  agencyDayKey,
  formatAgencyDateTime,
  formatAgencyDay,
  formatAgencyTime,
  utcOffsetLabel,
} from '@/lib/agency-time';

describe('agency time', () => {
  it('writes times as the agency does, in its zone', () => {
    expect(formatAgencyTime('2026-11-20T04:50:00+03:00')).toBe('4:50 UTC+3');
    expect(formatAgencyTime('2026-11-20T01:50:00Z')).toBe('4:50 UTC+3');
    expect(formatAgencyTime('2026-11-20T23:05:00+03:00')).toBe('23:05 UTC+3');
    expect(formatAgencyDateTime('2026-11-20T04:50:00+03:00')).toBe('November 20, 2026, 4:50 UTC+3');
  });

  it('puts an item published just after midnight Moscow time on the Moscow day', () => {
    const iso = '2026-11-21T00:12:00+03:00'; // still November 20 in UTC
    expect(agencyDayKey(iso)).toBe('2026-11-21');
    expect(formatAgencyDay(iso)).toBe('November 21, 2026');
  });

  it('supports other agency zones, with half-hour and negative offsets', () => {
    expect(formatAgencyTime('2026-11-20T12:00:00Z', 'Asia/Kolkata')).toBe('17:30 UTC+5:30');
    expect(formatAgencyTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('8:00 UTC-4');
    expect(utcOffsetLabel(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('UTC');
    expect(agencyDayKey('2026-11-21T02:00:00+03:00', 'America/New_York')).toBe('2026-11-20');
  });
});
