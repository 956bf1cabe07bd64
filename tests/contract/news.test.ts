import { describe, expect, it } from 'vitest';
import { isIsoDateTime } from '@/contract/news';

describe('publication times', () => {
  it.each([
    ['2026-11-27T04:50:00+03:00', true],
    ['2026-11-27T04:50+03:00', true],
    ['2026-11-27T23:59:59.5Z', true],
    ['2026-02-30T10:00:00+03:00', false], // not a day: Date.parse would say March 2
    ['2026-11-27T24:00:00+03:00', false],
    ['2026-11-27T10:60:00+03:00', false],
    ['2026-11-27T10:00:00', false], // no offset: which zone?
    ['2026-11-27T10:00:00+15:00', false],
    ['27.11.2026 10:00', false],
  ])('%s is a real instant: %s', (value, expected) => {
    expect(isIsoDateTime(value)).toBe(expected);
  });
});
