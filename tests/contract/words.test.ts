import { describe, expect, it } from 'vitest';
import { countWords, foldWord, isTypoOf, queryTerms, typoAllowance } from '@/contract/words';

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

describe('the typo rule shared by the search API and highlighting', () => {
  it.each([
    ['grain', 'rain', false], // a term under 5 letters never matches a typo
    ['satellite', 'satelite', true], // one edit
    ['government', 'goverment', true],
    ['agreement', 'agreemnet', true], // two edits allowed from 9 letters
    ['agreement', 'agremnet', false], // 8 letters: one edit only
    ['summit', 'sumit', true],
    ['receive', 'recieve', true], // two neighbouring letters swapped: one slip, one edit
    ['grain', 'grian', true],
    ['grain', 'gairn', false], // letters two apart swapped: two edits
    ['summit', 'smmt', false],
    ['moscow', 'london', false],
  ])('%s against the term %s: %s', (word, term, expected) => {
    expect(isTypoOf(word, term)).toBe(expected);
  });

  it('allows no typo below 5 letters, one from 5, two from 9', () => {
    expect([typoAllowance('rain'), typoAllowance('grain'), typoAllowance('satellite')]).toEqual([0, 1, 2]);
  });

  it('folds case and accents, so words compare as the reader means them', () => {
    expect(queryTerms('Zürich  ZURICH, Plzeň straße')).toEqual(['zurich', 'plzen', 'strasse']);
  });

  it('folds Cyrillic and Greek the same way: case, accents and the final sigma', () => {
    expect(queryTerms('ПАРОМ Паром ёлки')).toEqual(['паром', 'елки']);
    expect(queryTerms('ΑΘΗΝΑΣ Αθήνας αθηνασ')).toEqual(['αθηνασ']);
    // Typed in capitals, a prefix ends in a final sigma, yet must still start "κόσμος".
    expect(foldWord('κόσμος').startsWith(queryTerms('ΚΟΣ')[0]!)).toBe(true);
  });
});
