import { describe, expect, it } from 'vitest';
import {
  CONVERTER_STORAGE_KEY,
  DEFAULT_CONVERTER_PREFS,
  MAX_TARGETS,
  useConverterStore,
} from '@/stores/converter-store';

const stored = () => JSON.parse(localStorage.getItem(CONVERTER_STORAGE_KEY)!) as { version: number; state: object };
const rehydrateWith = async (value: string) => {
  localStorage.setItem(CONVERTER_STORAGE_KEY, value);
  await useConverterStore.persist.rehydrate();
  const { from, to, amount, side, targets, favourites, range } = useConverterStore.getState();
  return { from, to, amount, side, targets, favourites, range };
};

describe('converter store', () => {
  it('keeps the pair, amount, targets, favourites and range on the device, versioned', () => {
    const s = useConverterStore.getState();
    s.remember({ from: 'USD', to: 'EUR' });
    s.remember({ amount: '1 234,5', side: 'to' });
    s.remember({ targets: ['CNY', 'CNY'] });
    s.toggleFavourite('GBP');
    s.setRange('1y');
    expect(stored()).toEqual({
      version: 1,
      state: {
        from: 'USD',
        to: 'EUR',
        amount: '1 234,5',
        side: 'to',
        targets: ['CNY'],
        favourites: ['GBP'],
        range: '1y',
      },
    });
    s.toggleFavourite('GBP');
    s.remember({ targets: [] });
    expect(stored().state).toMatchObject({ targets: [], favourites: [] });
  });

  it('restores good values and falls back to defaults field by field for bad ones', async () => {
    const state = await rehydrateWith(
      JSON.stringify({
        version: 1,
        state: {
          from: 'GBP',
          to: 'dollars',
          amount: 42,
          side: 'sideways',
          targets: ['CNY', 'CNY', 'JPY'],
          favourites: 'USD',
          range: '5y',
        },
      }),
    );
    expect(state).toEqual({ ...DEFAULT_CONVERTER_PREFS, from: 'GBP', targets: ['CNY', 'JPY'] });
  });

  it('ignores corrupted JSON, other versions and too many targets', async () => {
    expect(await rehydrateWith('{broken')).toEqual(DEFAULT_CONVERTER_PREFS);
    expect(await rehydrateWith(JSON.stringify({ version: 99, state: { from: 'USD' } }))).toEqual(
      DEFAULT_CONVERTER_PREFS,
    );
    const many = Array.from({ length: 30 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}${i < 26 ? 'A' : 'B'}`);
    const state = await rehydrateWith(JSON.stringify({ version: 1, state: { targets: many } }));
    expect(state.targets).toHaveLength(MAX_TARGETS);
  });
});
