// Search rules that only show on purpose-made data: typo tiers, capped prefix expansion, suggestions, snippets
// from huge paragraphs.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/contract/news';
import { isTypoOf, tokenize } from '@/contract/words';
import { createMockApi } from '@/mock-api/api-core';
import type { MockData } from '@/mock-api/load-mock-data';
import { MAX_PREFIX_EXPANSION, prefixExpansionCap } from '@/mock-api/search-match';
import { boundedDistance } from '@/mock-api/search-typos';
import { scanWords } from '@/mock-api/word-scanner';
import { sampleData } from '../helpers/fixtures';

let serial = 0;
function article(title: string, body: string, over: Partial<Article> = {}): Article {
  serial += 1;
  const minute = String(serial % 60).padStart(2, '0');
  return {
    id: `a-${serial}`,
    title,
    lead: 'Officials gave details at a briefing.',
    publishedAt: `2026-11-${String(10 + (serial % 15)).padStart(2, '0')}T10:${minute}:00+03:00`,
    topics: ['world'],
    pages: [[body]],
    ...over,
  };
}
type Page = { items: { id: string; title: string; snippet: string }[]; total: number; suggestion?: string | null };
const searchIn = (articles: Article[]) => {
  const api = createMockApi({ ...sampleData, articles } as MockData);
  return (params: Record<string, string>) =>
    api({ method: 'GET', path: '/search', query: new URLSearchParams(params) }).body as Page;
};

describe('typo matches', () => {
  const articles = [
    article('Movement movement movement of troops', 'The movement continued.'),
    article('Movement of goods', 'A movement of goods.'),
    article('Weather report', 'The government said it would help farmers.'),
    article('Budget talks', 'The government and the regions agreed.'),
  ];
  const search = searchIn(articles);

  it('ranks the closest archive word first: "goverment" finds "government" before "movement"', () => {
    const page = search({ q: 'goverment' });
    expect(
      page.items
        .slice(0, 2)
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Budget talks', 'Weather report']);
    expect(page.total).toBe(4); // "movement" is 2 edits away, allowed from 9 letters, but ranked after
  });

  it('never forgives a typo in a word that exists as written', () => {
    expect(search({ q: 'movement' }).items.map((i) => i.title)).not.toContain('Budget talks');
  });
});

describe('prefix expansion of the last word', () => {
  // 80 different words starting with "pzq", the first ten far more widespread than the others.
  const words = Array.from({ length: 80 }, (_, i) => `pzq${String.fromCharCode(97 + (i % 26))}${i}word`);
  const articles = words.flatMap((word, i) =>
    Array.from({ length: i < 10 ? 5 : 1 }, () => article(`Report ${i}`, `The note mentions ${word} twice: ${word}.`)),
  );
  const search = searchIn(articles);

  it(`expands to at most ${MAX_PREFIX_EXPANSION} archive words, the most widespread, and still finds results`, () => {
    const page = search({ q: 'pzq', limit: '50' });
    // The 10 words in 5 articles each, then the next most widespread: 40 of the 70 words found once.
    expect(page.total).toBe(10 * 5 + (MAX_PREFIX_EXPANSION - 10));
    expect(page.items.length).toBe(50);
  });

  it('expands a one- or two-letter last word to fewer words still', () => {
    expect(prefixExpansionCap('p')).toBe(10);
    expect(prefixExpansionCap('pz')).toBe(25);
    expect(search({ q: 'p' }).total).toBe(10 * 5);
    expect(search({ q: 'pz' }).total).toBe(10 * 5 + 15);
  });

  it('finds a rare completion once the prefix is long enough to name it', () => {
    expect(search({ q: words[79]!.slice(0, 7) }).total).toBe(1);
  });
});

describe('suggestions when nothing matches', () => {
  const search = searchIn([
    article('Central bank holds rate', 'The bank kept its key rate.'),
    article('Satellite launched', 'The satellite reached orbit.'),
  ]);

  it('suggests archive words that find something, and says null when there is none', () => {
    const page = search({ q: 'bnk' });
    expect(page.total).toBe(0);
    expect(page.suggestion).toBe('bank');
    expect(search({ q: page.suggestion! }).total).toBeGreaterThan(0);
    expect(search({ q: 'central bnk' }).suggestion).toBe('central bank');
    expect(search({ q: 'xqzvw' }).suggestion).toBeNull();
    expect(search({ q: 'satellite bnk' }).suggestion).toBeNull(); // no correction finds both
  });

  it('leaves the suggestion out when something matched', () => {
    expect(search({ q: 'bank' })).not.toHaveProperty('suggestion');
  });
});

describe('snippets from huge paragraphs', () => {
  it('reads only a small window of the body, however long the paragraph', () => {
    const filler = 'The committee heard further evidence on the harbour works. '.repeat(90_000); // about 5 MB
    const search = searchIn([article('Harbour inquiry', `${filler}Then a walrus appeared. ${filler}`)]);
    const decoded: number[] = [];
    const toString = Buffer.prototype.toString;
    const spy = vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args) {
      const [, start = 0, end = this.length] = args as [string?, number?, number?];
      decoded.push(end - start);
      return toString.apply(this, args as never);
    });
    const page = search({ q: 'walrus' });
    spy.mockRestore();
    expect(page.items[0]!.snippet).toMatch(/^….*Then a walrus appeared\..*…$/);
    expect(page.items[0]!.snippet.length).toBeLessThanOrEqual(202);
    expect(Math.max(...decoded)).toBeLessThan(4096);
  });
});

describe('word rules used by the index', () => {
  it('walks the same words as the contract tokenizer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (text) => {
        const words: string[] = [];
        scanWords(text, (start, end) => words.push(text.slice(start, end)));
        expect(words).toEqual(tokenize(text));
      }),
    );
  });

  it('agrees with the contract typo rule', () => {
    const word = fc.stringMatching(/^[a-e]{3,10}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        const allowance = b.length >= 9 ? 2 : b.length >= 5 ? 1 : 0;
        expect(allowance > 0 && boundedDistance(a, b, allowance) <= allowance).toBe(isTypoOf(a, b));
      }),
    );
  });
});
