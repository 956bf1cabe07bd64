import { describe, expect, it } from 'vitest';
import { countWords } from '@/lib/count-words';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['  two  words ', 2],
    ['line one\nline two\ttabbed', 5],
    ['EU-Russia talks — 3.5% rise', 5],
  ])('counts %j as %i word(s)', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
