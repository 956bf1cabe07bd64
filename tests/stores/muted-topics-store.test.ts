import { describe, expect, it } from 'vitest';
import { activeMutes, MUTED_TOPICS_STORAGE_KEY, readActiveMutes, restoreMutes } from '@/stores/muted-topics-storage';
import { MUTE_DURATIONS, useMutedTopicsStore } from '@/stores/muted-topics-store';

const HOUR = 3_600_000;

describe('muted topics', () => {
  it('mutes for 24 hours or 7 days, kept on the device, and the mute ends by itself', () => {
    const { mute } = useMutedTopicsStore.getState();
    const until = mute('sports', MUTE_DURATIONS[0].ms);
    mute('culture', MUTE_DURATIONS[1].ms);
    expect(until).toBe(Date.now() + 24 * HOUR);
    expect(readActiveMutes()).toEqual(['culture', 'sports']);
    expect(JSON.parse(localStorage.getItem(MUTED_TOPICS_STORAGE_KEY)!).version).toBe(1);
    const { muted } = useMutedTopicsStore.getState();
    expect(activeMutes(muted, Date.now() + 25 * HOUR)).toEqual(['culture']);
    expect(activeMutes(muted, Date.now() + 8 * 24 * HOUR)).toEqual([]);
  });

  it('unmutes, and Undo puts back what was there', () => {
    const { mute, unmute, restore } = useMutedTopicsStore.getState();
    mute('sports', HOUR);
    const before = useMutedTopicsStore.getState().muted;
    unmute('sports');
    expect(activeMutes(useMutedTopicsStore.getState().muted)).toEqual([]);
    restore(before);
    expect(activeMutes(useMutedTopicsStore.getState().muted)).toEqual(['sports']);
  });

  it.each([
    ['garbage', () => 'x'],
    ['an id that is not an id', () => ({ muted: { '<b>': Date.now() + HOUR } })],
    ['a time that is not a number', () => ({ muted: { sports: 'tomorrow' } })],
    ['a mute that has ended', () => ({ muted: { sports: Date.now() - 1 } })],
  ])('ignores %s', (_label, persisted) => {
    expect(restoreMutes(persisted())).toEqual({});
  });

  it('reads nothing from an unknown version or unreadable storage', () => {
    localStorage.setItem(
      MUTED_TOPICS_STORAGE_KEY,
      JSON.stringify({ state: { muted: { a: Date.now() + HOUR } }, version: 9 }),
    );
    expect(readActiveMutes()).toEqual([]);
    localStorage.setItem(MUTED_TOPICS_STORAGE_KEY, '{"state":');
    expect(readActiveMutes()).toEqual([]);
  });
});
