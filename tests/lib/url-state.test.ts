import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { commaList, optionalText, readUrlState, writeUrlState } from '@/lib/url-state';

const schema = v.object({
  q: v.fallback(v.string(), ''),
  topics: commaList((id) => /^[a-z]+$/.test(id)),
  from: optionalText,
  sort: v.fallback(v.picklist(['relevance', 'newest']), 'relevance'),
});
const read = (query: string) => readUrlState(schema, new URLSearchParams(query));

describe('typed URL state', () => {
  it('reads every key on its own: a bad value falls back to its default, the rest are kept', () => {
    expect(read('q=moon&topics=science,BAD,world,science&from=2026-11-20&sort=oldest&extra=1')).toEqual({
      q: 'moon',
      topics: ['science', 'world'],
      from: '2026-11-20',
      sort: 'relevance',
    });
    expect(read('')).toEqual({ q: '', topics: null, from: null, sort: 'relevance' });
    expect(read('topics=,,,&from=')).toMatchObject({ topics: null, from: null });
  });

  it('writes keys in the schema order, lists comma-separated, defaults left out', () => {
    const state = { q: 'moon', topics: ['world', 'science'], from: null, sort: 'newest' as const };
    expect(writeUrlState(schema, state).toString()).toBe('q=moon&topics=world%2Cscience&sort=newest');
    expect(writeUrlState(schema, { ...state, topics: [], sort: 'relevance' }).toString()).toBe('q=moon');
  });

  it('round-trips: what it writes reads back the same', () => {
    const state = { q: 'grain exports', topics: ['economy'], from: '2026-11-01', sort: 'newest' as const };
    expect(readUrlState(schema, writeUrlState(schema, state))).toEqual(state);
  });
});
