// The embedded search engine's own rules, beyond the backend contract: capped prefix expansion, snippets read from a
// small window of huge paragraphs, its word scanner and typo distance against the contract's rules, snippet cutting.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { agencyTimeZoneFromEnv } from '@/backend/agency-time-zone';
import { MAX_PREFIX_EXPANSION, prefixExpansionCap } from '@/backend/embedded/search-match';
import { buildSnippet, SNIPPET_LENGTH } from '@/backend/embedded/search-snippet';
import { boundedDistance } from '@/backend/embedded/search-typos';
import { scanWords } from '@/backend/embedded/word-scanner';
import { isDayKey } from '@/contract/day-key';
import type { Article } from '@/contract/news';
import { isTypoOf, normalizeTerm, tokenize } from '@/contract/words';
import { sampleData } from '../../helpers/fixtures';
import { madeUpArticle } from '../../helpers/made-up-article';
import { testApiFor } from '../../helpers/test-api';

type Page = { items: { id: string; title: string; snippet: string }[]; total: number };
const searchIn = async (articles: Article[]) => {
  const api = await testApiFor({ ...sampleData, articles });
  return async (params: Record<string, string>) => (await api.get('/search', params)).body as Page;
};

describe('prefix expansion of the last word', () => {
  // 80 different words starting with "pzq", the first ten far more widespread than the others.
  const words = Array.from({ length: 80 }, (_, i) => `pzq${String.fromCharCode(97 + (i % 26))}${i}word`);
  const articles = words.flatMap((word, i) =>
    Array.from({ length: i < 10 ? 5 : 1 }, () =>
      madeUpArticle(`Report ${i}`, `The note mentions ${word} twice: ${word}.`),
    ),
  );
  const searching = searchIn(articles);
  const search = async (params: Record<string, string>) => (await searching)(params);

  it(`expands to at most ${MAX_PREFIX_EXPANSION} archive words, the most widespread, and still finds results`, async () => {
    const page = await search({ q: 'pzq', limit: '50' });
    // The 10 words in 5 articles each, then the next most widespread: 40 of the 70 words found once.
    expect(page.total).toBe(10 * 5 + (MAX_PREFIX_EXPANSION - 10));
    expect(page.items.length).toBe(50);
  });

  it('expands a one- or two-letter last word to fewer words still', async () => {
    expect(prefixExpansionCap('p')).toBe(10);
    expect(prefixExpansionCap('pz')).toBe(25);
    expect((await search({ q: 'p' })).total).toBe(10 * 5);
    expect((await search({ q: 'pz' })).total).toBe(10 * 5 + 15);
  });

  it('finds a rare completion once the prefix is long enough to name it', async () => {
    expect((await search({ q: words[79]!.slice(0, 7) })).total).toBe(1);
  });
});

describe('snippets from huge paragraphs', () => {
  it('reads only a small window of the body, however long the paragraph', async () => {
    // A paragraph of about 5 MB (the most one may hold is 6,000,000 characters).
    const filler = 'The committee heard further evidence on the harbour works. '.repeat(45_000);
    const search = await searchIn([madeUpArticle('Harbour inquiry', `${filler}Then a walrus appeared. ${filler}`)]);
    const decoded: number[] = [];
    const toString = Buffer.prototype.toString;
    const spy = vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args) {
      const [, start = 0, end = this.length] = args as [string?, number?, number?];
      decoded.push(end - start);
      return toString.apply(this, args as never);
    });
    const page = await search({ q: 'walrus' });
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

describe('agency days', () => {
  it('falls back to Europe/Moscow, with a warning, for a zone that does not exist', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(agencyTimeZoneFromEnv({ AGENCY_TIME_ZONE: 'Mars/Olympus' })).toBe('Europe/Moscow');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Mars/Olympus'));
  });

  it('accepts only real calendar days', () => {
    expect(['2026-11-20', '2024-02-29'].map(isDayKey)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-11-31', '2026-1-1', ' 2026-11-20', ''].map(isDayKey)).toEqual(
      Array(6).fill(false),
    );
  });
});

describe('search text', () => {
  it('folds case and accents, including letters that do not decompose', () => {
    expect(['Zürich', 'SÃO', 'Plzeň', 'Škoda', 'Côte', 'café', 'Straße', 'Øresund', 'Łódź'].map(normalizeTerm)).toEqual(
      ['zurich', 'sao', 'plzen', 'skoda', 'cote', 'cafe', 'strasse', 'oresund', 'lodz'],
    );
  });
});

describe('snippets', () => {
  const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
  const body = `${words.join(' ')}.`;

  it('returns a short body whole', () => {
    expect(buildSnippet('A short body about a heron.', new Set(['heron']))).toBe('A short body about a heron.');
  });

  it('starts at the beginning when the match is near it, cut at a word boundary with an ellipsis', () => {
    const snippet = buildSnippet(body, new Set(['word3']));
    expect(snippet.startsWith('word0 ')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(body).toContain(snippet.slice(0, -1));
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1);
    expect(words).toContain(snippet.slice(0, -1).split(' ').pop());
  });

  it('centres on the first match further in, cutting both ends at word boundaries', () => {
    const snippet = buildSnippet(body, new Set(['word70', 'word90']));
    expect(snippet.startsWith('…word')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const inner = snippet.slice(1, -1).split(' ');
    expect(inner).toContain('word70');
    expect(inner.every((w) => words.includes(w))).toBe(true);
    expect(snippet.length).toBeGreaterThan(160);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
  });

  it('prefers to start at the sentence holding the match, and stays full length near the end', () => {
    const text = `${words.slice(0, 60).join(' ')}. The heron returned. ${words.slice(60).join(' ')}`;
    expect(buildSnippet(text, new Set(['heron'])).startsWith('…The heron returned.')).toBe(true);
    const end = buildSnippet(body, new Set(['word119']));
    expect(end.endsWith('word119.')).toBe(true);
    expect(end.length).toBeGreaterThan(160);
  });

  it('is plain text even when the body holds markup-like characters', () => {
    const snippet = buildSnippet(
      'Readers wrote <b>"bold"</b> & <script>x()</script> about the heron.',
      new Set(['heron']),
    );
    expect(snippet).toBe('Readers wrote <b>"bold"</b> & <script>x()</script> about the heron.');
  });
});
