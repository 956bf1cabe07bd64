// The search core on small made-up data sets: ranking, ties, time zones, snippets, and the index lifecycle.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDayKey } from '@/contract/day-key';
import type { Article } from '@/contract/news';
import { normalizeTerm } from '@/contract/words';
import { createMockApi } from '@/mock-api/api-core';
import type { MockData } from '@/mock-api/load-mock-data';
import { buildSnippet, SNIPPET_LENGTH } from '@/mock-api/search-snippet';
import { agencyTimeZoneFromEnv } from '@/mock-api/search-time';
import { sampleData } from '../helpers/fixtures';

const filler = 'Officials gave details of the plan at a briefing on the outskirts of the city';
function article(id: string, publishedAt: string, over: Partial<Article> = {}): Article {
  return {
    id,
    title: 'Officials describe the regional plan',
    lead: `${filler}.`,
    publishedAt,
    topics: ['world'],
    pages: [[`${filler} on Monday.`, `${filler} on Tuesday.`]],
    ...over,
  };
}
const dataWith = (articles: Article[]): MockData => ({ ...sampleData, articles });
function searchIds(data: MockData, params: Record<string, string>): string[] {
  const response = createMockApi(data)({ method: 'GET', path: '/search', query: new URLSearchParams(params) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { items: { id: string }[] }).items.map((i) => i.id);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('search ranking', () => {
  it('weights the title above the lead above the body, whatever the dates', () => {
    const data = dataWith([
      article('in-body', '2026-11-22T10:00:00+03:00', {
        pages: [[`${filler} on Monday.`, `Officials said an ostrich escaped.`]],
      }),
      article('in-lead', '2026-11-21T10:00:00+03:00', { lead: 'Officials said an ostrich escaped from the plan.' }),
      article('in-title', '2026-11-20T10:00:00+03:00', { title: 'Officials describe the ostrich plan' }),
    ]);
    expect(searchIds(data, { q: 'ostrich' })).toEqual(['in-title', 'in-lead', 'in-body']);
  });

  it('breaks relevance ties by date, newest first, whatever the data order', () => {
    const twins = [
      article('older', '2026-11-20T10:00:00+03:00', { title: 'Walrus seen in the harbour' }),
      article('newer', '2026-11-23T10:00:00+03:00', { title: 'Walrus seen in the harbour' }),
      article('middle', '2026-11-21T10:00:00+03:00', { title: 'Walrus seen in the harbour' }),
    ];
    expect(searchIds(dataWith(twins), { q: 'walrus' })).toEqual(['newer', 'middle', 'older']);
    expect(searchIds(dataWith([...twins].reverse()), { q: 'walrus' })).toEqual(['newer', 'middle', 'older']);
  });
});

describe('search date filters and the agency time zone', () => {
  // 23:30 and 00:30 Moscow time are the same UTC day (the 20th) but different Moscow days.
  const lateNight = article('late-night', '2026-11-20T23:30:00+03:00', { title: 'Heron count' });
  const afterMidnight = article('after-midnight', '2026-11-21T00:30:00+03:00', { title: 'Heron count' });
  const data = dataWith([lateNight, afterMidnight]);

  it('uses Europe/Moscow days by default', () => {
    vi.stubEnv('AGENCY_TIME_ZONE', '');
    vi.stubEnv('VITE_AGENCY_TIME_ZONE', '');
    expect(searchIds(data, { q: 'heron', from: '2026-11-21' })).toEqual(['after-midnight']);
    expect(searchIds(data, { q: 'heron', to: '2026-11-20' })).toEqual(['late-night']);
    expect(searchIds(data, { q: 'heron', from: '2026-11-20', to: '2026-11-21' })).toHaveLength(2);
  });

  it.each(['AGENCY_TIME_ZONE', 'VITE_AGENCY_TIME_ZONE'])('honours %s', (name) => {
    vi.stubEnv('AGENCY_TIME_ZONE', '');
    vi.stubEnv('VITE_AGENCY_TIME_ZONE', '');
    vi.stubEnv(name, 'UTC');
    expect(searchIds(data, { q: 'heron', from: '2026-11-21' })).toEqual([]);
    expect(searchIds(data, { q: 'heron', from: '2026-11-20', to: '2026-11-20' })).toEqual([
      'after-midnight',
      'late-night',
    ]);
  });

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
